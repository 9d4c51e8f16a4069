import type { Envelope } from '../../../shared/contract/errors';
import type { EventMessage } from '../../../shared/contract/events';
import type { AppStatus } from '../../../shared/contract';
import type { VouchKind, VouchOutcome } from '../../../shared/contract/files';
import type { DesktopNotification } from '../platform';

/** Messages between the Electron main process and the core running in a utilityProcess. */
export type ToWorker =
  | { type: 'call'; id: number; method: string; input: unknown; actor?: string }
  | { type: 'platform-result'; id: number; result: boolean }
  // Only the main process sends this (from its dialogs and drops); the window has no way to.
  | { type: 'vouch'; id: number; kind: VouchKind; paths: string[] }
  | { type: 'shutdown' };

export type FromWorker =
  | { type: 'ready'; status: AppStatus }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; message: EventMessage }
  | { type: 'notify'; notification: DesktopNotification }
  | { type: 'open-path'; id: number; path: string }
  | { type: 'vouched'; id: number; items: VouchOutcome[] };
