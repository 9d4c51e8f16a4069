import { closeSync, fstatSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../tests/helpers/temp-dir';
import { rememberCleanClose, untouchedSinceCleanClose } from './clean-close';
import { databasePath } from './files';
import { migrations } from './migrations';
import { openDatabase } from './open-database';

const tempDir = useTempDirs();
const now = () => Date.UTC(2026, 10, 24, 1, 30);

/** A database with enough rows to span many pages, closed as the core closes it. */
async function closedCleanly(dataDir: string) {
  const opened = await openDatabase({ dataDir, now });
  if (!opened.ok) throw new Error(opened.message);
  const insert = opened.sqlite.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, 1)');
  opened.sqlite.transaction(() => {
    for (let i = 0; i < 2000; i++) insert.run(`test.note${i}`, JSON.stringify('很长的备注'.repeat(20)));
  })();
  await opened.db.destroy();
  rememberCleanClose(opened.dbPath);
  return opened.dbPath;
}

/** Garbage over one page in the middle of the file: the header and the schema stay readable. */
function damageAPageInside(path: string) {
  const fd = openSync(path, 'r+');
  const pages = fstatSync(fd).size / 4096;
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(pages / 2) * 4096);
  closeSync(fd);
}

function countQuickChecks() {
  const pragma = vi.spyOn(Database.prototype, 'pragma');
  return () => pragma.mock.calls.filter(([source]) => source === 'quick_check').length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the integrity check at open', () => {
  it('is skipped for a file this app closed cleanly and nobody touched since', async () => {
    const path = await closedCleanly(tempDir());
    expect(untouchedSinceCleanClose(path)).toBe(true);
    const quickChecks = countQuickChecks();
    const opened = await openDatabase({ dataDir: dirname(path), now });
    expect(opened.ok).toBe(true);
    expect(quickChecks()).toBe(0);
    // In use from here on: a crash before the next clean close leaves the file to be checked.
    expect(untouchedSinceCleanClose(path)).toBe(false);
    if (opened.ok) await opened.db.destroy();
  });

  it('runs after a close that was not clean, and refuses a file damaged inside', async () => {
    const dataDir = tempDir();
    const path = await closedCleanly(dataDir);
    writeFileSync(`${path}.closed-cleanly`, '{}');
    damageAPageInside(path);
    const before = readFileSync(path);
    const quickChecks = countQuickChecks();
    const opened = await openDatabase({ dataDir, now });
    expect(quickChecks()).toBe(1);
    expect(opened.ok || opened.reason).toBe('corrupt');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('runs when the file changed after the clean close', async () => {
    const dataDir = tempDir();
    const path = await closedCleanly(dataDir);
    damageAPageInside(path);
    expect(untouchedSinceCleanClose(path)).toBe(false);
    const opened = await openDatabase({ dataDir, now });
    expect(opened.ok || opened.reason).toBe('corrupt');
  });

  it('always runs before migrating', async () => {
    const dataDir = tempDir();
    await closedCleanly(dataDir);
    const extra: Record<string, Migration> = {
      ...migrations,
      '2099-01-01-001-extra': {
        async up(db) {
          await sql`ALTER TABLE staff ADD COLUMN nickname TEXT`.execute(db);
        },
      },
    };
    const quickChecks = countQuickChecks();
    const opened = await openDatabase({ dataDir, now, migrations: extra });
    expect(opened.ok).toBe(true);
    expect(quickChecks()).toBe(1);
    if (opened.ok) await opened.db.destroy();
  });

  it('runs for a file without a marker, e.g. one copied in', async () => {
    const dataDir = tempDir();
    await closedCleanly(dataDir);
    const other = tempDir();
    writeFileSync(databasePath(other), readFileSync(databasePath(dataDir)));
    const quickChecks = countQuickChecks();
    const opened = await openDatabase({ dataDir: other, now });
    expect(opened.ok).toBe(true);
    expect(quickChecks()).toBe(1);
    if (opened.ok) await opened.db.destroy();
  });
});
