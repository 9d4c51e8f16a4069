import { describe, expect, it } from 'vitest';
import { createI18n } from '.';
import type { Translation } from './translation';

/** A zh-CN source object's type, as `typeof zhCN` gives it. */
type Source = { title: string; nested: { label: string } };

// `npm run typecheck` checks this file too: each @ts-expect-error must meet a type error, so if
// the key types ever stopped rejecting unknown keys (or drifting language files), tsc would fail.
describe('i18n key types', () => {
  it('reject a key no namespace has, and an area key asked for without its namespace', () => {
    const t = createI18n('en').t;
    // @ts-expect-error no namespace has this key
    expect(t('nav.nowhere')).toBe('nav.nowhere');
    // @ts-expect-error `bulk.assign` is an inbox key, not a common one
    expect(t('bulk.assign')).toBe('bulk.assign');
    expect(t('inbox:bulk.assign')).toBe('Assign');
  });

  it('reject a translation that misses a key or adds one', () => {
    // @ts-expect-error `nested.label` is missing
    const missing: Translation<Source> = { title: 'Title', nested: {} };
    // @ts-expect-error `nested.extra` is not in the source
    const extra: Translation<Source> = { title: 'Title', nested: { label: 'Label', extra: 'Extra' } };
    const exact: Translation<Source> = { title: 'Title', nested: { label: 'Label' } };
    expect([missing, extra, exact]).toHaveLength(3);
  });
});
