import { z } from 'zod';
import type { StaffRole } from '../domain/roles';

/**
 * Who may call a method that changes something: a staff role (that role or one above it, see
 * `hasAuthority`), or `anyone` for the few that must work before anyone can sign in (signing in,
 * opening the backups folder from the start-up error screen). Dispatch checks it before the handler
 * runs; rules that depend on the data (compensation above the approval threshold) stay in services.
 */
export type Requires = StaffRole | 'anyone';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** null for a query: it changes nothing, so anyone who can see the app may call it. */
  requires: Requires | null;
}

/** Inputs of methods that take nothing. Extra keys are refused so typos surface. */
export const noInput = z.object({}).strict();

/** A method that only reads. */
export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output, requires: null };
}

/** A method that changes something, with the role it needs (docs/ARCHITECTURE.md "Permissions"). */
export function mutation<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, requires: Requires): MethodSpec<I, O> {
  return { input, output, requires };
}
