import { z } from 'zod';
import { id, staffRole, timestamp } from './common';
import { caseStatus, review, reviewFlag } from './reviews';
import { caseOutcome, caseSla, pauseReason, slaTargetKind } from './sla';

// The case workspace: everything one case page shows, in one answer (cases.getWorkspace).

/** Who did something: a staff member (with their role when the name is on the team) or a built-in actor. */
export const workspaceActor = z.object({
  name: z.string(),
  /** 'system' (routing, timers), 'local' (this computer), 'cli', 'rules'; null for a person. */
  builtIn: z.enum(['system', 'local', 'cli', 'rules']).nullable(),
  role: staffRole.nullable(),
});

export type WorkspaceActor = z.infer<typeof workspaceActor>;

export const workspaceEventKinds = ['opened', 'warning', 'breach', 'met', 'paused', 'resumed', 'policy_changed', 'transition', 'escalated', 'assigned', 'pooled', 'note'] as const;

/**
 * One line of a case's history as data the UI puts into words: the raw `detail` of case_events
 * (`contacting→solution_offered: 已电话联系`, a role, a name, `v3`) taken apart into fields.
 */
export const workspaceEvent = z.object({
  at: timestamp,
  kind: z.enum(workspaceEventKinds),
  actor: workspaceActor,
  /** For SLA points and met: the target. */
  target: slaTargetKind.nullable(),
  percent: z.number().int().nullable(),
  late: z.boolean(),
  /** transition: the statuses before and after, and the outcome recorded. */
  from: caseStatus.nullable(),
  to: caseStatus.nullable(),
  outcome: caseOutcome.nullable(),
  /** A note: the note itself, or the text given with a transition or pause. */
  text: z.string().nullable(),
  pauseReason: pauseReason.nullable(),
  /** assigned: who got the case. */
  assignee: workspaceActor.nullable(),
  /** pooled / escalated: the role whose pool or desk it went to. */
  role: staffRole.nullable(),
  /** opened / policy_changed: the policy version followed from then on. */
  policyVersion: z.number().int().nullable(),
  /** transition to solution_offered: the compensation offered (分). */
  compensationCents: z.number().int().nullable(),
  /** Anything the parser did not recognise, kept rather than lost. */
  detail: z.string().nullable(),
});

export type WorkspaceEvent = z.infer<typeof workspaceEvent>;

export const caseWorkspace = z.object({
  caseId: id,
  review,
  buyer: z.object({ nick: z.string().nullable(), reviews: z.number().int(), negative: z.number().int(), flags: z.array(reviewFlag) }),
  /** Other reviews on the same order (e.g. the follow-up), newest first. */
  sameOrder: z.array(review),
  sla: caseSla,
  assignee: workspaceActor.extend({ id }).nullable(),
  /** The role whose pool the case waits in while nobody holds it. */
  poolRole: staffRole.nullable(),
  /** Oldest first. */
  history: z.array(workspaceEvent),
  /** Every compensation offered, oldest first; the last is the one standing. */
  compensation: z.array(z.object({ cents: z.number().int(), at: timestamp, actor: workspaceActor })),
  now: timestamp,
});

export type CaseWorkspace = z.infer<typeof caseWorkspace>;
