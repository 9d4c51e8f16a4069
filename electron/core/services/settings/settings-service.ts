import { preferences as preferencesSchema, type Preferences } from '../../../../shared/contract';
import { defaultTimeZone } from '../../../../shared/domain/preferences';
import { insertAudit } from '../../../../db/queries/audit';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { inTransaction } from '../../../../db/transaction';
import type { ServiceDeps } from '../service-deps';

const preferencesKey = 'preferences';
export const defaultPreferences: Preferences = { language: 'zh-CN', colorScheme: 'auto', timeZone: defaultTimeZone };

export class SettingsService {
  constructor(private readonly deps: ServiceDeps) {}

  async getPreferences(): Promise<Preferences> {
    const stored = preferencesSchema.partial().safeParse(readSettingSync(this.deps.sqlite, preferencesKey));
    // A stored value from an older or damaged build falls back field by field, never blocks start-up.
    return { ...defaultPreferences, ...(stored.success ? stored.data : {}) };
  }

  async updatePreferences(changes: Partial<Preferences>, actor: string): Promise<Preferences> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const before = await this.getPreferences();
    const after = { ...before, ...changes };
    inTransaction(sqlite, () => {
      writeSettingSync(sqlite, preferencesKey, after, now);
      // Language and colour scheme are how this screen looks, not what the desk did: not audited.
      // The time zone changes every time shown, so its change is.
      if (before.timeZone !== after.timeZone) {
        insertAudit(sqlite, { at: now, actor, action: 'settings.updatePreferences', entity: 'settings', entityId: preferencesKey, before: { timeZone: before.timeZone }, after: { timeZone: after.timeZone } });
      }
    });
    this.deps.events.emit('data.changed', { domain: 'settings' });
    return after;
  }
}
