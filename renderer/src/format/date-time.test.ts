import { describe, expect, it } from 'vitest';
import { epochToZonedInput, formatBytes, formatDateTime, zonedInputToEpoch } from './date-time';

describe('formatDateTime', () => {
  it('shows UTC instants in the shop time zone', () => {
    // 2026-01-01T16:30Z is already 00:30 on Jan 2 in Shanghai.
    const shown = formatDateTime(Date.UTC(2026, 0, 1, 16, 30), 'Asia/Shanghai', 'en');
    expect(shown).toContain('00:30');
    expect(shown).toContain('02');
  });

  it('writes four-digit years, year first, in both languages', () => {
    const at = Date.UTC(2026, 10, 23, 22, 2);
    expect(formatDateTime(at, 'Asia/Shanghai', 'zh-CN')).toBe('2026-11-24 06:02');
    expect(formatDateTime(at, 'Asia/Shanghai', 'en')).toBe('2026-11-24 06:02');
    // Midnight is 00, not 24 (hourCycle h23), and January pads to 01.
    expect(formatDateTime(Date.UTC(2025, 11, 31, 16, 0), 'Asia/Shanghai', 'en')).toBe('2026-01-01 00:00');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});

describe('zoned input conversion', () => {
  it('reads date and datetime-local values as Asia/Shanghai wall-clock time', () => {
    expect(zonedInputToEpoch('2026-11-24', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 23, 16, 0));
    expect(zonedInputToEpoch('2026-11-24T09:30', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 24, 1, 30));
    expect(zonedInputToEpoch('24/11/2026', 'Asia/Shanghai')).toBeNull();
  });

  it('round-trips through the datetime-local format', () => {
    const at = Date.UTC(2026, 0, 1, 23, 5);
    expect(epochToZonedInput(at, 'Asia/Shanghai')).toBe('2026-01-02T07:05');
    expect(zonedInputToEpoch(epochToZonedInput(at, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(at);
  });
});
