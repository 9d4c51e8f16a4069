import { resolve } from 'node:path';
import { systemClock } from '../clock';
import { AppError } from '../errors';
import { latestGoodBackup, listBackups, restoreClosedDatabase } from '../services/maintenance/backup-catalog';
import type { Core } from '../core';
import type { Command, CommandResult } from './commands';

/** The CLI side of backups: write one, list them, put one back. */

// The values of commands.ts's exitCodes (imported from there this would be an import cycle).
const exit = { ok: 0, failed: 1, usage: 2 } as const;

function failed(message: string, extra: Record<string, unknown> = {}): CommandResult {
  return { code: exit.failed, json: { ok: false, message, ...extra }, text: message };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function when(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

type WithCore = (dataDir: string, run: (core: Core) => Promise<CommandResult>) => Promise<CommandResult>;

export function backupCommands(withCore: WithCore, actor: string): Record<string, Command> {
  return {
    backup: {
      summary: 'Write a consistent copy of the database (and the vault manifest) into <data-dir>/backups.',
      run: ({ dataDir }) =>
        withCore(dataDir, async (core) => {
          const result = await core.services!.maintenance.backup(actor);
          return {
            code: exit.ok,
            json: { ok: true, ...result },
            text: `Backup written: ${result.path} (${result.bytes} bytes, ${result.vaultObjects} vault object(s) in ${result.manifestPath})`,
          };
        }),
    },
    'backups list': {
      summary: 'List the backups in <data-dir>/backups, newest first, with kind, time (UTC) and size.',
      run: ({ dataDir }) => {
        const { items, dir } = listBackups(dataDir);
        const lines = items.map((item) => `${when(item.takenAt)}  ${item.kind.padEnd(16)} ${megabytes(item.bytes).padStart(10)}  ${item.name}`);
        return Promise.resolve({
          code: exit.ok,
          json: { ok: true, dir, items },
          text: items.length === 0 ? `No backups in ${dir} yet.` : [`Backups in ${dir}:`, ...lines].join('\n'),
        });
      },
    },
    restore: {
      summary: 'restore --latest | FILE: put a backup in the database\'s place; the current file is kept aside in the backups folder.',
      takesArgs: true,
      run: async ({ dataDir, args, latest }) => {
        if (latest === (args.length > 0) || args.length > 1) {
          const message = 'restore needs either --latest or one backup FILE.';
          return { code: exit.usage, json: { ok: false, message }, text: message };
        }
        let backupPath: string;
        if (latest) {
          const good = latestGoodBackup(dataDir);
          if (!good) return failed(`No backup in ${listBackups(dataDir).dir} passes the integrity check; nothing was changed.`);
          backupPath = good.backup.path;
        } else {
          backupPath = resolve(args[0] as string);
        }
        let outcome: { restoredFrom: string; asidePath: string | null };
        try {
          // The CLI holds no connection of its own, so there is nothing to close first; the app
          // (or another command) holding the file is refused inside.
          outcome = restoreClosedDatabase(dataDir, backupPath, systemClock.now());
        } catch (error) {
          if (error instanceof AppError) return failed(`${error.message} Nothing was changed.`, { code: error.code, ...error.details });
          throw error;
        }
        return withCore(dataDir, async (core) => {
          core.services!.maintenance.recordRestore(actor, outcome);
          const status = core.status();
          return {
            code: exit.ok,
            json: { ok: true, ...outcome, schemaVersion: status.state === 'ready' ? status.schemaVersion : null },
            text: [
              `Restored ${outcome.restoredFrom}.`,
              outcome.asidePath ? `The database that was in place is kept at ${outcome.asidePath}.` : 'There was no database in place.',
            ].join('\n'),
          };
        });
      },
    },
  };
}
