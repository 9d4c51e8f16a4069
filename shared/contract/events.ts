import { z } from 'zod';
import { notificationKinds } from '../domain/sla';

/** The parts of the data a view can follow; `data.changed` names one. */
const dataDomain = z.enum(['shops', 'staff', 'settings', 'audit', 'demo', 'evidence', 'reviews', 'rules', 'imports', 'alerts', 'sla', 'notifications', 'auth', 'cases']);

/** Events the backend pushes to every window (IPC `api:event`, or Server-Sent Events over HTTP). */
export const events = {
  /** Something in a domain changed; views showing that domain reload. */
  'data.changed': z.object({
    domain: dataDomain,
  }),
  /**
   * Another process (the CLI, a second instance) changed the database; `data.changed` for each of
   * `domains` was sent just before. The counts are what it added, for a short notice.
   */
  'data.arrived': z.object({
    reviews: z.number().int(),
    cases: z.number().int(),
    alerts: z.number().int(),
    evidence: z.number().int(),
    domains: z.array(dataDomain),
  }),
  /** A running import's progress, at most a few times a second. */
  'import.progress': z.object({
    importId: z.number().int(),
    phase: z.enum(['reading', 'writing', 'indexing']),
    bytesRead: z.number().int(),
    totalBytes: z.number().int().nullable(),
    rowsRead: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
  }),
  'import.finished': z.object({
    importId: z.number().int(),
    status: z.enum(['done', 'cancelled', 'failed']),
    message: z.string().nullable(),
  }),
  /** A monitoring rule matched a new review; the notification centre turns it into a desktop notification. */
  'review.alert': z.object({
    alertId: z.number().int(),
    reviewId: z.number().int(),
    ruleName: z.string(),
    matchedWords: z.array(z.string()),
    level: z.enum(['good', 'neutral', 'bad']),
    shopName: z.string(),
    excerpt: z.string(),
    /** 'compliance_risk': a buyer reports the shop's own 好评返现 — for the owner (alertAudience). */
    kind: z.enum(['monitor', 'compliance_risk']),
  }),
  /** SLA timers of these cases changed (transition, pause, policy edit, a point fired): refresh countdowns. At most 1,000 ids per event. */
  'sla.changed': z.object({ caseIds: z.array(z.number().int()) }),
  /** A warning or breach fired (exactly once per case, target and point); at most a few hundred per tick, the rest arrive as sla.changed. */
  'sla.fired': z.object({
    caseId: z.number().int(),
    target: z.enum(['first_response', 'resolution']),
    point: z.enum(['warning', 'breach']),
    percent: z.number().int().nullable(),
    dueAt: z.number().int(),
    firedAt: z.number().int(),
    late: z.boolean(),
  }),
  /**
   * A new entry in the notification centre (held ones arrive when quiet hours end, with `held: true`).
   * When many fire together, one event per group stands for the whole group (`groupCount` > 1).
   */
  'notification.created': z.object({
    id: z.number().int(),
    caseId: z.number().int().nullable(),
    groupKey: z.string().nullable(),
    groupCount: z.number().int().min(1),
    kind: z.enum(notificationKinds),
    title: z.string(),
    body: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    route: z.string().nullable(),
    urgent: z.boolean(),
    sound: z.boolean(),
    held: z.boolean(),
  }),
  /** Breached open cases: the tray/dock badge count, counted up to badgeCountCap (shown as 999+). */
  'badge.changed': z.object({ breached: z.number().int() }),
  /** Someone signed in or out. */
  'auth.changed': z.object({ operator: z.object({ id: z.number().int(), name: z.string(), role: z.enum(['agent', 'supervisor', 'legal', 'owner']) }).nullable() }),
  /** Ask the UI to show a route, e.g. after a desktop notification is clicked. */
  'app.navigate': z.object({ route: z.string().startsWith('/') }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** One pushed event; a union over every event so `message.event` narrows the payload. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const eventNames = Object.keys(events) as EventName[];
