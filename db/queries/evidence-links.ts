import type { Selectable } from 'kysely';
import type { EvidenceItem, EvidenceTarget } from '../../shared/contract';
import type { EvidenceTargetType } from '../../shared/domain/evidence';
import type { Sqlite } from '../connection';
import type { EvidenceLinksTable } from '../schema';
import { allSync, runSync } from '../transaction';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

export type LinkRow = Selectable<EvidenceLinksTable>;

export function toLink(row: LinkRow): EvidenceItem['links'][number] {
  return {
    targetType: row.target_type as EvidenceTargetType,
    targetId: row.target_id,
    linkedAt: row.linked_at,
    linkedBy: row.linked_by,
  };
}

/** The links of these evidence rows, oldest first. */
const selectLinksOf = (db: Executor, evidenceIds: number[]) =>
  db
    .selectFrom('evidence_links')
    .selectAll()
    .where('evidence_id', 'in', evidenceIds)
    .orderBy('linked_at')
    .orderBy('target_type')
    .orderBy('target_id');

export function listLinksOf(db: Executor, evidenceIds: number[]): Promise<LinkRow[]> {
  return selectLinksOf(db, evidenceIds).execute();
}

export function listLinksOfSync(sqlite: Sqlite, evidenceIds: number[]): LinkRow[] {
  return allSync(sqlite, selectLinksOf(queryBuilder, evidenceIds));
}

/** Adds a link; false when it was already there. */
export function insertEvidenceLink(sqlite: Sqlite, values: { evidenceId: number; target: EvidenceTarget; at: number; by: string }): boolean {
  const query = queryBuilder
    .insertInto('evidence_links')
    .values({
      evidence_id: values.evidenceId,
      target_type: values.target.targetType,
      target_id: values.target.targetId,
      linked_at: values.at,
      linked_by: values.by,
    })
    .onConflict((oc) => oc.doNothing());
  return runSync(sqlite, query).changes > 0;
}

/** Removes a link; false when there was none. */
export function deleteEvidenceLink(sqlite: Sqlite, evidenceId: number, target: EvidenceTarget): boolean {
  const query = queryBuilder
    .deleteFrom('evidence_links')
    .where('evidence_id', '=', evidenceId)
    .where('target_type', '=', target.targetType)
    .where('target_id', '=', target.targetId);
  return runSync(sqlite, query).changes > 0;
}
