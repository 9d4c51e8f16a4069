import { z } from 'zod';
import { mutation, query } from './method';
import { id, staffRole } from './common';
import { caseCategory, caseStatus, caseSummary, classification } from './reviews';
import { boardColumn, caseOutcome, caseSla, pauseReason, queueItem } from './sla';
import { caseWorkspace } from './case-workspace';
import { assignTarget, boardViewColumn, bulkResult, caseListFilter, caseListItem, caseListSort, caseSelection } from './cases-list';
import { bulkTransitionTargets } from '../domain/case-order';

// Cases: assignment, category and lifecycle.

const caseIds = z.array(id).min(1).max(10_000);

export const casesMethods = {
  'cases.assign': mutation(z.object({ caseIds, assigneeId: id.nullable() }).strict(), z.object({ updated: z.number().int() }), 'agent'),
  /** A person's category wins over the rules from then on, and re-import keeps it. */
  'cases.recategorize': mutation(z.object({ caseIds, category: caseCategory }).strict(), z.object({ updated: z.number().int() }), 'agent'),
  'cases.get': query(z.object({ id }).strict(), caseSummary.extend({ reviewId: id, classification })),
  /** The case workspace in one answer: review, buyer and order, SLA, assignee, history in parts, compensation. */
  'cases.getWorkspace': query(z.object({ caseId: id }).strict(), caseWorkspace),
  /** A note on the case: written to its history (kind note) with the operator's name. */
  'cases.addNote': mutation(z.object({ caseId: id, text: z.string().trim().min(1).max(2000) }).strict(), z.object({ at: z.number().int() }), 'agent'),
  /** Moves a case along its lifecycle. 'contacting' records the first response. */
  'cases.transition': mutation(
    z
      .object({
        caseId: id,
        to: caseStatus,
        /** Required with to = 'outcome'. */
        outcome: caseOutcome.optional(),
        note: z.string().trim().max(1000).optional(),
        /** With to = 'solution_offered': the compensation offered (分); above the threshold needs a supervisor. */
        compensationCents: z.number().int().min(0).max(100_000_000).optional(),
      })
      .strict(),
    caseSla,

    'agent',
  ),
  'cases.pause': mutation(z.object({ caseId: id, reason: pauseReason, note: z.string().trim().max(1000).optional() }).strict(), caseSla, 'agent'),
  'cases.resume': mutation(z.object({ caseId: id }).strict(), caseSla, 'agent'),
  /**
   * The signed-in operator takes a case (checked against the category's owner role). With fromPool
   * (claiming from 待认领): CONFLICT when someone else claimed it first.
   */
  'cases.take': mutation(z.object({ caseId: id, fromPool: z.boolean().optional() }).strict(), caseSla, 'agent'),
  /**
   * The unassigned pool (待认领) of the signed-in operator's role: open cases routed to the role
   * that nobody holds yet, most urgent first. Nobody signed in: every unassigned open case (role null).
   */
  'cases.listPool': query(
    z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ items: z.array(queueItem), role: staffRole.nullable(), now: z.number().int() }),
  ),
  /** Open cases of one person (default: the signed-in operator; nobody signed in: every open case), most urgent first. */
  'cases.myQueue': query(
    z.object({ staffId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ items: z.array(queueItem), now: z.number().int() }),
  ),
  /** Open cases per assignee (null column: unassigned), each column most urgent first. */
  'cases.board': query(
    z.object({ perColumn: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ columns: z.array(boardColumn), now: z.number().int() }),
  ),
  /** Cases matching a filter, a keyset page at a time (no cap), with the total and the server's now. */
  'cases.list': query(
    z
      .object({
        filter: caseListFilter.optional(),
        sort: caseListSort.optional(),
        /** Opaque cursor from the previous page; absent for the first page. */
        cursor: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      })
      .strict(),
    z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable(), total: z.number().int(), now: z.number().int() }),
  ),
  /** The board: columns by status, or by assignee (active people, then each role's 待认领 pool); real counts and the first cards of each. */
  'cases.boardView': query(
    z.object({ groupBy: z.enum(['status', 'assignee']), filter: caseListFilter.optional(), perColumn: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({ columns: z.array(boardViewColumn), now: z.number().int() }),
  ),
  /** Assigns the selected cases to a person or back to a role's pool; cases the person's role may not take are reported, the rest move. */
  'cases.bulkAssign': mutation(z.object({ selection: caseSelection, to: assignTarget }).strict(), bulkResult, 'agent'),
  /**
   * Moves the selected cases one lifecycle step that needs nothing per case (contacting, resolved,
   * guidance_sent, closed); each case is its own step, so cases that cannot move are reported and the rest move.
   */
  'cases.bulkTransition': mutation(
    z.object({ selection: caseSelection, to: z.enum(bulkTransitionTargets), note: z.string().trim().max(1000).optional() }).strict(),
    bulkResult,
    'agent',
  ),
} as const;
