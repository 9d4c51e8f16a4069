import type { StaffRole } from '../../../../shared/domain/roles';
import type { StaffMember } from '../../../../shared/contract';
import { insertAudit } from '../../../../db/queries/audit';
import { findStaff, findStaffByName, insertStaff, listStaff, updateStaff } from '../../../../db/queries/staff';
import type { Executor } from '../../../../db/queries/executor';
import { AppError, conflict, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';

export class StaffService {
  constructor(private readonly deps: ServiceDeps) {}

  list(options: { includeInactive?: boolean }): Promise<StaffMember[]> {
    return listStaff(this.deps.db, options);
  }

  async create(input: { name: string; role: StaffRole }, actor: string): Promise<StaffMember> {
    const now = this.deps.clock.now();
    const member = await this.deps.db.transaction().execute(async (trx) => {
      if (await findStaffByName(trx, input.name)) {
        throw conflict(`A staff member named "${input.name}" already exists.`, 'name');
      }
      const created = await insertStaff(trx, { ...input, now });
      await insertAudit(trx, { at: now, actor, action: 'staff.create', entity: 'staff', entityId: created.id, after: created });
      return created;
    });
    this.deps.events.emit('data.changed', { domain: 'staff' });
    return member;
  }

  async update(
    input: { id: number; name?: string; role?: StaffRole; active?: boolean },
    actor: string,
  ): Promise<StaffMember> {
    const now = this.deps.clock.now();
    const member = await this.deps.db.transaction().execute(async (trx) => {
      const before = await findStaff(trx, input.id);
      if (!before) throw notFound('Staff member', input.id);
      if (input.name !== undefined) {
        const clash = await findStaffByName(trx, input.name);
        if (clash && clash.id !== input.id) {
          throw conflict(`A staff member named "${input.name}" already exists.`, 'name');
        }
      }
      const losesOwner =
        before.active && before.role === 'owner' && (input.active === false || (input.role && input.role !== 'owner'));
      if (losesOwner && (await activeOwnerCount(trx)) <= 1) {
        // Owner-only settings (issue #4) must stay reachable by someone.
        throw new AppError('CONFLICT', 'The shop needs at least one active owner. Add another owner first.', {
          issues: [{ path: input.active === false ? 'active' : 'role', reason: 'last_owner', message: 'last active owner' }],
        });
      }
      const after = (await updateStaff(trx, input.id, { ...input, now }))!;
      const action = input.active === false ? 'staff.deactivate' : input.active === true && !before.active ? 'staff.reactivate' : 'staff.update';
      await insertAudit(trx, { at: now, actor, action, entity: 'staff', entityId: input.id, before, after });
      return after;
    });
    this.deps.events.emit('data.changed', { domain: 'staff' });
    return member;
  }
}

async function activeOwnerCount(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
