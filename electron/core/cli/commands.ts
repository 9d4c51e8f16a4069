import { databasePath } from '../../../db/files';
import { verifyDatabaseFile } from '../../../db/verify';
import { readAppVersion } from '../app-version';
import { startCore, type Core } from '../core';
import { RecordingPlatform } from '../platform';

export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

export interface CommandResult {
  code: (typeof exitCodes)[keyof typeof exitCodes];
  /** What --json prints. */
  json: { ok: boolean; [key: string]: unknown };
  /** What a person reads without --json. */
  text: string;
}

export interface CommandOptions {
  dataDir: string;
  demo: boolean;
  seed?: number;
}

const actor = 'cli';

async function withCore(dataDir: string, run: (core: Core) => Promise<CommandResult>): Promise<CommandResult> {
  const core = await startCore({
    dataDir,
    platform: new RecordingPlatform(),
    version: readAppVersion(),
    validateOutput: true,
    log: () => {},
  });
  try {
    const status = core.status();
    if (status.state === 'error') {
      return {
        code: exitCodes.failed,
        json: { ok: false, reason: status.reason, message: status.message, dbPath: status.dbPath, backupsDir: status.backupsDir },
        text: `${status.message}\nDatabase: ${status.dbPath}\nBackups: ${status.backupsDir}`,
      };
    }
    return await run(core);
  } finally {
    await core.close();
  }
}

export const commands: Record<string, { summary: string; run: (options: CommandOptions) => Promise<CommandResult> }> = {
  init: {
    summary: 'Create the data directory and database, or bring an existing one up to date.',
    run: ({ dataDir }) =>
      withCore(dataDir, async (core) => {
        const status = core.status();
        if (status.state !== 'ready') throw new Error('unreachable');
        return {
          code: exitCodes.ok,
          json: { ok: true, dataDir, dbPath: status.dbPath, schemaVersion: status.schemaVersion, backup: status.migratedFromBackup },
          text: `Ready: ${status.dbPath} (schema ${status.schemaVersion})${status.migratedFromBackup ? `\nA copy was kept before updating: ${status.migratedFromBackup}` : ''}`,
        };
      }),
  },
  seed: {
    summary: 'seed --demo [--seed N]: add the demo shop (idempotent: running it twice adds nothing new).',
    run: ({ dataDir, demo, seed }) => {
      if (!demo) {
        return Promise.resolve({
          code: exitCodes.usage,
          json: { ok: false, message: 'seed needs --demo (the only seed there is).' },
          text: 'seed needs --demo (the only seed there is).',
        });
      }
      return withCore(dataDir, async (core) => {
        const added = await core.services!.demo.load(actor, seed);
        return {
          code: exitCodes.ok,
          json: { ok: true, ...added },
          text: `Demo data: ${added.shopsAdded} shop(s) and ${added.staffAdded} staff member(s) added.`,
        };
      });
    },
  },
  backup: {
    summary: 'Write a consistent copy of the database into <data-dir>/backups.',
    run: ({ dataDir }) =>
      withCore(dataDir, async (core) => {
        const result = await core.services!.maintenance.backup(actor);
        return { code: exitCodes.ok, json: { ok: true, ...result }, text: `Backup written: ${result.path} (${result.bytes} bytes)` };
      }),
  },
  verify: {
    summary: 'Check the database without changing it (integrity_check and schema version).',
    run: async ({ dataDir }) => {
      const report = verifyDatabaseFile(databasePath(dataDir));
      return {
        code: report.ok ? exitCodes.ok : exitCodes.failed,
        json: { ...report },
        text: `${report.message}\nDatabase: ${report.dbPath}\nSchema: ${report.schemaVersion ?? 'none'} (expected ${report.expectedSchemaVersion})`,
      };
    },
  },
};
