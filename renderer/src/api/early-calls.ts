import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ApiClient } from './client';

/** An early answer older than this is not handed over: the screen asks afresh. */
const freshForMs = 5000;

export interface EarlyCallsClient extends ApiClient {
  /**
   * Makes a call now, before the screen that needs it has rendered. The first identical call
   * (same method, same input) the screen then makes receives that call's answer instead of
   * asking again, so the backend answers while the first frame renders rather than after it.
   * Resolves (never rejects) once the answer or the failure is in.
   */
  callEarly<M extends MethodName>(method: M, input: MethodInput<M>): Promise<void>;
  /**
   * The early call's value if it has already arrived (and is fresh), handed over now: a screen
   * rendering for the first time starts with it instead of asking and rendering again. Undefined
   * when there is none, it failed or it is still on its way; then the screen calls as usual.
   */
  takeAnswered<M extends MethodName>(method: M, input: MethodInput<M>): { value: MethodOutput<M> } | undefined;
}

interface EarlyCall {
  answer: Promise<unknown>;
  /** When the answer arrived; null while it is on its way. */
  settledAt: number | null;
  /** The value, once it arrived without an error. */
  value?: { value: unknown };
}

export function withEarlyCalls(client: ApiClient, now: () => number = () => performance.now()): EarlyCallsClient {
  const early = new Map<string, EarlyCall>();
  const keyOf = (method: string, input: unknown) => `${method} ${JSON.stringify(input)}`;
  const fresh = (made: EarlyCall) => made.settledAt === null || now() - made.settledAt < freshForMs;
  return {
    ...client,
    call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
      const key = keyOf(method, input);
      const made = early.get(key);
      if (made) {
        // Handed over once: a later identical call is a reload and must reach the backend.
        early.delete(key);
        if (fresh(made)) return made.answer as Promise<MethodOutput<M>>;
      }
      return client.call(method, input);
    },
    callEarly(method, input) {
      const key = keyOf(method, input);
      const made = early.get(key);
      if (made) return made.answer.then(
        () => undefined,
        () => undefined,
      );
      const entry: EarlyCall = { answer: client.call(method, input), settledAt: null };
      early.set(key, entry);
      // A failure is reported to the call that takes it over; nobody may ever take it.
      return entry.answer.then(
        (value) => {
          entry.settledAt = now();
          entry.value = { value };
        },
        () => {
          entry.settledAt = now();
        },
      );
    },
    takeAnswered<M extends MethodName>(method: M, input: MethodInput<M>) {
      const key = keyOf(method, input);
      const made = early.get(key);
      if (!made?.value || !fresh(made)) return undefined;
      early.delete(key);
      return made.value as { value: MethodOutput<M> };
    },
  };
}

/** `takeAnswered` of a client that makes early calls; undefined for any other client (tests, later screens). */
export function takeEarlyAnswer<M extends MethodName>(client: ApiClient, method: M, input: MethodInput<M>): { value: MethodOutput<M> } | undefined {
  return (client as Partial<EarlyCallsClient>).takeAnswered?.(method, input);
}
