import { resolve } from 'node:path';
import { evidenceKinds, type EvidenceKind } from '../../../shared/domain/evidence';
import { platformIds, type PlatformId } from '../../../shared/domain/platforms';
import { databasePath } from '../../../db/files';
import { verifyDatabaseFile } from '../../../db/verify';
import { readAppVersion } from '../app-version';
import { startCore, type Core } from '../core';
import { RecordingPlatform } from '../platform';
import { AppError } from '../errors';
import { backupCommands } from './backup-commands';
import { cliEncoding, cliEncodings, importViaCli } from './import-command';
import { watchCommands } from './watch-commands';
import { formatBytes } from '../services/evidence/vault-prepare';

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
  /** Positional arguments after the command name (files for `evidence add`). */
  args: string[];
  caseId?: string;
  kind?: string;
  /** Confirms a command that deletes (evidence clean-orphans). */
  yes?: boolean;
  /** import: platform id and shop name. */
  platform?: string;
  shop?: string;
  /** restore: take the newest backup that passes the integrity check. */
  latest?: boolean;
  /** import: the text encoding, overriding detection. */
  encoding?: string;
}

export interface Command {
  summary: string;
  /** Whether the command takes positional arguments after its name. */
  takesArgs?: boolean;
  run: (options: CommandOptions) => Promise<CommandResult>;
}

function usageError(message: string): Promise<CommandResult> {
  return Promise.resolve({ code: exitCodes.usage, json: { ok: false, message }, text: message });
}

const actor = 'cli';

/** The orphan objects of a vault check, for people: a summary line, what to do, one line each. */
function orphanLines(orphans: string[], bytes: number): string[] {
  if (orphans.length === 0) return [];
  return [
    `${orphans.length} orphan file(s) (${formatBytes(bytes)}) in the vault that no evidence names, left by an add that stopped between storing and recording them. Delete them with: reviewdesk evidence clean-orphans --yes`,
    ...orphans.map((sha256) => `orphan  ${sha256}`),
  ];
}

