import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdjustableClock } from '../electron/core/clock';
import { startCore } from '../electron/core/core';
import { RecordingPlatform } from '../electron/core/platform';
import { percentile } from './inbox-data';
import type { Bench, BenchResult, Report } from './run';

const total = Number(process.env.BENCH_NOTIFICATIONS ?? 100_000);

export const notificationGroupsBench: Bench = { name: 'notification-groups', title: 'Notification centre pages', run: runNotificationGroupsBench };

/**
 * 100k notifications as a working shop piles them up: groups of up to 200 per tick (an import's
 * cases reaching a point together) between single ones, a third read. p95 of one centre page
 * (`notifications.listGroups`: 30 lines with the unread counts of every tab) ≤ 20 ms, the first
 * page and one deep in the history.
 */
async function runNotificationGroupsBench(report: Report): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'reviewdesk-notification-bench-'));
  try {
    const clock = new AdjustableClock();
    const start = Date.UTC(2026, 10, 1);
    clock.set(start, { freeze: true });
    const core = await startCore({ dataDir: dir, platform: new RecordingPlatform(), clock, version: 'bench', validateOutput: false, background: false });
    const services = core.services!;
    const sqlite = services.deps.sqlite;
    const insert = sqlite.prepare(
      "INSERT INTO notifications (kind, title, body, params_json, route, case_id, urgent, sound, created_at, delivered_at, held, read_at, group_key) VALUES (?, '', '', '{}', NULL, NULL, ?, 0, ?, ?, 0, ?, ?)",
    );
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    sqlite.transaction(() => {
      let made = 0;
      let tick = 0;
      while (made < total) {
        tick++;
        const at = start + tick * 60_000;
        const size = random() < 0.3 ? Math.min(total - made, 1 + Math.floor(random() * 200)) : 1;
        const kind = random() < 0.5 ? 'sla_warning' : 'sla_breach';
        const key = size > 1 ? `${kind}:first_response:${kind === 'sla_warning' ? 80 : ''}:${at}` : null;
        for (let i = 0; i < size; i++) insert.run(kind, kind === 'sla_breach' ? 1 : 0, at, at, random() < 0.33 ? at : null, key);
        made += size;
      }
    })();
    sqlite.pragma('optimize');
    const groups = (sqlite.prepare("SELECT count(DISTINCT coalesce(group_key, 'n' || id)) AS n FROM notifications").get() as { n: number }).n;
    const measure = (before?: { at: number; id: number }) => {
      const samples: number[] = [];
      for (let i = 0; i < 30; i++) {
        const began = performance.now();
        services.notifications.groups({ limit: 30, ...(before ? { before } : {}) });
        samples.push(performance.now() - began);
      }
      return samples;
    };
    // Page on to the middle of the history, as "load more" does, and time the page there.
    let cursor: { at: number; id: number } | undefined;
    let line = 0;
    while (line < groups / 2) {
      const page = services.notifications.groups({ limit: 100, ...(cursor ? { before: cursor } : {}) });
      if (!page.next) break;
      cursor = page.next;
      line += page.groups.length;
    }
    const first = measure();
    const deep = measure(cursor);
    const p95 = Math.max(percentile(first, 95), percentile(deep, 95));
    report(`${total.toLocaleString('en')} notifications in ${groups.toLocaleString('en')} lines: first page p95 ${percentile(first, 95).toFixed(2)} ms (median ${percentile(first, 50).toFixed(2)}), page at line ${line.toLocaleString('en')} p95 ${percentile(deep, 95).toFixed(2)} ms (median ${percentile(deep, 50).toFixed(2)}; target ≤ 20 ms)`);
    await core.close();
    return { ok: p95 <= 20 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
