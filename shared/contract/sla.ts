import { z } from 'zod';
import { caseOutcomes, pauseReasons, slaPointKinds, slaTargetKinds, slaTargetStates } from '../domain/sla';
import { mutation, noInput, query } from './method';
import { id, platformId, staffRole, timestamp } from './common';
import { caseCategory, caseStatus, severity } from './reviews';

// SLA policies, working calendars and timers.

export const slaTargetKind = z.enum(slaTargetKinds);

export const slaTargetState = z.enum(slaTargetStates);

export const pauseReason = z.enum(pauseReasons);

export const caseOutcome = z.enum(caseOutcomes);

export const slaPointKind = z.enum(slaPointKinds);

/** "HH:MM" on a 24-hour clock; "24:00" allowed as an end. */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/** "YYYY-MM-DD" in the shop's time zone. */
export const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** One stretch of working time in a day, [start, end); breaks are the gaps between periods. */
export const workPeriod = z.object({ start: clockTime, end: clockTime }).strict();

export type WorkPeriod = z.infer<typeof workPeriod>;

/**
 * A shop's working-hours calendar. `week[0]` is Monday … `week[6]` Sunday; an empty list is a day
 * off. Holidays are days off whatever the weekday; extra workdays (调休) are worked with Monday's
 * periods. SLA clocks that use business hours only run inside these periods.
 */
export const slaCalendar = z
  .object({
    timeZone: z.string().min(1).max(60),
    week: z.array(z.array(workPeriod).max(6)).length(7),
    holidays: z.array(localDate).max(400),
    extraWorkdays: z.array(localDate).max(100),
  })
  .strict();

export type SlaCalendar = z.infer<typeof slaCalendar>;

export const shopCalendar = z.object({
  shopId: id,
  /** False: no calendar saved, the clocks run around the clock (24/7) in `calendar.timeZone`. */
  configured: z.boolean(),
  calendar: slaCalendar,
  updatedAt: timestamp.nullable(),
});

export type ShopCalendar = z.infer<typeof shopCalendar>;

/** The editable part of a policy. */
export const slaPolicyFields = z.object({
  category: caseCategory,
  /** Narrow the policy to one shop or one platform (null: all). The most specific policy wins. */
  shopId: id.nullable(),
  platform: platformId.nullable(),
  firstResponseMinutes: z.number().int().min(1).max(60 * 24 * 30),
  resolutionMinutes: z.number().int().min(1).max(60 * 24 * 90),
  /** The role that owns the category: only it (or the owner) may take these cases. */
  ownerRole: staffRole,
  /** Warning points as percentages of the target, ascending, each 1–99. */
  warnAtPercents: z.array(z.number().int().min(1).max(99)).max(5),
  /** Who is told on breach, in order (agent → supervisor → owner); first = the assignee. */
  escalation: z.array(staffRole).min(1).max(4),
  /** Pause states that stop the clock for this category. */
  pauseReasons: z.array(pauseReason).max(2),
  /** Count only the shop's working hours (when the shop has a calendar). */
  businessHours: z.boolean(),
  /** The case also needs a platform appeal (恶意差评). */
  requiresAppeal: z.boolean(),
});

export const slaPolicy = slaPolicyFields.extend({
  /** Stable id of the policy (category + scope); versions share it. */
  id,
  version: z.number().int().positive(),
  /** The id of this version's row (what a case keeps). */
  versionId: id,
  /** False for superseded versions (history) and removed overrides. */
  current: z.boolean(),
  /** Built-in category default: can be edited but not removed. */
  builtIn: z.boolean(),
  createdAt: timestamp,
  createdBy: z.string(),
  /** Open cases on this version right now. */
  openCases: z.number().int(),
});

export type SlaPolicy = z.infer<typeof slaPolicy>;

export const slaPolicySaveInput = slaPolicyFields
  .extend({
    /** Edit this policy (new version); absent: create a new shop/platform override. */
    id: id.optional(),
    /** True: open cases move to the new version (deadlines recomputed from their open time). False: they keep theirs. */
    applyToOpenCases: z.boolean(),
  })
  .strict()
  .refine((value) => value.warnAtPercents.every((p, i, all) => i === 0 || p > all[i - 1]!), {
    message: 'Warning points must be ascending',
    path: ['warnAtPercents'],
  });

/** One warning point of a target. */
export const slaWarnPoint = z.object({
  percent: z.number().int(),
  /** When it falls due (null while the case is paused). */
  at: timestamp.nullable(),
  firedAt: timestamp.nullable(),
  late: z.boolean(),
});

export const slaTarget = z.object({
  kind: slaTargetKind,
  targetMinutes: z.number().int(),
  businessHours: z.boolean(),
  startedAt: timestamp,
  /** Absolute deadline; null while paused (the remaining time is frozen in `remainingMs`). */
  dueAt: timestamp.nullable(),
  warnAt: z.array(slaWarnPoint),
  state: slaTargetState,
  /** Working (or wall-clock, 24/7) ms left at `now`; negative when overdue; frozen while paused. */
  remainingMs: z.number().int(),
  metAt: timestamp.nullable(),
  /** When the breach fired (null: not breached). */
  breachedAt: timestamp.nullable(),
  /** Met after the deadline, or a point fired more than a minute after its instant. */
  late: z.boolean(),
});

