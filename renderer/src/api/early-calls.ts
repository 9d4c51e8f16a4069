import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ApiClient } from './client';

/** An early answer older than this is not handed over: the screen asks afresh. */
const freshForMs = 5000;

export interface EarlyCallsClient extends ApiClient {
  /**
   * Makes a call now, before the screen that needs it has rendered. The first identical call
   * (same method, same input) the screen then makes receives that call's answer instead of
   * asking again, so the backend answers while the first frame renders rather than after it.
   */
  callEarly<M extends MethodName>(method: M, input: MethodInput<M>): void;
}

interface EarlyCall {
  answer: Promise<unknown>;
  /** When the answer arrived; null while it is on its way. */
  settledAt: number | null;
}

export function withEarlyCalls(client: ApiClient, now: () => number = () => performance.now()): EarlyCallsClient {
  const early = new Map<string, EarlyCall>();
  const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;
  return {
    ...client,
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const key = keyOf(method, input);
      const made = early.get(key);
      if (made) {
        // Handed over once: a later identical call is a reload and must reach the backend.
        early.delete(key);
        if (made.settledAt === null || now() - made.settledAt < freshForMs) return made.answer as Promise<MethodOutput<M>>;
      }
      return client.call(method, input);
    },
    callEarly(method, input) {
      const key = keyOf(method, input);
      if (early.has(key)) return;
      const entry: EarlyCall = { answer: client.call(method, input), settledAt: null };
      const settle = () => {
        entry.settledAt = now();
      };
      // A failure is reported to the call that takes it over; nobody may ever take it.
      entry.answer.then(settle, settle);
      early.set(key, entry);
    },
  };
}
