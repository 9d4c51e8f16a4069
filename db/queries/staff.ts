import type { Selectable } from 'kysely';
import type { StaffRole } from '../../shared/domain/roles';
import type { StaffMember } from '../../shared/contract';
import type { StaffTable } from '../schema';
import type { Executor } from './executor';

function toStaff(row: Selectable<StaffTable>): StaffMember {
  return {
    id: row.id,
    name: row.name,
    role: row.role as StaffRole,
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listStaff(db: Executor, options: { includeInactive?: boolean } = {}) {
  let query = db.selectFrom('staff').selectAll();
  if (!options.includeInactive) query = query.where('active', '=', 1);
  const rows = await query.orderBy('active', 'desc').orderBy('created_at').orderBy('id').execute();
  return rows.map(toStaff);
}

export async function findStaff(db: Executor, id: number): Promise<StaffMember | undefined> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStaff(row) : undefined;
}

export async function findStaffByName(db: Executor, name: string) {
  const row = await db.selectFrom('staff').selectAll().where('name', '=', name).executeTakeFirst();
  return row ? toStaff(row) : undefined;
}

export async function insertStaff(
  db: Executor,
  values: { name: string; role: StaffRole; now: number },
): Promise<StaffMember> {
  const row = await db
    .insertInto('staff')
    .values({
      name: values.name,
      role: values.role,
      active: 1,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStaff(row);
}

export async function updateStaff(
  db: Executor,
  id: number,
  changes: { name?: string; role?: StaffRole; active?: boolean; now: number },
): Promise<StaffMember | undefined> {
  const row = await db
    .updateTable('staff')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toStaff(row) : undefined;
}
