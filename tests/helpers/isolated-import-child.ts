import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PlatformId } from '../../shared/domain/platforms';
import type { ImportAnswer } from './isolated-import';
import { countRows, createShop } from './inbox';
import { startTestCore } from './test-core';

/**
 * The child side of isolated-import.ts: the real core on a fresh data folder, answering one JSON
 * line per request on stdout. Run with the tsx loader; a hostile file may take this process down,
 * which is what the parent measures.
 */
const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'reviewdesk-isolated-'));
const { core, call } = await startTestCore(dataDir);
const shopId = await createShop(call);
const fallbackMapping = { orderNo: 0, text: 1, postedAt: 2, level: 3 };

/**
 * Peak RSS of this process. On Linux from VmHWM: `maxRSS` (getrusage) keeps the parent's peak
 * across fork and exec, so a child of a big test runner would report the runner's memory.
 */
function maxRssMb(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Math.round(Number(hwm[1]) / 1024);
  } catch {
    // Not Linux: getrusage is the best there is.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
const reviews = () => countRows(core, 'reviews');
const send = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

interface Request {
  id: number;
  op: 'import' | 'ping';
  path?: string;
  platform?: PlatformId;
}

async function importOnce(path: string, platform: PlatformId) {
  const source = { kind: 'path' as const, path };
  const preview = await core.call('imports.preview', { source, platform }, { trusted: true });
  const mapping = preview.ok ? (preview.value as { suggestedMapping: Record<string, number> }).suggestedMapping : fallbackMapping;
  const start = await core.call('imports.start', { source, platform, shopId, mapping }, { trusted: true });
  let run: ImportAnswer['run'] = null;
  if (start.ok) {
    const finished = await core.services!.imports.waitFor((start.value as { importId: number }).importId);
    const rejects = await core.services!.imports.rejects(finished.id);
    run = {
      status: finished.status,
      message: finished.message,
      counts: finished.counts,
      notice: finished.notice?.code ?? null,
      rejectCodes: [...new Set(rejects.items.map((item) => item.code))].sort(),
    };
  }
  return {
    preview: preview.ok ? { ok: true } : { ok: false, error: preview.error },
    start: start.ok ? { ok: true } : { ok: false, error: start.error },
    run,
  };
}

send({ ready: true, maxRssMb: maxRssMb(), reviews: reviews() });
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line) as Request;
  const started = performance.now();
  if (request.op === 'ping') {
    send({ id: request.id, ok: true, reviews: reviews(), maxRssMb: maxRssMb() });
    continue;
  }
  const answer = await importOnce(request.path!, request.platform ?? 'taobao');
  send({ id: request.id, ...answer, ms: Math.round(performance.now() - started), maxRssMb: maxRssMb(), reviews: reviews() });
}
await core.close();
