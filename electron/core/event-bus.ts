import type { EventMessage, EventName, EventPayload } from '../../shared/contract/events';

type Listener = (message: EventMessage) => void;

/** Fan-out of backend events to every connected transport (IPC windows, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message = { event, payload } as EventMessage;
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        console.error('[events] listener failed', error);
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
