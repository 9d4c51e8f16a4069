import type { CaseCategory } from '../../../../shared/domain/reviews';
import type { Sqlite } from '../../../../db/connection';
import { loadReviews } from '../../../../db/queries/reviews';
import { AppError, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';

const chunk = 500;

/** Rows of `cases` for ids, in chunks (SQLite limits bound parameters); missing ids are reported. */
function selectCases<T>(sqlite: Sqlite, columns: string, ids: readonly number[]): T[] {
  const rows: T[] = [];
  for (let start = 0; start < ids.length; start += chunk) {
    const part = ids.slice(start, start + chunk);
    rows.push(...(sqlite.prepare(`SELECT id, ${columns} FROM cases WHERE id IN (${part.map(() => '?').join(', ')})`).all(...part) as T[]));
  }
  return rows;
}

export class CasesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
  ) {}

  private requireAll(found: { id: number }[], ids: readonly number[]) {
    const have = new Set(found.map((row) => row.id));
    const missing = [...new Set(ids)].filter((id) => !have.has(id));
    if (missing.length > 0) throw new AppError('NOT_FOUND', `Case ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''} does not exist.`, { entity: 'Case', ids: missing.slice(0, 100) });
  }

  /** Assigns (or unassigns, with null) and audits each case that changed, with names before and after. */
  assign(caseIds: readonly number[], assigneeId: number | null, actor: string): { updated: number } {
    const sqlite = this.deps.sqlite;
    let assigneeName: string | null = null;
    if (assigneeId !== null) {
      const staff = sqlite.prepare('SELECT name, active FROM staff WHERE id = ?').get(assigneeId) as { name: string; active: number } | undefined;
      if (!staff) throw notFound('Staff member', assigneeId);
      if (staff.active !== 1) {
        throw new AppError('VALIDATION', `${staff.name} is deactivated and cannot take cases.`, { issues: [{ path: 'assigneeId', reason: 'inactive', message: 'Deactivated.' }] });
      }
      assigneeName = staff.name;
    }
    const rows = selectCases<{ id: number; assigneeId: number | null; assigneeName: string | null }>(
      sqlite,
      'assignee_id AS assigneeId, (SELECT name FROM staff WHERE staff.id = cases.assignee_id) AS assigneeName',
      caseIds,
    );
    this.requireAll(rows, caseIds);
    const now = this.deps.clock.now();
    const update = sqlite.prepare('UPDATE cases SET assignee_id = ?, updated_at = ? WHERE id = ?');
    const audit = sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES (?, ?, 'cases.assign', 'case', ?, ?, ?)`);
    let updated = 0;
    sqlite.transaction(() => {
      for (const row of rows) {
        if (row.assigneeId === assigneeId) continue;
        update.run(assigneeId, now, row.id);
        audit.run(now, actor, String(row.id), JSON.stringify({ assigneeId: row.assigneeId, assigneeName: row.assigneeName }), JSON.stringify({ assigneeId, assigneeName }));
        updated++;
      }
    })();
    if (updated > 0) this.deps.events.emit('data.changed', { domain: 'reviews' });
    return { updated };
  }

  /**
   * A person's category: kept over the rules from now on (re-import and reclassify leave it).
   * Open cases switch to the new category's SLA policy in the same transaction.
   */
  recategorize(caseIds: readonly number[], category: CaseCategory, actor: string): { updated: number } {
    const sqlite = this.deps.sqlite;
    const rows = selectCases<{ id: number; category: string; source: string; ruleName: string | null }>(
      sqlite,
      'category, category_source AS source, category_rule_name AS ruleName',
      caseIds,
    );
    this.requireAll(rows, caseIds);
    const now = this.deps.clock.now();
    const update = sqlite.prepare(`
      UPDATE cases SET category = ?, category_source = 'manual', category_rule_id = NULL, category_rule_name = NULL,
        category_words_json = '[]', updated_at = ? WHERE id = ?`);
    const audit = sqlite.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES (?, ?, 'cases.recategorize', 'case', ?, ?, ?)`);
    let updated = 0;
    let switched: number[] = [];
    sqlite.transaction(() => {
      const changed: { caseId: number; from: CaseCategory }[] = [];
      for (const row of rows) {
        if (row.category === category && row.source === 'manual') continue;
        update.run(category, now, row.id);
        audit.run(now, actor, String(row.id), JSON.stringify({ category: row.category, source: row.source, ruleName: row.ruleName }), JSON.stringify({ category, source: 'manual' }));
        changed.push({ caseId: row.id, from: row.category as CaseCategory });
        updated++;
      }
      switched = this.sla.switchCategory(changed, actor, now);
    })();
    if (updated > 0) this.deps.events.emit('data.changed', { domain: 'reviews' });
    if (switched.length > 0) this.sla.changed(switched);
    return { updated };
  }

  get(id: number) {
    const row = this.deps.sqlite.prepare('SELECT review_id AS reviewId FROM cases WHERE id = ?').get(id) as { reviewId: number } | undefined;
    const review = row ? loadReviews(this.deps.sqlite, [row.reviewId])[0] : undefined;
    if (!row || !review?.case) throw notFound('Case', id);
    return { ...review.case, reviewId: row.reviewId };
  }
}
