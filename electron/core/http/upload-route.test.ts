import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import { encodeText, csvText } from '../../../tests/helpers/review-files';
import { startHttpAdapter } from './server';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(maxUploadBytes?: number) {
  const root = tempDir();
  const staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  const test = await startTestCore(join(root, 'data'));
  const adapter = await startHttpAdapter({ core: () => test.core, staticDir, token: 't', maxUploadBytes });
  cleanups.push(async () => {
    await adapter.close();
    await test.core.close();
  });
  return { ...test, adapter, staging: join(root, 'data', 'staging') };
}

const upload = (url: string, body: Buffer, token = 't') =>
  fetch(`${url}/upload?name=${encodeURIComponent('评价 导出.csv')}`, { method: 'POST', headers: { 'x-reviewdesk-token': token }, body });

describe('POST /upload', () => {
  it('stages the bytes for an import that keeps the file name and removes them when it finishes', async () => {
    const { adapter, call, core, staging } = await start();
    const { id: shopId } = await call('shops.create', { platform: 'taobao', name: '木棉生活小店' });
    const bytes = encodeText(csvText([['订单编号', '评价内容', '评价时间', '评价结果'], ['U1', '差评', '2026-11-24 08:00', '差评']]), 'gb18030');
    const response = await upload(adapter.url, bytes);
    expect(response.status).toBe(200);
    const { ok, value } = (await response.json()) as { ok: boolean; value: { id: string } };
    expect(ok).toBe(true);
    const source = { kind: 'staged' as const, id: value.id };
    const preview = await call('imports.preview', { source, platform: 'taobao' });
    expect(preview).toMatchObject({ fileName: '评价 导出.csv', encoding: { detected: 'gb18030' } });
    const { importId } = await call('imports.start', { source, platform: 'taobao', shopId, mapping: preview.suggestedMapping });
    expect((await core.services!.imports.waitFor(importId)).counts.inserted).toBe(1);
    expect(readdirSync(staging)).toEqual([]);
    const gone = await core.call('imports.preview', { source, platform: 'taobao' });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
  });

  it('refuses a missing token and a body over the limit, keeping nothing', async () => {
    const { adapter, staging } = await start(1024);
    expect((await upload(adapter.url, Buffer.from('a,b\n1,2\n'), 'wrong')).status).toBe(401);
    expect((await upload(adapter.url, Buffer.alloc(4096, 0x61))).status).toBe(413);
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
    expect((await fetch(`${adapter.url}/upload`, { headers: { 'x-reviewdesk-token': 't' } })).status).toBe(405);
  });
});
