import type { Sqlite } from '../../../../db/connection';
import { insertAudit } from '../../../../db/queries/audit';
import { prepareReviewInserts, type ReviewInserts } from '../../../../db/queries/imports';
import { insertNotification } from '../../../../db/queries/notifications';
import { inTransaction } from '../../../../db/transaction';
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
  private readonly statements: ReviewInserts;

  constructor(private readonly sqlite: Sqlite) {
    this.statements = prepareReviewInserts(sqlite);
  }

  /** One transaction: the rows, their cases, flags and alerts, the rejects and the run's counts. */
  write(context: WriteContext, rows: readonly PreparedReview[], rejects: readonly RowReject[] = []): BatchResult {
    const result: BatchResult = { inserted: 0, duplicates: 0, casesOpened: 0, followUpsAdded: 0, insertedIds: [], alerts: [], negatives: [] };
    const { insertReview, addFollowUp, insertCase, insertFlag, insertAlert, insertReject, addRunCounts } = this.statements;
    inTransaction(this.sqlite, () => {
      for (const row of rows) {
        const { draft } = row;
        const stored = insertReview.get(
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
            const updated = addFollowUp.get(draft.followUpText, context.shopId, row.dedupeKey) as { id: number } | undefined;
            if (updated) {
              result.followUpsAdded++;
              insertAudit(this.sqlite, {
                at: context.now,
                actor: context.actor,
                action: 'reviews.followUp',
                entity: 'review',
                entityId: updated.id,
                after: { followUpText: draft.followUpText, importId: context.importId },
              });
            }
          }
          continue;
        }
        const reviewId = stored.id;
        result.inserted++;
        result.insertedIds.push(reviewId);
        if (row.opensCase) {
          const { decision, severity } = row.opensCase;
          insertCase.run(
            reviewId,
            context.shopId,
            draft.level,
            draft.postedAt,
            decision.category,
            decision.source,
            decision.ruleId,
            decision.ruleName,
            JSON.stringify(decision.matchedWords),
            JSON.stringify(decision.explanation),
            decision.needsReview ? 1 : 0,
            severity,
            context.now,
            context.now,
          );
          result.casesOpened++;
          result.negatives.push({ product: draft.product, buyerIp: draft.buyerIp, deviceId: draft.deviceId });
        }
        for (const flag of row.flags) insertFlag.run(reviewId, flag.type, flag.evidence, JSON.stringify(flag.params), context.now);
        for (const alert of row.alerts) {
          const { id } = insertAlert.get(reviewId, alert.ruleId, alert.ruleName, JSON.stringify(alert.matchedWords), context.now, alert.kind ?? 'monitor') as { id: number };
          const excerpt = excerptOf(draft.text);
          // Its line in the notification centre (monitor tab), delivered after the commit.
          insertNotification(this.sqlite, {
            kind: 'review_alert',
            title: alert.ruleName,
            body: excerpt,
            paramsJson: JSON.stringify({ alertId: id, reviewId, ruleName: alert.ruleName, words: alert.matchedWords.join('、'), level: draft.level, shopName: context.shopName, excerpt, kind: alert.kind ?? 'monitor' }),
            route: `/inbox?review=${reviewId}`,
            caseId: null,
            urgent: false,
            sound: false,
            createdAt: context.now,
            held: false,
            // One line per rule and import run (or per minute for reviews typed in and the demo).
            groupKey: `review_alert:${alert.ruleId}:${context.importId !== null ? `import${context.importId}` : Math.floor(context.now / 60_000)}`,
            alertId: id,
          });
          result.alerts.push({ alertId: id, reviewId, ruleName: alert.ruleName, matchedWords: alert.matchedWords, level: draft.level, shopName: context.shopName, excerpt, kind: alert.kind ?? 'monitor' });
        }
      }
      if (context.importId !== null) {
        for (const reject of rejects) {
          insertReject.run(context.importId, reject.rowNumber, reject.code, reject.reason, JSON.stringify(reject.raw));
        }
        addRunCounts.run(
          rows.length + rejects.length,
          result.inserted,
          result.duplicates,
          rejects.length,
          result.casesOpened,
          result.alerts.length,
          context.importId,
        );
      }
    });
    return result;
  }
}
