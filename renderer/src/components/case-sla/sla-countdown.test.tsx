// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderScreen, unexpected } from '../../test/render-screen';
import { formatRemaining, liveState } from './countdown-logic';
import { noteServerNow } from './server-clock';
import { SlaCountdown } from './sla-countdown';

const start = Date.UTC(2026, 10, 24, 2, 0, 0);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(start);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  noteServerNow(Date.now());
});

describe('SlaCountdown', () => {
  it('ticks every second and turns to warning, then breached, on the server clock', () => {
    // The server is 10 minutes ahead of this computer; the countdown must follow the server.
    noteServerNow(start + 10 * 60_000, start);
    const serverNow = start + 10 * 60_000;
    const target = { state: 'running' as const, dueAt: serverNow + 10_000, remainingMs: 10_000, warnAt: [serverNow + 5_000] };
    renderScreen(<SlaCountdown target={target} />, (method) => unexpected(method));

    const badge = screen.getByTestId('sla-countdown');
    expect(badge.getAttribute('data-state')).toBe('running');
    expect(badge.textContent).toContain('0:00:10');

    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('sla-countdown').textContent).toContain('0:00:09');

    act(() => vi.advanceTimersByTime(4000));
    expect(screen.getByTestId('sla-countdown').getAttribute('data-state')).toBe('warning');
    expect(screen.getByTestId('sla-countdown').textContent).toContain('即将超时');

    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByTestId('sla-countdown').getAttribute('data-state')).toBe('breached');
    expect(screen.getByTestId('sla-countdown').textContent).toContain('已超时');

    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('sla-countdown').textContent).toContain('-0:00:03');
  });

  it('stands still while paused and shows the frozen remainder', () => {
    noteServerNow(start, start);
    renderScreen(<SlaCountdown target={{ state: 'paused', dueAt: null, remainingMs: 3_600_000 }} />, (method) => unexpected(method));
    act(() => vi.advanceTimersByTime(5000));
    const badge = screen.getByTestId('sla-countdown');
    expect(badge.getAttribute('data-state')).toBe('paused');
    expect(badge.textContent).toContain('1:00:00');
  });

  it('follows a server clock jump (fake clock advanced in e2e)', () => {
    noteServerNow(start, start);
    const target = { state: 'running' as const, dueAt: start + 2 * 3_600_000, remainingMs: 2 * 3_600_000 };
    renderScreen(<SlaCountdown target={target} />, (method) => unexpected(method));
    expect(screen.getByTestId('sla-countdown').textContent).toContain('2:00:00');
    act(() => noteServerNow(start + 2 * 3_600_000 + 60_000, start));
    expect(screen.getByTestId('sla-countdown').getAttribute('data-state')).toBe('breached');
  });
});

describe('countdown logic', () => {
  it('formats hours, minutes and seconds, signed when overdue', () => {
    expect(formatRemaining(3_725_000)).toBe('1:02:05');
    expect(formatRemaining(26 * 3_600_000)).toBe('26:00:00');
    expect(formatRemaining(-192_000)).toBe('-0:03:12');
  });

  it('keeps met and paused whatever the time', () => {
    expect(liveState({ state: 'met', dueAt: 0, remainingMs: 0 }, 10)).toBe('met');
    expect(liveState({ state: 'paused', dueAt: null, remainingMs: 5 }, 10)).toBe('paused');
  });
});
