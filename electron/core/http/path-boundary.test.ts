import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleFile } from '../../../tests/helpers/evidence-files';
import { createShop } from '../../../tests/helpers/inbox';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import { startHttpAdapter } from './server';

// The browser harness as an attacker uses it: a page with the access token that names local files.

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const token = 'path-test-token';

async function start() {
  const root = tempDir();
  const staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  const test = await startTestCore(join(root, 'data'), { watchTimers: { set: () => 0, clear: () => {} } });
  const adapter = await startHttpAdapter({ core: () => test.core, staticDir, token });
  cleanups.push(async () => {
    await adapter.close();
    await test.core.close();
  });
  const api = async (method: string, input: unknown) => {
    const response = await fetch(`${adapter.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-reviewdesk-token': token },
      body: JSON.stringify(input),
    });
    return { status: response.status, body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; details?: { reason?: string } } } };
  };
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash\n');
  return { ...test, adapter, api, root, secret };
}

describe('paths over HTTP', () => {
  it('refuses evidence.add, imports.preview and watch.set with a raw path, and GET /evidence never serves the file', async () => {
    const { adapter, api, call, secret, root } = await start();
    const shopId = await createShop(call);
    const targets = [secret, '/etc/passwd'];
    for (const [method, input] of [
      ['evidence.add', { paths: targets }],
      ['evidence.add', { sources: targets.map((path) => ({ kind: 'path', path })) }],
      ['imports.preview', { source: { kind: 'path', path: secret }, platform: 'taobao' }],
      ['imports.start', { source: { kind: 'path', path: secret }, platform: 'taobao', shopId, mapping: { text: 0 } }],
      ['watch.set', { folder: { kind: 'path', path: root }, platform: 'taobao', shopId }],
    ] as const) {
      const { status, body } = await api(method, input);
      expect({ method, status, code: body.error?.code, reason: body.error?.details?.reason }).toEqual({ method, status: 403, code: 'FORBIDDEN', reason: 'raw_path' });
    }
    for (const path of [secret, '/etc/passwd']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path);
      } catch {
        continue;
      }
      const sha = createHash('sha256').update(bytes).digest('hex');
      const served = await fetch(`${adapter.url}/evidence/${sha}?token=${token}`);
      expect(served.status).toBe(404);
      expect(await served.text()).not.toContain('root:x:0:0');
    }
    expect((await call('evidence.list', {})).items).toEqual([]);
  });

  it('takes evidence uploaded through POST /upload, as the harness does', async () => {
    const { adapter, api } = await start();
    const upload = await fetch(`${adapter.url}/upload?name=${encodeURIComponent('聊天截图.png')}`, {
      method: 'POST',
      headers: { 'x-reviewdesk-token': token },
      body: sampleFile('png'),
    });
    const { value } = (await upload.json()) as { value: { id: string } };
    const { status, body } = await api('evidence.add', { sources: [{ kind: 'staged', id: value.id }] });
    expect(status).toBe(200);
    expect(body.value).toMatchObject({ items: [{ ok: true, evidence: { originalName: '聊天截图.png' } }] });
  });
});
