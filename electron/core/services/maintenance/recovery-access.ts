import type { MethodName } from '../../../../shared/contract';
import { AppError } from '../../errors';

/** What may be changed while the database cannot be opened: only putting a backup back. */
const recoveryMethods: ReadonlySet<MethodName> = new Set(['maintenance.restore']);

/**
 * The role check while the database is not open. Staff accounts, PINs and sessions live in that
 * database, so nobody can sign in, and refusing would leave the desk with no way back but
 * copying files by hand. The person at this desk is the operating-system user who owns the data
 * folder and could do exactly that; the app only does it more safely (it checks the copy and
 * keeps the damaged file aside). So restore is allowed to the local user here, and only restore;
 * once a database is open, restore needs the owner like any owner action. The HTTP harness still
 * needs its token for every call.
 */
export function authorizeWithoutDatabase(method: MethodName): void {
  if (recoveryMethods.has(method)) return;
  throw new AppError('UNAVAILABLE', 'The database is not open. See the start-up error for what to do.');
}
