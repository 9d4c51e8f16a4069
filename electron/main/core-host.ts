import { basename } from 'node:path';
import { utilityProcess, type UtilityProcess } from 'electron';
import type { VouchKind, VouchOutcome } from '../../shared/contract/files';
import type { Envelope } from '../../shared/contract/errors';
import type { EventMessage } from '../../shared/contract/events';
import type { DesktopNotification } from '../core/platform';
import type { FromWorker, ToWorker } from '../core/worker/messages';

export interface CoreHostOptions {
  workerPath: string;
  dataDir: string;
  version: string;
  dev: boolean;
  onEvent(message: EventMessage): void;
  notify(notification: DesktopNotification): void;
  openPath(path: string): Promise<boolean>;
}

const maxRestartsPerMinute = 3;

function unavailable(paths: string[]): VouchOutcome[] {
  return paths.map((path) => ({ ok: false, name: basename(path), code: 'UNAVAILABLE', message: 'The backend is restarting. Try again in a minute.' }));
}

/**
 * Runs the backend in a utilityProcess and relays calls to it. If the worker dies, pending calls
 * get an INTERNAL envelope and it is restarted, at most three times a minute: never a crash loop.
 */
export class CoreHost {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  private readonly pendingVouches = new Map<number, { resolve: (items: VouchOutcome[]) => void; paths: string[] }>();
  private restarts: number[] = [];
  private stopping = false;

  constructor(private readonly options: CoreHostOptions) {}

  start(): void {
    const child = utilityProcess.fork(
      this.options.workerPath,
      ['--data-dir', this.options.dataDir, '--version', this.options.version, ...(this.options.dev ? ['--dev'] : [])],
      { serviceName: 'ReviewDesk core', stdio: 'inherit' },
    );
    this.child = child;
    child.on('message', (message: FromWorker) => this.receive(message));
    child.on('exit', (code) => this.exited(code));
  }

  call(method: string, input: unknown, actor?: string): Promise<Envelope<unknown>> {
    const child = this.child;
    if (!child) {
      return Promise.resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'The backend stopped unexpectedly and is restarting. Try again in a minute.' } });
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'call', id, method, input, actor });
    });
  }

  /**
   * Registers paths this process vouches for (its open dialog, a drop) with the backend and
   * returns a token for each. The window cannot reach this: it only has `api:invoke`.
   */
  vouch(kind: VouchKind, paths: string[]): Promise<VouchOutcome[]> {
    if (!this.child) return Promise.resolve(unavailable(paths));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pendingVouches.set(id, { resolve, paths });
      this.send({ type: 'vouch', id, kind, paths });
    });
  }

  /**
   * Asks the backend to close its database and waits for it to exit (at most `timeoutMs`): a core
   * killed mid-close leaves no clean-close marker, and the next start pays a full integrity check.
   */
  stop(timeoutMs = 5000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, timeoutMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ type: 'shutdown' });
    });
  }

  private send(message: ToWorker) {
    this.child?.postMessage(message);
  }

  private receive(message: FromWorker) {
    switch (message.type) {
      case 'result':
        this.pending.get(message.id)?.(message.envelope);
        this.pending.delete(message.id);
        break;
      case 'vouched':
        this.pendingVouches.get(message.id)?.resolve(message.items);
        this.pendingVouches.delete(message.id);
        break;
      case 'event':
        this.options.onEvent(message.message);
        break;
      case 'notify':
        this.options.notify(message.notification);
        break;
      case 'open-path':
        void this.options.openPath(message.path).then((result) => this.send({ type: 'platform-result', id: message.id, result }));
        break;
      case 'ready':
        break;
    }
  }

  private exited(code: number) {
    this.child = null;
    for (const resolve of this.pending.values()) {
      resolve({ ok: false, error: { code: 'INTERNAL', message: 'The backend stopped while handling this request.' } });
    }
    this.pending.clear();
    // Tokens lived in the backend's memory; a new one knows none, so the person picks again.
    for (const { resolve, paths } of this.pendingVouches.values()) resolve(unavailable(paths));
    this.pendingVouches.clear();
    if (this.stopping) return;
    const now = Date.now();
    this.restarts = this.restarts.filter((at) => now - at < 60_000);
    if (this.restarts.length >= maxRestartsPerMinute) {
      // Not a crash loop, but not dead for good either: one more try after a quiet minute.
      console.error(`[core-host] backend exited with ${code} ${maxRestartsPerMinute} times in a minute; next try in a minute.`);
      setTimeout(() => {
        if (this.stopping || this.child) return;
        this.restarts = [];
        this.start();
      }, 60_000);
      return;
    }
    this.restarts.push(now);
    console.error(`[core-host] backend exited with ${code}; restarting.`);
    this.start();
  }
}
