import type { CaseSla, FiredPoint, QueueItem, ShopCalendar, SlaCalendar, SlaPolicy, SlaTarget } from '../../../../shared/contract';
import type { CaseCategory, CaseStatus } from '../../../../shared/domain/reviews';
import type { StaffRole } from '../../../../shared/domain/roles';
import {
  approvalRoles,
  badgeCountCap,
  canTransition,
  defaultTimeZone,
  lateGraceMs,
  mayTake,
  resolvedStatuses,
  type CaseOutcome,
  type PauseReason,
  type SlaTargetKind,
} from '../../../../shared/domain/sla';
import type { WorkCalendar } from '../../../../shared/sla/calendar';
import { nextFireAt, plannedPoints, remainingMs, targetState, type PlannedPoint, type TimerSpec } from '../../../../shared/sla/timer';
import { cachedStatement } from '../../../../db/queries/reviews';
import { AppError, notFound } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { NotificationsService } from '../notifications/notifications-service';
import type { ServiceDeps } from '../service-deps';

interface VersionRow {
  versionId: number;
  policyId: number;
  version: number;
  category: CaseCategory;
  shopId: number | null;
  platform: string | null;
  builtIn: number;
  current: number;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  ownerRole: StaffRole;
  warnJson: string;
  escalationJson: string;
  pauseReasonsJson: string;
  businessHours: number;
  requiresAppeal: number;
  createdAt: number;
  createdBy: string;
}

const versionColumns = `v.id AS versionId, p.id AS policyId, v.version, p.category, p.shop_id AS shopId, p.platform,
  p.built_in AS builtIn, (p.current_version_id = v.id AND p.removed_at IS NULL) AS current,
  v.first_response_minutes AS firstResponseMinutes, v.resolution_minutes AS resolutionMinutes, v.owner_role AS ownerRole,
  v.warn_json AS warnJson, v.escalation_json AS escalationJson, v.pause_reasons_json AS pauseReasonsJson,
  v.business_hours AS businessHours, v.requires_appeal AS requiresAppeal, v.created_at AS createdAt, v.created_by AS createdBy`;

interface CaseRow {
  id: number;
  reviewId: number;
  shopId: number;
  platform: string;
  status: CaseStatus;
  category: CaseCategory;
  openedAt: number;
  assigneeId: number | null;
}

interface SlaRow {
  caseId: number;
  versionId: number;
  startedAt: number;
  firstResponseAt: number | null;
  outcome: CaseOutcome | null;
  pausedReason: PauseReason | null;
  pausedSince: number | null;
}

interface TargetRow {
  caseId: number;
  target: SlaTargetKind;
  targetMs: number;
  businessHours: number;
  dueAt: number | null;
  pointsJson: string;
  metAt: number | null;
  nextFireAt: number | null;
}

const categoryNames: Record<CaseCategory, string> = {
  logistics: '物流延误',
  quality: '产品质量',
  mismatch: '尺码/描述不符',
  wrong_item: '漏发/错发',
  service: '服务态度',
  malicious: '恶意差评',
  other: '其他',
};

const defaultCalendar = (): SlaCalendar => ({ timeZone: defaultTimeZone, week: [[], [], [], [], [], [], []], holidays: [], extraWorkdays: [] });

/** A fired point plus what the notification needs. */
interface Fired extends FiredPoint {
  key: string;
}

/** Cases given timers per turn of the event loop by openMissingSoon (about 20 ms at 1M reviews). */
export const openSliceSize = 250;

/** `sla.fired` events sent per tick; more fired points reach the UI as `sla.changed`. */
export const firedEventsPerTick = 200;
/** Timer targets one tick takes at most (40–60 ms at 1M reviews); a bigger catch-up takes several. */
export const tickTargetsMax = 2000;
/** Case ids in one `sla.changed` event: beyond this a view reloads what it shows anyway. */
const changedIdsPerEvent = 1000;

/**
 * SLA timers: policies and their versions, shop calendars, each case's targets as absolute
 * deadlines plus pauses, the lifecycle, and the tick the scheduler runs (fire what is due,
 * exactly once, through the UNIQUE key of sla_events).
 */
