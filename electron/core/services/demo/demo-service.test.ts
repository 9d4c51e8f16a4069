import { describe, expect, it } from 'vitest';
import { openCaseStatuses } from '../../../../shared/domain/sla';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

interface CaseFacts {
  id: number;
  status: string;
  category: string;
  dueAt: number | null;
  openedAt: number;
  postedAt: number;
  paused: string | null;
  firstResponseAt: number | null;
  assignee: string | null;
  role: string | null;
  ownerRole: string;
}

describe('demo data', () => {
  it('looks like a working shop whenever it is loaded: weeks of reviews, cases in every state, few breached, real workloads', async () => {
    const { core, call, clock } = await startTestCore(tempDir());
    // Any day: the data follows the clock it is loaded at.
    clock.set(Date.UTC(2026, 11, 2, 11, 40), { freeze: true });
    const now = clock.now();
    await call('demo.load');
    const sqlite = core.services!.deps.sqlite;
    const all = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];

    // Reviews over ~3–4 weeks up to now, more in the evening than at night, a peak after the promotion.
    const posted = all<{ at: number }>('SELECT posted_at AS at FROM reviews ORDER BY posted_at').map((row) => row.at);
    expect(posted.at(-1)!).toBeLessThan(now);
    expect(now - posted[0]!).toBeGreaterThan(20 * day);
    expect(now - posted[0]!).toBeLessThan(29 * day);
    expect(posted.filter((at) => at > now - day).length).toBeGreaterThan(10);
    const chinaHour = (at: number) => new Date(at + 8 * hour).getUTCHours();
    const evening = posted.filter((at) => chinaHour(at) >= 19 && chinaHour(at) <= 22).length;
    const night = posted.filter((at) => chinaHour(at) >= 2 && chinaHour(at) <= 5).length;
    expect(evening).toBeGreaterThan(6 * night);
    const perDay = (daysAgo: number) => posted.filter((at) => at <= now - daysAgo * day && at > now - (daysAgo + 1) * day).length;
    const peak = Math.max(perDay(5), perDay(6), perDay(7));
    expect(peak).toBeGreaterThan(1.8 * Math.max(perDay(15), perDay(16), perDay(17)));

    const cases = all<CaseFacts>(
      `SELECT c.id, c.status, c.category, c.due_at AS dueAt, c.opened_at AS openedAt, c.posted_at AS postedAt, s.paused_reason AS paused,
         s.first_response_at AS firstResponseAt, st.name AS assignee, st.role, v.owner_role AS ownerRole
       FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id LEFT JOIN staff st ON st.id = c.assignee_id`,
    );
    // Cases open a little after their review, not all at the instant of loading.
    expect(cases.every((row) => row.openedAt >= row.postedAt && row.openedAt < now)).toBe(true);
    expect(new Set(cases.map((row) => Math.floor(row.openedAt / day))).size).toBeGreaterThan(15);

    // Every state, a few waiting on the buyer.
    expect(new Set(cases.map((row) => row.status))).toEqual(new Set([...openCaseStatuses, 'closed']));
    expect(cases.filter((row) => row.paused === 'waiting_buyer').length).toBeGreaterThanOrEqual(2);
    const open = cases.filter((row) => row.status !== 'closed');
    const breached = open.filter((row) => row.dueAt !== null && row.dueAt <= now);
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.length / open.length).toBeLessThan(0.25);
    const dueWithinHour = open.filter((row) => row.dueAt !== null && row.dueAt > now && row.dueAt <= now + hour);
    expect(dueWithinHour.length).toBeGreaterThanOrEqual(3);
    expect(dueWithinHour.filter((row) => row.dueAt! >= now + 15 * minute).length).toBeGreaterThanOrEqual(2);
    // Deadlines spread out: no more than a handful fall due in any one quarter hour.
    const quarters = new Map<number, number>();
    for (const row of open) if (row.dueAt !== null && row.dueAt > now) quarters.set(Math.floor(row.dueAt / (15 * minute)), (quarters.get(Math.floor(row.dueAt / (15 * minute))) ?? 0) + 1);
    expect(Math.max(...quarters.values())).toBeLessThanOrEqual(6);

    // Everyone past new made first contact; some of them late. Work sits with the owning role.
    const contacted = cases.filter((row) => row.status !== 'new');
    expect(contacted.every((row) => row.firstResponseAt !== null && row.firstResponseAt > row.openedAt)).toBe(true);
    const lateContacts = contacted.filter((row) => row.firstResponseAt! - row.openedAt > 15 * minute).length;
    expect(lateContacts).toBeGreaterThan(0);
    expect(lateContacts / contacted.length).toBeLessThan(0.35);
    expect(contacted.every((row) => row.assignee !== null && (row.role === row.ownerRole || row.role === 'owner'))).toBe(true);
    const load = all<{ name: string; role: string; total: number }>('SELECT st.name, st.role, count(c.id) AS total FROM staff st LEFT JOIN cases c ON c.assignee_id = st.id GROUP BY st.id');
    for (const member of load.filter((row) => row.role !== 'owner')) expect(member.total, member.name).toBeGreaterThan(3);

    // History in real names at plausible times, no step in the future.
    const actors = new Set(all<{ actor: string }>("SELECT DISTINCT actor FROM case_events WHERE kind = 'transition'").map((row) => row.actor));
    expect([...actors].every((actor) => load.some((member) => member.name === actor))).toBe(true);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM case_events WHERE at > ?', now)[0]!.n).toBe(0);

    // Nothing to catch up on: the past is recorded, the tick after the load fires nothing and no notification floods in.
    // (the scheduler already ticked once when the load told it the cases changed).
    expect(core.services!.sla.tick()).toEqual([]);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM sla_events WHERE late = 1 OR fired_at >= ?', now)[0]!.n).toBe(0);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM sla_events')[0]!.n).toBeGreaterThan(100);
    // (The monitor alerts of the demo's reviews are lines of the centre's 监控提醒 tab, not SLA notifications.)
    expect(all<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind != 'review_alert'")[0]!.n).toBe(0);
    expect(all<{ n: number }>("SELECT count(*) AS n FROM notifications WHERE kind = 'review_alert'")[0]!.n).toBe(all<{ n: number }>('SELECT count(*) AS n FROM alerts')[0]!.n);
    clock.advance(hour);
    const nextHour = core.services!.sla.tick();
    expect(nextHour.length).toBeGreaterThan(0);
    expect(new Set(nextHour.map((point) => point.caseId)).size).toBeLessThan(open.length / 2);
    await core.close();
  });

  it('is the same for a seed and adds nothing when loaded again later', async () => {
    const load = async (dir: string) => {
      const { core, call, clock } = await startTestCore(dir);
      const first = await call('demo.load');
      const rows = core.services!.deps.sqlite.prepare('SELECT c.status, c.assignee_id AS a, c.opened_at - ? AS t FROM cases c ORDER BY c.id').all(clock.now());
      clock.advance(3 * day);
      const second = await call('demo.load');
      await core.close();
      return { first, second, rows };
    };
    const one = await load(tempDir());
    const two = await load(tempDir());
    expect(one.first).toEqual({ shopsAdded: 2, staffAdded: 8, reviewsAdded: 492 });
    expect(one.second).toEqual({ shopsAdded: 0, staffAdded: 0, reviewsAdded: 0 });
    expect(two.rows).toEqual(one.rows);
  });

  it("keeps offers within the shop's approval threshold, so no step of the past needs an approval", async () => {
    const { core, call } = await startTestCore(tempDir());
    await call('auth.updateSettings', { requireSignIn: false, compensationApprovalCents: 1000 });
    await call('demo.load');
    const sqlite = core.services!.deps.sqlite;
    const offers = sqlite.prepare("SELECT after_json AS a FROM audit_log WHERE action = 'cases.transition'").all() as { a: string }[];
    const amounts = offers.map((row) => (JSON.parse(row.a) as { compensationCents: number | null }).compensationCents).filter((cents): cents is number => cents !== null);
    expect(amounts.length).toBeGreaterThan(10);
    expect(Math.max(...amounts)).toBeLessThanOrEqual(1000);
    await core.close();
  });
});
