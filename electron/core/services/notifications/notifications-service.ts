import { preferences as preferencesSchema } from '../../../../shared/contract';
import { notificationSettings, type AppNotification, type NotificationSettings } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/preferences';
import type { NotificationKind } from '../../../../shared/domain/sla';
import { clockMinutes, localMinuteOfDay } from '../../../../shared/sla/calendar';
import type { Platform } from '../../platform';
import { notificationText, type NotificationParams } from './notification-text';
import { defaultPreferences } from '../settings/settings-service';
import type { ServiceDeps } from '../service-deps';

const settingsKey = 'notifications';
const defaults: NotificationSettings = {
  desktop: true,
  quietHours: { enabled: false, start: '22:00', end: '08:00' },
  soundForMalicious: true,
};

interface Row {
  id: number;
  kind: NotificationKind;
  title: string;
  body: string;
  paramsJson: string;
  route: string | null;
  caseId: number | null;
  urgent: number;
  sound: number;
  createdAt: number;
  deliveredAt: number | null;
  held: number;
  readAt: number | null;
}

const columns =
  'id, kind, title, body, params_json AS paramsJson, route, case_id AS caseId, urgent, sound, created_at AS createdAt, delivered_at AS deliveredAt, held, read_at AS readAt';

function toApi({ paramsJson, held: _held, ...row }: Row): AppNotification {
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
}

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

  constructor(private readonly deps: ServiceDeps) {}

  settings(): NotificationSettings {
    const row = this.deps.sqlite.prepare('SELECT value_json AS value FROM settings WHERE key = ?').get(settingsKey) as { value: string } | undefined;
    // A damaged value must not break the scheduler: each field falls back to its default.
    let saved: Record<string, unknown> = {};
    try {
      const parsed: unknown = row ? JSON.parse(row.value) : {};
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

  updateSettings(patch: Partial<NotificationSettings>): NotificationSettings {
    const after = { ...this.settings(), ...patch };
    this.deps.sqlite
      .prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at')
      .run(settingsKey, JSON.stringify(after), this.deps.clock.now());
    this.deps.events.emit('data.changed', { domain: 'notifications' });
    this.releaseHeld();
    return after;
  }

  /**
   * The stored preferences, read synchronously (the scheduler's tick is synchronous); same
   * field-by-field fallback as SettingsService.getPreferences.
   */
  private preferences() {
    const row = this.deps.sqlite.prepare("SELECT value_json AS value FROM settings WHERE key = 'preferences'").get() as { value: string } | undefined;
    let saved: unknown;
    try {
      saved = row ? JSON.parse(row.value) : {};
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
    const held = this.deps.sqlite.prepare('SELECT 1 FROM notifications WHERE delivered_at IS NULL AND held = 1 LIMIT 1').get();
    if (!held) return null;
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
    const row = this.deps.sqlite
      .prepare(
        `INSERT INTO notifications (kind, title, body, params_json, route, case_id, urgent, sound, created_at, delivered_at, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?) RETURNING ${columns}`,
      )
      .get(input.kind, words.title, words.body, JSON.stringify(input.params), input.route, input.caseId, input.urgent ? 1 : 0, input.sound && settings.soundForMalicious ? 1 : 0, now, held ? 1 : 0) as Row;
    return toApi(row);
  }

  /**
   * Adds to the count of a summary not yet read (one away summary for a catch-up that takes
   * several ticks). False when it was read or removed meanwhile: record a new one instead.
   */
  addToCount(id: number, more: number): boolean {
    const updated = this.deps.sqlite
      .prepare("UPDATE notifications SET params_json = json_set(params_json, '$.count', json_extract(params_json, '$.count') + ?) WHERE id = ? AND read_at IS NULL")
      .run(more, id);
    return updated.changes > 0;
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
    const heldNow = sqlite.prepare(`SELECT ${columns} FROM notifications WHERE delivered_at IS NULL AND held = 1 AND id = ?`);
    for (const id of just) {
      const row = heldNow.get(id) as Row | undefined;
      if (row) this.emitCreated(toApi(row), true);
    }
    const now = this.deps.clock.now();
    const settings = this.settings();
    const quiet = this.isQuiet(now, settings);
    const deliverable = sqlite.prepare(`SELECT count(*) AS n FROM notifications WHERE delivered_at IS NULL AND held = 0${quiet ? ' AND urgent = 1' : ''}`).get() as { n: number };
    if (deliverable.n > burstAfter) return this.deliverBurst(now, settings, quiet);
    const rows = sqlite.prepare(`SELECT ${columns} FROM notifications WHERE delivered_at IS NULL AND held = 0 ORDER BY id LIMIT 200`).all() as Row[];
    if (rows.length === 0) return 0;
    const mark = sqlite.prepare('UPDATE notifications SET delivered_at = ? WHERE id = ? AND delivered_at IS NULL');
    const hold = sqlite.prepare('UPDATE notifications SET held = 1 WHERE id = ? AND delivered_at IS NULL');
    let delivered = 0;
    let failure: unknown = null;
    for (const row of rows) {
      const notification = toApi(row);
      // Left over from before quiet hours began (a restart): hold it like a new one.
      if (quiet && !notification.urgent) {
        hold.run(row.id);
        this.emitCreated(notification, true);
        continue;
      }
      try {
        this.deliver(notification, settings);
      } catch (error) {
        failure ??= error;
        continue;
      }
      mark.run(now, row.id);
      delivered++;
      this.emitCreated({ ...notification, deliveredAt: now }, false);
    }
    if (failure !== null) throw failure;
    return delivered;
  }

  /**
   * Many due at once (cases an import opened together reach their deadlines together): one line
   * on the desktop and a few toasts in the app, not hundreds; every one is in the notification
   * centre. During quiet hours the non-urgent ones are held first, as one by one.
   */
  private deliverBurst(now: number, settings: NotificationSettings, quiet: boolean): number {
    const sqlite = this.deps.sqlite;
    if (quiet) sqlite.prepare('UPDATE notifications SET held = 1 WHERE delivered_at IS NULL AND held = 0 AND urgent = 0').run();
    const pending = 'delivered_at IS NULL AND held = 0';
    // The away summary first (its arrival opens the away dialog), then the urgent ones.
    const first = sqlite.prepare(`SELECT ${columns} FROM notifications WHERE ${pending} ORDER BY kind = 'away_summary' DESC, urgent DESC, id LIMIT ${burstAfter}`).all() as Row[];
    const { n, urgent, sound } = sqlite.prepare(`SELECT count(*) AS n, max(urgent) AS urgent, max(sound) AS sound FROM notifications WHERE ${pending}`).get() as { n: number; urgent: number; sound: number };
    if (settings.desktop) {
      const words = notificationText('burst_summary', { count: n }, this.language())!;
      this.platform?.notify({ title: words.title, body: words.body, route: '/notifications', urgent: urgent === 1, sound: sound === 1 });
    }
    sqlite.prepare(`UPDATE notifications SET delivered_at = ? WHERE ${pending}`).run(now);
    for (const row of first) this.emitCreated({ ...toApi(row), deliveredAt: now }, false);
    this.deps.events.emit('data.changed', { domain: 'notifications' });
    return n;
  }

  private emitCreated(created: AppNotification, held: boolean): void {
    this.deps.events.emit('notification.created', {
      id: created.id,
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
    if (!settings.desktop) return;
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
    const rows = this.deps.sqlite.prepare(`SELECT ${columns} FROM notifications WHERE delivered_at IS NULL AND held = 1 ORDER BY id LIMIT 200`).all() as Row[];
    if (rows.length === 0) return 0;
    // Several held at once: one summary on the desktop rather than a burst.
    if (rows.length > burstAfter) {
      const words = notificationText('quiet_summary', { count: rows.length }, this.language())!;
      this.platform?.notify({ title: words.title, body: words.body, route: '/notifications' });
    } else {
      for (const row of rows) this.deliver(toApi(row), settings);
    }
    const mark = this.deps.sqlite.prepare('UPDATE notifications SET delivered_at = ? WHERE id = ?');
    this.deps.sqlite.transaction(() => {
      for (const row of rows) mark.run(now, row.id);
    })();
    return rows.length;
  }

  list(input: { unreadOnly?: boolean; limit?: number }) {
    const rows = this.deps.sqlite
      .prepare(`SELECT ${columns} FROM notifications ${input.unreadOnly ? 'WHERE read_at IS NULL' : ''} ORDER BY id DESC LIMIT ?`)
      .all(input.limit ?? 50) as Row[];
    const unread = (this.deps.sqlite.prepare('SELECT count(*) AS n FROM notifications WHERE read_at IS NULL').get() as { n: number }).n;
    return { items: rows.map(toApi), unread };
  }

  markRead(input: { ids?: number[]; all?: boolean }): { updated: number } {
    const now = this.deps.clock.now();
    let updated = 0;
    if (input.all) {
      updated = this.deps.sqlite.prepare('UPDATE notifications SET read_at = ? WHERE read_at IS NULL').run(now).changes;
    } else if (input.ids?.length) {
      const statement = this.deps.sqlite.prepare('UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL');
      this.deps.sqlite.transaction(() => {
        for (const id of input.ids ?? []) updated += statement.run(now, id).changes;
      })();
    }
    if (updated > 0) this.deps.events.emit('data.changed', { domain: 'notifications' });
    return { updated };
  }
}
