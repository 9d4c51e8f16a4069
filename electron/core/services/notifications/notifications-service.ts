import { preferences as preferencesSchema } from '../../../../shared/contract';
import { notificationSettings, type AppNotification, type NotificationSettings } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/preferences';
import { notificationEventOf, notificationTabKinds, type NotificationKind, type NotificationTab } from '../../../../shared/domain/sla';
import { clockMinutes, localMinuteOfDay } from '../../../../shared/sla/calendar';
import { insertAudit } from '../../../../db/queries/audit';
import * as outbox from '../../../../db/queries/notifications';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { inTransaction } from '../../../../db/transaction';
import type { Platform } from '../../platform';
import { digestText, groupLine, notificationText, type NotificationParams } from './notification-text';
import { defaultPreferences } from '../settings/settings-service';
import type { ServiceDeps } from '../service-deps';
import type { NotificationPreferencesStore } from './notification-preferences';

const settingsKey = 'notifications';
const defaults: NotificationSettings = {
  desktop: true,
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  soundForMalicious: true,
};

function toApi({ paramsJson, held: _held, alertId: _alertId, ...row }: outbox.NotificationRow): AppNotification {
  return { ...row, params: JSON.parse(paramsJson) as NotificationParams, urgent: row.urgent === 1, sound: row.sound === 1 };
}

/** Reads one setting field through the schema, falling back to its default when absent or invalid. */
function field<K extends keyof NotificationSettings>(key: K, value: unknown, fallback: NotificationSettings[K]): NotificationSettings[K] {
  const parsed = notificationSettings.shape[key].safeParse(value);
  return parsed.success ? (parsed.data as NotificationSettings[K]) : fallback;
}

/** A notification is its kind and params; the words come from the catalog in the user's language. */
export interface NewNotification {
  kind: NotificationKind;
  params: NotificationParams;
  route: string | null;
  caseId: number | null;
  urgent: boolean;
  sound: boolean;
  /** Points fired together with the same kind, target and percent share one (the tick sets it). */
  groupKey?: string | null;
}

/** The kinds a tab lists; null for every kind. */
const kindsOf = (tab: NotificationTab): readonly NotificationKind[] | null => (tab === 'all' ? null : notificationTabKinds[tab]);

/** More notifications than this due at once are shown as one summary line on the desktop. */
const burstAfter = 3;

/**
 * The in-app notification centre, quiet hours, and delivery to the desktop through Platform.notify.
 *
 * Rows are an outbox: record() writes one inside the caller's transaction (delivered_at NULL);
 * after the commit deliverPending() shows it and sets delivered_at. So a notification decided in a
 * transaction is never lost (a crash or a throwing platform leaves it pending for the next tick).
 * States: delivered_at set = delivered; delivered_at NULL and held = 1 = held by quiet hours (until
 * releaseHeld); delivered_at NULL and held = 0 = committed, not yet delivered.
 */
export class NotificationsService {
  /** Set by the core once the platform is known (tests and the HTTP adapter record instead). */
  platform: Platform | null = null;

  constructor(
    private readonly deps: ServiceDeps,
    /** Each person's choice of desktop, toast or centre only per event. */
    readonly choices: NotificationPreferencesStore,
  ) {}

  /** Whether the person at the desk wants this one on the desktop (else a toast or only its line). */
  private wantsDesktop(kind: NotificationKind, params: NotificationParams): boolean {
    return this.choices.channelOf(notificationEventOf(kind, params)) === 'desktop';
  }