export class SlaService {
  private watermark = 0;
  private readonly calendars = new Map<number, WorkCalendar | null>();
  private lastBadge: number | null = null;
  /** An openMissingSoon run is under way (later calls join it). */
  private openingSoon = false;
  /** The away summary of a catch-up that takes several ticks: later ticks add to its count. */
  private catchUpNote: number | null = null;
  /** Set when a tick added to that count: the notification centre is told after the commit. */
  private catchUpCounted = false;
  /** Called after anything that may move the next wake-up (the scheduler re-arms). */
  onChange: () => void = () => {};

  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
  ) {}

  private get sqlite() {
    return this.deps.sqlite;
  }

  // ── policies ──────────────────────────────────────────────────────────────────────────────

  /**
   * A version's targets, warnings and hours never change once written (an edit makes a new
   * version), so the hot paths (opening timers for every imported case, recompute) read them from
   * memory. Only `current` moves; use versionRow where it matters.
   */
  private readonly versionTerms = new Map<number, VersionRow>();

  private versionTermsOf(versionId: number): VersionRow {
    let row = this.versionTerms.get(versionId);
    if (!row) {
      row = this.versionRow(versionId);
      this.versionTerms.set(versionId, row);
    }
    return row;
  }

  private versionRow(versionId: number): VersionRow {
    return cachedStatement(this.sqlite, `SELECT ${versionColumns} FROM sla_policy_versions v JOIN sla_policies p ON p.id = v.policy_id WHERE v.id = ?`).get(versionId) as VersionRow;
  }

  private toPolicy(row: VersionRow, openCases: number): SlaPolicy {
    return {
      id: row.policyId,
      version: row.version,
      versionId: row.versionId,
      current: row.current === 1,
      builtIn: row.builtIn === 1,
      category: row.category,
      shopId: row.shopId,
      platform: row.platform as SlaPolicy['platform'],
      firstResponseMinutes: row.firstResponseMinutes,
      resolutionMinutes: row.resolutionMinutes,
      ownerRole: row.ownerRole,
      warnAtPercents: JSON.parse(row.warnJson) as number[],
      escalation: JSON.parse(row.escalationJson) as StaffRole[],
      pauseReasons: JSON.parse(row.pauseReasonsJson) as PauseReason[],
      businessHours: row.businessHours === 1,
      requiresAppeal: row.requiresAppeal === 1,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      openCases,
    };
  }

  listPolicies(includeHistory = false): { items: SlaPolicy[] } {
    const rows = cachedStatement(
        this.sqlite,
        
        `SELECT ${versionColumns} FROM sla_policy_versions v JOIN sla_policies p ON p.id = v.policy_id
         ${includeHistory ? '' : 'WHERE p.current_version_id = v.id AND p.removed_at IS NULL'}
         ORDER BY p.category, p.shop_id IS NOT NULL, p.platform IS NOT NULL, p.id, v.version DESC`,
      )
      .all() as VersionRow[];
    const counts = new Map(
      (cachedStatement(this.sqlite, "SELECT s.policy_version_id AS v, count(*) AS n FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE c.status <> 'closed' GROUP BY 1").all() as { v: number; n: number }[]).map((r) => [r.v, r.n]),
    );
    return { items: rows.map((row) => this.toPolicy(row, counts.get(row.versionId) ?? 0)) };
  }

  /** The current version for a case's category and scope: shop override, then platform, then the category default. */
  private currentVersionFor(category: CaseCategory, shopId: number, platform: string): number {
    const row = cachedStatement(
        this.sqlite,
        
        `SELECT current_version_id AS v FROM sla_policies WHERE category = ? AND removed_at IS NULL
           AND (shop_id IS NULL OR shop_id = ?) AND (platform IS NULL OR platform = ?)
         ORDER BY shop_id IS NULL, platform IS NULL LIMIT 1`,
      )
      .get(category, shopId, platform) as { v: number } | undefined;
    if (!row) {
      const fallback = cachedStatement(this.sqlite, "SELECT current_version_id AS v FROM sla_policies WHERE category = 'other' AND built_in = 1").get() as { v: number };
      return fallback.v;
    }
    return row.v;
  }

  savePolicy(input: Omit<SlaPolicy, 'id' | 'version' | 'versionId' | 'current' | 'builtIn' | 'createdAt' | 'createdBy' | 'openCases'> & { id?: number; applyToOpenCases: boolean }, actor: string) {
    const now = this.deps.clock.now();
    let versionId = 0;
    let moved: number[] = [];
    this.sqlite.transaction(() => {
      let policyId = input.id;
      let version = 1;
      if (policyId !== undefined) {
        const existing = cachedStatement(this.sqlite, 'SELECT p.id, p.category, p.shop_id AS shopId, p.platform, (SELECT max(version) FROM sla_policy_versions WHERE policy_id = p.id) AS version FROM sla_policies p WHERE p.id = ? AND p.removed_at IS NULL').get(policyId) as
          | { id: number; category: string; shopId: number | null; platform: string | null; version: number }
          | undefined;
        if (!existing) throw notFound('SLA policy', policyId);
        if (existing.category !== input.category || existing.shopId !== input.shopId || existing.platform !== input.platform) {
          throw new AppError('VALIDATION', 'A policy keeps its category and scope; create a new override instead.', { issues: [{ path: 'category', reason: 'immutable', message: 'Cannot change the scope.' }] });
        }
        version = existing.version + 1;
      } else {
        const clash = cachedStatement(this.sqlite, 'SELECT id FROM sla_policies WHERE category = ? AND ifnull(shop_id, 0) = ifnull(?, 0) AND ifnull(platform, \'\') = ifnull(?, \'\') AND removed_at IS NULL').get(input.category, input.shopId, input.platform);
        if (clash) throw new AppError('CONFLICT', 'A policy for this category and scope exists; edit it instead.', { issues: [{ path: 'category', reason: 'duplicate', message: 'Exists.' }] });
        policyId = Number(cachedStatement(this.sqlite, 'INSERT INTO sla_policies (category, shop_id, platform, built_in, created_at) VALUES (?, ?, ?, 0, ?)').run(input.category, input.shopId, input.platform, now).lastInsertRowid);
      }
      versionId = Number(
        cachedStatement(
        this.sqlite,
        
            `INSERT INTO sla_policy_versions (policy_id, version, first_response_minutes, resolution_minutes, owner_role, warn_json, escalation_json,
               pause_reasons_json, business_hours, requires_appeal, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(policyId, version, input.firstResponseMinutes, input.resolutionMinutes, input.ownerRole, JSON.stringify(input.warnAtPercents), JSON.stringify(input.escalation), JSON.stringify(input.pauseReasons), input.businessHours ? 1 : 0, input.requiresAppeal ? 1 : 0, now, actor).lastInsertRowid,
      );
      cachedStatement(this.sqlite, 'UPDATE sla_policies SET current_version_id = ? WHERE id = ?').run(versionId, policyId);
      this.auth.audit(actor, 'sla.savePolicy', 'sla_policy', String(policyId), null, { ...input, version });
      if (input.applyToOpenCases) moved = this.reassignOpenCases(actor, now);
    })();
    // The policy list changed even when no open case moved (the settings table shows the new version).
    this.deps.events.emit('data.changed', { domain: 'sla' });
    if (moved.length > 0) this.changed(moved);
    return { policy: this.toPolicy(this.versionRow(versionId), this.openCount(versionId)), openCasesUpdated: moved.length };
  }

  removePolicy(policyId: number, applyToOpenCases: boolean, actor: string) {
    const row = cachedStatement(this.sqlite, 'SELECT built_in AS builtIn FROM sla_policies WHERE id = ? AND removed_at IS NULL').get(policyId) as { builtIn: number } | undefined;
    if (!row) throw notFound('SLA policy', policyId);
    if (row.builtIn === 1) throw new AppError('VALIDATION', 'The category default cannot be removed; edit it instead.');
    const now = this.deps.clock.now();
    let moved: number[] = [];
    this.sqlite.transaction(() => {
      cachedStatement(this.sqlite, 'UPDATE sla_policies SET removed_at = ? WHERE id = ?').run(now, policyId);
      this.auth.audit(actor, 'sla.removePolicy', 'sla_policy', String(policyId), null, null);
      if (applyToOpenCases) moved = this.reassignOpenCases(actor, now);
    })();
    this.deps.events.emit('data.changed', { domain: 'sla' });
    if (moved.length > 0) this.changed(moved);
    return { id: policyId, openCasesUpdated: moved.length };
  }

  private openCount(versionId: number): number {
    return (cachedStatement(this.sqlite, "SELECT count(*) AS n FROM case_sla s JOIN cases c ON c.id = s.case_id WHERE s.policy_version_id = ? AND c.status <> 'closed'").get(versionId) as { n: number }).n;
  }

  /** Moves every open case to the version now in force for it; returns the ids that moved. */
  private reassignOpenCases(actor: string, now: number): number[] {
    const rows = cachedStatement(
        this.sqlite,
        `SELECT c.id, c.category, c.shop_id AS shopId, sh.platform, s.policy_version_id AS versionId FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id WHERE c.status <> 'closed'`)
      .all() as { id: number; category: CaseCategory; shopId: number; platform: string; versionId: number }[];
    const update = cachedStatement(this.sqlite, 'UPDATE case_sla SET policy_version_id = ? WHERE case_id = ?');
    const moved: number[] = [];
    for (const row of rows) {
      const current = this.currentVersionFor(row.category, row.shopId, row.platform);
      if (current === row.versionId) continue;
      update.run(current, row.id);
      this.caseEvent(row.id, now, 'policy_changed', null, null, null, false, actor, `v${this.versionRow(current).version}`);
      moved.push(row.id);
    }
    this.recompute(moved, now);
    return moved;
  }

  /**
   * A person changed the category of cases (cases.recategorize): each open case takes the new
   * category's current policy version, its targets are recomputed from its opened time with its
   * pauses, and points that already fired stay fired (sla_events keeps them, and a point key
   * never fires twice). Call inside the transaction that changes the category, then `changed`.
   */
  switchCategory(changes: readonly { caseId: number; from: CaseCategory }[], actor: string, now: number): number[] {
    const row = cachedStatement(this.sqlite, 
      `SELECT c.category, c.shop_id AS shopId, sh.platform, c.status, s.policy_version_id AS versionId
       FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id WHERE c.id = ?`,
    );
    const update = cachedStatement(this.sqlite, 'UPDATE case_sla SET policy_version_id = ? WHERE case_id = ?');
    const moved: number[] = [];
    for (const { caseId, from } of changes) {
      // Cases without timers yet get the new category's policy when they are opened.
      const found = row.get(caseId) as { category: CaseCategory; shopId: number; platform: string; status: CaseStatus; versionId: number } | undefined;
      if (!found || found.status === 'closed' || found.category === from) continue;
      const current = this.currentVersionFor(found.category, found.shopId, found.platform);
      if (current !== found.versionId) update.run(current, caseId);
      this.caseEvent(caseId, now, 'policy_changed', null, null, null, false, actor, `${from}→${found.category} v${this.versionRow(current).version}`);
      moved.push(caseId);
    }
    this.recompute(moved, now);
    return moved;
  }

  // ── calendars ─────────────────────────────────────────────────────────────────────────────

  getCalendar(shopId: number): ShopCalendar {
    if (!cachedStatement(this.sqlite, 'SELECT 1 FROM shops WHERE id = ?').get(shopId)) throw notFound('Shop', shopId);
    const row = cachedStatement(this.sqlite, 'SELECT calendar_json AS json, updated_at AS updatedAt FROM sla_calendars WHERE shop_id = ?').get(shopId) as { json: string; updatedAt: number } | undefined;
    return row ? { shopId, configured: true, calendar: JSON.parse(row.json) as SlaCalendar, updatedAt: row.updatedAt } : { shopId, configured: false, calendar: defaultCalendar(), updatedAt: null };
  }

  saveCalendar(shopId: number, calendar: SlaCalendar | null, actor: string): ShopCalendar {
    if (calendar) {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: calendar.timeZone });
      } catch {
        throw new AppError('VALIDATION', `Unknown time zone ${calendar.timeZone}.`, { issues: [{ path: 'calendar.timeZone', reason: 'unknown', message: 'Unknown time zone.' }] });
      }
      for (const [index, day] of calendar.week.entries()) {
        const sorted = [...day].sort((a, b) => a.start.localeCompare(b.start));
        sorted.forEach((period, i) => {
          if (period.end <= period.start || (i > 0 && period.start < sorted[i - 1]!.end)) {
            throw new AppError('VALIDATION', 'Working periods must end after they start and must not overlap.', { issues: [{ path: `calendar.week.${index}`, reason: 'overlap', message: 'Bad periods.' }] });
          }
        });
      }
    }
    const before = this.getCalendar(shopId);
    const now = this.deps.clock.now();
    const open = cachedStatement(this.sqlite, "SELECT id FROM cases WHERE shop_id = ? AND status <> 'closed'").all(shopId) as { id: number }[];
    this.sqlite.transaction(() => {
      if (calendar) {
        cachedStatement(this.sqlite, 'INSERT INTO sla_calendars (shop_id, calendar_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (shop_id) DO UPDATE SET calendar_json = excluded.calendar_json, updated_at = excluded.updated_at').run(shopId, JSON.stringify(calendar), now);
      } else {
        cachedStatement(this.sqlite, 'DELETE FROM sla_calendars WHERE shop_id = ?').run(shopId);
      }
      this.calendars.delete(shopId);
      this.auth.audit(actor, 'sla.saveCalendar', 'shop', String(shopId), before.configured ? before.calendar : null, calendar);
      this.recompute(open.map((row) => row.id), now);
    })();
    this.changed(open.map((row) => row.id));
    return this.getCalendar(shopId);
  }

  private calendarOf(shopId: number): WorkCalendar | null {
    if (!this.calendars.has(shopId)) {
      const row = cachedStatement(this.sqlite, 'SELECT calendar_json AS json FROM sla_calendars WHERE shop_id = ?').get(shopId) as { json: string } | undefined;
      this.calendars.set(shopId, row ? (JSON.parse(row.json) as WorkCalendar) : null);
    }
    return this.calendars.get(shopId) ?? null;
  }

  // ── timers ────────────────────────────────────────────────────────────────────────────────

  /** Gives timers to every case that has none (new cases from imports or manual entry). */
  openMissing(): number {
    const opened = this.openAll();
    if (opened > 0) this.onChange();
    return opened;
  }

  private openAll(): number {
    let opened = 0;
    let slice: number;
    do {
      slice = this.openSlice(5000);
      opened += slice;
    } while (slice === 5000);
    return opened;
  }

  /**
   * Opens timers for new cases on a later turn of the event loop, a few hundred cases per turn:
   * during a long import this keeps each piece of work short, so inbox pages keep answering
   * between the import's batches.
   */
  openMissingSoon(): void {
    if (this.openingSoon) return;
    this.openingSoon = true;
    const step = () => {
      let opened = 0;
      try {
        if (this.sqlite.open) opened = this.openSlice(openSliceSize);
      } catch (error) {
        console.error('[sla] opening timers failed', error);
      }
      if (opened === openSliceSize) return void setImmediate(step);
      this.openingSoon = false;
      // Once, at the end: the scheduler's tick would otherwise open all the rest in one piece.
      this.onChange();
    };
    setImmediate(step);
  }

  /**
   * Opens timers for up to `limit` cases in one transaction; returns how many. Tells the UI, not
   * the scheduler (the callers do, once) nor the badge: no point of a new timer has fired yet.
   */
  private openSlice(limit: number): number {
    const now = this.deps.clock.now();
    if (this.watermark === 0) {
      this.watermark = (cachedStatement(this.sqlite, 'SELECT ifnull(max(case_id), 0) AS m FROM case_sla').get() as { m: number }).m;
      // Older cases (from before this migration) get timers too.
      const older = cachedStatement(this.sqlite, 'SELECT c.id FROM cases c LEFT JOIN case_sla s ON s.case_id = c.id WHERE s.case_id IS NULL AND c.id <= ? LIMIT 1').get(this.watermark);
      if (older) this.watermark = 0;
    }
    const rows = cachedStatement(
        this.sqlite,
        
        `SELECT c.id, c.category, c.shop_id AS shopId, sh.platform, c.opened_at AS openedAt FROM cases c JOIN shops sh ON sh.id = c.shop_id
         WHERE c.id > ? AND NOT EXISTS (SELECT 1 FROM case_sla s WHERE s.case_id = c.id) ORDER BY c.id LIMIT ?`,
      )
      .all(this.watermark, limit) as { id: number; category: CaseCategory; shopId: number; platform: string; openedAt: number }[];
    if (rows.length === 0) return 0;
    const insert = cachedStatement(this.sqlite, 'INSERT OR IGNORE INTO case_sla (case_id, policy_version_id, started_at) VALUES (?, ?, ?)');
    this.sqlite.transaction(() => {
      for (const row of rows) {
        const versionId = this.currentVersionFor(row.category, row.shopId, row.platform);
        insert.run(row.id, versionId, row.openedAt);
        this.caseEvent(row.id, row.openedAt, 'opened', null, null, null, false, 'system', `v${this.versionTermsOf(versionId).version}`);
      }
      this.recompute(rows.map((row) => row.id), now);
    })();
    this.watermark = rows.at(-1)!.id;
    this.deps.events.emit('sla.changed', { caseIds: rows.slice(0, changedIdsPerEvent).map((row) => row.id) });
    return rows.length;
  }

  private slaRow(caseId: number): SlaRow | undefined {
    return cachedStatement(
        this.sqlite,
        'SELECT case_id AS caseId, policy_version_id AS versionId, started_at AS startedAt, first_response_at AS firstResponseAt, outcome, paused_reason AS pausedReason, paused_since AS pausedSince FROM case_sla WHERE case_id = ?')
      .get(caseId) as SlaRow | undefined;
  }

  private caseRow(caseId: number): CaseRow {
    const row = cachedStatement(
        this.sqlite,
        'SELECT c.id, c.review_id AS reviewId, c.shop_id AS shopId, sh.platform, c.status, c.category, c.opened_at AS openedAt, c.assignee_id AS assigneeId FROM cases c JOIN shops sh ON sh.id = c.shop_id WHERE c.id = ?')
      .get(caseId) as CaseRow | undefined;
    if (!row) throw notFound('Case', caseId);
    return row;
  }

  private pausesOf(caseId: number): { reason: PauseReason; from: number; to: number | null }[] {
    return cachedStatement(this.sqlite, 'SELECT reason, from_at AS "from", to_at AS "to" FROM sla_pauses WHERE case_id = ? ORDER BY from_at').all(caseId) as { reason: PauseReason; from: number; to: number | null }[];
  }

  private specs(caseRow: CaseRow, sla: SlaRow, version: VersionRow) {
    const calendar = this.calendarOf(caseRow.shopId);
    const pauses = this.pausesOf(caseRow.id);
    const make = (minutes: number): TimerSpec => ({ startedAt: sla.startedAt, targetMs: minutes * 60_000, calendar: version.businessHours === 1 ? calendar : null, pauses });
    return { first_response: make(version.firstResponseMinutes), resolution: make(version.resolutionMinutes), pauses } as const;
  }

  /** Recomputes deadlines, planned points and the next wake-up of cases; fills cases.due_at. Call inside a transaction. */
  recompute(caseIds: readonly number[], now: number): void {
    if (caseIds.length === 0) return;
    const firedOf = cachedStatement(this.sqlite, 'SELECT target, point FROM sla_events WHERE case_id = ?');
    const metOf = cachedStatement(this.sqlite, 'SELECT target, met_at AS metAt FROM case_sla_targets WHERE case_id = ?');
    const upsert = cachedStatement(this.sqlite, 
      `INSERT INTO case_sla_targets (case_id, target, target_ms, business_hours, due_at, points_json, met_at, next_fire_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, target) DO UPDATE SET target_ms = excluded.target_ms, business_hours = excluded.business_hours, due_at = excluded.due_at,
         points_json = excluded.points_json, met_at = excluded.met_at, next_fire_at = excluded.next_fire_at`,
    );
    const setDue = cachedStatement(this.sqlite, 'UPDATE cases SET due_at = ? WHERE id = ?');
    for (const caseId of caseIds) {
      const sla = this.slaRow(caseId);
      if (!sla) continue;
      const caseRow = this.caseRow(caseId);
      const version = this.versionTermsOf(sla.versionId);
      const warn = JSON.parse(version.warnJson) as number[];
      const specs = this.specs(caseRow, sla, version);
      const fired = firedOf.all(caseId) as { target: string; point: string }[];
      const met = new Map((metOf.all(caseId) as { target: string; metAt: number | null }[]).map((row) => [row.target, row.metAt]));
      let caseDue: number | null = null;
      for (const kind of ['first_response', 'resolution'] as const) {
        const spec = specs[kind];
        const points = plannedPoints(spec, warn);
        const metAt = met.get(kind) ?? null;
        const firedKeys = new Set(fired.filter((row) => row.target === kind).map((row) => row.point));
        const due = points.at(-1)!.at;
        const next = metAt !== null || caseRow.status === 'closed' ? null : nextFireAt(points, firedKeys);
        upsert.run(caseId, kind, spec.targetMs, version.businessHours, due, JSON.stringify(points), metAt, next);
        if (metAt === null && due !== null && (caseDue === null || due < caseDue)) caseDue = due;
      }
      setDue.run(caseRow.status === 'closed' ? null : caseDue, caseId);
    }
    void now;
  }

  /** Earliest pending point (index on next_fire_at). */
  nextWakeAt(): number | null {
    const row = cachedStatement(this.sqlite, 'SELECT min(next_fire_at) AS at FROM case_sla_targets WHERE next_fire_at IS NOT NULL').get() as { at: number | null };
    const quietEnd = this.notifications.quietEndsAt(this.deps.clock.now());
    if (row.at === null) return quietEnd;
    return quietEnd === null ? row.at : Math.min(row.at, quietEnd);
  }

  /**
   * Fires everything due at the clock's now: each point through INSERT OR IGNORE into sla_events
   * (exactly once, never before its instant), late when more than the grace after it. The
   * notifications of the fired points are written in the same transaction (an outbox); only
   * their delivery happens after the commit, and whatever a crash or a failing platform left
   * undelivered is delivered by the next tick (the scheduler ticks at start-up).
   */
  tick(): Fired[] {
    const now = this.deps.clock.now();
    this.openAll();
    const fired: Fired[] = [];
    const due = cachedStatement(this.sqlite, `SELECT case_id AS caseId, target, points_json AS pointsJson FROM case_sla_targets WHERE next_fire_at IS NOT NULL AND next_fire_at <= ? ORDER BY next_fire_at LIMIT ${tickTargetsMax}`);
    const insert = cachedStatement(this.sqlite, 'INSERT OR IGNORE INTO sla_events (case_id, target, point, percent, due_at, fired_at, late) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const setNext = cachedStatement(this.sqlite, 'UPDATE case_sla_targets SET next_fire_at = ? WHERE case_id = ? AND target = ?');
    let recorded: number[] = [];
    let full = false;
    this.sqlite.transaction(() => {
      const rows = due.all(now) as { caseId: number; target: SlaTargetKind; pointsJson: string }[];
      full = rows.length === tickTargetsMax;
      for (const row of rows) {
        const points = JSON.parse(row.pointsJson) as PlannedPoint[];
        let next: number | null = null;
        for (const point of points) {
          if (point.at === null) continue;
          if (point.at > now) {
            if (next === null || point.at < next) next = point.at;
            continue;
          }
          const late = now - point.at > lateGraceMs;
          if (insert.run(row.caseId, row.target, point.key, point.percent, point.at, now, late ? 1 : 0).changes === 1) {
            fired.push({ caseId: row.caseId, target: row.target, point: point.point, percent: point.percent, dueAt: point.at, firedAt: now, late, key: point.key });
            this.caseEvent(row.caseId, now, point.point, row.target, point.percent, point.at, late, 'system', null);
          }
        }
        setNext.run(next, row.caseId, row.target);
      }
      recorded = fired.length > 0 ? this.recordNotifications(fired) : [];
    })();
    // More due than one tick takes (a catch-up after a long sleep): the rest still have
    // next_fire_at <= now, so the scheduler wakes again at once, after other work had its turn.
    if (!full) this.catchUpNote = null;
    if (this.catchUpCounted) this.deps.events.emit('data.changed', { domain: 'notifications' });
    this.catchUpCounted = false;
    // A catch-up after a long sleep can fire hundreds of thousands of points: the UI hears of
    // the first few hundred one by one and of the rest as changed cases (what it reloads anyway).
    for (const point of fired.slice(0, firedEventsPerTick)) {
      this.deps.events.emit('sla.fired', { caseId: point.caseId, target: point.target, point: point.point, percent: point.percent, dueAt: point.dueAt, firedAt: point.firedAt, late: point.late });
    }
    if (fired.length > 0) this.deps.events.emit('sla.changed', { caseIds: [...new Set(fired.map((point) => point.caseId))].slice(0, changedIdsPerEvent) });
    // Delivery only: each step runs even when an earlier one fails; the first failure is rethrown.
    let failure: unknown = null;
    for (const step of [() => this.notifications.deliverPending(recorded), () => this.notifications.releaseHeld(), () => this.updateBadge()]) {
      try {
        step();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== null) throw failure;
    return fired;
  }

  /** Writes the notifications (and escalations) of fired points; inside tick's transaction. Returns the notification ids. */
  private recordNotifications(fired: Fired[]): number[] {
    const ids: number[] = [];
    const info = cachedStatement(this.sqlite, 
      `SELECT c.category, sh.name AS shopName, st.name AS assignee, st.role AS assigneeRole, v.escalation_json AS escalation
       FROM cases c JOIN shops sh ON sh.id = c.shop_id LEFT JOIN staff st ON st.id = c.assignee_id
       JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id WHERE c.id = ?`,
    );
    let lateCount = 0;
    for (const point of fired) {
      if (point.late) {
        lateCount++;
        continue;
      }
      const row = info.get(point.caseId) as { category: CaseCategory; shopName: string; assignee: string | null; assigneeRole: StaffRole | null; escalation: string } | undefined;
      if (!row) continue;
      const malicious = row.category === 'malicious';
      if (point.point === 'warning') {
        const note = this.notifications.record({
          kind: 'sla_warning',
          params: { caseId: point.caseId, percent: point.percent, category: row.category, shopName: row.shopName, target: point.target, assignee: row.assignee },
          route: `/cases/${point.caseId}`,
          caseId: point.caseId,
          urgent: malicious,
          sound: malicious,
        });
        ids.push(note.id);
      } else {
        const chain = JSON.parse(row.escalation) as StaffRole[];
        const from = row.assigneeRole ? chain.indexOf(row.assigneeRole) : -1;
        const escalateTo = chain[from + 1] ?? chain.at(-1)!;
        const note = this.notifications.record({
          kind: 'sla_breach',
          params: { caseId: point.caseId, category: row.category, shopName: row.shopName, target: point.target, escalateTo },
          route: `/cases/${point.caseId}`,
          caseId: point.caseId,
          urgent: true,
          sound: malicious,
        });
        ids.push(note.id);
        this.caseEvent(point.caseId, point.firedAt, 'escalated', point.target, null, null, false, 'system', escalateTo);
      }
    }
    if (lateCount > 0 && this.catchUpNote !== null && this.notifications.addToCount(this.catchUpNote, lateCount)) {
      this.catchUpCounted = true;
      return ids;
    }
    if (lateCount > 0) {
      const note = this.notifications.record({
        kind: 'away_summary',
        params: { count: lateCount },
        route: '/sla/away',
        caseId: null,
        urgent: false,
        sound: false,
      });
      ids.push(note.id);
      this.catchUpNote = note.id;
    }
    return ids;
  }

  /**
   * Breached open cases: the cases whose breach point fired and whose target is not met. With a
   * cap, counting stops there (the badge shows 999+): a tick after a big import must not count
   * hundreds of thousands of rows every time one more case breaches.
   */
  breachedCount(cap = -1): number {
    return (
      cachedStatement(
        this.sqlite,
        // CROSS JOIN keeps this order: from the fired breaches out, never a walk over every case.
        `SELECT count(*) AS n FROM (SELECT DISTINCT e.case_id FROM sla_events e INDEXED BY sla_events_breach
           CROSS JOIN case_sla_targets t ON t.case_id = e.case_id AND t.target = e.target
           CROSS JOIN cases c ON c.id = e.case_id WHERE e.point = 'breach' AND t.met_at IS NULL AND c.status <> 'closed' LIMIT ?)`,
      ).get(cap) as { n: number }
    ).n;
  }

  updateBadge(): void {
    const breached = this.breachedCount(badgeCountCap);
    if (breached !== this.lastBadge) {
      this.lastBadge = breached;
      this.deps.events.emit('badge.changed', { breached });
    }
  }

  /** Tells the UI and the scheduler that timers of these cases moved. */
  changed(caseIds: number[]): void {
    if (caseIds.length > 0) this.deps.events.emit('sla.changed', { caseIds: caseIds.slice(0, changedIdsPerEvent) });
    this.updateBadge();
    this.onChange();
  }

  private caseEvent(caseId: number, at: number, kind: string, target: string | null, percent: number | null, dueAt: number | null, late: boolean, actor: string, detail: string | null): void {
    cachedStatement(
        this.sqlite,
        'INSERT INTO case_events (case_id, at, kind, target, percent, due_at, late, actor, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(caseId, at, kind, target, percent, dueAt, late ? 1 : 0, actor, detail);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  private requireSla(caseId: number): SlaRow {
    this.openMissing();
    const sla = this.slaRow(caseId);
    if (!sla) throw notFound('Case', caseId);
    return sla;
  }

  transition(input: { caseId: number; to: CaseStatus; outcome?: CaseOutcome; note?: string; compensationCents?: number }, actor: string): CaseSla {
    const sla = this.requireSla(input.caseId);
    const caseRow = this.caseRow(input.caseId);
    if (!canTransition(caseRow.status, input.to)) {
      throw new AppError('VALIDATION', `A case cannot go from ${caseRow.status} to ${input.to}.`, { issues: [{ path: 'to', reason: 'transition', message: `Not allowed from ${caseRow.status}.` }] });
    }
    if (input.to === 'outcome' && !input.outcome) {
      throw new AppError('VALIDATION', 'Say what the outcome was.', { issues: [{ path: 'outcome', reason: 'required', message: 'Required.' }] });
    }
    if (input.to === 'solution_offered' && input.compensationCents !== undefined && input.compensationCents > this.auth.settings().compensationApprovalCents) {
      this.auth.require(approvalRoles.compensationAboveThreshold, `Compensation above ¥${(this.auth.settings().compensationApprovalCents / 100).toFixed(2)}`);
    }
    if (input.to === 'closed' && caseRow.status !== 'outcome') this.auth.require(approvalRoles.closeBeforeOutcome, 'Closing a case before its outcome');
    const now = this.deps.clock.now();
    this.sqlite.transaction(() => {
      if (sla.pausedReason) this.endPause(input.caseId, now, actor);
      cachedStatement(this.sqlite, 'UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(input.to, now, input.caseId);
      if (input.to === 'contacting' && sla.firstResponseAt === null) {
        cachedStatement(this.sqlite, 'UPDATE case_sla SET first_response_at = ? WHERE case_id = ?').run(now, input.caseId);
      }
      if (input.outcome) cachedStatement(this.sqlite, 'UPDATE case_sla SET outcome = ? WHERE case_id = ?').run(input.outcome, input.caseId);
      const meet = cachedStatement(this.sqlite, 'UPDATE case_sla_targets SET met_at = ? WHERE case_id = ? AND target = ? AND met_at IS NULL');
      if (input.to !== 'new') meet.run(now, input.caseId, 'first_response');
      if (resolvedStatuses.includes(input.to)) meet.run(now, input.caseId, 'resolution');
      if (caseRow.status === 'closed') cachedStatement(this.sqlite, "UPDATE case_sla_targets SET met_at = NULL WHERE case_id = ? AND target = 'resolution'").run(input.caseId);
      this.caseEvent(input.caseId, now, 'transition', null, null, null, false, actor, `${caseRow.status}→${input.to}${input.outcome ? ` (${input.outcome})` : ''}${input.note ? `: ${input.note}` : ''}`);
      this.auth.audit(actor, 'cases.transition', 'case', String(input.caseId), { status: caseRow.status }, { status: input.to, outcome: input.outcome ?? null, note: input.note ?? null, compensationCents: input.compensationCents ?? null });
      this.recompute([input.caseId], now);
    })();
    this.deps.events.emit('data.changed', { domain: 'reviews' });
    this.changed([input.caseId]);
    return this.getCase(input.caseId);
  }

  private endPause(caseId: number, now: number, actor: string): void {
    cachedStatement(this.sqlite, 'UPDATE sla_pauses SET to_at = ? WHERE case_id = ? AND to_at IS NULL').run(now, caseId);
    cachedStatement(this.sqlite, 'UPDATE case_sla SET paused_reason = NULL, paused_since = NULL WHERE case_id = ?').run(caseId);
    this.caseEvent(caseId, now, 'resumed', null, null, null, false, actor, null);
  }

  pause(caseId: number, reason: PauseReason, note: string | undefined, actor: string): CaseSla {
    const sla = this.requireSla(caseId);
    const caseRow = this.caseRow(caseId);
    const version = this.versionRow(sla.versionId);
    if (caseRow.status === 'closed') throw new AppError('CONFLICT', 'A closed case has no running clock.');
    if (sla.pausedReason) throw new AppError('CONFLICT', 'The case is already paused.');
    if (!(JSON.parse(version.pauseReasonsJson) as string[]).includes(reason)) {
      throw new AppError('VALIDATION', `The policy for ${categoryNames[caseRow.category]} does not pause for ${reason}.`, { issues: [{ path: 'reason', reason: 'not_allowed', message: 'Not a pause state of this policy.' }] });
    }
    const now = this.deps.clock.now();
    this.sqlite.transaction(() => {
      cachedStatement(this.sqlite, 'INSERT INTO sla_pauses (case_id, reason, from_at) VALUES (?, ?, ?)').run(caseId, reason, now);
      cachedStatement(this.sqlite, 'UPDATE case_sla SET paused_reason = ?, paused_since = ? WHERE case_id = ?').run(reason, now, caseId);
      this.caseEvent(caseId, now, 'paused', null, null, null, false, actor, note ? `${reason}: ${note}` : reason);
      this.auth.audit(actor, 'cases.pause', 'case', String(caseId), null, { reason, note: note ?? null });
      this.recompute([caseId], now);
    })();
    this.changed([caseId]);
    return this.getCase(caseId);
  }

  resume(caseId: number, actor: string): CaseSla {
    const sla = this.requireSla(caseId);
    if (!sla.pausedReason) throw new AppError('CONFLICT', 'The case is not paused.');
    const now = this.deps.clock.now();
    this.sqlite.transaction(() => {
      this.endPause(caseId, now, actor);
      this.auth.audit(actor, 'cases.resume', 'case', String(caseId), null, null);
      this.recompute([caseId], now);
    })();
    this.changed([caseId]);
    return this.getCase(caseId);
  }

  /** FORBIDDEN when the staff member's role may not take the case's category. */
  checkMayTake(caseIds: readonly number[], staffId: number): void {
    const staff = cachedStatement(this.sqlite, 'SELECT name, role FROM staff WHERE id = ?').get(staffId) as { name: string; role: StaffRole } | undefined;
    if (!staff) throw notFound('Staff member', staffId);
    this.openMissing();
    const owner = cachedStatement(this.sqlite, 'SELECT c.category, v.owner_role AS ownerRole FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN sla_policy_versions v ON v.id = s.policy_version_id WHERE c.id = ?');
    for (const caseId of caseIds) {
      const row = owner.get(caseId) as { category: CaseCategory; ownerRole: StaffRole } | undefined;
      if (row && !mayTake(staff.role, row.ownerRole)) {
        throw new AppError('FORBIDDEN', `${categoryNames[row.category]} cases belong to ${row.ownerRole}; ${staff.name} is ${staff.role}.`, { caseId, ownerRole: row.ownerRole });
      }
    }
  }

  // ── views ─────────────────────────────────────────────────────────────────────────────────

  getCase(caseId: number): CaseSla {
    const sla = this.requireSla(caseId);
    const caseRow = this.caseRow(caseId);
    const version = this.versionRow(sla.versionId);
    const now = this.deps.clock.now();
    const specs = this.specs(caseRow, sla, version);
    const targetRows = cachedStatement(this.sqlite, 'SELECT case_id AS caseId, target, target_ms AS targetMs, business_hours AS businessHours, due_at AS dueAt, points_json AS pointsJson, met_at AS metAt, next_fire_at AS nextFireAt FROM case_sla_targets WHERE case_id = ? ORDER BY target').all(caseId) as TargetRow[];
    const events = cachedStatement(this.sqlite, 'SELECT target, point, fired_at AS firedAt, late, due_at AS dueAt FROM sla_events WHERE case_id = ?').all(caseId) as { target: string; point: string; firedAt: number; late: number; dueAt: number }[];
    const targets: SlaTarget[] = targetRows
      .sort((a, b) => (a.target === 'first_response' ? -1 : b.target === 'first_response' ? 1 : 0))
      .map((row) => {
        const points = JSON.parse(row.pointsJson) as PlannedPoint[];
        const spec = specs[row.target];
        const fired = (key: string) => events.find((event) => event.target === row.target && event.point === key);
        const remaining = remainingMs(spec, row.metAt ?? now);
        const breach = fired('breach');
        return {
          kind: row.target,
          targetMinutes: Math.round(row.targetMs / 60_000),
          businessHours: row.businessHours === 1,
          startedAt: sla.startedAt,
          dueAt: row.dueAt,
          warnAt: points.filter((point) => point.point === 'warning').map((point) => ({ percent: point.percent ?? 0, at: point.at, firedAt: fired(point.key)?.firedAt ?? null, late: fired(point.key)?.late === 1 })),
          state: targetState({ metAt: row.metAt, paused: sla.pausedReason !== null, points, now, dueAt: row.dueAt, remainingMs: remaining }),
          remainingMs: Math.round(remaining),
          metAt: row.metAt,
          breachedAt: breach?.firedAt ?? null,
          late: (row.metAt !== null && row.dueAt !== null && row.metAt > row.dueAt) || events.some((event) => event.target === row.target && event.late === 1),
        };
      });
    const history = (
      cachedStatement(this.sqlite, 'SELECT at, kind, target, percent, due_at AS dueAt, late, actor, detail FROM case_events WHERE case_id = ? ORDER BY at, id').all(caseId) as {
        at: number;
        kind: CaseSla['history'][number]['kind'];
        target: SlaTargetKind | null;
        percent: number | null;
        dueAt: number | null;
        late: number;
        actor: string;
        detail: string | null;
      }[]
    ).map((row) => ({ ...row, late: row.late === 1 }));
    return {
      caseId,
      status: caseRow.status,
      outcome: sla.outcome,
      category: caseRow.category,
      policy: { id: version.policyId, version: version.version, versionId: version.versionId, current: version.current === 1, ownerRole: version.ownerRole, requiresAppeal: version.requiresAppeal === 1 },
      paused: sla.pausedReason && sla.pausedSince !== null ? { reason: sla.pausedReason, since: sla.pausedSince } : null,
      targets,
      pauses: specs.pauses,
      history,
      firstResponseAt: sla.firstResponseAt,
      now,
    };
  }

  private queueRows(where: string, params: unknown[], limit: number): QueueItem[] {
    const now = this.deps.clock.now();
    const rows = cachedStatement(
        this.sqlite,
        
        `SELECT c.id AS caseId, c.review_id AS reviewId, c.status, c.category, c.severity, c.assignee_id AS assigneeId, st.name AS assigneeName,
           sh.name AS shopName, substr(r.text, 1, 60) AS excerpt, c.opened_at AS openedAt, s.paused_reason AS paused
         FROM cases c JOIN case_sla s ON s.case_id = c.id JOIN shops sh ON sh.id = c.shop_id JOIN reviews r ON r.id = c.review_id
         LEFT JOIN staff st ON st.id = c.assignee_id
         WHERE c.status <> 'closed' ${where}
         ORDER BY c.due_at IS NULL, c.due_at, c.id LIMIT ?`,
      )
      .all(...params, limit) as Omit<QueueItem, 'next'>[];
    const targets = cachedStatement(this.sqlite, 'SELECT target, due_at AS dueAt, points_json AS pointsJson FROM case_sla_targets WHERE case_id = ? AND met_at IS NULL ORDER BY due_at');
    return rows.map((row) => {
      const open = targets.all(row.caseId) as { target: SlaTargetKind; dueAt: number | null; pointsJson: string }[];
      const first = open[0];
      if (!first) return { ...row, next: null };
      let remaining: number;
      if (first.dueAt !== null) remaining = first.dueAt - now;
      else remaining = this.getCase(row.caseId).targets.find((target) => target.kind === first.target)?.remainingMs ?? 0;
      const points = JSON.parse(first.pointsJson) as PlannedPoint[];
      const state = targetState({ metAt: null, paused: row.paused !== null, points, now, dueAt: first.dueAt, remainingMs: remaining });
      return { ...row, next: { kind: first.target, state, dueAt: first.dueAt, remainingMs: Math.round(remaining) } };
    });
  }

  myQueue(staffId: number | undefined, limit = 100) {
    const who = staffId ?? this.auth.current()?.id;
    const items = who === undefined ? this.queueRows('', [], limit) : this.queueRows('AND c.assignee_id = ?', [who], limit);
    this.openMissing();
    return { items, now: this.deps.clock.now() };
  }

  board(perColumn = 50) {
    this.openMissing();
    const now = this.deps.clock.now();
    const groups = cachedStatement(
        this.sqlite,
        
        `SELECT c.assignee_id AS assigneeId, st.name, st.role, count(*) AS open,
           sum(c.due_at IS NOT NULL AND c.due_at <= ?) AS breached,
           sum(s.paused_reason IS NOT NULL) AS paused,
           sum(c.due_at > ? AND EXISTS (SELECT 1 FROM sla_events e WHERE e.case_id = c.id AND e.point <> 'breach')) AS warning
         FROM cases c JOIN case_sla s ON s.case_id = c.id LEFT JOIN staff st ON st.id = c.assignee_id
         WHERE c.status <> 'closed' GROUP BY c.assignee_id ORDER BY st.name IS NULL, st.name`,
      )
      .all(now, now) as { assigneeId: number | null; name: string | null; role: StaffRole | null; open: number; breached: number; paused: number; warning: number }[];
    const columns = groups.map((group) => ({
      assigneeId: group.assigneeId,
      name: group.name,
      role: group.role,
      counts: { open: group.open, warning: group.warning ?? 0, breached: group.breached ?? 0, paused: group.paused ?? 0 },
      items: group.assigneeId === null ? this.queueRows('AND c.assignee_id IS NULL', [], perColumn) : this.queueRows('AND c.assignee_id = ?', [group.assigneeId], perColumn),
    }));
    return { columns, now };
  }

  summary() {
    this.openMissing();
    const now = this.deps.clock.now();
    const row = cachedStatement(
        this.sqlite,
        
        `SELECT sum(c.due_at IS NOT NULL AND c.due_at > ? AND s.paused_reason IS NULL) AS running,
           sum(s.paused_reason IS NOT NULL) AS paused FROM cases c JOIN case_sla s ON s.case_id = c.id WHERE c.status <> 'closed'`,
      )
      .get(now) as { running: number | null; paused: number | null };
    const warning = (
      cachedStatement(
        this.sqlite,
        
          `SELECT count(DISTINCT e.case_id) AS n FROM sla_events e JOIN case_sla_targets t ON t.case_id = e.case_id AND t.target = e.target
           JOIN cases c ON c.id = e.case_id WHERE e.point <> 'breach' AND t.met_at IS NULL AND c.status <> 'closed' AND (t.due_at IS NULL OR t.due_at > ?)`,
        )
        .get(now) as { n: number }
    ).n;
    return { running: row.running ?? 0, warning, breached: this.breachedCount(), paused: row.paused ?? 0, nextFireAt: this.nextWakeAt() };
  }

  private ackAt(): number | null {
    const row = cachedStatement(this.sqlite, "SELECT value_json AS value FROM settings WHERE key = 'sla.awayAck'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as number) : null;
  }

  awaySummary() {
    const since = this.ackAt();
    const until = this.deps.clock.now();
    const rows = cachedStatement(
        this.sqlite,
        'SELECT case_id AS caseId, target, point, percent, due_at AS dueAt, fired_at AS firedAt, late FROM sla_events WHERE late = 1 AND id > ? ORDER BY id DESC')
      .all(since === null ? 0 : this.ackEventId()) as { caseId: number; target: SlaTargetKind; point: string; percent: number | null; dueAt: number; firedAt: number; late: number }[];
    const items = rows.map((row) => ({ ...row, point: row.point === 'breach' ? ('breach' as const) : ('warning' as const), late: row.late === 1 }));
    return {
      since,
      until,
      counts: { warnings: items.filter((item) => item.point === 'warning').length, breaches: items.filter((item) => item.point === 'breach').length, late: items.length },
      items: items.slice(0, 200),
    };
  }

  private ackEventId(): number {
    const row = cachedStatement(this.sqlite, "SELECT value_json AS value FROM settings WHERE key = 'sla.awayAckEvent'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as number) : 0;
  }

  ackAway(actor: string) {
    const now = this.deps.clock.now();
    const lastId = (cachedStatement(this.sqlite, 'SELECT ifnull(max(id), 0) AS id FROM sla_events').get() as { id: number }).id;
    const put = cachedStatement(this.sqlite, 'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at');
    this.sqlite.transaction(() => {
      put.run('sla.awayAck', JSON.stringify(now), now);
      put.run('sla.awayAckEvent', JSON.stringify(lastId), now);
    })();
    this.auth.audit(actor, 'sla.ackAway', 'settings', 'sla.awayAck', null, null);
    return { acknowledgedAt: now };
  }
}