async function withCore(dataDir: string, run: (core: Core) => Promise<CommandResult>): Promise<CommandResult> {
  const core = await startCore({
    dataDir,
    platform: new RecordingPlatform(),
    version: readAppVersion(),
    validateOutput: true,
    log: () => {},
    background: false,
    instanceKind: 'cli',
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

export const commands: Record<string, Command> = {
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
          text: `Demo data: ${added.shopsAdded} shop(s), ${added.staffAdded} staff member(s) and ${added.reviewsAdded} review(s) added.`,
        };
      });
    },
  },
  ...backupCommands(withCore, actor),
  ...watchCommands(withCore, actor),
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
  'evidence add': {
    summary: 'evidence add FILE... [--case ID] [--kind K]: copy files into the evidence vault (by SHA-256).',
    takesArgs: true,
    run: ({ dataDir, args, caseId, kind }) => {
      if (args.length === 0) return usageError('evidence add needs at least one FILE.');
      if (kind !== undefined && !(evidenceKinds as readonly string[]).includes(kind)) {
        return usageError(`--kind must be one of ${evidenceKinds.join(', ')}; got "${kind}".`);
      }
      if (caseId !== undefined && (caseId.trim() === '' || caseId.length > 100)) return usageError('--case needs a case id (1–100 characters).');
      return withCore(dataDir, async (core) => {
        const outcomes = await core.services!.evidence.add(
          args.map((file) => resolve(file)),
          { kind: kind as EvidenceKind | undefined, link: caseId === undefined ? undefined : { targetType: 'case', targetId: caseId.trim() } },
          actor,
        );
        const failed = outcomes.filter((outcome) => !outcome.ok);
        const lines = outcomes.map((outcome) =>
          outcome.ok
            ? `${outcome.duplicate ? 'already in vault' : 'added'}  #${outcome.evidence.id}  ${outcome.evidence.sha256}  ${outcome.evidence.originalName}${outcome.evidence.extensionMismatch ? `  (content is ${outcome.evidence.detectedType}, not what the name says)` : ''}`
            : `refused  ${outcome.error.message}`,
        );
        return {
          code: failed.length === 0 ? exitCodes.ok : exitCodes.failed,
          json: {
            ok: failed.length === 0,
            items: outcomes.map((outcome) =>
              outcome.ok
                ? { ok: true, path: outcome.path, duplicate: outcome.duplicate, id: outcome.evidence.id, sha256: outcome.evidence.sha256, originalName: outcome.evidence.originalName, detectedType: outcome.evidence.detectedType, extensionMismatch: outcome.evidence.extensionMismatch }
                : outcome,
            ),
          },
          text: lines.join('\n'),
        };
      });
    },
  },
  'evidence verify': {
    summary: 'Re-hash every file in the evidence vault and report missing or altered ones.',
    run: ({ dataDir }) =>
      withCore(dataDir, async (core) => {
        const report = await core.services!.evidence.verify(actor);
        const problems = [
          ...report.missing.map((item) => `missing  ${item.sha256}  ${item.names.join(', ')}`),
          ...report.altered.map((item) => `altered  ${item.sha256}  ${item.names.join(', ')}  (now ${item.actualSha256})`),
          ...orphanLines(report.unreferenced, report.unreferencedBytes),
        ];
        return {
          code: report.ok ? exitCodes.ok : exitCodes.failed,
          json: { ...report },
          text: [report.message, ...problems].join('\n'),
        };
      }),
  },
  'evidence clean-orphans': {
    summary: 'evidence clean-orphans [--yes]: list vault files no evidence names; with --yes, delete them.',
    run: ({ dataDir, yes }) =>
      withCore(dataDir, async (core) => {
        const evidence = core.services!.evidence;
        if (!yes) {
          const orphans = await evidence.orphans();
          const bytes = orphans.reduce((sum, orphan) => sum + orphan.size, 0);
          const lines = orphanLines(orphans.map((orphan) => orphan.sha256), bytes);
          return {
            code: exitCodes.ok,
            json: { ok: true, removed: 0, orphans, bytes },
            text: lines.length === 0 ? 'The vault has no orphan files.' : [...lines, 'Nothing was deleted; run again with --yes to delete them.'].join('\n'),
          };
        }
        try {
          const result = await evidence.cleanOrphans(actor);
          return { code: exitCodes.ok, json: { ok: true, ...result }, text: `Deleted ${result.removed} orphan file(s), ${formatBytes(result.freedBytes)} freed.` };
        } catch (error) {
          // Another process (the app) has the folder open: say so, without a stack.
          if (!(error instanceof AppError)) throw error;
          return { code: exitCodes.failed, json: { ok: false, code: error.code, message: error.message }, text: error.message };
        }
      }),
  },
  import: {
    summary: 'import FILE --platform P --shop NAME: import a review export (CSV, TSV, XLSX); prints counts and the report path.',
    takesArgs: true,
    run: ({ dataDir, args, platform, shop, encoding }) => {
      if (args.length !== 1) return usageError('import needs exactly one FILE.');
      if (platform === undefined || !(platformIds as readonly string[]).includes(platform)) {
        return usageError(`--platform must be one of ${platformIds.join(', ')}${platform === undefined ? '' : `; got "${platform}"`}.`);
      }
      if (shop === undefined || shop.trim() === '') return usageError('--shop needs the shop name.');
      const chosen = encoding === undefined ? 'auto' : cliEncoding(encoding);
      if (chosen === null) return usageError(`--encoding must be one of ${Object.keys(cliEncodings).join(', ')}; got "${encoding}".`);
      return withCore(dataDir, (core) => importViaCli(core, { file: resolve(args[0] as string), platform: platform as PlatformId, shop: shop.trim(), actor, encoding: chosen }));
    },
  },
};
