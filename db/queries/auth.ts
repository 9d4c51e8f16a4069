import type { StaffRole } from '../../shared/domain/roles';
import type { Sqlite } from '../connection';
import { prepareCached } from '../statement-cache';

/** Sign-in: the profiles at the desk and their PINs (salted scrypt hashes, never the PIN). */

/** Active staff as the sign-in screen lists them. */
export function listProfiles(sqlite: Sqlite) {
  const rows = prepareCached(sqlite, 'SELECT id, name, role, pin_hash IS NOT NULL AS hasPin FROM staff WHERE active = 1 ORDER BY name').all() as {
    id: number;
    name: string;
    role: StaffRole;
    hasPin: number;
  }[];
  return rows.map((row) => ({ ...row, hasPin: row.hasPin === 1 }));
}

export function findSignInProfile(sqlite: Sqlite, staffId: number) {
  return prepareCached(sqlite, 'SELECT id, name, role, active, pin_hash AS pinHash FROM staff WHERE id = ?').get(staffId) as
    | { id: number; name: string; role: StaffRole; active: number; pinHash: string | null }
    | undefined;
}

export function setPinHash(sqlite: Sqlite, staffId: number, pinHash: string | null): void {
  prepareCached(sqlite, 'UPDATE staff SET pin_hash = ? WHERE id = ?').run(pinHash, staffId);
}
