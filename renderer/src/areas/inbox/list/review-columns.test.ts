import { describe, expect, it } from 'vitest';
import { gridTemplate, visibleColumns } from './review-columns';

describe('review list columns', () => {
  it('keeps every column at a wide list and drops buyer, time and shop, in that order, as it narrows', () => {
    expect(visibleColumns(1150, 'zh-CN')).toContain('buyer');
    // The list at 1024×768 is about 726 px wide: no column may be cut off there.
    const narrow = visibleColumns(726, 'zh-CN');
    expect(narrow).not.toContain('buyer');
    expect(narrow).not.toContain('posted');
    expect(narrow).toEqual(expect.arrayContaining(['level', 'text', 'category', 'flags', 'due']));
    expect(visibleColumns(0, 'en')).toEqual(['level', 'text']);
    // Beside the detail pane at 1024 px the list is about 375 px wide.
    expect(visibleColumns(375, 'zh-CN')).toEqual(['level', 'text', 'due']);
  });

  it('shows the due time in every set and gives English its wider tracks', () => {
    for (const width of [400, 700, 900, 1100, 1400]) expect(visibleColumns(width, 'en')).toContain('due');
    expect(gridTemplate(['level', 'due'], 'zh-CN')).toBe('28px 52px 104px');
    expect(gridTemplate(['level', 'due'], 'en')).toBe('28px 72px 108px');
  });
});
