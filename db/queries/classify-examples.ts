import type { CaseCategory } from '../../shared/domain/reviews';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/** A person's recategorisation as the learned model reads it. */
export interface CorrectionExample {
  id: number;
  caseId: number | null;
  shopId: number;
  text: string;
  followUp: string | null;
  fromCategory: CaseCategory;
  toCategory: CaseCategory;
  actor: string;
  at: number;
}

/**
 * Keeps a correction as a labelled example: the case's review text and follow-up as they are now,
 * copied, with who moved it from which category to which. Runs inside the recategorisation's
 * transaction, so a correction and its example are one write.
 */
export function insertCorrectionSync(sqlite: Sqlite, input: { caseId: number; fromCategory: CaseCategory; toCategory: CaseCategory; actor: string; at: number }): void {
  prepareCached(
    sqlite,
    `INSERT INTO classify_examples (case_id, shop_id, text, follow_up_text, from_category, to_category, actor, at)
     SELECT c.id, c.shop_id, r.text, r.follow_up_text, ?, ?, ?, ? FROM cases c JOIN reviews r ON r.id = c.review_id WHERE c.id = ?`,
  ).run(input.fromCategory, input.toCategory, input.actor, input.at, input.caseId);
}

const columns = `id, case_id AS caseId, shop_id AS shopId, text, follow_up_text AS followUp, from_category AS fromCategory,
  to_category AS toCategory, actor, at`;

/**
 * What the model trains on: the newest correction of each case (a case moved twice counts once, as
 * its last category), and every example whose case is gone. Oldest first.
 */
export function listTrainingCorrections(sqlite: Sqlite): CorrectionExample[] {
  return prepareCached(
    sqlite,
    `SELECT ${columns} FROM classify_examples
     WHERE case_id IS NULL OR id IN (SELECT MAX(id) FROM classify_examples WHERE case_id IS NOT NULL GROUP BY case_id)
     ORDER BY id`,
  ).all() as CorrectionExample[];
}

/** The newest corrections (keyword suggestions look at these), newest first. */
export function listRecentCorrections(sqlite: Sqlite, limit: number): CorrectionExample[] {
  return prepareCached(
    sqlite,
    `SELECT ${columns} FROM classify_examples
     WHERE case_id IS NULL OR id IN (SELECT MAX(id) FROM classify_examples WHERE case_id IS NOT NULL GROUP BY case_id)
     ORDER BY id DESC LIMIT ?`,
  ).all(limit) as CorrectionExample[];
}

/** The newest cases' texts with their categories: the "elsewhere" a suggested keyword must be rare in. */
export function listRecentCaseTexts(sqlite: Sqlite, limit: number): { caseId: number; text: string; followUp: string | null; category: CaseCategory }[] {
  return prepareCached(
    sqlite,
    `SELECT c.id AS caseId, r.text, r.follow_up_text AS followUp, c.category FROM cases c JOIN reviews r ON r.id = c.review_id
     ORDER BY c.id DESC LIMIT ?`,
  ).all(limit) as { caseId: number; text: string; followUp: string | null; category: CaseCategory }[];
}

/** The newest example's id (0: none): tells a store whether another process added corrections. */
export function maxCorrectionId(sqlite: Sqlite): number {
  return (prepareCached(sqlite, 'SELECT COALESCE(MAX(id), 0) AS id FROM classify_examples').get() as { id: number }).id;
}
