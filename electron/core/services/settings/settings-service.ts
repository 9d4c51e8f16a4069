import { preferences as preferencesSchema, type Preferences } from '../../../../shared/contract';
import { defaultTimeZone } from '../../../../shared/domain/preferences';
import { insertAudit } from '../../../../db/queries/audit';
import { readSetting, writeSetting } from '../../../../db/queries/settings';
import type { ServiceDeps } from '../service-deps';

const preferencesKey = 'preferences';
export const defaultPreferences: Preferences = { language: 'zh-CN', colorScheme: 'auto', timeZone: defaultTimeZone };

export class SettingsService {
  constructor(private readonly deps: ServiceDeps) {}

  async getPreferences(): Promise<Preferences> {
    const stored = preferencesSchema.partial().safeParse(await readSetting(this.deps.db, preferencesKey));
    // A stored value from an older or damaged build falls back field by field, never blocks start-up.
    return { ...defaultPreferences, ...(stored.success ? stored.data : {}) };
  }

  async updatePreferences(changes: Partial<Preferences>, actor: string): Promise<Preferences> {
    const now = this.deps.clock.now();
    const before = await this.getPreferences();
    const after = { ...before, ...changes };
    await this.deps.db.transaction().execute(async (trx) => {
      await writeSetting(trx, preferencesKey, after, now);
      await insertAudit(trx, { at: now, actor, action: 'settings.updatePreferences', entity: 'settings', entityId: preferencesKey, before, after });
    });
    this.deps.events.emit('data.changed', { domain: 'settings' });
    return after;
  }
}
