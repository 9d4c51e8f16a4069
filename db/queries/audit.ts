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

export async function listAudit(
  db: Executor,
  options: { entity?: string; entityId?: string; limit: number },
): Promise<AuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (options.entity) query = query.where('entity', '=', options.entity);
  if (options.entityId) query = query.where('entity_id', '=', options.entityId);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as unknown),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as unknown),
  }));
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
