import type { Db, Sqlite } from '../../../db/connection';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { ProcessMarker } from '../process-marker';

export interface ServiceDeps {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  events: EventBus;
  dataDir: string;
  /** This process's claim on the data directory: who owns runs and temporary files, and whether another owner is alive. */
  instance: ProcessMarker;
}
