import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../tests/helpers/test-core';
import { startHttpAdapter, type HttpAdapter } from './server';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start() {
  const root = tempDir();
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ReviewDesk</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(root, 'secret.txt'), join(staticDir, 'link.txt'));
  const { core } = await startTestCore(join(root, 'data'));
  const adapter = await startHttpAdapter({ core: () => core, staticDir, token: 'test-token' });
  cleanups.push(async () => {
    await adapter.close();
    await core.close();
  });
  return { adapter, core };
}

function api(adapter: HttpAdapter, method: string, body: unknown, headers: Record<string, string> = { 'x-reviewdesk-token': 'test-token' }) {
  return fetch(`${adapter.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Raw GET so the path reaches the server exactly as written (fetch would normalise `../`). */
function rawGet(adapter: HttpAdapter, path: string, host = `127.0.0.1:${adapter.port}`) {
  return rawRequest(adapter, 'GET', path, { host });
}

function rawRequest(adapter: HttpAdapter, method: string, path: string, headers: Record<string, string> = {}, body = '') {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: adapter.port, method, path, headers: { host: `127.0.0.1:${adapter.port}`, ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTP adapter', () => {
  it('binds 127.0.0.1 on a random port', async () => {
    const { adapter } = await start();
    expect(adapter.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(adapter.port).toBeGreaterThan(0);
  });

  it('returns 401 without the token, or with a wrong one', async () => {
    const { adapter } = await start();
    expect((await api(adapter, 'app.status', {}, {})).status).toBe(401);
    expect((await api(adapter, 'app.status', {}, { 'x-reviewdesk-token': 'guess' })).status).toBe(401);
    expect((await fetch(`${adapter.url}/events`)).status).toBe(401);
  });

  it('answers an unknown method with the VALIDATION envelope', async () => {
    const { adapter } = await start();
    const response = await api(adapter, 'shops.dropAll', {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers wrong-typed input and malformed JSON with the VALIDATION envelope', async () => {
    const { adapter } = await start();
    const wrongType: any = await (await api(adapter, 'staff.create', { name: ['x'], role: 1 })).json();
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(wrongType.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'role']);
    const malformed = await (await api(adapter, 'staff.create', '{"name":')).json();
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('carries a successful call end to end', async () => {
    const { adapter } = await start();
    const created = await (await api(adapter, 'staff.create', { name: '赵雪', role: 'agent' })).json();
    expect(created).toMatchObject({ ok: true, value: { name: '赵雪', role: 'agent' } });
    const listed: any = await (await api(adapter, 'staff.list', {})).json();
    expect(listed.value.items).toHaveLength(1);
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const { adapter } = await start();
    expect((await rawGet(adapter, '/', 'evil.example:80')).status).toBe(403);
  });

  it('serves the renderer and nothing outside it', async () => {
    const { adapter } = await start();
    expect((await rawGet(adapter, '/')).body).toContain('ReviewDesk');
    expect((await rawGet(adapter, '/assets/app.js')).status).toBe(200);
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e%2fsecret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '//etc/passwd', '/%2fetc%2fpasswd', '/link.txt', '/%00index.html']) {
      const response = await rawGet(adapter, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('outside the renderer');
    }
  });

  it('answers a broken percent-encoding in the method name with 400 and a reason, not a 500 and a stack', async () => {
    const { adapter } = await start();
    const logged = vi.spyOn(console, 'error');
    try {
      for (const path of ['/api/%E0%A4%A', '/api/%', '/api/staff.%ZZlist', '/api/%C0%AF']) {
        const response = await rawRequest(adapter, 'POST', path, { 'x-reviewdesk-token': 'test-token', 'content-type': 'application/json' }, '{}');
        expect(response.status, path).toBe(400);
        const envelope = JSON.parse(response.body);
        expect(envelope, path).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/percent-encoding/) } });
        expect(envelope.error.message, path).not.toMatch(/\n\s+at /);
      }
      // Without the token the name is never looked at.
      expect((await rawRequest(adapter, 'POST', '/api/%E0%A4%A', {}, '{}')).status).toBe(401);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a request target that is no URL with 400, not a 500', async () => {
    const { adapter } = await start();
    const logged = vi.spyOn(console, 'error');
    try {
      for (const path of ['//[', '//x:99999/', '//[::1/api/app.status']) {
        const response = await rawRequest(adapter, 'POST', path, { 'x-reviewdesk-token': 'test-token' });
        expect(response.status, path).toBe(400);
        expect(JSON.parse(response.body), path).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/not a valid URL/) } });
      }
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('answers malformed JSON on the clock test route with 400', async () => {
    const root = tempDir();
    const { core } = await startTestCore(join(root, 'data'));
    const clock = vi.fn(() => 0);
    const adapter = await startHttpAdapter({ core: () => core, staticDir: root, token: 'test-token', testRoutes: { clock, reset: async () => {}, platformRecords: () => [] } });
    cleanups.push(async () => {
      await adapter.close();
      await core.close();
    });
    const response = await rawRequest(adapter, 'POST', '/__test/clock', { 'x-reviewdesk-token': 'test-token' }, '{"at":');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(clock).not.toHaveBeenCalled();
  });

  it('still answers a fault of its own with 500 and logs it', async () => {
    const root = tempDir();
    const faulty = { dataDir: root, events: { subscribe: () => () => undefined }, call: () => Promise.reject(new Error('the core broke')) };
    const adapter = await startHttpAdapter({ core: () => faulty as never, staticDir: root, token: 'test-token' });
    cleanups.push(() => adapter.close());
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await rawRequest(adapter, 'POST', '/api/app.status', { 'x-reviewdesk-token': 'test-token' }, '{}');
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(response.body).not.toContain('the core broke');
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
    }
  });

  it('answers an oversized body with 413 rather than a dropped connection', async () => {
    const root = tempDir();
    const { core } = await startTestCore(join(root, 'data'));
    const adapter = await startHttpAdapter({ core: () => core, staticDir: root, token: 'test-token', maxBodyBytes: 100 });
    cleanups.push(async () => {
      await adapter.close();
      await core.close();
    });
    const response = await api(adapter, 'staff.create', { name: 'x'.repeat(5000), role: 'agent' });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('has no test routes unless started with them', async () => {
    const { adapter } = await start();
    const response = await fetch(`${adapter.url}/__test/reset`, { method: 'POST', headers: { 'x-reviewdesk-token': 'test-token' } });
    expect(response.status).toBe(404);
  });

  it('answers the event stream only to GET: HEAD or POST get 405 at once instead of a stream that never starts', async () => {
    const { adapter } = await start();
    for (const method of ['HEAD', 'POST']) {
      // Before the fix the head never came: fail in seconds, not at the test timeout.
      const response = await fetch(`${adapter.url}/events?token=test-token`, { method, signal: AbortSignal.timeout(5_000) });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
  });

  it('pushes events to Server-Sent Events clients', async () => {
    const { adapter } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${adapter.url}/events?token=test-token`, { signal: controller.signal });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    await api(adapter, 'shops.create', { platform: 'jd', name: '鹿角数码' });
    let text = '';
    while (!text.includes('data.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: data.changed\ndata: {"domain":"shops"}');
    controller.abort();
  });
});
