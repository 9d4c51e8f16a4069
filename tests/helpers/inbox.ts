import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../electron/core/core';
import type { MethodInput, MethodOutput, SourceInput } from '../../shared/contract';
import type { PlatformId } from '../../shared/domain/platforms';
import type { startTestCore } from './test-core';

type Call = Awaited<ReturnType<typeof startTestCore>>['call'];
type StartExtras = Omit<MethodInput<'imports.start'>, 'source' | 'platform' | 'shopId' | 'mapping'>;

/** A shop to import into; returns its id. */
export async function createShop(call: Call, platform: PlatformId = 'taobao', name = '木棉生活小店'): Promise<number> {
  return (await call('shops.create', { platform, name })).id;
}

/**
 * Preview, start with the suggested mapping, and wait for the run to end; returns the run. A
 * `path` source is sent as the local user (the CLI) sends it, with `trusted`; other sources as
 * the window sends them.
 */
export async function importFile(core: Core, call: Call, source: SourceInput, platform: PlatformId, shopId: number, extra: StartExtras = {}) {
  const as = async <M extends 'imports.preview' | 'imports.start'>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    if (source.kind !== 'path') return call(method, input);
    const envelope = await core.call(method, input, { trusted: true });
    if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as MethodOutput<M>;
  };
  const preview = await as('imports.preview', { source, platform, ...(extra.options ? { options: extra.options } : {}) });
  const { importId } = await as('imports.start', { source, platform, shopId, mapping: preview.suggestedMapping, ...extra });
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
