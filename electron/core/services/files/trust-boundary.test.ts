import { mkdirSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VouchOutcome } from '../../../../shared/contract/files';
import { sampleFile } from '../../../../tests/helpers/evidence-files';
import { countRows, createShop } from '../../../../tests/helpers/inbox';
import { csvText } from '../../../../tests/helpers/review-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import { vaultObjectsDir } from '../evidence/vault-paths';
import { vouchedLifetimeMs } from './vouched-paths';

// Calls as the window makes them (core.call with no trusted flag, as the IPC router and the HTTP
// adapter do): raw paths are refused, tokens from Core.vouch are honoured.

const tempDir = useTempDirs();

const exportCsv = csvText([
  ['订单编号', '评价内容', '评价时间', '评价结果'],
  ['T1', '物流太慢', '2026-11-24 08:00', '差评'],
]);

function tokenOf(outcome: VouchOutcome | undefined): string {
  if (!outcome?.ok) throw new Error(`expected a token, got ${JSON.stringify(outcome)}`);
  return outcome.token;
}

async function setup() {
  const root = tempDir();
  const outside = join(root, 'outside');
  mkdirSync(outside);
  const secret = join(outside, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  const table = join(outside, '评价导出.csv');
  writeFileSync(table, exportCsv);
  const picture = join(outside, '聊天截图.png');
  writeFileSync(picture, sampleFile('png'));
  const folder = join(outside, 'exports');
  mkdirSync(folder);
  const started = await startTestCore(join(root, 'data'), { watchTimers: { set: () => 0, clear: () => {} } });
  const shopId = await createShop(started.call);
  const objects = vaultObjectsDir(started.core.dataDir);
  const vaultObjects = () => (existsSync(objects) ? readdirSync(objects).flatMap((shard) => readdirSync(join(objects, shard))) : []);
  return { ...started, secret, table, picture, folder, shopId, vaultObjects };
}

describe('the file-path trust boundary (calls from the window)', () => {
  it('refuses raw paths in evidence.add, imports.preview, imports.start and watch.set, audits it and reads nothing', async () => {
    const { core, call, secret, table, folder, shopId, vaultObjects } = await setup();
    const attempts = [
      ['evidence.add', { paths: [secret] }],
      ['evidence.add', { sources: [{ kind: 'path', path: secret }] }],
      ['imports.preview', { source: { kind: 'path', path: table }, platform: 'taobao' }],
      ['imports.start', { source: { kind: 'path', path: table }, platform: 'taobao', shopId, mapping: { orderNo: 0, text: 1, postedAt: 2, level: 3 } }],
      ['watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId }],
    ] as const;
    for (const [method, input] of attempts) {
      const envelope = await core.call(method, input);
      expect(envelope, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'raw_path' } } });
      expect(!envelope.ok && envelope.error.message).toMatch(/does not open paths sent by the window or a browser/);
    }
    // A bare string is not even a folder input any more.
    expect(await core.call('watch.set', { folder, platform: 'taobao', shopId })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(vaultObjects()).toEqual([]);
    expect(countRows(core, 'import_runs')).toBe(0);
    expect(await call('watch.get')).toMatchObject({ folder: null });
    const refusals = (await call('audit.list', {})).items.filter((entry) => entry.action === 'access.refused');
    expect(refusals.map((entry) => entry.entityId).sort()).toEqual(['evidence.add', 'evidence.add', 'imports.preview', 'imports.start', 'watch.set']);
    expect(refusals[0]).toMatchObject({ entity: 'method', after: { reason: 'raw_path' } });
    await core.close();
  });

  it('adds evidence by token, reports it by the token, and spends the token', async () => {
    const { core, call, picture, vaultObjects } = await setup();
    const token = tokenOf(core.vouch('file', [picture])[0]);
    const { items } = await call('evidence.add', { sources: [{ kind: 'vouched', token }] });
    expect(items).toMatchObject([{ ok: true, path: token, duplicate: false, evidence: { originalName: '聊天截图.png', detectedType: 'png' } }]);
    expect(vaultObjects()).toHaveLength(1);
    // Spent: the same token again is that file's own refusal, the others in the call still go in.
    const other = tokenOf(core.vouch('file', [picture])[0]);
    const again = await call('evidence.add', { sources: [{ kind: 'vouched', token }, { kind: 'vouched', token: other }] });
    expect(again.items).toMatchObject([
      { ok: false, path: token, error: { code: 'NOT_FOUND', details: { reason: 'token_expired' } } },
      { ok: true, path: other, duplicate: true },
    ]);
    await core.close();
  });

  it('previews and imports by token; the import spends it', async () => {
    const { core, call, table, shopId } = await setup();
    const source = { kind: 'vouched', token: tokenOf(core.vouch('file', [table])[0]) } as const;
    const preview = await call('imports.preview', { source, platform: 'taobao' });
    expect(preview).toMatchObject({ fileName: '评价导出.csv', missingFields: [] });
    // Changing an option previews again with the same token.
    expect((await call('imports.preview', { source, platform: 'taobao', options: { delimiter: ',' } })).fileName).toBe('评价导出.csv');
    const { importId } = await call('imports.start', { source, platform: 'taobao', shopId, mapping: preview.suggestedMapping });
    expect((await core.services!.imports.waitFor(importId)).counts).toMatchObject({ inserted: 1 });
    expect(await core.call('imports.preview', { source, platform: 'taobao' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'token_expired' } } });
    await core.close();
  });

  it('sets the watched folder by a folder token only; unchanged keeps it while the shop changes', async () => {
    const { core, call, table, folder, shopId } = await setup();
    const fileToken = tokenOf(core.vouch('file', [table])[0]);
    expect(await core.call('watch.set', { folder: { kind: 'vouched', token: fileToken }, platform: 'taobao', shopId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'token_wrong_kind' } },
    });
    expect(await core.call('watch.set', { folder: { kind: 'unchanged' }, platform: 'taobao', shopId })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: 'folder' }] } },
    });
    const folderToken = tokenOf(core.vouch('folder', [folder])[0]);
    // A folder token opens no file either.
    expect(await core.call('imports.preview', { source: { kind: 'vouched', token: folderToken }, platform: 'taobao' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'token_wrong_kind' } },
    });
    expect(await call('watch.set', { folder: { kind: 'vouched', token: folderToken }, platform: 'taobao', shopId })).toMatchObject({ folder, shopId });
    const otherShop = await createShop(call, 'tmall', '天猫旗舰店');
    expect(await call('watch.set', { folder: { kind: 'unchanged' }, platform: 'tmall', shopId: otherShop })).toMatchObject({ folder, shopId: otherShop });
    expect(await call('watch.set', { folder: null, platform: null, shopId: null })).toMatchObject({ folder: null });
    expect(await core.call('watch.set', { folder: { kind: 'vouched', token: folderToken }, platform: 'taobao', shopId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', details: { reason: 'token_expired' } },
    });
    await core.close();
  });

  it('expires tokens an hour after the pick and refuses guessed ones', async () => {
    const { core, clock, table } = await setup();
    const token = tokenOf(core.vouch('file', [table])[0]);
    clock.advance(vouchedLifetimeMs);
    for (const guess of [token, 'A'.repeat(32), `${token.slice(0, 31)}${token.endsWith('x') ? 'y' : 'x'}`]) {
      const envelope = await core.call('imports.preview', { source: { kind: 'vouched', token: guess }, platform: 'taobao' });
      expect(envelope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await core.call('imports.preview', { source: { kind: 'vouched', token: '../../etc/passwd' }, platform: 'taobao' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    await core.close();
  });

  it('still takes raw paths from the local user (the CLI’s trusted meta)', async () => {
    const { core, callTrusted, picture, folder, shopId } = await setup();
    expect((await callTrusted('evidence.add', { paths: [picture] })).items).toMatchObject([{ ok: true, path: picture }]);
    expect(await callTrusted('watch.set', { folder: { kind: 'path', path: folder }, platform: 'taobao', shopId })).toMatchObject({ folder });
    await core.close();
  });
});
