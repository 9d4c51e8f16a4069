import { notifications, type NotificationData } from '@mantine/notifications';

/** At most this many toasts at once; a new one pushes the oldest out instead of waiting in a queue. */
export const maxToasts = 3;
/** How long a toast stays, unless it is the newest urgent one (that one stays until closed or replaced). */
export const toastAutoCloseMs = 8000;

export interface ToastSpec extends Omit<NotificationData, 'id' | 'autoClose' | 'onClose'> {
  /** What the toast is about: a case (`case-7`), a group, an alert tally. The same key replaces its toast. */
  key: string;
  urgent: boolean;
}

/** The toast calls of @mantine/notifications, so tests can watch them. */
export interface ToastPort {
  show(data: NotificationData): void;
  update(data: NotificationData): void;
  hide(id: string): void;
}

/**
 * The app's toasts, one policy for all of them (SLA notifications and review alerts): at most
 * `maxToasts`, the oldest pushed out when a new one comes (a stale warning never holds a breach
 * back); everything closes by itself except the newest urgent one; a toast with the key of one
 * showing replaces it in place (a case moving from warning to breach is one toast).
 */
export class ToastStack {
  /** Oldest first. */
  private visible: { key: string; sticky: boolean }[] = [];

  constructor(
    private readonly port: ToastPort = notifications,
    private readonly max = maxToasts,
  ) {}

  show({ key, urgent, ...data }: ToastSpec): void {
    // Only the newest urgent toast stays: an older sticky one now closes by itself.
    if (urgent) {
      for (const toast of this.visible) {
        if (toast.sticky && toast.key !== key) {
          toast.sticky = false;
          this.port.update({ id: toast.key, autoClose: toastAutoCloseMs } as NotificationData);
        }
      }
    }
    const full: NotificationData = { ...data, id: key, autoClose: urgent ? false : toastAutoCloseMs, onClose: () => this.forget(key) };
    const index = this.visible.findIndex((toast) => toast.key === key);
    if (index >= 0) {
      this.visible.splice(index, 1);
      this.visible.push({ key, sticky: urgent });
      this.port.update(full);
      return;
    }
    while (this.visible.length >= this.max) {
      const oldest = this.visible.shift()!;
      this.port.hide(oldest.key);
    }
    this.visible.push({ key, sticky: urgent });
    this.port.show(full);
  }

  hide(key: string): void {
    this.forget(key);
    this.port.hide(key);
  }

  /** Keys showing, oldest first (for tests). */
  keys(): string[] {
    return this.visible.map((toast) => toast.key);
  }

  private forget(key: string): void {
    this.visible = this.visible.filter((toast) => toast.key !== key);
  }
}

/** The window's one stack. */
export const toastStack = new ToastStack();
