import type { StaffRole } from '../../../../shared/domain/roles';
import type { StaffMember } from '../../../../shared/contract';
import { insertAudit } from '../../../../db/queries/audit';
import { activeOwnerCountSync, findStaffByNameSync, findStaffSync, insertStaffSync, listStaff, updateStaffSync } from '../../../../db/queries/staff';
import { inTransaction } from '../../../../db/transaction';
import { AppError, conflict, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';

export class StaffService {
  /**
   * Called inside the transaction that deactivates someone, so their open cases do not sit with
   * a person who is gone (services/index.ts wires it to case routing). Returns how many moved.
   */
  onDeactivated: (staffId: number, at: number) => number = () => 0;

  constructor(private readonly deps: ServiceDeps) {}

  list(options: { includeInactive?: boolean }): Promise<StaffMember[]> {
    return listStaff(this.deps.db, options);
  }

  async create(input: { name: string; role: StaffRole }, actor: string): Promise<StaffMember> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    const member = inTransaction(sqlite, () => {
      if (findStaffByNameSync(sqlite, input.name)) {
        throw conflict(`A staff member named "${input.name}" already exists.`, 'name');
      }
      const created = insertStaffSync(sqlite, { ...input, now });
      insertAudit(sqlite, { at: now, actor, action: 'staff.create', entity: 'staff', entityId: created.id, after: created });
      return created;
    });
    this.deps.events.emit('data.changed', { domain: 'staff' });
    return member;
  }

  async update(
    input: { id: number; name?: string; role?: StaffRole; active?: boolean },
    actor: string,
  ): Promise<StaffMember> {
    const { sqlite, clock } = this.deps;
    const now = clock.now();
    let released = 0;
    const member = inTransaction(sqlite, () => {
      const before = findStaffSync(sqlite, input.id);
      if (!before) throw notFound('Staff member', input.id);
      if (input.name !== undefined) {
        const clash = findStaffByNameSync(sqlite, input.name);
        if (clash && clash.id !== input.id) {
          throw conflict(`A staff member named "${input.name}" already exists.`, 'name');
        }
      }
      const losesOwner =
        before.active && before.role === 'owner' && (input.active === false || (input.role && input.role !== 'owner'));
      if (losesOwner && activeOwnerCountSync(sqlite) <= 1) {
        // Owner-only settings must stay reachable by someone.
        throw new AppError('CONFLICT', 'The shop needs at least one active owner. Add another owner first.', {
          issues: [{ path: input.active === false ? 'active' : 'role', reason: 'last_owner', message: 'last active owner' }],
        });
      }
      const after = updateStaffSync(sqlite, input.id, { ...input, now })!;
      const action = input.active === false ? 'staff.deactivate' : input.active === true && !before.active ? 'staff.reactivate' : 'staff.update';
      insertAudit(sqlite, { at: now, actor, action, entity: 'staff', entityId: input.id, before, after });
      if (before.active && input.active === false) released = this.onDeactivated(input.id, now);
      return after;
    });
    this.deps.events.emit('data.changed', { domain: 'staff' });
    if (released > 0) this.deps.events.emit('data.changed', { domain: 'reviews' });
    return member;
  }
}
