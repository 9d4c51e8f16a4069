import { describe, expect, it } from 'vitest';
import { dueSpan } from './due-time';

const minute = 60_000;

describe('dueSpan', () => {
  it('gives the two largest units, and the tone of the deadline', () => {
    expect(dueSpan(0 + (26 * 60 + 5) * minute, 0)).toMatchObject({ overdue: false, unit: 'days', days: 1, hours: 2, tone: 'later' });
    expect(dueSpan(95 * minute, 0)).toMatchObject({ unit: 'hours', hours: 1, minutes: 35, tone: 'soon' });
    expect(dueSpan(30 * 1000, 0)).toMatchObject({ unit: 'minutes', minutes: 0, tone: 'soon' });
  });

  it('counts past deadlines as overdue, at least one minute', () => {
    expect(dueSpan(0, 10 * 1000)).toMatchObject({ overdue: true, unit: 'minutes', minutes: 1, tone: 'overdue' });
    expect(dueSpan(0, 3 * 24 * 60 * minute)).toMatchObject({ overdue: true, unit: 'days', days: 3, hours: 0 });
  });
});
