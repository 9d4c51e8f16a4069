import type { FileSource, SourceInput, WatchFolderInput } from '../../../../shared/contract';
import type { MethodName } from '../../../../shared/contract';
import { AppError } from '../../errors';
import type { RequestContext } from '../../handler-types';

/**
 * The trust boundary for paths, applied by the handlers of every method that opens a file or
 * folder a caller names: a raw path only from the local user (`context.trusted`: the CLI and
 * in-process callers that mean it), a token from everyone else. Services below this line read
 * only what these functions hand them.
 */

/** Refuses a raw path from the window or a browser, and writes the refusal to the audit log. */
export function refuseRawPath(context: RequestContext, method: MethodName): never {
  try {
    context.services().auth.audit(context.actor, 'access.refused', 'method', method, null, { reason: 'raw_path' });
  } catch {
    // No database (start-up error): the refusal still stands.
  }
  throw new AppError(
    'FORBIDDEN',
    `${method} does not open paths sent by the window or a browser. Choose or drop the file in the app (or upload it in the browser); the command line accepts paths.`,
    { reason: 'raw_path' },
  );
}

/** A source the backend may read: a redeemed file token, an upload, pasted text, or a trusted path. */
export function readableSource(source: SourceInput, context: RequestContext, method: MethodName): FileSource {
  if (source.kind === 'vouched') return { kind: 'path', path: context.vouched.redeem(source.token, 'file').path };
  if (source.kind === 'path' && !context.trusted) refuseRawPath(context, method);
  return source;
}

/** The folder to watch, as a path, or null to stop; `unchanged` keeps the folder watched now. */
export function watchFolder(folder: WatchFolderInput | null, current: string | null, context: RequestContext): string | null {
  if (folder === null) return null;
  if (folder.kind === 'vouched') return context.vouched.redeem(folder.token, 'folder').path;
  if (folder.kind === 'path') {
    if (!context.trusted) refuseRawPath(context, 'watch.set');
    return folder.path;
  }
  if (current === null) {
    throw new AppError('VALIDATION', 'No folder is watched yet. Choose the folder first.', {
      issues: [{ path: 'folder', reason: 'required', message: 'Choose the folder first.' }],
    });
  }
  return current;
}

/** Tokens the call acted on, to spend once it succeeded. */
export function tokensOf(sources: readonly (SourceInput | WatchFolderInput | null)[]): string[] {
  return sources.flatMap((source) => (source?.kind === 'vouched' ? [source.token] : []));
}

type Refusal = { ok: false; path: string; error: { code: AppError['code']; message: string; details?: Record<string, unknown> } };

/**
 * For calls that take many files (evidence.add): every source made readable, except tokens that
 * are stale or of the wrong kind, which become that file's own refusal instead of failing the rest.
 * `merge` puts the refusals back in place among the outcomes of the readable ones, and reports a
 * vouched file by its token, as an upload is reported by its id.
 */
export function readableSources(sources: readonly SourceInput[], context: RequestContext, method: MethodName) {
  const readable: FileSource[] = [];
  const slots: ({ refusal: Refusal } | { token: string | null })[] = [];
  for (const source of sources) {
    try {
      readable.push(readableSource(source, context, method));
      slots.push({ token: source.kind === 'vouched' ? source.token : null });
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'FORBIDDEN' || source.kind !== 'vouched') throw error;
      slots.push({ refusal: { ok: false, path: source.token, error: { code: error.code, message: error.message, ...(error.details && { details: error.details }) } } });
    }
  }
  const merge = <T extends { path: string }>(outcomes: readonly T[], leading: number): (T | Refusal)[] => {
    const merged: (T | Refusal)[] = outcomes.slice(0, leading);
    let next = leading;
    for (const slot of slots) {
      if ('refusal' in slot) merged.push(slot.refusal);
      else {
        const outcome = outcomes[next++]!;
        merged.push(slot.token === null ? outcome : { ...outcome, path: slot.token });
      }
    }
    return merged;
  };
  return { readable, merge };
}
