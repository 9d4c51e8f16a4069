import { evidenceSettings as evidenceSettingsSchema, type EvidenceSettings } from '../../../../shared/contract';
import { defaultEvidenceMaxFileBytes } from '../../../../shared/domain/evidence';
import { insertAudit } from '../../../../db/queries/audit';
import type { Executor } from '../../../../db/queries/executor';
import { readSetting, writeSettingSync } from '../../../../db/queries/settings';
import { inTransaction } from '../../../../db/transaction';
import type { ServiceDeps } from '../service-deps';

const settingsKey = 'evidence';

/** The stored settings over the defaults; a stored value of the wrong shape counts as not set. */
export async function readEvidenceSettings(db: Executor): Promise<EvidenceSettings> {
  const stored = evidenceSettingsSchema.partial().safeParse(await readSetting(db, settingsKey));
  return { maxFileBytes: defaultEvidenceMaxFileBytes, ...(stored.success ? stored.data : {}) };
}

export async function updateEvidenceSettings(deps: ServiceDeps, changes: Partial<EvidenceSettings>, actor: string): Promise<EvidenceSettings> {
  const now = deps.clock.now();
  const before = await readEvidenceSettings(deps.db);
  const after = { ...before, ...changes };
  inTransaction(deps.sqlite, () => {
    writeSettingSync(deps.sqlite, settingsKey, after, now);
    insertAudit(deps.sqlite, { at: now, actor, action: 'evidence.updateSettings', entity: 'settings', entityId: settingsKey, before, after });
  });
  deps.events.emit('data.changed', { domain: 'settings' });
  return after;
}
