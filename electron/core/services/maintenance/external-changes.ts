import { dataVersion, readArrivals, readChangeMarks, type Arrivals, type ChangeMarks } from '../../../../db/queries/maintenance-changes';
import { events, type EventPayload } from '../../../../shared/contract/events';
import type { ServiceDeps } from '../service-deps';

type Domain = EventPayload<'data.changed'>['domain'];

/** Timer functions, injectable so tests drive the poll without waiting. */
export interface ChangeWatchTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realChangeWatchTimers: ChangeWatchTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A window shows another process's import within two seconds: a poll, the diff and a reload fit in it. */
export const changePollMs = 500;

const allDomains: readonly Domain[] = events['data.changed'].shape.domain.options;

/** What another process may change without adding a row or an audit entry. */
const unmarkedDomains: readonly Domain[] = ['notifications', 'alerts'];

/** Which views an audited change from elsewhere concerns (an entity not listed reloads only the audit log). */
const domainsOfAuditEntity: Record<string, readonly Domain[]> = {
  case: ['cases', 'reviews', 'sla'],
  review: ['reviews', 'cases'],
  import: ['imports', 'reviews'],
  mapping_preset: ['imports'],
  shop: ['shops'],
  staff: ['staff'],
  settings: ['settings', 'sla'],
  monitor_rule: ['rules'],
  category_rule: ['rules', 'reviews'],
  demo: ['demo', 'reviews', 'cases', 'imports', 'alerts', 'sla'],
  evidence: ['evidence'],
  backup: ['settings'],
  database: ['settings'],
};

/**
 * Keeps the open windows current when another process writes the database: the CLI importing
 * beside the app, a second instance's watched folder. SQLite tells a connection nothing about
 * other connections' commits, so every `changePollMs` this reads `PRAGMA data_version`, which
 * moves only when another connection committed. Only then are the tables' id marks read and
 * compared, and `data.changed` is emitted for each domain that grew, plus one `data.arrived`
 * saying what came (the window's "6 new reviews imported").
 *
 * This process's own writes do not move the counter; they move the marks, so after any of its
 * own events the marks are read again at the next quiet poll and nothing of its own is reported.
 * Runs only with background work (never in the CLI, which exits before anyone would look).
 */
export class ExternalChanges {
  private handle: unknown = null;
  private running = false;
  private version = 0;
  private marks: ChangeMarks | null = null;
  private ownWrites = false;
  private stopListening: () => void = () => {};
  /** True while this class emits: listeners tell a change another process made from one of this process. */
  reporting = false;
  /** Polls made and the time their own reads took (not the listeners'), for the docs and the test. */
  readonly stats = { polls: 0, changes: 0, totalMs: 0, maxMs: 0 };
  /** Told after a change from elsewhere (the SLA scheduler re-reads its next wake-up). */
  onExternal: (domains: readonly Domain[]) => void = () => {};

  constructor(
    private readonly deps: ServiceDeps,
    private readonly timers: ChangeWatchTimers = realChangeWatchTimers,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.version = dataVersion(this.deps.sqlite);
    this.marks = readChangeMarks(this.deps.sqlite);
    this.stopListening = this.deps.events.subscribe(() => {
      this.ownWrites = true;
    });
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.stopListening();
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }

  /** One poll, now; the timer calls it, tests may too. Returns the domains reported (empty when quiet). */
  poll(): Domain[] {
    if (!this.running || !this.marks) return [];
    const started = performance.now();
    const version = dataVersion(this.deps.sqlite);
    if (version === this.version) {
      if (this.ownWrites) this.marks = readChangeMarks(this.deps.sqlite);
      this.ownWrites = false;
      this.count(started);
      return [];
    }
    this.version = version;
    const next = readChangeMarks(this.deps.sqlite);
    const previous = this.marks;
    this.marks = next;
    this.ownWrites = false;
    const shrank = (Object.keys(next) as (keyof ChangeMarks)[]).some((key) => next[key] < previous[key]);
    const arrivals: Arrivals = shrank
      ? { reviews: 0, cases: 0, alerts: 0, evidence: 0, auditEntities: [] }
      : readArrivals(this.deps.sqlite, previous, next, this.deps.instance.id);
    this.count(started);
    return this.report(shrank ? null : { previous, next, arrivals }, arrivals);
  }

  private count(started: number): void {
    const ms = performance.now() - started;
    this.stats.polls++;
    this.stats.totalMs += ms;
    this.stats.maxMs = Math.max(this.stats.maxMs, ms);
  }

  /** `diff` null: marks went down (the file was replaced), so every view reloads. */
  private report(diff: { previous: ChangeMarks; next: ChangeMarks; arrivals: Arrivals } | null, arrivals: Arrivals): Domain[] {
    const domains = diff ? this.domainsOf(diff.previous, diff.next, diff.arrivals) : new Set<Domain>(allDomains);
    // The counter moved but no mark did: an unaudited update there (a notification or alert
    // marked read) or only a checkpoint of the log, which moves the counter too. Reload the
    // header's counts, not every view.
    if (domains.size === 0) for (const domain of unmarkedDomains) domains.add(domain);
    this.stats.changes++;
    const list = [...domains];
    this.reporting = true;
    try {
      for (const domain of list) this.deps.events.emit('data.changed', { domain });
      this.deps.events.emit('data.arrived', { reviews: arrivals.reviews, cases: arrivals.cases, alerts: arrivals.alerts, evidence: arrivals.evidence, domains: list });
    } finally {
      this.reporting = false;
    }
    // Listeners may write in answer: the events set ownWrites, so the next quiet poll takes
    // those rows into the marks.
    this.onExternal(list);
    return list;
  }

  private domainsOf(previous: ChangeMarks, next: ChangeMarks, arrivals: Arrivals): Set<Domain> {
    const domains = new Set<Domain>();
    const grew = (key: keyof ChangeMarks, ...names: Domain[]) => {
      if (next[key] > previous[key]) for (const name of names) domains.add(name);
    };
    grew('reviews', 'reviews');
    grew('cases', 'cases', 'reviews', 'sla');
    grew('caseEvents', 'cases', 'sla');
    grew('imports', 'imports');
    grew('evidence', 'evidence');
    grew('alerts', 'alerts');
    grew('notifications', 'notifications');
    grew('slaEvents', 'sla', 'notifications');
    grew('audit', 'audit');
    for (const entity of arrivals.auditEntities) for (const name of domainsOfAuditEntity[entity] ?? []) domains.add(name);
    return domains;
  }

  private arm(): void {
    if (!this.running) return;
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      try {
        this.poll();
      } catch (error) {
        // In a timer callback a throw would end the core; a locked or closing file is tried again next time.
        console.error('[changes] poll failed', error);
      }
      this.arm();
    }, changePollMs);
  }
}
