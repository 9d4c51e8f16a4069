import type { Envelope, EventName, MethodName, SourceInput } from '../../../shared/contract';
import type { Transport } from './transport';

/** Answers one method call; unit tests pass a small fake. */
export type MemoryHandler = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

/** A minimal event hub so tests can push backend events into the renderer. */
export interface MemoryEvents {
  emit(event: EventName, payload: unknown): void;
  on(event: EventName, handler: (payload: unknown) => void): () => void;
}

export function createMemoryEvents(): MemoryEvents {
  const handlers = new Map<EventName, Set<(payload: unknown) => void>>();
  return {
    emit(event, payload) {
      handlers.get(event)?.forEach((handler) => handler(payload));
    },
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => {
        set.delete(handler);
      };
    },
  };
}

/** Stands in for an upload in unit tests; tests that care pass their own. */
export type MemoryStageFile = (file: File) => Promise<SourceInput>;

let stagedCount = 0;
const stageInMemory: MemoryStageFile = async () => {
  stagedCount += 1;
  return { kind: 'staged', id: stagedCount.toString(16).padStart(8, '0') };
};

/** Transport for unit tests: no process boundary, same envelopes. */
export function createMemoryTransport(
  handler: MemoryHandler,
  events: MemoryEvents = createMemoryEvents(),
  stageFile: MemoryStageFile = stageInMemory,
  /** The desktop's folder dialog, for tests of screens that offer it; absent like in the browser. */
  pickFolder?: Transport['pickFolder'],
): Transport {
  return {
    invoke: (method, input) => handler(method, input),
    on: (event, listener) => events.on(event, listener),
    stageFile,
    ...(pickFolder && { pickFolder }),
  };
}
