import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a clean refusal looks like: a known client-side code, words for a person, no internals. */
const clientCodes = new Set(['BAD_FILE', 'VALIDATION']);
/** A V8 stack frame, or a Node error name leaking into a message. */
export const stackPattern = /\n\s+at [^\n]+:\d+:\d+|\bat (?:async )?[\w.<>]+ \((?:file:|node:|\/)/;

export function checkEnvelope(method: string, envelope: unknown): string[] {
  const problems: string[] = [];
  if (typeof envelope !== 'object' || envelope === null || !('ok' in envelope)) return [`${method}: not an envelope: ${String(envelope).slice(0, 200)}`];
  const { ok } = envelope as { ok: unknown };
  if (ok === true) return problems;
  const error = (envelope as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  if (!error || typeof error.code !== 'string' || !clientCodes.has(error.code)) problems.push(`${method}: answered ${String(error?.code)} (expected ok, BAD_FILE or VALIDATION): ${String(error?.message).slice(0, 300)}`);
  if (typeof error?.message !== 'string' || error.message.trim().length < 10) problems.push(`${method}: no message a person can act on: ${JSON.stringify(error?.message)}`);
  const text = JSON.stringify(envelope);
  if (stackPattern.test(text) || /"stack"/.test(text)) problems.push(`${method}: the answer carries a stack trace: ${text.slice(0, 300)}`);
  return problems;
}

/** Every file under a folder with its size and modification time, by path relative to it. */
export function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path, { throwIfNoEntry: false });
        files.set(relative(root, path), stat ? `${stat.size}:${stat.mtimeMs}` : 'gone');
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Paths that appeared, changed or went away under `root` outside the folders allowed to change
 * (the data directories). `before` is a snapshot taken before the run.
 */
export function writesOutside(root: string, before: Map<string, string>, allowed: (path: string) => boolean): string[] {
  const after = snapshot(root);
  const changed: string[] = [];
  for (const [path, stamp] of after) if (!allowed(path) && before.get(path) !== stamp) changed.push(`${path} (${before.has(path) ? 'changed' : 'new'})`);
  for (const path of before.keys()) if (!allowed(path) && !after.has(path)) changed.push(`${path} (removed)`);
  return changed;
}

/**
 * A process's resident set from /proc (Linux): now (VmRSS) or its peak since the last reset
 * (VmHWM); null where there is no /proc.
 */
export function residentBytes(pid: number | 'self', field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Starts a new peak (VmHWM) for this process; false where the kernel does not allow it. */
export function resetPeakResident(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
