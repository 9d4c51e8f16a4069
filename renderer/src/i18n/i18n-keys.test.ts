import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

/** Every leaf key of a nested resource object, as dotted paths. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

describe('i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(zhCN).sort());
  });

  it('has no empty strings', () => {
    for (const resource of [zhCN, en]) {
      for (const key of leafKeys(resource)) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource);
        expect(text, key).toMatch(/\S/);
      }
    }
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(zhCN)) {
      const get = (resource: unknown) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource) as string;
      expect(placeholders(get(en)), key).toEqual(placeholders(get(zhCN)));
    }
  });

  it('defines every literal key the components ask for', () => {
    // Vite inlines the sources, so this runs without touching the file system API.
    const sources = import.meta.glob(['../**/*.tsx', '../**/*.ts', '!../**/*.test.*'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const known = new Set(leafKeys(zhCN));
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        if (!known.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
