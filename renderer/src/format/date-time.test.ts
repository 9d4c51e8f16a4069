import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime } from './date-time';

describe('formatDateTime', () => {
  it('shows UTC instants in the shop time zone', () => {
    // 2026-01-01T16:30Z is already 00:30 on Jan 2 in Shanghai.
    const shown = formatDateTime(Date.UTC(2026, 0, 1, 16, 30), 'Asia/Shanghai', 'en');
    expect(shown).toContain('00:30');
    expect(shown).toContain('02');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });
});
