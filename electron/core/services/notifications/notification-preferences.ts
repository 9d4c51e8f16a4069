import type { NotificationPreferences } from '../../../../shared/contract';
import { notificationChannel } from '../../../../shared/contract';
import { defaultNotificationChannels, notificationEvents, type NotificationChannel, type NotificationEvent } from '../../../../shared/domain/sla';
import { insertAudit } from '../../../../db/queries/audit';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { findStaffSync } from '../../../../db/queries/staff';
import { inTransaction } from '../../../../db/transaction';
import { AppError } from '../../errors';
import type { AuthService } from '../auth/auth-service';
import type { ServiceDeps } from '../service-deps';

/** Everyone's choices live in one setting: `{ "<staffId>" | "nobody": { <event>: <channel> } }`. */
const settingKey = 'notificationPreferences';
const nobody = 'nobody';

type Stored = Record<string, Record<string, unknown>>;

/**
 * Per person (and for the desk when nobody is signed in): which events raise a desktop
 * notification (and a toast), only a toast, or only a line in the centre. The desktop path asks
 * for the signed-in operator's choice at the moment it delivers; the window asks for its own.
 */
export class NotificationPreferencesStore {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly auth: AuthService,
  ) {}

  private stored(): Stored {
    try {
      const value = readSettingSync(this.deps.sqlite, settingKey);
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
    } catch {
      return {};
    }
  }

  /** One person's choices; every event present, a damaged or missing value falls back to its default. */
  get(staffId: number | null): NotificationPreferences {
    const saved = this.stored()[staffId === null ? nobody : String(staffId)] ?? {};
    const channels = {} as Record<NotificationEvent, NotificationChannel>;
    for (const event of notificationEvents) {
      const parsed = notificationChannel.safeParse(saved[event]);
      channels[event] = parsed.success ? parsed.data : defaultNotificationChannels[event];
    }
    return { staffId, channels };
  }

  /** The choices of whoever sits at the desk now. */
  current(): NotificationPreferences {
    return this.get(this.auth.current()?.id ?? null);
  }

  /** The channel the signed-in operator chose for `event`. */
  channelOf(event: NotificationEvent): NotificationChannel {
    return this.current().channels[event];
  }

  /** Whom `get` reads when no id is given: the signed-in operator, or the desk. */
  resolve(staffId: number | null | undefined): number | null {
    return staffId === undefined ? (this.auth.current()?.id ?? null) : staffId;
  }

  /** A person edits their own choices; someone else's (or the desk's while signed in) needs the owner. */
  update(staffId: number | null, patch: Partial<Record<NotificationEvent, NotificationChannel>>, actor: string): NotificationPreferences {
    const operator = this.auth.current();
    const own = operator === null ? staffId === null : operator.id === staffId;
    if (!own) this.auth.require('owner', "Changing someone else's notification preferences");
    if (staffId !== null && !findStaffSync(this.deps.sqlite, staffId)) throw new AppError('NOT_FOUND', `No staff member ${staffId}.`);
    const before = this.get(staffId);
    const after: NotificationPreferences = { staffId, channels: { ...before.channels, ...patch } };
    const now = this.deps.clock.now();
    const key = staffId === null ? nobody : String(staffId);
    inTransaction(this.deps.sqlite, () => {
      writeSettingSync(this.deps.sqlite, settingKey, { ...this.stored(), [key]: after.channels }, now);
      insertAudit(this.deps.sqlite, { at: now, actor, action: 'notifications.updatePreferences', entity: 'staff', entityId: key, before: before.channels, after: after.channels });
    });
    this.deps.events.emit('data.changed', { domain: 'notifications' });
    return after;
  }
}