  settings(): NotificationSettings {
    // A damaged value must not break the scheduler: each field falls back to its default.
    let saved: Record<string, unknown> = {};
    try {
      const stored = readSettingSync(this.deps.sqlite, settingsKey);
      const parsed: unknown = stored !== undefined ? stored : {};
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) saved = parsed as Record<string, unknown>;
    } catch {
      saved = {};
    }
    const quiet = saved.quietHours !== null && typeof saved.quietHours === 'object' ? saved.quietHours : {};
    return {
      desktop: field('desktop', saved.desktop, defaults.desktop),
      quietHours: field('quietHours', { ...defaults.quietHours, ...quiet }, defaults.quietHours),
      soundForMalicious: field('soundForMalicious', saved.soundForMalicious, defaults.soundForMalicious),
    };
  }

  /** Saves the settings and audits the change (before and after) in one transaction. */
  updateSettings(patch: Partial<NotificationSettings>, actor: string): NotificationSettings {
    const before = this.settings();
    const after = { ...before, ...patch };
    const now = this.deps.clock.now();
    inTransaction(this.deps.sqlite, () => {
      writeSettingSync(this.deps.sqlite, settingsKey, after, now);
      insertAudit(this.deps.sqlite, { at: now, actor, action: 'notifications.updateSettings', entity: 'settings', entityId: settingsKey, before, after });
    });
    this.deps.events.emit('data.changed', { domain: 'notifications' });
    this.releaseHeld();
    return after;
  }

  /**
   * The stored preferences, read synchronously (the scheduler's tick is synchronous); same
   * field-by-field fallback as SettingsService.getPreferences.
   */
  private preferences() {
    let saved: unknown;
    try {
      const stored = readSettingSync(this.deps.sqlite, 'preferences');
      saved = stored !== undefined ? stored : {};
    } catch {
      saved = {};
    }
    const parsed = preferencesSchema.partial().safeParse(saved);
    return { ...defaultPreferences, ...(parsed.success ? parsed.data : {}) };
  }

  private timeZone(): string {
    return this.preferences().timeZone;
  }

  private language(): Language {
    return this.preferences().language;
  }

  /** Whether quiet hours hold non-urgent alerts at `at` (a window may wrap midnight). */
  isQuiet(at: number, settings = this.settings()): boolean {
    const quiet = settings.quietHours;
    if (!quiet.enabled) return false;
    const minute = localMinuteOfDay(this.timeZone(), at);
    const start = clockMinutes(quiet.start);
    const end = clockMinutes(quiet.end);
    if (start === end) return false;
    return start < end ? minute >= start && minute < end : minute >= start || minute < end;
  }

  /** The next instant quiet hours end, when notifications are held (for the scheduler's wake-up). */
  quietEndsAt(now: number): number | null {
    const settings = this.settings();
    if (!this.isQuiet(now, settings)) return null;
    if (!outbox.anyHeld(this.deps.sqlite)) return null;
    const minute = localMinuteOfDay(this.timeZone(), now);
    const end = clockMinutes(settings.quietHours.end);
    const wait = (((end - minute) % 1440) + 1440) % 1440 || 1440;
    return now - (now % 60_000) + wait * 60_000;
  }

  /**
   * Writes a notification to the outbox, with no other effect: call it inside the transaction that
   * decides it, then deliverPending() after the commit. Non-urgent ones during quiet hours are held.
   */
  record(input: NewNotification): AppNotification {
    const now = this.deps.clock.now();
    const settings = this.settings();
    const held = !input.urgent && this.isQuiet(now, settings);
    // The stored title and body are a fallback (in the language of the moment) for readers without the catalog.
    const words = notificationText(input.kind, input.params, this.language()) ?? { title: input.kind, body: '' };
    const row = outbox.insertNotification(this.deps.sqlite, {
      kind: input.kind,
      title: words.title,
      body: words.body,
      paramsJson: JSON.stringify(input.params),
      route: input.route,
      caseId: input.caseId,
      urgent: input.urgent,
      sound: input.sound && settings.soundForMalicious,
      createdAt: now,
      held,
      groupKey: input.groupKey ?? null,
    });
    return toApi(row);
  }

  /**
   * Adds to the count of a summary not yet read (one away summary for a catch-up that takes
   * several ticks). False when it was read or removed meanwhile: record a new one instead.
   */
  addToCount(id: number, more: number): boolean {
    return outbox.addToUnreadCount(this.deps.sqlite, id, more);
  }

  private deliverQueued = false;

  /**
   * Delivers what others wrote to the outbox in their own transaction (monitor alerts with their
   * reviews), once the events of that write are out: many in one batch make one call (a digest).
   */
  deliverSoon(): void {
    if (this.deliverQueued) return;
    this.deliverQueued = true;
    queueMicrotask(() => {
      this.deliverQueued = false;
      try {
        this.deliverPending();
      } catch (error) {
        console.error('[notifications] delivery failed', error);
      }
    });
  }

  /** Records a notification and delivers it at once (outside a transaction). */
  create(input: NewNotification): AppNotification {
    const created = this.record(input);
    this.deliverPending([created.id]);
    return created;
  }

  /**
   * Delivers committed notifications that are neither delivered nor held: shows each on the
   * desktop, then marks it delivered (so a failure leaves it pending, retried on the next call).
   * `recorded` are ids just recorded: those held by quiet hours are announced to the UI too.
   * Throws the first delivery failure after trying the rest. Returns how many were delivered.
   */
  deliverPending(recorded: readonly number[] = []): number {
    const sqlite = this.deps.sqlite;
    const just = new Set(recorded);
    for (const id of just) {
      const row = outbox.findHeld(sqlite, id);
      if (row) this.emitCreated(toApi(row), true);
    }
    const now = this.deps.clock.now();
    const settings = this.settings();
    const quiet = this.isQuiet(now, settings);
    if (outbox.countPending(sqlite, quiet) > burstAfter) return this.deliverBurst(now, settings, quiet);
    const rows = outbox.listPending(sqlite, 200);
    if (rows.length === 0) return 0;
    let delivered = 0;
    let failure: unknown = null;
    for (const row of rows) {
      const notification = toApi(row);
      // Left over from before quiet hours began (a restart): hold it like a new one.
      if (quiet && !notification.urgent) {
        outbox.hold(sqlite, row.id);
        this.emitCreated(notification, true);
        continue;
      }
      try {
        this.deliver(notification, settings);
      } catch (error) {
        failure ??= error;
        continue;
      }
      outbox.markDelivered(sqlite, row.id, now);
      delivered++;
      this.emitCreated({ ...notification, deliveredAt: now }, false);
    }
    if (failure !== null) throw failure;
    return delivered;
  }

  /**
   * Many due at once (cases an import opened together reach their deadlines together): one digest
   * on the desktop, its lines grouped per kind and point ("12 个工单首次响应即将到期"), and one
   * event per group for the app's toasts (the most pressing few), not hundreds; every one is in
   * the notification centre. During quiet hours the non-urgent ones are held first, as one by one.
   */
  private deliverBurst(now: number, settings: NotificationSettings, quiet: boolean): number {
    const sqlite = this.deps.sqlite;
    if (quiet) outbox.holdPendingNonUrgent(sqlite);
    const groups = outbox.listPendingGroups(sqlite);
    const { n, urgent, sound } = outbox.summarizePending(sqlite);
    // Only the lines the person at the desk wants there; the rest are toasts or lines in the centre.
    const desktop = groups.filter((group) => this.wantsDesktop(group.head.kind, JSON.parse(group.head.paramsJson) as NotificationParams));
    if (settings.desktop && desktop.length > 0) {
      const language = this.language();
      // The desktop names what is overdue first; the away summary (first for the app, where it opens its dialog) last.
      const byUrgency = [...desktop.filter((group) => group.head.kind !== 'away_summary'), ...desktop.filter((group) => group.head.kind === 'away_summary')];
      const lines = byUrgency.map((group) => groupLine(group.head.kind, JSON.parse(group.head.paramsJson) as NotificationParams, group.count, language));
      const words = digestText(lines, language);
      const urgentShown = desktop.some((group) => group.urgent === 1);
      this.platform?.notify({ title: words.title, body: words.body, route: '/notifications', urgent: urgentShown && urgent === 1, sound: sound === 1 && urgentShown });
    }
    outbox.markAllPendingDelivered(sqlite, now);
    for (const group of groups.slice(0, burstAfter)) this.emitCreated({ ...toApi(group.head), deliveredAt: now }, false, group.count);
    this.deps.events.emit('data.changed', { domain: 'notifications' });
    return n;
  }

  private emitCreated(created: AppNotification, held: boolean, groupCount = 1): void {
    this.deps.events.emit('notification.created', {
      id: created.id,
      caseId: created.caseId,
      groupKey: created.groupKey,
      groupCount,
      kind: created.kind,
      title: created.title,
      body: created.body,
      params: created.params,
      route: created.route,
      urgent: created.urgent,
      sound: created.sound,
      held,
    });
  }

  private deliver(notification: AppNotification, settings: NotificationSettings): void {
    if (!settings.desktop || !this.wantsDesktop(notification.kind, notification.params)) return;
    // Built now, not at creation: a notice held by quiet hours shows in the language chosen since.
    const words = notificationText(notification.kind, notification.params, this.language()) ?? notification;
    this.platform?.notify({
      title: words.title,
      body: words.body,
      route: notification.route ?? undefined,
      urgent: notification.urgent,
      sound: notification.sound,
    });
  }

  /** Delivers what quiet hours held, once they are over (shown first, then marked). Returns how many. */
  releaseHeld(): number {
    const now = this.deps.clock.now();
    const settings = this.settings();
    if (this.isQuiet(now, settings)) return 0;
    const sqlite = this.deps.sqlite;
    const rows = outbox.listHeld(sqlite, 200);
    if (rows.length === 0) return 0;
    // Several held at once: one summary on the desktop rather than a burst.
    if (rows.length > burstAfter) {
      const words = notificationText('quiet_summary', { count: rows.length }, this.language())!;
      this.platform?.notify({ title: words.title, body: words.body, route: '/notifications' });
    } else {
      for (const row of rows) this.deliver(toApi(row), settings);
    }
    inTransaction(sqlite, () => {
      for (const row of rows) outbox.markReleased(sqlite, row.id, now);
    });
    return rows.length;
  }

  /** Newest first, paged by `beforeId`; one group's when `groupKey` is given. `unread` is the real count. */
  list(input: { unreadOnly?: boolean; limit?: number; groupKey?: string; beforeId?: number }) {
    const limit = input.limit ?? 50;
    const filter = { unreadOnly: input.unreadOnly ?? false, groupKey: input.groupKey ?? null, beforeId: input.beforeId ?? null };
    // One more than asked says whether there is a next page without counting them all.
    const rows = outbox.listNotifications(this.deps.sqlite, filter, limit + 1);
    return { items: rows.slice(0, limit).map(toApi), unread: outbox.countUnread(this.deps.sqlite), hasMore: rows.length > limit };
  }

  /**
   * The centre's lines of a tab: groups per kind and point (and single ones), newest first, paged
   * by the cursor of the last line shown (`next`). `unread` is the real count of every tab (the badge), `tabUnread` each tab's.
   */
  groups(input: { tab?: NotificationTab; before?: outbox.LinesCursor; limit?: number }) {
    const sqlite = this.deps.sqlite;
    const limit = input.limit ?? 30;
    const kinds = kindsOf(input.tab ?? 'all');
    // One more than asked says whether there is a next page without counting every line.
    const rows = outbox.listGroups(sqlite, kinds, input.before ?? null, limit + 1);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    const groups = rows.slice(0, limit).map((row) => {
      const head = outbox.findNotification(sqlite, row.headId)!;
      return { key: row.key, count: row.count, unread: row.unread, urgent: row.urgent === 1, latestAt: row.latestAt, head: toApi(head) };
    });
    const byKind = outbox.countUnreadByKind(sqlite);
    const sum = (of: readonly NotificationKind[]) => of.reduce((total, kind) => total + (byKind.get(kind) ?? 0), 0);
    return {
      groups,
      hasMore: last !== undefined,
      next: last ? { at: last.latestAt, id: last.headId } : null,
      unread: [...byKind.values()].reduce((total, n) => total + n, 0),
      tabUnread: { sla: sum(notificationTabKinds.sla), alerts: sum(notificationTabKinds.alerts) },
    };
  }

  /** Marks ids, a group, or all (of a tab) read; monitor alerts among them are marked read in their own table too. */
  markRead(input: { ids?: number[]; all?: boolean; tab?: NotificationTab; groupKey?: string }): { updated: number } {
    const sqlite = this.deps.sqlite;
    const now = this.deps.clock.now();
    let updated = 0;
    inTransaction(sqlite, () => {
      if (input.all) updated = outbox.markAllRead(sqlite, kindsOf(input.tab ?? 'all'), now);
      else if (input.groupKey !== undefined) updated = outbox.markGroupRead(sqlite, input.groupKey, now);
      else for (const id of input.ids ?? []) updated += outbox.markRead(sqlite, id, now);
    });
    if (updated > 0) {
      this.deps.events.emit('data.changed', { domain: 'notifications' });
      this.deps.events.emit('data.changed', { domain: 'alerts' });
    }
    return { updated };
  }
}
