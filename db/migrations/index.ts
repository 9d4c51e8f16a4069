import type { Migration } from 'kysely/migration';
import { foundation } from './2026-11-24-001-foundation';

/**
 * Every migration, by name. A static map (not a folder scan) because the bundled app has no
 * migrations folder. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-24-001-foundation': foundation,
};

export const latestMigrationName = Object.keys(migrations).sort().at(-1) as string;
