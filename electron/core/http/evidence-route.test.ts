import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleFile } from '../../../tests/helpers/evidence-files';
import { accepted } from '../../../tests/helpers/evidence-setup';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import { evidenceHashFromUrl, evidenceResponse } from '../services/evidence/evidence-response';
import { parseByteRange, vaultObjectPath } from '../services/evidence/vault-paths';
import { startHttpAdapter, type HttpAdapter } from './server';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start() {
  const root = tempDir();
  const staticDir = join(root, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ReviewDesk</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the vault');
  const dataDir = join(root, 'data');
  const { callTrusted, core, call } = await startTestCore(dataDir);
  const adapter = await startHttpAdapter({ core: () => core, staticDir, token: 'test-token' });
  cleanups.push(async () => {
    await adapter.close();
    await core.close();
  });
  const add = async (name: string, bytes: Buffer) => {
    const path = join(root, name);
    writeFileSync(path, bytes);
    return accepted((await callTrusted('evidence.add', { paths: [path] })).items[0]).evidence;
  };
  return { root, dataDir, core, call, adapter, add };
}

/** Raw GET so the path reaches the server exactly as written (fetch would normalise `../`). */
function rawGet(adapter: HttpAdapter, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: adapter.port, path, headers: { host: `127.0.0.1:${adapter.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const token = 'token=test-token';

describe('GET /evidence/<sha256>', () => {
  it('serves a live object by hash with its stored type, nosniff and a sandbox policy', async () => {
    const { adapter, add } = await start();
    const bytes = sampleFile('png', 4000);
    const evidence = await add('photo.png', bytes);
    const response = await rawGet(adapter, `/evidence/${evidence.sha256}?${token}`);
    expect(response.status).toBe(200);
    expect(response.body.equals(bytes)).toBe(true);
    expect(response.headers).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(bytes.length),
      'x-content-type-options': 'nosniff',
      'accept-ranges': 'bytes',
      etag: `"${evidence.sha256}"`,
    });
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect((await rawGet(adapter, `/evidence/${evidence.sha256}`)).status).toBe(401);
    expect((await rawGet(adapter, `/evidence/${evidence.sha256}?token=guess`)).status).toBe(401);
  });

  it('answers Range requests so audio and video can seek', async () => {
    const { adapter, add } = await start();
    const bytes = sampleFile('mp4', 100_000);
    const { sha256 } = await add('clip.mp4', bytes);
    const path = `/evidence/${sha256}?${token}`;
    const middle = await rawGet(adapter, path, { range: 'bytes=1000-1999' });
    expect(middle.status).toBe(206);
    expect(middle.headers['content-range']).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(middle.headers['content-type']).toBe('video/mp4');
    expect(middle.body.equals(bytes.subarray(1000, 2000))).toBe(true);
    const open = await rawGet(adapter, path, { range: 'bytes=99000-' });
    expect(open.body.equals(bytes.subarray(99000))).toBe(true);
    const suffix = await rawGet(adapter, path, { range: 'bytes=-500' });
    expect(suffix.body.equals(bytes.subarray(bytes.length - 500))).toBe(true);
    const beyond = await rawGet(adapter, path, { range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${bytes.length}`);
  });

  it('refuses every path that is not a live vault object, and never leaks a byte from outside', async () => {
    const { root, dataDir, adapter, add, call } = await start();
    const live = await add('live.txt', Buffer.from('聊天记录 live'));
    const trashed = await add('trashed.txt', Buffer.from('聊天记录 trashed'));
    await call('evidence.trash', { id: trashed.id });
    const unknown = 'e'.repeat(64);
    const paths = [
      '/evidence/../reviewdesk.sqlite',
      '/evidence/../../secret.txt',
      `/evidence/%2e%2e%2freviewdesk.sqlite`,
      `/evidence/%2e%2e%2f%2e%2e%2fsecret.txt`,
      `/evidence/..%2f..%2fsecret.txt`,
      `/evidence/${live.sha256}/../../secret.txt`,
      `/evidence/${live.sha256}%2f..%2f..%2fsecret.txt`,
      `/evidence//etc/passwd`,
      `/evidence/%2fetc%2fpasswd`,
      `/evidence/${encodeURIComponent(join(root, 'secret.txt'))}`,
      `/evidence/${live.sha256.slice(0, 2)}/${live.sha256.slice(2)}`,
      `/evidence/${live.sha256.toUpperCase()}`,
      `/evidence/${live.sha256}x`,
      `/evidence/${live.sha256.slice(0, 63)}`,
      `/evidence/${live.sha256}%00`,
      `/evidence/objects`,
      `/evidence/`,
      `/evidence/${unknown}`,
      `/evidence/${trashed.sha256}`,
    ];
    for (const path of paths) {
      const response = await rawGet(adapter, `${path}${path.includes('?') ? '&' : '?'}${token}`);
      expect(response.status, path).toBe(404);
      expect(response.body.toString(), path).not.toMatch(/outside the vault|SQLite format|聊天记录|root:/);
    }
    // A file planted in the vault under an unknown hash is not served either.
    const planted = vaultObjectPath(dataDir, unknown);
    mkdirSync(dirname(planted), { recursive: true });
    writeFileSync(planted, 'planted');
    expect((await rawGet(adapter, `/evidence/${unknown}?${token}`)).status).toBe(404);
    expect((await rawGet(adapter, `/evidence/${live.sha256}?${token}`)).status).toBe(200);
  });

  it('refuses a known object that was replaced by a symlink, or whose shard folder points outside', async () => {
    const { root, dataDir, adapter, add } = await start();
    const first = await add('a.txt', Buffer.from('first evidence'));
    const second = await add('b.txt', Buffer.from('second evidence'));
    const firstPath = vaultObjectPath(dataDir, first.sha256);
    rmSync(firstPath);
    symlinkSync(join(root, 'secret.txt'), firstPath);
    const response = await rawGet(adapter, `/evidence/${first.sha256}?${token}`);
    expect(response.status).toBe(404);
    expect(response.body.toString()).not.toContain('outside the vault');

    const shard = dirname(vaultObjectPath(dataDir, second.sha256));
    const elsewhere = join(root, 'elsewhere');
    renameSync(shard, elsewhere);
    symlinkSync(elsewhere, shard);
    expect(readFileSync(vaultObjectPath(dataDir, second.sha256), 'utf8')).toBe('second evidence');
    expect((await rawGet(adapter, `/evidence/${second.sha256}?${token}`)).status).toBe(404);
  });
});

