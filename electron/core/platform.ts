/**
 * What the backend needs from the desktop around it. Electron's shell implements it for real;
 * the HTTP adapter and tests use the recording implementation, so every feature that notifies or
 * opens a folder can be tested without Electron.
 */
export interface DesktopNotification {
  title: string;
  body: string;
  /** Route the app opens when the notification is clicked, e.g. '/cases/42'. */
  route?: string;
  urgent?: boolean;
  /** Play a sound (malicious-review alerts). */
  sound?: boolean;
}

export interface Platform {
  readonly kind: 'electron' | 'headless';
  notify(notification: DesktopNotification): void;
  /** Opens a folder or file in the system file manager. Resolves false when it could not. */
  openPath(path: string): Promise<boolean>;
}

export type PlatformRecord =
  | { type: 'notify'; notification: DesktopNotification }
  | { type: 'openPath'; path: string };

export class RecordingPlatform implements Platform {
  readonly kind = 'headless' as const;
  readonly records: PlatformRecord[] = [];

  notify(notification: DesktopNotification): void {
    this.records.push({ type: 'notify', notification });
  }

  async openPath(path: string): Promise<boolean> {
    this.records.push({ type: 'openPath', path });
    return true;
  }

  clear(): void {
    this.records.length = 0;
  }
}
