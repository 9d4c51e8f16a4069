import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { AuthSession, AuthSettings, Operator } from '../../../../shared/contract';
import { defaultCompensationApprovalCents, hasAuthority } from '../../../../shared/domain/sla';
import type { StaffRole } from '../../../../shared/domain/roles';
import { insertAudit } from '../../../../db/queries/audit';
import { findSignInProfile, listProfiles, setPinHash } from '../../../../db/queries/auth';
import { readSettingSync, writeSettingSync } from '../../../../db/queries/settings';
import { inTransaction } from '../../../../db/transaction';
import { AppError, notFound } from '../../errors';
import type { ServiceDeps } from '../service-deps';

const settingsKey = 'auth';
const defaults: AuthSettings = { requireSignIn: false, compensationApprovalCents: defaultCompensationApprovalCents };

const roleNames: Record<StaffRole, string> = { agent: 'an agent', supervisor: 'a supervisor', legal: 'legal', owner: 'the owner' };

function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

function checkPin(pin: string, stored: string): boolean {
  const [saltHex, hashHex] = stored.split(':');
  if (!saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex, 'hex'), expected.length);
  return timingSafeEqual(expected, actual);
}

/**
 * Who is at the desk. Staff sign in by picking their profile (PIN optional); the session lives in
 * memory (one desk, one operator). Nobody signed in acts as the owner unless `requireSignIn`.
 */
export class AuthService {
  private operator: Operator | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  current(): Operator | null {
    return this.operator;
  }

  /** The audit actor: the signed-in name, or null (the caller keeps 'local'). */
  actorName(): string | null {
    return this.operator?.name ?? null;
  }

  settings(): AuthSettings {
    const saved = readSettingSync(this.deps.sqlite, settingsKey);
    return { ...defaults, ...(saved !== undefined ? (saved as Partial<AuthSettings>) : {}) };
  }

  updateSettings(patch: Partial<AuthSettings>, actor: string): AuthSettings {
    const before = this.settings();
    const after = { ...before, ...patch };
    const now = this.deps.clock.now();
    inTransaction(this.deps.sqlite, () => {
      writeSettingSync(this.deps.sqlite, settingsKey, after, now);
      this.audit(actor, 'auth.updateSettings', 'settings', settingsKey, before, after);
    });
    this.deps.events.emit('data.changed', { domain: 'auth' });
    return after;
  }

  session(): AuthSession {
    return { operator: this.operator, requireSignIn: this.settings().requireSignIn };
  }

  profiles() {
    return { items: listProfiles(this.deps.sqlite) };
  }

  signIn(staffId: number, pin: string | undefined): AuthSession {
    const row = findSignInProfile(this.deps.sqlite, staffId);
    if (!row) throw notFound('Staff member', staffId);
    if (row.active !== 1) throw new AppError('FORBIDDEN', `${row.name} is deactivated and cannot sign in.`);
    if (row.pinHash && (!pin || !checkPin(pin, row.pinHash))) {
      this.audit(row.name, 'auth.signInFailed', 'staff', String(row.id), null, null);
      throw new AppError('FORBIDDEN', 'Wrong PIN.', { issues: [{ path: 'pin', reason: 'wrong_pin', message: 'Wrong PIN.' }] });
    }
    this.operator = { id: row.id, name: row.name, role: row.role };
    this.audit(row.name, 'auth.signIn', 'staff', String(row.id), null, null);
    this.deps.events.emit('auth.changed', { operator: this.operator });
    return this.session();
  }

  signOut(): AuthSession {
    if (this.operator) {
      this.audit(this.operator.name, 'auth.signOut', 'staff', String(this.operator.id), null, null);
      this.operator = null;
      this.deps.events.emit('auth.changed', { operator: null });
    }
    return this.session();
  }

  setPin(staffId: number, pin: string | null, actor: string): { id: number; hasPin: boolean } {
    if (!findSignInProfile(this.deps.sqlite, staffId)) throw notFound('Staff member', staffId);
    if (this.operator?.id !== staffId) this.require('owner', "Setting someone else's PIN");
    setPinHash(this.deps.sqlite, staffId, pin === null ? null : hashPin(pin));
    this.audit(actor, pin === null ? 'staff.clearPin' : 'staff.setPin', 'staff', String(staffId), null, null);
    return { id: staffId, hasPin: pin !== null };
  }

  /** Throws FORBIDDEN unless the operator has `required` authority (see the module comment). */
  require(required: StaffRole, what: string): void {
    const operator = this.operator;
    if (!operator) {
      if (this.settings().requireSignIn) throw new AppError('FORBIDDEN', `${what} needs ${roleNames[required]}: sign in first.`, { required });
      return;
    }
    if (!hasAuthority(operator.role, required)) {
      throw new AppError('FORBIDDEN', `${what} needs ${roleNames[required]}; ${operator.name} is signed in as ${roleNames[operator.role]}.`, {
        required,
        role: operator.role,
      });
    }
  }

  /** The dispatch's check of a method's declared role; a refusal is written to the audit log. */
  authorize(required: StaffRole, method: string, actor: string): void {
    try {
      this.require(required, method);
    } catch (error) {
      this.audit(actor, 'access.refused', 'method', method, null, { required, role: this.operator?.role ?? null });
      throw error;
    }
  }

  /** Writes an audit entry at the clock's now; synchronous, so it joins the caller's transaction. */
  audit(actor: string, action: string, entity: string, entityId: string | null, before: unknown, after: unknown): void {
    insertAudit(this.deps.sqlite, { at: this.deps.clock.now(), actor, action, entity, entityId, before, after });
  }
}