describe('evidence:// protocol guard', () => {
  const hash = 'a'.repeat(64);

  it('takes a hash only from evidence://vault/<sha256>', () => {
    expect(evidenceHashFromUrl(`evidence://vault/${hash}`)).toBe(hash);
    for (const url of [
      `evidence://vault/../${hash}`,
      `evidence://vault/${hash}/../../reviewdesk.sqlite`,
      'evidence://vault/../reviewdesk.sqlite',
      'evidence://vault/%2e%2e%2freviewdesk.sqlite',
      'evidence://vault/..%2f..%2fetc%2fpasswd',
      'evidence://vault//etc/passwd',
      'evidence:///etc/passwd',
      'evidence://vault/%2fetc%2fpasswd',
      `evidence://other/${hash}`,
      `evidence://vault/${hash.toUpperCase()}`,
      `evidence://vault/${hash}?x=1`,
      `evidence://vault/aa/${hash.slice(2)}`,
      `file:///${hash}`,
      'not a url',
    ]) {
      const parsed = evidenceHashFromUrl(url);
      // Standard-scheme parsing resolves `../` before we see it: what is left must be just the hash.
      if (parsed !== null) expect(url, url).toMatch(new RegExp(`^evidence://vault/(\\.\\./)?${hash}$`));
      else expect(parsed, url).toBeNull();
    }
  });

  it('serves through the same guard as the HTTP route', async () => {
    const { root, dataDir, add } = await start();
    const bytes = Buffer.from('通话录音转写');
    const evidence = await add('call.txt', bytes);
    const lookup = async (sha: string) => (sha === evidence.sha256 ? { mime: 'text/plain; charset=utf-8' } : null);
    const serve = (url: string, range?: string) => evidenceResponse({ sha256: evidenceHashFromUrl(url), method: 'GET', range }, { dataDir, lookup });

    const ok = await serve(`evidence://vault/${evidence.sha256}`);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(bytes)).toBe(true);
    const ranged = await serve(`evidence://vault/${evidence.sha256}`, 'bytes=0-2');
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).equals(bytes.subarray(0, 3))).toBe(true);
    for (const url of ['evidence://vault/%2e%2e%2freviewdesk.sqlite', `evidence://vault/${encodeURIComponent(join(root, 'secret.txt'))}`, `evidence://vault/${'b'.repeat(64)}`]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    rmSync(vaultObjectPath(dataDir, evidence.sha256));
    symlinkSync(join(root, 'secret.txt'), vaultObjectPath(dataDir, evidence.sha256));
    expect((await serve(`evidence://vault/${evidence.sha256}`)).status).toBe(404);
    expect((await evidenceResponse({ sha256: evidence.sha256, method: 'POST' }, { dataDir, lookup })).status).toBe(405);
  });
});

describe('parseByteRange', () => {
  it('reads single ranges and ignores forms it does not serve', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=5-4', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseByteRange('items=0-1', 1000)).toBeNull();
    expect(parseByteRange(undefined, 1000)).toBeNull();
  });
});
