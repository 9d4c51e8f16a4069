import type { ZodError } from 'zod';
import type { Envelope, FieldIssue } from '../../shared/contract/errors';
import { contract, isMethodName, type MethodName } from '../../shared/contract';
import { AppError } from './errors';
import type { Handler, HandlerMap, RequestContext } from './handler-types';

export interface DispatchOptions {
  /** Parse handler output against the contract too (dev and test) so drift fails loudly. */
  validateOutput: boolean;
  /** Calls slower than this are logged with their method name. */
  slowCallMs?: number;
  log?: (line: string) => void;
}

export type Dispatch = (method: string, input: unknown, context: RequestContext) => Promise<Envelope<unknown>>;

function toIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    reason: issue.code,
    message: issue.message,
  }));
}

/**
 * The only way into the handlers: allowlist → input parse → role check → handler → (output parse) →
 * envelope.
 * Never throws; every failure becomes an envelope with a closed error code.
 */
export function createDispatch(handlers: HandlerMap, options: DispatchOptions): Dispatch {
  const log = options.log ?? ((line: string) => console.warn(line));
  const slowCallMs = options.slowCallMs ?? 40;

  return async (method, input, context) => {
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: { code: 'VALIDATION', message: `Unknown method "${String(method).slice(0, 80)}".` },
      };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Invalid input for ${method}.`,
          details: { issues: toIssues(parsed.error) },
        },
      };
    }
    const started = performance.now();
    try {
      // Declared once on the contract, checked here before any handler runs.
      if (spec.requires !== null && spec.requires !== 'anyone') context.authorize(spec.requires, method);
      const handler = handlers[method] as Handler<MethodName>;
      const value: unknown = await handler(parsed.data as never, context);
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log(`[dispatch] ${method} returned output that breaks the contract: ${checked.error.message}`);
          return { ok: false, error: { code: 'INTERNAL', message: `${method} returned an invalid result.` } };
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) {
        return {
          ok: false,
          error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) },
        };
      }
      log(`[dispatch] ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `${method} failed unexpectedly. Details are in the log.` },
      };
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > slowCallMs) log(`[slow] ${method} took ${elapsed.toFixed(1)} ms`);
    }
  };
}

/** Merges per-domain handler groups, refusing a method defined twice. */
export function mergeHandlers(...groups: Partial<HandlerMap>[]): HandlerMap {
  const merged: Partial<Record<string, unknown>> = {};
  for (const group of groups) {
    for (const [name, handler] of Object.entries(group)) {
      if (name in merged) throw new Error(`Handler for ${name} is defined twice.`);
      merged[name] = handler;
    }
  }
  return merged as HandlerMap;
}
