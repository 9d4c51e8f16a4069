import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import type { StaffRole } from '../../shared/domain/roles';
import type { AppStatus } from '../../shared/contract';
import type { Platform } from './platform';
import type { Services } from './services';
import type { VouchedPaths } from './services/files/vouched-paths';

/** What every handler gets besides its parsed input. */
export interface RequestContext {
  /** Who is acting, for the audit log: the signed-in operator's name, or the local user. */
  actor: string;
  /** Throws FORBIDDEN (and audits the refusal) unless the operator holds `required` for `method`. */
  authorize: (required: StaffRole, method: MethodName) => void;
  platform: Platform;
  status: () => AppStatus;
  /** The open database's services; throws UNAVAILABLE when the database failed to open. */
  services: () => Services;
  /**
   * The caller runs as the local user (the CLI, in-process tests that mean it) and may name raw
   * paths. Never true for calls from the window (IPC) or a browser (HTTP).
   */
  trusted: boolean;
  /** Files and folders the main process vouched for; a caller that is not trusted names them by token. */
  vouched: VouchedPaths;
  /** The data folder, for the few methods that work without the database (backups, restore). */
  dataDir: string;
  /** Puts a backup in the database's place and reopens it; works whether or not the database is open. */
  restore: (backupPath: string) => Promise<{ restoredFrom: string; asidePath: string | null; status: 'ready' | 'error' }>;
}

export type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  context: RequestContext,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type HandlerMap = { [M in MethodName]: Handler<M> };

/** Typed helper for a domain's handler group. */
export function defineHandlers<K extends MethodName>(handlers: { [M in K]: Handler<M> }) {
  return handlers;
}
