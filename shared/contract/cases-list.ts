import { z } from 'zod';
import { caseListSorts, slaFilterStates } from '../domain/case-order';
import { staffRoles } from '../domain/roles';
import { id, platformId, staffRole, timestamp } from './common';
import { caseCategory, caseStatus } from './reviews';
import { queueItem } from './sla';

/**
 * Who holds a case, as the list filters it: one person (`staff:<id>`), nobody at all
 * (`unassigned`), or nobody yet within one role's pool (`pool:<role>`, 待认领).
 */
export const assigneeKey = z.string().regex(new RegExp(`^(staff:[1-9][0-9]{0,9}|unassigned|pool:(${staffRoles.join('|')}))$`));
export type AssigneeKey = z.infer<typeof assigneeKey>;

/** The cases list's filters; empty arrays and absent keys filter nothing. Within a key values are OR, across keys AND. */
export const caseListFilter = z
  .object({
    /** Words (AND) each found in the review text or follow-up, buyer nick, order number, or the case id (`123`, `#123`). */
    search: z.string().trim().max(200).optional(),
    statuses: z.array(caseStatus).max(7).optional(),
    categories: z.array(caseCategory).max(7).optional(),
    assignees: z.array(assigneeKey).max(200).optional(),
    shopIds: z.array(id).max(200).optional(),
    platforms: z.array(platformId).max(10).optional(),
    sla: z.array(z.enum(slaFilterStates)).max(4).optional(),
  })
  .strict();
export type CaseListFilter = z.infer<typeof caseListFilter>;

export const caseListSort = z.enum(caseListSorts);

/** A row of the cases list: a queue row plus what a seller searches by. */
export const caseListItem = queueItem.extend({
  buyerNick: z.string().nullable(),
  orderNo: z.string().nullable(),
  platform: platformId,
  dueAt: timestamp.nullable(),
  poolRole: staffRole.nullable(),
});
export type CaseListItem = z.infer<typeof caseListItem>;

/** Which cases a bulk action works on: these ids, or every case matching a filter (not only the loaded rows). */
export const caseSelection = z.union([
  z.object({ caseIds: z.array(id).min(1).max(10_000) }).strict(),
  z.object({ filter: caseListFilter }).strict(),
]);
export type CaseSelection = z.infer<typeof caseSelection>;

/** Why one case of a bulk action was left as it was. */
export const bulkFailure = z.object({
  caseId: id,
  /** not_allowed: the lifecycle has no such step from `from`; forbidden: the role may not (take or close early); not_found; conflict. */
  reason: z.enum(['not_allowed', 'forbidden', 'not_found', 'conflict', 'invalid']),
  from: caseStatus.nullable(),
  message: z.string(),
});
export type BulkFailure = z.infer<typeof bulkFailure>;

export const bulkResult = z.object({
  /** Cases the selection held. */
  matched: z.number().int(),
  updated: z.number().int(),
  /** Already as asked (same assignee, same status). */
  unchanged: z.number().int(),
  /** At most 200, the rest only counted in `failedCount`. */
  failures: z.array(bulkFailure),
  failedCount: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResult>;

/** Where a bulk assign (or a card dropped on a board column) sends cases: a person, or a role's pool. */
export const assignTarget = z.union([z.object({ staffId: id }).strict(), z.object({ pool: staffRole }).strict()]);
export type AssignTarget = z.infer<typeof assignTarget>;

const counts = z.object({ total: z.number().int(), warning: z.number().int(), breached: z.number().int(), paused: z.number().int() });

/** One column of the board: a status, a person, a role's pool, or unrouted cases (nobody, no role yet). */
export const boardViewColumn = z.object({
  key: z.string(),
  kind: z.enum(['status', 'staff', 'pool', 'unrouted']),
  status: caseStatus.nullable(),
  staffId: id.nullable(),
  name: z.string().nullable(),
  role: staffRole.nullable(),
  /** Deactivated staff still holding cases: shown, not a drop target. */
  active: z.boolean(),
  /** The real totals of the column under the filter, not the cards loaded. */
  counts,
  items: z.array(caseListItem),
});
export type BoardViewColumn = z.infer<typeof boardViewColumn>;
