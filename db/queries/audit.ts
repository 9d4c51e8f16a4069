import { sql } from 'kysely';
import type { AuditEntry } from '../../shared/contract';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';
import type { Executor } from './executor';

export interface AuditRecord {
  at: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

const toJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The one audit insert; synchronous, so it can be part of the transaction that makes the change. */
export function insertAudit(sqlite: Sqlite, record: AuditRecord): void {
  prepareCached(sqlite, 'INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    record.at,
    record.actor,
    record.action,
    record.entity,
    record.entityId === null ? null : String(record.entityId),
    toJson(record.before),
    toJson(record.after),
  );
}

/**
 * Entries that record nothing a person needs to read back: a preferences change that left the
 * time zone as it was (language, colour scheme — those are no longer written at all).
 */
const noise = sql<boolean>`(action = 'settings.updatePreferences' AND json_extract(before_json, '$.timeZone') IS json_extract(after_json, '$.timeZone'))`;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actor?: string;
  /** The part before the dot: 'imports', 'cases', 'sla' … */
  kind?: string;
  /** Epoch ms, inclusive / exclusive. */
  from?: number;
  to?: number;
}

function filtered(db: Executor, options: AuditFilter) {
  let query = db.selectFrom('audit_log').where(sql<boolean>`NOT ${noise}`);
  if (options.entity) query = query.where('entity', '=', options.entity);
  if (options.entityId) query = query.where('entity_id', '=', options.entityId);
  if (options.actor) query = query.where('actor', '=', options.actor);
  if (options.kind) query = query.where('action', 'like', `${options.kind.replace(/[%_\\]/g, '')}.%`);
  if (options.from !== undefined) query = query.where('at', '>=', options.from);
  if (options.to !== undefined) query = query.where('at', '<', options.to);
  return query;
}

/** One page of the audit log, newest first, and how many entries match in all. */
export async function listAudit(db: Executor, options: AuditFilter & { limit: number; offset?: number }): Promise<{ items: AuditEntry[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, options).selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset ?? 0).execute(),
    filtered(db, options).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items = rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  }));
  return { items, total: Number(count.n) };
}

/** Everyone (and every built-in actor) who has an entry, by name. */
export async function listAuditActors(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('actor').distinct().orderBy('actor').execute();
  return rows.map((row) => row.actor);
}

/** The kinds (action prefixes) present in the log. */
export async function listAuditKinds(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(sql<string>`substr(action, 1, instr(action, '.') - 1)`.as('kind'))
    .distinct()
    .orderBy('kind')
    .execute();
  return rows.map((row) => row.kind).filter((kind) => kind !== '');
}

/** What the log's entries point at, by id, so a sentence can name it even when the entry holds only the id. */
export async function auditSubjects(
  db: Executor,
  ids: { imports: number[]; shops: number[]; staff: number[]; policies: number[]; evidence: number[] },
) {
  const none = Promise.resolve([]);
  const [imports, shops, staff, policies, evidence] = await Promise.all([
    ids.imports.length === 0
      ? none
      : db
          .selectFrom('import_runs as r')
          .leftJoin('shops as s', 's.id', 'r.shop_id')
          .select(['r.id', 'r.file_name as fileName', 'r.origin', 'r.status', 'r.read_count as read', 'r.inserted_count as inserted', 'r.duplicate_count as duplicates', 'r.rejected_count as rejected', 's.name as shopName'])
          .where('r.id', 'in', ids.imports)
          .execute(),
    ids.shops.length === 0 ? none : db.selectFrom('shops').select(['id', 'name']).where('id', 'in', ids.shops).execute(),
    ids.staff.length === 0 ? none : db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids.staff).execute(),
    ids.policies.length === 0 ? none : db.selectFrom('sla_policies').select(['id', 'category']).where('id', 'in', ids.policies).execute(),
    ids.evidence.length === 0 ? none : db.selectFrom('evidence').select(['id', 'original_name as name']).where('id', 'in', ids.evidence).execute(),
  ]);
  return { imports, shops, staff, policies, evidence };
}

/** Audit entries on a review and on its case, oldest first: the review's timeline. */
export function listReviewAudit(
  sqlite: Sqlite,
  reviewId: number,
  caseId: number | null,
): { at: number; actor: string; action: string; beforeJson: string | null; afterJson: string | null }[] {
  return prepareCached(
    sqlite,
    `SELECT at, actor, action, before_json AS beforeJson, after_json AS afterJson FROM audit_log
     WHERE (entity = 'review' AND entity_id = ?) OR (entity = 'case' AND entity_id = ?) ORDER BY at, id`,
  ).all(String(reviewId), caseId === null ? '' : String(caseId)) as { at: number; actor: string; action: string; beforeJson: string | null; afterJson: string | null }[];
}
