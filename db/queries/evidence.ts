import { sql, type Insertable, type Selectable } from 'kysely';
import type { EvidenceItem, EvidenceTarget } from '../../shared/contract';
import type { EvidenceKind, EvidenceMedia } from '../../shared/domain/evidence';
import type { Sqlite } from '../connection';
import type { EvidenceTable } from '../schema';
import { allSync, firstSync, runSync } from '../transaction';
import { listLinksOf, listLinksOfSync, toLink, type LinkRow } from './evidence-links';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

/*
 * Reads outside a transaction take the Kysely `Executor`. What an evidence transaction runs takes
 * `Sqlite` and is synchronous (inTransaction's work cannot await): the same Kysely-built queries,
 * run with allSync/firstSync/runSync.
 */

type EvidenceRow = Selectable<EvidenceTable>;

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function toEvidence(row: EvidenceRow, links: LinkRow[]): EvidenceItem {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    originalName: row.original_name,
    detectedType: row.detected_type,
    mime: row.mime,
    media: row.media as EvidenceMedia,
    previewable: row.previewable === 1,
    extensionMismatch: row.extension_mismatch === 1,
    width: row.width,
    height: row.height,
    durationMs: row.duration_ms,
    kind: row.kind as EvidenceKind,
    capturedAt: row.captured_at,
    source: row.source,
    tags: JSON.parse(row.tags_json) as string[],
    notes: row.notes,
    addedAt: row.added_at,
    addedBy: row.added_by,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
    links: links.map(toLink),
  };
}

/** Rows to API items, loading every row's links in one query. */
async function withLinks(db: Executor, rows: EvidenceRow[]): Promise<EvidenceItem[]> {
  if (rows.length === 0) return [];
  const byId = groupBy(await listLinksOf(db, rows.map((row) => row.id)), (link) => link.evidence_id);
  return rows.map((row) => toEvidence(row, byId.get(row.id) ?? []));
}

function withLinksSync(sqlite: Sqlite, row: EvidenceRow | undefined): EvidenceItem | undefined {
  return row && toEvidence(row, listLinksOfSync(sqlite, [row.id]));
}

export type NewEvidence = Omit<Insertable<EvidenceTable>, 'id' | 'trashed_at' | 'trashed_by'>;

/** The new evidence as stored (it has no links yet): read back by the insert itself, not a second query. */
export function insertEvidence(sqlite: Sqlite, values: NewEvidence): EvidenceItem {
  const row = firstSync(sqlite, queryBuilder.insertInto('evidence').values(values).returningAll());
  if (!row) throw new Error('The evidence insert returned no row.');
  return toEvidence(row, []);
}

const selectEvidence = (db: Executor, id: number) => db.selectFrom('evidence').selectAll().where('id', '=', id);

export async function findEvidence(db: Executor, id: number): Promise<EvidenceItem | undefined> {
  const row = await selectEvidence(db, id).executeTakeFirst();
  return row ? (await withLinks(db, [row]))[0] : undefined;
}

export function findEvidenceSync(sqlite: Sqlite, id: number): EvidenceItem | undefined {
  return withLinksSync(sqlite, firstSync(sqlite, selectEvidence(queryBuilder, id)));
}

/** The live (not trashed) evidence holding these bytes, if any. */
const selectLiveBySha = (db: Executor, sha256: string) =>
  db.selectFrom('evidence').selectAll().where('sha256', '=', sha256).where('trashed_at', 'is', null);

export async function findLiveEvidenceBySha(db: Executor, sha256: string): Promise<EvidenceItem | undefined> {
  const row = await selectLiveBySha(db, sha256).executeTakeFirst();
  return row ? (await withLinks(db, [row]))[0] : undefined;
}

export function findLiveEvidenceByShaSync(sqlite: Sqlite, sha256: string): EvidenceItem | undefined {
  return withLinksSync(sqlite, firstSync(sqlite, selectLiveBySha(queryBuilder, sha256)));
}

