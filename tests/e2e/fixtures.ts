import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';

/** One backend per test: the built HTTP adapter on a fresh data directory, with test routes. */
export interface AppServer {
  url: string;
  token: string;
  dataDir: string;
  /** Opens the app in the page (token in the query, as the harness prints it). */
  open(page: Page, route?: string): Promise<void>;
  /** Calls a contract method directly, e.g. to arrange data. */
  call(method: string, input?: unknown): Promise<unknown>;
  /**
   * Uploads bytes as the page does (POST /upload) and returns the staged source for evidence.add
   * or an import: the API opens no path a caller names.
   */
  upload(name: string, bytes: Buffer | string): Promise<{ kind: 'staged'; id: string }>;
  stop(): Promise<void>;
  /** Starts again on the same data directory (a restart). */
  restart(): Promise<void>;
}

async function startServer(dataDir: string, token: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['out/main/serve.js', '--data-dir', dataDir, '--port', '0', '--token', token, '--test-routes'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.js exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return { child, url };
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ prepareDataDir: (dataDir: string) => Promise<void> | void; app: AppServer }>({
  prepareDataDir: [async ({}, use) => use(() => {}), { option: true }],
  app: async ({ prepareDataDir }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reviewdesk-e2e-'));
    await prepareDataDir(dataDir);
    const token = randomBytes(16).toString('hex');
    let server = await startServer(dataDir, token);
    const app: AppServer = {
      get url() {
        return server.url;
      },
      token,
      dataDir,
      async open(page, route = '/') {
        await page.goto(`${server.url}/?token=${token}#${route}`);
      },
      async call(method, input = {}) {
        const response = await fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-reviewdesk-token': token },
          body: JSON.stringify(input),
        });
        const envelope = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
        if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
        return envelope.value;
      },
      async upload(name, bytes) {
        const response = await fetch(`${server.url}/upload?name=${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', 'x-reviewdesk-token': token },
          body: typeof bytes === 'string' ? bytes : new Uint8Array(bytes),
        });
        const envelope = (await response.json()) as { ok: boolean; value?: { id: string }; error?: unknown };
        if (!envelope.ok || !envelope.value) throw new Error(`upload ${name}: ${JSON.stringify(envelope.error)}`);
        return { kind: 'staged', id: envelope.value.id };
      },
      stop: () => stopServer(server.child),
      async restart() {
        await stopServer(server.child);
        server = await startServer(dataDir, token);
      },
    };
    await use(app);
    await stopServer(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
