import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupsDir } from '../../../../db/files';
import { defineHandlers } from '../../handler-types';

export const appHandlers = defineHandlers({
  'app.status': (_input, context) => context.status(),
  'app.openFolder': async ({ folder }, context) => {
    const status = context.status();
    const dataDir = status.state === 'ready' ? status.dataDir : dirname(status.dbPath);
    const path = folder === 'backups' ? backupsDir(dataDir) : dataDir;
    // The backups folder only appears with the first backup; create it so "open" never fails.
    mkdirSync(path, { recursive: true });
    const opened = await context.platform.openPath(path);
    return { path, opened };
  },
});
