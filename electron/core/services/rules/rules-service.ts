import type { CategoryRule, MonitorRule } from '../../../../shared/contract';
import { classifyReview, orderCategoryRules, ruleHaystack } from '../../../../shared/rules/classify';
import { insertAudit } from '../../../../db/queries/audit';
import {
  deleteRule,
  findCategoryRule,
  findMonitorRule,
  listCategoryRules,
  listMonitorRules,
  saveCategoryRule,
  saveMonitorRule,
} from '../../../../db/queries/rules';
import { notFound } from '../../errors';
import type { RuleSet } from '../imports/prepare-review';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';
import type { CaseCategory } from '../../../../shared/domain/reviews';

/** Monitoring and category rules: the user's rows, read fresh at the start of every import. */
export class RulesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
  ) {}

  async list(): Promise<{ monitor: MonitorRule[]; category: CategoryRule[] }> {
    const [monitor, category] = await Promise.all([listMonitorRules(this.deps.db), listCategoryRules(this.deps.db)]);
    return { monitor, category };
  }

  async ruleSet(): Promise<RuleSet> {
    const { monitor, category } = await this.list();
    return { monitor, category: orderCategoryRules(category) };
  }

  async saveMonitor(input: Omit<MonitorRule, 'id'> & { id?: number }, actor: string): Promise<MonitorRule> {
    const now = this.deps.clock.now();
    const saved = await this.deps.db.transaction().execute(async (trx) => {
      const before = input.id === undefined ? null : await findMonitorRule(trx, input.id);
      if (input.id !== undefined && !before) throw notFound('Monitoring rule', input.id);
      const rule = (await saveMonitorRule(trx, { ...input, keywords: unique(input.keywords) }, now))!;
      await insertAudit(trx, { at: now, actor, action: 'rules.saveMonitor', entity: 'monitor_rule', entityId: rule.id, before, after: rule });
      return rule;
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return saved;
  }

  async saveCategory(input: Omit<CategoryRule, 'id'> & { id?: number }, actor: string): Promise<CategoryRule> {
    const now = this.deps.clock.now();
    const saved = await this.deps.db.transaction().execute(async (trx) => {
      const before = input.id === undefined ? null : await findCategoryRule(trx, input.id);
      if (input.id !== undefined && !before) throw notFound('Category rule', input.id);
      const rule = (await saveCategoryRule(trx, { ...input, keywords: unique(input.keywords) }, now))!;
      await insertAudit(trx, { at: now, actor, action: 'rules.saveCategory', entity: 'category_rule', entityId: rule.id, before, after: rule });
      return rule;
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return saved;
  }

  async remove(kind: 'monitor' | 'category', id: number, actor: string): Promise<{ id: number }> {
    const now = this.deps.clock.now();
    await this.deps.db.transaction().execute(async (trx) => {
      const before = kind === 'monitor' ? await findMonitorRule(trx, id) : await findCategoryRule(trx, id);
      if (!before || !(await deleteRule(trx, kind, id))) throw notFound(kind === 'monitor' ? 'Monitoring rule' : 'Category rule', id);
      await insertAudit(trx, { at: now, actor, action: 'rules.remove', entity: `${kind}_rule`, entityId: id, before });
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return { id };
  }

  /**
   * Re-runs the category rules over cases that are not closed and whose category no person
   * chose. Works in chunks of short transactions so the UI keeps answering on big databases.
   */
  async reclassify(actor: string): Promise<{ changed: number }> {
    const { category } = await this.ruleSet();
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    const select = sqlite.prepare(`
      SELECT c.id, c.category, c.category_rule_id AS ruleId, c.category_words_json AS words, r.text, r.follow_up_text AS followUp
      FROM cases c JOIN reviews r ON r.id = c.review_id
      WHERE c.id > ? AND c.category_source <> 'manual' AND c.status <> 'closed'
      ORDER BY c.id LIMIT 1000`);
    const update = sqlite.prepare(`
      UPDATE cases SET category = ?, category_source = ?, category_rule_id = ?, category_rule_name = ?, category_words_json = ?, updated_at = ?
      WHERE id = ?`);
    let changed = 0;
    let after = 0;
    const switched: number[] = [];
    for (;;) {
      const rows = select.all(after) as { id: number; category: string; ruleId: number | null; words: string; text: string; followUp: string | null }[];
      if (rows.length === 0) break;
      after = (rows.at(-1) as { id: number }).id;
      sqlite.transaction(() => {
        const moved: { caseId: number; from: CaseCategory }[] = [];
        for (const row of rows) {
          const decision = classifyReview(ruleHaystack(row.text, row.followUp), category);
          const words = JSON.stringify(decision.matchedWords);
          if (decision.category === row.category && decision.ruleId === row.ruleId && words === row.words) continue;
          update.run(decision.category, decision.source, decision.ruleId, decision.ruleName, words, now, row.id);
          if (decision.category !== row.category) moved.push({ caseId: row.id, from: row.category as CaseCategory });
          changed++;
        }
        // A case whose category changed follows that category's SLA policy, as a manual change does.
        switched.push(...this.sla.switchCategory(moved, actor, now));
      })();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await insertAudit(this.deps.db, { at: now, actor, action: 'rules.reclassify', entity: 'case', entityId: null, after: { changed } });
    if (changed > 0) this.deps.events.emit('data.changed', { domain: 'reviews' });
    if (switched.length > 0) this.sla.changed(switched);
    return { changed };
  }
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
}
