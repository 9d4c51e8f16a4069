import { classifierSettings, type CategoryRule, type ClassifierSettings, type MonitorRule } from '../../../../shared/contract';
import type { ProductFamily } from '../../../../shared/domain/reviews';
import type { CategoryModel } from '../../../../shared/rules/category-model';
import { classifyReview, compileLexicon, defaultNeedsReviewThreshold, ruleHaystack } from '../../../../shared/rules/classify';
import type { Lexicon } from '../../../../shared/rules/lexicon';
import { insertAudit } from '../../../../db/queries/audit';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { findShopSync } from '../../../../db/queries/shops';
import {
  deleteRuleSync,
  findCategoryRuleSync,
  findMonitorRuleSync,
  listCategoryRules,
  listMonitorRules,
  listReclassifiableCases,
  saveCategoryRuleSync,
  saveMonitorRuleSync,
  setCaseClassification,
} from '../../../../db/queries/rules';
import { inTransaction } from '../../../../db/transaction';
import { notFound } from '../../errors';
import type { RuleSet } from '../imports/prepare-review';
import type { ServiceDeps } from '../service-deps';
import type { SlaService } from '../sla/sla-service';
import type { CategorySwitch } from '../sla/policies';

/** Cases re-decided per transaction: short enough that the UI's queries never wait long. */
const reclassifyChunk = 1000;

const classifierKey = 'classifier';

/** Monitoring and category rules: the user's rows, read fresh at the start of every import. */
export class RulesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: SlaService,
  ) {}

  /**
   * The learned category model the scorer consults (null: none trained). Set by whoever trains it
   * (issue 15 item 4); read at the start of every import and re-run, like the rules.
   */
  modelProvider: () => CategoryModel | null = () => null;

  async list(): Promise<{ monitor: MonitorRule[]; category: CategoryRule[] }> {
    const [monitor, category] = await Promise.all([listMonitorRules(this.deps.db), listCategoryRules(this.deps.db)]);
    return { monitor, category };
  }

  /** The rules for reviews of `shopId` (its product family's lexicon; every family's without a shop). */
  async ruleSet(shopId?: number): Promise<RuleSet> {
    const { monitor, category } = await this.list();
    const family = shopId === undefined ? null : (findShopSync(this.deps.sqlite, shopId)?.productFamily ?? null);
    return { monitor, lexicon: compileLexicon(category, family), model: this.modelProvider(), threshold: this.classifier().needsReviewThreshold };
  }

  classifier(): ClassifierSettings {
    const parsed = classifierSettings.safeParse(readSettingSync(this.deps.sqlite, classifierKey));
    return parsed.success ? parsed.data : { needsReviewThreshold: defaultNeedsReviewThreshold };
  }

  saveClassifier(input: ClassifierSettings, actor: string): ClassifierSettings {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    inTransaction(sqlite, () => {
      const before = this.classifier();
      writeSettingSync(sqlite, classifierKey, input, now);
      insertAudit(sqlite, { at: now, actor, action: 'rules.saveClassifier', entity: 'settings', entityId: null, before, after: input });
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return this.classifier();
  }

  async saveMonitor(input: Omit<MonitorRule, 'id'> & { id?: number }, actor: string): Promise<MonitorRule> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const saved = inTransaction(sqlite, () => {
      const before = input.id === undefined ? null : findMonitorRuleSync(sqlite, input.id);
      if (input.id !== undefined && !before) throw notFound('Monitoring rule', input.id);
      const rule = saveMonitorRuleSync(sqlite, { ...input, keywords: unique(input.keywords) }, now)!;
      insertAudit(sqlite, { at: now, actor, action: 'rules.saveMonitor', entity: 'monitor_rule', entityId: rule.id, before, after: rule });
      return rule;
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return saved;
  }

  async saveCategory(input: Omit<CategoryRule, 'id'> & { id?: number }, actor: string): Promise<CategoryRule> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const saved = inTransaction(sqlite, () => {
      const before = input.id === undefined ? null : findCategoryRuleSync(sqlite, input.id);
      if (input.id !== undefined && !before) throw notFound('Category rule', input.id);
      const rule = saveCategoryRuleSync(sqlite, { ...input, keywords: unique(input.keywords) }, now)!;
      insertAudit(sqlite, { at: now, actor, action: 'rules.saveCategory', entity: 'category_rule', entityId: rule.id, before, after: rule });
      return rule;
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return saved;
  }

  async remove(kind: 'monitor' | 'category', id: number, actor: string): Promise<{ id: number }> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    inTransaction(sqlite, () => {
      const before = kind === 'monitor' ? findMonitorRuleSync(sqlite, id) : findCategoryRuleSync(sqlite, id);
      if (!before || !deleteRuleSync(sqlite, kind, id)) throw notFound(kind === 'monitor' ? 'Monitoring rule' : 'Category rule', id);
      insertAudit(sqlite, { at: now, actor, action: 'rules.remove', entity: `${kind}_rule`, entityId: id, before });
    });
    this.deps.events.emit('data.changed', { domain: 'rules' });
    return { id };
  }

  /**
   * Re-runs the category rules over cases that are not closed and whose category no person
   * chose. Works in chunks of short transactions so the UI keeps answering on big databases.
   */
  async reclassify(actor: string): Promise<{ changed: number }> {
    const { category } = await this.list();
    const lexicons = new Map<ProductFamily | null, Lexicon>();
    const lexiconFor = (family: ProductFamily | null) => {
      let lexicon = lexicons.get(family);
      if (!lexicon) lexicons.set(family, (lexicon = compileLexicon(category, family)));
      return lexicon;
    };
    const options = { model: this.modelProvider(), threshold: this.classifier().needsReviewThreshold };
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    let changed = 0;
    let after = 0;
    const switched: number[] = [];
    for (;;) {
      const rows = listReclassifiableCases(sqlite, after, reclassifyChunk);
      if (rows.length === 0) break;
      after = (rows.at(-1) as { id: number }).id;
      inTransaction(sqlite, () => {
        const moved: CategorySwitch[] = [];
        for (const row of rows) {
          const decision = classifyReview(ruleHaystack(row.text, row.followUp), lexiconFor(row.family), options);
          const same =
            decision.category === row.category &&
            decision.ruleId === row.ruleId &&
            JSON.stringify(decision.matchedWords) === row.words &&
            (decision.needsReview ? 1 : 0) === row.needsReview &&
            JSON.stringify(decision.explanation) === row.explanation;
          if (same) continue;
          setCaseClassification(sqlite, row.id, decision, now);
          const review = decision.needsReview ? 1 : 0;
          if (decision.category !== row.category || review !== row.needsReview) moved.push({ caseId: row.id, from: row.category, leftReview: review !== row.needsReview });
          changed++;
        }
        // A case whose category changed follows that category's SLA policy, as a manual change does.
        switched.push(...this.sla.switchCategory(moved, actor, now));
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    insertAudit(this.deps.sqlite, { at: now, actor, action: 'rules.reclassify', entity: 'case', entityId: null, after: { changed } });
    if (changed > 0) this.deps.events.emit('data.changed', { domain: 'reviews' });
    if (switched.length > 0) this.sla.changed(switched);
    return { changed };
  }
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
}
