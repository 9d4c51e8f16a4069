import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

// Frozen in time: never edit once released; add a new migration instead.
export const importOwner: Migration = {
  async up(db: Kysely<any>) {
    // The process instance (electron/core/process-marker.ts) running an import, so start-up
    // recovery can tell a run whose process died from one another live process (the app beside
    // the CLI) is still writing. NULL for runs recorded before there were instances.
    await sql`ALTER TABLE import_runs ADD COLUMN owner_instance TEXT`.execute(db);
  },
};
