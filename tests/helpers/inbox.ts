import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';

type Call = (method: string, input?: unknown) => Promise<any>;

/** A shop to import into; returns its id. */
export async function createShop(call: Call, platform = 'taobao', name = '木棉生活小店'): Promise<number> {
  return (await call('shops.create', { platform, name })).id;
}

/** Preview, start with the suggested mapping, and wait for the run to end; returns the run. */
export async function importFile(core: Core, call: Call, source: unknown, platform: string, shopId: number, extra: Record<string, unknown> = {}) {
  const preview = await call('imports.preview', { source, platform, ...(extra.options ? { options: extra.options } : {}) });
  const { importId } = await call('imports.start', { source, platform, shopId, mapping: preview.suggestedMapping, ...extra });
  const run = await core.services!.imports.waitFor(importId);
  return { preview, run, importId };
}

export function writeFixture(dir: string, name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function countRows(core: Core, table: string): number {
  return (core.services!.deps.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
