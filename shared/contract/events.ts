import { z } from 'zod';

/**
 * Events the backend pushes to every window (IPC `api:event`, or Server-Sent Events over HTTP).
 * Later issues add import progress, SLA warnings and update status here.
 */
export const events = {
  /** Something in a domain changed; views showing that domain reload. */
  'data.changed': z.object({
    domain: z.enum(['shops', 'staff', 'settings', 'audit', 'demo']),
  }),
  /** Ask the UI to show a route, e.g. after a desktop notification is clicked. */
  'app.navigate': z.object({ route: z.string().startsWith('/') }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;

/** One pushed event; a union over every event so `message.event` narrows the payload. */
export type EventMessage = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

export const eventNames = Object.keys(events) as EventName[];
