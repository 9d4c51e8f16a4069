import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

/** Query functions take either the database or an open transaction; services own transactions. */
export type Executor = Kysely<DB> | Transaction<DB>;
