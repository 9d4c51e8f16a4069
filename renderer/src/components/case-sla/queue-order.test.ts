import { describe, expect, it } from 'vitest';
import { sortByUrgency, type Urgent } from './countdown-logic';

const now = 1_000_000;

function item(name: string, next: Urgent['next'], openedAt = 0) {
  return { name, next, openedAt };
}

describe('sortByUrgency (my queue)', () => {
  it('puts breached first (longest overdue first), then warning and running by time left, then paused, then met', () => {
    const items = [
      item('met', { state: 'met', dueAt: now - 5000, remainingMs: 0 }),
      item('running-late', { state: 'running', dueAt: now + 90_000, remainingMs: 90_000 }),
      item('paused', { state: 'paused', dueAt: null, remainingMs: 1000 }),
      item('breached-recent', { state: 'breached', dueAt: now - 1000, remainingMs: -1000 }),
      item('warning', { state: 'warning', dueAt: now + 30_000, remainingMs: 30_000 }),
      item('no-target', null),
      item('breached-long', { state: 'breached', dueAt: now - 60_000, remainingMs: -60_000 }),
      item('running-soon', { state: 'running', dueAt: now + 50_000, remainingMs: 50_000 }),
    ];
    expect(sortByUrgency(items, now).map((entry) => entry.name)).toEqual([
      'breached-long',
      'breached-recent',
      'warning',
      'running-soon',
      'running-late',
      'paused',
      'met',
      'no-target',
    ]);
  });

  it('treats a running case whose deadline has passed as breached before the server says so', () => {
    const items = [
      item('warning', { state: 'warning', dueAt: now + 1000, remainingMs: 1000 }),
      item('overdue', { state: 'running', dueAt: now - 1, remainingMs: 1 }),
    ];
    expect(sortByUrgency(items, now).map((entry) => entry.name)).toEqual(['overdue', 'warning']);
  });

  it('breaks ties by age, oldest first', () => {
    const next = { state: 'running' as const, dueAt: now + 1000, remainingMs: 1000 };
    expect(sortByUrgency([item('young', next, 20), item('old', next, 10)], now).map((entry) => entry.name)).toEqual(['old', 'young']);
  });

  it('puts malicious first on equal deadlines, then the more severe, then the older', () => {
    const next = { state: 'running' as const, dueAt: now + 60_000, remainingMs: 60_000 };
    const items = [
      { name: 'quality-critical', next, openedAt: 1, category: 'quality' as const, severity: 'critical' as const },
      { name: 'logistics-medium-old', next, openedAt: 0, category: 'logistics' as const, severity: 'medium' as const },
      { name: 'malicious-high', next, openedAt: 9, category: 'malicious' as const, severity: 'high' as const },
      { name: 'logistics-medium', next, openedAt: 5, category: 'logistics' as const, severity: 'medium' as const },
    ];
    expect(sortByUrgency(items, now).map((entry) => entry.name)).toEqual(['malicious-high', 'quality-critical', 'logistics-medium-old', 'logistics-medium']);
  });
});
