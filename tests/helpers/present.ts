/** The value, or a failed test saying what was missing: narrows `T | null | undefined` without a cast. */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`Expected ${what}, got ${String(value)}`);
  return value;
}
