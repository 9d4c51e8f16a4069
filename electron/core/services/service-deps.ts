import type { Db, Sqlite } from '../../../db/connection';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';

export interface ServiceDeps {
  db: Db;
  sqlite: Sqlite;
  clock: Clock;
  events: EventBus;
  dataDir: string;
}
