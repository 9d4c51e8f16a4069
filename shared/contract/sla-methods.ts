import { z } from 'zod';
import { caseStatus } from './inbox-schemas';
import { id, staffRole } from './schemas';
import {
  authSession,
  authSettings,
  awaySummary,
  boardColumn,
  caseOutcome,
  caseSla,
  notification,
  notificationSettings,
  pauseReason,
  queueItem,
  shopCalendar,
  slaCalendar,
  slaPolicy,
  slaPolicySaveInput,
  slaSummary,
} from './sla-schemas';

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const noInput = z.object({}).strict();

/**
 * SLA timers, the case lifecycle, notifications and sign-in (issue 4).
 * Authority: methods marked "owner-only" answer FORBIDDEN unless the signed-in operator is an
 * owner (or nobody is signed in and `requireSignIn` is off: the single-user desk acts as owner).
 */
export const slaMethods = {
  /** Current policies (and, with `includeHistory`, every earlier version too). */
  'sla.listPolicies': method(z.object({ includeHistory: z.boolean().optional() }).strict(), z.object({ items: z.array(slaPolicy) })),
  /** Owner-only. Saves a new version; `openCasesUpdated` counts cases moved to it. */
  'sla.savePolicy': method(slaPolicySaveInput, z.object({ policy: slaPolicy, openCasesUpdated: z.number().int() })),
  /** Owner-only. Removes a shop/platform override (built-in category policies cannot be removed). */
  'sla.removePolicy': method(z.object({ id, applyToOpenCases: z.boolean() }).strict(), z.object({ id, openCasesUpdated: z.number().int() })),
  'sla.getCalendar': method(z.object({ shopId: id }).strict(), shopCalendar),
  /** Owner-only. `calendar: null` removes it (clocks run 24/7). Open cases' deadlines are recomputed. */
  'sla.saveCalendar': method(z.object({ shopId: id, calendar: slaCalendar.nullable() }).strict(), shopCalendar),
  /** The SLA panel of one case: each target, its state, its history. */
  'sla.getCase': method(z.object({ caseId: id }).strict(), caseSla),
  /** Counts for the badge and the queue header. */
  'sla.summary': method(noInput, slaSummary),
  /** What fired while the app was closed or asleep (late points) since the last acknowledgement. */
  'sla.awaySummary': method(noInput, awaySummary),
  'sla.ackAway': method(noInput, z.object({ acknowledgedAt: z.number().int() })),

  /** Moves a case along its lifecycle. 'contacting' records the first response. */
  'cases.transition': method(
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
  ),
  'cases.pause': method(z.object({ caseId: id, reason: pauseReason, note: z.string().trim().max(1000).optional() }).strict(), caseSla),
  'cases.resume': method(z.object({ caseId: id }).strict(), caseSla),
  /** The signed-in operator takes a case (checked against the category's owner role). */
  'cases.take': method(z.object({ caseId: id }).strict(), caseSla),
  /** Open cases of one person (default: the signed-in operator; nobody signed in: every open case), most urgent first. */
  'cases.myQueue': method(
    z.object({ staffId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    z.object({ items: z.array(queueItem), now: z.number().int() }),
  ),
  /** Open cases per assignee (null column: unassigned), each column most urgent first. */
  'cases.board': method(
    z.object({ perColumn: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ columns: z.array(boardColumn), now: z.number().int() }),
  ),

  'notifications.list': method(
    z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ items: z.array(notification), unread: z.number().int() }),
  ),
  'notifications.markRead': method(
    z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional() }).strict(),
    z.object({ updated: z.number().int() }),
  ),
  'notifications.getSettings': method(noInput, notificationSettings),
  'notifications.updateSettings': method(
    notificationSettings.partial().strict(),
    notificationSettings,
  ),

  'auth.session': method(noInput, authSession),
  /** Active staff to pick from on the sign-in screen. */
  'auth.profiles': method(noInput, z.object({ items: z.array(z.object({ id, name: z.string(), role: staffRole, hasPin: z.boolean() })) })),
  /** FORBIDDEN with a wrong PIN or a deactivated profile. */
  'auth.signIn': method(z.object({ staffId: id, pin: z.string().max(12).optional() }).strict(), authSession),
  'auth.signOut': method(noInput, authSession),
  'auth.getSettings': method(noInput, authSettings),
  /** Owner-only. */
  'auth.updateSettings': method(authSettings.partial().strict(), authSettings),
  /** Sets or clears (null) a PIN of 4–8 digits. Yourself, or anyone when you are the owner. */
  'staff.setPin': method(
    z.object({ id, pin: z.string().regex(/^\d{4,8}$/).nullable() }).strict(),
    z.object({ id, hasPin: z.boolean() }),
  ),
} as const;