export interface EvidenceFilters {
  kind?: EvidenceKind;
  media?: EvidenceMedia;
  tag?: string;
  text?: string;
  linkedTo?: EvidenceTarget;
  trashed?: boolean;
  limit?: number;
}

export async function listEvidence(db: Executor, filters: EvidenceFilters): Promise<EvidenceItem[]> {
  let query = db.selectFrom('evidence').selectAll();
  query = filters.trashed ? query.where('trashed_at', 'is not', null) : query.where('trashed_at', 'is', null);
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.media) query = query.where('media', '=', filters.media);
  if (filters.tag) {
    const tag = filters.tag;
    query = query.where(sql<boolean>`exists (select 1 from json_each(evidence.tags_json) where json_each.value = ${tag})`);
  }
  if (filters.text) {
    // instr, not LIKE: names may hold % and _ and must match literally.
    const text = filters.text;
    query = query.where(
      sql<boolean>`(instr(lower(original_name), lower(${text})) > 0 or instr(lower(notes), lower(${text})) > 0 or instr(lower(source), lower(${text})) > 0)`,
    );
  }
  if (filters.linkedTo) {
    const { targetType, targetId } = filters.linkedTo;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidence_links')
          .select('evidence_links.evidence_id')
          .whereRef('evidence_links.evidence_id', '=', 'evidence.id')
          .where('evidence_links.target_type', '=', targetType)
          .where('evidence_links.target_id', '=', targetId),
      ),
    );
  }
  const rows = await query
    .orderBy('added_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filters.limit ?? 200)
    .execute();
  return withLinks(db, rows);
}

export function updateEvidenceMetadata(
  sqlite: Sqlite,
  id: number,
  changes: { kind?: EvidenceKind; tags?: string[]; notes?: string; source?: string; capturedAt?: number | null; now: number },
): void {
  const query = queryBuilder
    .updateTable('evidence')
    .set({
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(changes.tags !== undefined && { tags_json: JSON.stringify(changes.tags) }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
      ...(changes.source !== undefined && { source: changes.source }),
      ...(changes.capturedAt !== undefined && { captured_at: changes.capturedAt }),
      updated_at: changes.now,
    })
    .where('id', '=', id);
  runSync(sqlite, query);
}

export function setEvidenceTrashed(sqlite: Sqlite, id: number, trashed: { at: number; by: string } | null): void {
  runSync(sqlite, queryBuilder.updateTable('evidence').set({ trashed_at: trashed?.at ?? null, trashed_by: trashed?.by ?? null }).where('id', '=', id));
}

export function listTrashedRows(sqlite: Sqlite) {
  return allSync(sqlite, queryBuilder.selectFrom('evidence').select(['id', 'sha256', 'size', 'original_name']).where('trashed_at', 'is not', null));
}

/** Deletes these rows; their links go with them (ON DELETE CASCADE). */
export function deleteEvidenceRows(sqlite: Sqlite, ids: number[]): void {
  if (ids.length === 0) return;
  runSync(sqlite, queryBuilder.deleteFrom('evidence').where('id', 'in', ids));
}

/** How many rows (live or trashed) still name these bytes. */
export async function countEvidenceForSha(db: Executor, sha256: string): Promise<number> {
  const row = await db
    .selectFrom('evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sha256', '=', sha256)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every object the vault must hold, with the evidence that names it (trashed rows included). */
export async function listReferencedObjects(db: Executor) {
  const rows = await db.selectFrom('evidence').select(['id', 'sha256', 'size', 'original_name']).orderBy('id').execute();
  const bySha = groupBy(rows, (row) => row.sha256);
  return [...bySha].map(([sha256, group]) => ({
    sha256,
    size: group[0]!.size,
    evidenceIds: group.map((row) => row.id),
    names: group.map((row) => row.original_name),
  }));
}

/** The type of a live object, for serving it; undefined when no live evidence holds it. */
export async function findServableObject(db: Executor, sha256: string) {
  return db
    .selectFrom('evidence')
    .select(['sha256', 'mime', 'size'])
    .where('sha256', '=', sha256)
    .where('trashed_at', 'is', null)
    .executeTakeFirst();
}

