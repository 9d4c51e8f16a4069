import { defineHandlers } from '../../handler-types';
import { backupPathByName, latestGoodBackup, listBackups, previewBackup } from './backup-catalog';

export const maintenanceHandlers = defineHandlers({
  'maintenance.backup': (_input, context) => context.services().maintenance.backup(context.actor),
  'maintenance.verify': (_input, context) => context.services().maintenance.verify(),
  // These four need only the data folder: they serve the start-up error screen too.
  'maintenance.listBackups': (_input, context) => listBackups(context.dataDir),
  'maintenance.previewBackup': ({ name }, context) => previewBackup(context.dataDir, name),
  'maintenance.getLatestGoodBackup': (_input, context) => latestGoodBackup(context.dataDir),
  'maintenance.restore': ({ name }, context) => context.restore(backupPathByName(context.dataDir, name)),
  'maintenance.getBackupSettings': (_input, context) => context.services().maintenance.settings(),
  'maintenance.updateBackupSettings': (input, context) => context.services().maintenance.updateSettings(input, context.actor),
});
