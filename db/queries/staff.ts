import type { Selectable } from 'kysely';
import type { StaffRole } from '../../shared/domain/roles';
import type { StaffMember } from '../../shared/contract';
import type { Sqlite } from '../connection';
import type { StaffTable } from '../schema';
import { firstSync } from '../transaction';
import type { Executor } from './executor';
import { queryBuilder } from './query-builder';

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

export function findStaffSync(sqlite: Sqlite, id: number): StaffMember | undefined {
  const row = firstSync(sqlite, queryBuilder.selectFrom('staff').selectAll().where('id', '=', id));
  return row ? toStaff(row) : undefined;
}

export function findStaffByNameSync(sqlite: Sqlite, name: string): StaffMember | undefined {
  const row = firstSync(sqlite, queryBuilder.selectFrom('staff').selectAll().where('name', '=', name));
  return row ? toStaff(row) : undefined;
}

export function activeOwnerCountSync(sqlite: Sqlite): number {
  const query = queryBuilder
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('active', '=', 1);
  return Number(firstSync(sqlite, query)!.n);
}

export function insertStaffSync(sqlite: Sqlite, values: { name: string; role: StaffRole; now: number }): StaffMember {
  const query = queryBuilder
    .insertInto('staff')
    .values({
      name: values.name,
      role: values.role,
      active: 1,
      created_at: values.now,
      updated_at: values.now,
    })
    .returningAll();
  return toStaff(firstSync(sqlite, query)!);
}

export function updateStaffSync(
  sqlite: Sqlite,
  id: number,
  changes: { name?: string; role?: StaffRole; active?: boolean; now: number },
): StaffMember | undefined {
  const query = queryBuilder
    .updateTable('staff')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.role !== undefined && { role: changes.role }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .returningAll();
  const row = firstSync(sqlite, query);
  return row ? toStaff(row) : undefined;
}
