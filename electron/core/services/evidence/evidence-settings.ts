import { evidenceSettings as evidenceSettingsSchema, type EvidenceSettings } from '../../../../shared/contract';
import { defaultEvidenceMaxFileBytes } from '../../../../shared/domain/evidence';
import { insertAuditSync } from '../../../../db/queries/audit';
import { writeEvidenceSettings } from '../../../../db/queries/evidence';
import type { Executor } from '../../../../db/queries/executor';
import { readSetting } from '../../../../db/queries/settings';
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
    writeEvidenceSettings(deps.sqlite, settingsKey, after, now);
    insertAuditSync(deps.sqlite, { at: now, actor, action: 'evidence.updateSettings', entity: 'settings', entityId: settingsKey, before, after });
  });
  deps.events.emit('data.changed', { domain: 'settings' });
  return after;
}
