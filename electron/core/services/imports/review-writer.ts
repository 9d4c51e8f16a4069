import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../../../../db/connection';
import type { EventPayload } from '../../../../shared/contract/events';
import type { PlatformId } from '../../../../shared/domain/platforms';
import type { Severity } from '../../../../shared/domain/reviews';
import type { CategoryDecision } from '../../../../shared/rules/classify';
import type { MonitorMatch } from '../../../../shared/rules/monitor';
import type { FlagFinding } from '../../../../shared/rules/text-flags';
import type { ReviewDraft, RowReject } from './map-row';

/** A draft with everything decided that needs no database: its key, case, flags and alerts. */
export interface PreparedReview {
  draft: ReviewDraft;
  dedupeKey: string;
  /** Set for neutral and bad reviews: they open a case. */
  opensCase: { decision: CategoryDecision; severity: Severity } | null;
  flags: FlagFinding[];
  alerts: MonitorMatch[];
}

export interface WriteContext {
  shopId: number;
  shopName: string;
  platform: PlatformId;
  importId: number | null;
  sourceFile: string | null;
  now: number;
  actor: string;
}

export interface BatchResult {
  inserted: number;
  duplicates: number;
  casesOpened: number;
  followUpsAdded: number;
  insertedIds: number[];
  alerts: EventPayload<'review.alert'>[];
  /** Negative reviews stored, for the flags that look across reviews (burst, same device). */
  negatives: { product: string | null; buyerIp: string | null; deviceId: string | null }[];
}

export const excerptOf = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/**
 * Writes reviews with prepared statements, one transaction per call. The caller sizes batches so
 * a transaction stays short (the UI's queries wait for it) and never does I/O inside one.
 */
export class ReviewWriter {
  private readonly insertReview: Statement;
  private readonly addFollowUp: Statement;
  private readonly insertCase: Statement;
  private readonly insertFlag: Statement;
  private readonly insertAlert: Statement;
  private readonly insertReject: Statement;
  private readonly insertAudit: Statement;
  private readonly updateRun: Statement;

  constructor(private readonly sqlite: Sqlite) {
    this.insertReview = sqlite.prepare(`
      INSERT INTO reviews (shop_id, platform, dedupe_key, platform_review_id, order_no, product, sku, rating, level, text,
        follow_up_text, images_count, buyer_nick, buyer_ip, device_id, posted_at, imported_at, import_id, source_file)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (shop_id, dedupe_key) DO NOTHING
      RETURNING id`);
    // A follow-up (追评) written after the first export arrives in a later one: add it, change nothing else.
    this.addFollowUp = sqlite.prepare(`
      UPDATE reviews SET follow_up_text = ? WHERE shop_id = ? AND dedupe_key = ? AND follow_up_text IS NULL RETURNING id`);
    this.insertCase = sqlite.prepare(`
      INSERT INTO cases (review_id, shop_id, level, posted_at, status, category, category_source, category_rule_id,
        category_rule_name, category_words_json, severity, opened_at, updated_at)
      VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertFlag = sqlite.prepare(`INSERT OR IGNORE INTO review_flags (review_id, type, evidence, params_json, created_at) VALUES (?, ?, ?, ?, ?)`);
    this.insertAlert = sqlite.prepare(`
      INSERT INTO alerts (review_id, rule_id, rule_name, matched_words_json, at) VALUES (?, ?, ?, ?, ?) RETURNING id`);
    this.insertReject = sqlite.prepare(`
      INSERT INTO import_rejects (import_id, row_number, code, reason, raw_json) VALUES (?, ?, ?, ?, ?)`);
    this.insertAudit = sqlite.prepare(`
      INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.updateRun = sqlite.prepare(`
      UPDATE import_runs SET read_count = read_count + ?, inserted_count = inserted_count + ?, duplicate_count = duplicate_count + ?,
        rejected_count = rejected_count + ?, cases_opened = cases_opened + ?, alerts_count = alerts_count + ?
      WHERE id = ?`);
  }

  /** One transaction: the rows, their cases, flags and alerts, the rejects and the run's counts. */
  write(context: WriteContext, rows: readonly PreparedReview[], rejects: readonly RowReject[] = []): BatchResult {
    const result: BatchResult = { inserted: 0, duplicates: 0, casesOpened: 0, followUpsAdded: 0, insertedIds: [], alerts: [], negatives: [] };
    this.sqlite.transaction(() => {
      for (const row of rows) {
        const { draft } = row;
        const stored = this.insertReview.get(
          context.shopId,
          context.platform,
          row.dedupeKey,
          draft.platformReviewId,
          draft.orderNo,
          draft.product,
          draft.sku,
          draft.rating,
          draft.level,
          draft.text,
          draft.followUpText,
          draft.imagesCount,
          draft.buyerNick,
          draft.buyerIp,
          draft.deviceId,
          draft.postedAt,
          context.now,
          context.importId,
          context.sourceFile,
        ) as { id: number } | undefined;
        if (!stored) {
          result.duplicates++;
          if (draft.followUpText !== null) {
            const updated = this.addFollowUp.get(draft.followUpText, context.shopId, row.dedupeKey) as { id: number } | undefined;
            if (updated) {
              result.followUpsAdded++;
              this.insertAudit.run(context.now, context.actor, 'reviews.followUp', 'review', String(updated.id), null, JSON.stringify({ followUpText: draft.followUpText, importId: context.importId }));
            }
          }
          continue;
        }
        const reviewId = stored.id;
        result.inserted++;
        result.insertedIds.push(reviewId);
        if (row.opensCase) {
          const { decision, severity } = row.opensCase;
          this.insertCase.run(
            reviewId,
            context.shopId,
            draft.level,
            draft.postedAt,
            decision.category,
            decision.source,
            decision.ruleId,
            decision.ruleName,
            JSON.stringify(decision.matchedWords),
            severity,
            context.now,
            context.now,
          );
          result.casesOpened++;
          result.negatives.push({ product: draft.product, buyerIp: draft.buyerIp, deviceId: draft.deviceId });
        }
        for (const flag of row.flags) this.insertFlag.run(reviewId, flag.type, flag.evidence, JSON.stringify(flag.params), context.now);
        for (const alert of row.alerts) {
          const { id } = this.insertAlert.get(reviewId, alert.ruleId, alert.ruleName, JSON.stringify(alert.matchedWords), context.now) as { id: number };
          result.alerts.push({
            alertId: id,
            reviewId,
            ruleName: alert.ruleName,
            matchedWords: alert.matchedWords,
            level: draft.level,
            shopName: context.shopName,
            excerpt: excerptOf(draft.text),
          });
        }
      }
      if (context.importId !== null) {
        for (const reject of rejects) {
          this.insertReject.run(context.importId, reject.rowNumber, reject.code, reject.reason, JSON.stringify(reject.raw));
        }
        this.updateRun.run(
          rows.length + rejects.length,
          result.inserted,
          result.duplicates,
          rejects.length,
          result.casesOpened,
          result.alerts.length,
          context.importId,
        );
      }
    })();
    return result;
  }
}
