import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHttpAdapter } from '../../electron/core/http/server';
import { useTempDirs } from '../helpers/temp-dir';
import { startTestCore } from '../helpers/test-core';
import { snapshot, stackPattern, writesOutside } from './fuzz-checks';
import { caseSeed, fuzzConfig, replayHint, Rng, shown } from './fuzz-rng';
import { httpCase } from './http-cases';
import { rawExchange } from './raw-http';

const tempDir = useTempDirs();
const config = fuzzConfig({ seed: 1124, iterations: 600, caseMs: 5_000 });
const memoryBoundBytes = 300 * 1024 * 1024;
const secret = 'outside the renderer: must never be served';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  vi.restoreAllMocks();
});

async function start() {
  const root = tempDir('reviewdesk-fuzz-http-');
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ReviewDesk</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), secret);
  const { core, logs } = await startTestCore(join(root, 'data'));
  const adapter = await startHttpAdapter({ core: () => core, staticDir, token: 'fuzz-token-0123456789abcdef' });
  cleanups.push(async () => {
    await adapter.close();
    await core.close();
  });
  return { root, adapter, logs };
}

/** A valid call still answers: the adapter and the core behind it are up. */
async function healthy(port: number, token: string): Promise<string | null> {
  const body = '{}';
  const request = Buffer.from(`POST /api/app.status HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-ReviewDesk-Token: ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
  const answer = await rawExchange(port, request, 5_000);
  return answer.status === 200 && answer.body.includes('"ok":true') ? null : `a valid app.status call then answered ${answer.status} ${shown(answer.body)}`;
}

describe('HTTP adapter fuzz (random methods, paths, headers, bodies)', () => {
  it(
    `answers every request with a client status, no stack, no secret, and stays up (seed ${config.seed}, ${config.iterations} requests)`,
    async () => {
      const { root, adapter, logs } = await start();
      const errors: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        errors.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '));
      });
      const before = snapshot(root);
      const rssBefore = process.memoryUsage().rss;
      const target = { port: adapter.port, token: adapter.token };
      const failures: string[] = [];
      const statuses = new Map<string, number>();
      const started = performance.now();
      for (let index = 0; index < config.iterations; index++) {
        const seed = caseSeed(config.seed, index);
        const made = httpCase(new Rng(seed), target);
        const logsBefore = logs.length;
        const errorsBefore = errors.length;
        const answer = await rawExchange(adapter.port, made.request, config.caseMs, made.mayCloseUnanswered ? 1_000 : null);
        // "bare": answered by Node's HTTP parser before the adapter saw the request.
        const key = answer.status === null ? (answer.timedOut ? 'timeout' : 'closed') : `${answer.status}${answer.body.startsWith('{') || answer.status !== 400 ? '' : ' bare'}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (process.env.FUZZ_VERBOSE) console.info(`[fuzz] seed ${seed} ${made.label} -> ${key} in ${answer.ms} ms`);
        const problems: string[] = [];
        if (answer.timedOut) problems.push(`no answer within ${config.caseMs} ms`);
        else if (answer.status === null) {
          if (!made.mayCloseUnanswered) problems.push(`connection closed without a status line${answer.head ? `: ${shown(answer.head)}` : ''}`);
        } else if (answer.status >= 500) problems.push(`answered ${answer.status}: ${shown(answer.body)}`);
        if (stackPattern.test(answer.body)) problems.push(`the answer carries a stack trace: ${shown(answer.body, 300)}`);
        if (answer.body.includes(secret) || /root:.*:0:0:/.test(answer.body)) problems.push('the answer carries a file from outside the renderer');
        const logged = [...logs.slice(logsBefore), ...errors.slice(errorsBefore)].filter((line) => stackPattern.test(line));
        if (logged.length > 0) problems.push(`a stack trace was logged: ${shown(logged[0]!, 300)}`);
        const health = await healthy(adapter.port, adapter.token);
        if (health) problems.push(health);
        if (problems.length > 0) failures.push(`${made.label} seed ${seed} [${replayHint(seed)}]\n    ${problems.join('\n    ')}`);
        if (health) break;
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const grown = process.memoryUsage().rss - rssBefore;
      console.info(`[fuzz] http: ${config.iterations} requests in ${seconds} s, RSS +${Math.round(grown / 1024 / 1024)} MB, statuses ${JSON.stringify(Object.fromEntries(statuses))}, ${failures.length} failed`);
      expect(writesOutside(root, before, (path) => path.startsWith('data/')), 'files written outside the data directory').toEqual([]);
      expect(Object.prototype, 'prototype pollution').not.toHaveProperty('polluted');
      expect(Object.prototype).not.toHaveProperty('isAdmin');
      expect(grown, 'resident memory growth').toBeLessThan(memoryBoundBytes);
      expect(failures.join('\n'), 'failed requests (replay one with the env shown)').toBe('');
    },
    config.iterations * (config.caseMs + 1_000) + 30_000,
  );
});