export type SlaTarget = z.infer<typeof slaTarget>;

export const slaPause = z.object({ reason: pauseReason, from: timestamp, to: timestamp.nullable() });

export const slaHistoryEntry = z.object({
  at: timestamp,
  kind: z.enum(['opened', 'warning', 'breach', 'met', 'paused', 'resumed', 'policy_changed', 'transition', 'escalated', 'assigned', 'pooled']),
  target: slaTargetKind.nullable(),
  percent: z.number().int().nullable(),
  /** For warning/breach: the instant it was due. */
  dueAt: timestamp.nullable(),
  late: z.boolean(),
  actor: z.string(),
  detail: z.string().nullable(),
});

export type SlaHistoryEntry = z.infer<typeof slaHistoryEntry>;

export const caseSla = z.object({
  caseId: id,
  status: caseStatus,
  outcome: caseOutcome.nullable(),
  category: caseCategory,
  policy: z.object({
    id,
    version: z.number().int(),
    versionId: id,
    /** False when a newer version exists that this case does not follow. */
    current: z.boolean(),
    ownerRole: staffRole,
    requiresAppeal: z.boolean(),
  }),
  paused: z.object({ reason: pauseReason, since: timestamp }).nullable(),
  targets: z.array(slaTarget),
  pauses: z.array(slaPause),
  history: z.array(slaHistoryEntry),
  firstResponseAt: timestamp.nullable(),
  now: timestamp,
});

export type CaseSla = z.infer<typeof caseSla>;

/** A row in "my queue" and on the team board. */
export const queueItem = z.object({
  caseId: id,
  reviewId: id,
  status: caseStatus,
  category: caseCategory,
  severity,
  assigneeId: id.nullable(),
  assigneeName: z.string().nullable(),
  shopName: z.string(),
  excerpt: z.string(),
  openedAt: timestamp,
  /** The most urgent unmet target (null: all met). */
  next: z
    .object({
      kind: slaTargetKind,
      state: slaTargetState,
      dueAt: timestamp.nullable(),
      remainingMs: z.number().int(),
    })
    .nullable(),
  paused: pauseReason.nullable(),
});

export type QueueItem = z.infer<typeof queueItem>;

export const boardColumn = z.object({
  assigneeId: id.nullable(),
  name: z.string().nullable(),
  role: staffRole.nullable(),
  counts: z.object({ open: z.number().int(), warning: z.number().int(), breached: z.number().int(), paused: z.number().int() }),
  items: z.array(queueItem),
});

export const firedPoint = z.object({
  caseId: id,
  target: slaTargetKind,
  point: slaPointKind,
  percent: z.number().int().nullable(),
  dueAt: timestamp,
  firedAt: timestamp,
  late: z.boolean(),
});

export type FiredPoint = z.infer<typeof firedPoint>;

export const awaySummary = z.object({
  /** The last acknowledgement (null: never). */
  since: timestamp.nullable(),
  until: timestamp,
  counts: z.object({ warnings: z.number().int(), breaches: z.number().int(), late: z.number().int() }),
  /** Newest first, at most 200. */
  items: z.array(firedPoint),
});

export const slaSummary = z.object({
  running: z.number().int(),
  warning: z.number().int(),
  breached: z.number().int(),
  paused: z.number().int(),
  /** The scheduler's next wake-up (null: nothing pending). */
  nextFireAt: timestamp.nullable(),
});

export const slaMethods = {
  /** Current policies (and, with `includeHistory`, every earlier version too). */
  'sla.listPolicies': query(z.object({ includeHistory: z.boolean().optional() }).strict(), z.object({ items: z.array(slaPolicy) })),
  /** Owner-only. Saves a new version; `openCasesUpdated` counts cases moved to it. */
  'sla.savePolicy': mutation(slaPolicySaveInput, z.object({ policy: slaPolicy, openCasesUpdated: z.number().int() }), 'owner'),
  /** Owner-only. Removes a shop/platform override (built-in category policies cannot be removed). */
  'sla.removePolicy': mutation(z.object({ id, applyToOpenCases: z.boolean() }).strict(), z.object({ id, openCasesUpdated: z.number().int() }), 'owner'),
  'sla.getCalendar': query(z.object({ shopId: id }).strict(), shopCalendar),
  /** Every shop's calendar (or that it has none), for saying which hours each policy counts. */
  'sla.listCalendars': query(noInput, z.object({ items: z.array(shopCalendar) })),
  /** Owner-only. `calendar: null` removes it (clocks run 24/7). Open cases' deadlines are recomputed. */
  'sla.saveCalendar': mutation(z.object({ shopId: id, calendar: slaCalendar.nullable() }).strict(), shopCalendar, 'owner'),
  /** The SLA panel of one case: each target, its state, its history. */
  'sla.getCase': query(z.object({ caseId: id }).strict(), caseSla),
  /** Counts for the badge and the queue header. */
  'sla.summary': query(noInput, slaSummary),
  /** What fired while the app was closed or asleep (late points) since the last acknowledgement. */
  'sla.awaySummary': query(noInput, awaySummary),
  'sla.ackAway': mutation(noInput, z.object({ acknowledgedAt: z.number().int() }), 'agent'),
} as const;
