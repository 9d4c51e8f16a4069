import { z } from 'zod';
import {
  appStatus,
  auditEntry,
  displayName,
  id,
  noInput,
  platformId,
  preferences,
  shop,
  staffMember,
  staffRole,
  verifyReport,
} from './schemas';

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * The whole API between the renderer and the backend. Every transport (IPC, HTTP, in-memory)
 * carries exactly these methods; handler maps are checked against this object's keys.
 */
export const contract = {
  'app.status': method(noInput, appStatus),
  'app.openFolder': method(
    z.object({ folder: z.enum(['data', 'backups']) }).strict(),
    z.object({ path: z.string(), opened: z.boolean() }),
  ),

  'settings.getPreferences': method(noInput, preferences),
  'settings.updatePreferences': method(preferences.partial().strict(), preferences),

  'shops.list': method(noInput, z.object({ items: z.array(shop) })),
  'shops.create': method(z.object({ platform: platformId, name: displayName }).strict(), shop),
  'shops.update': method(
    z.object({ id, platform: platformId.optional(), name: displayName.optional() }).strict(),
    shop,
  ),
  'shops.remove': method(z.object({ id }).strict(), z.object({ id })),

  'staff.list': method(
    z.object({ includeInactive: z.boolean().optional() }).strict(),
    z.object({ items: z.array(staffMember) }),
  ),
  'staff.create': method(z.object({ name: displayName, role: staffRole }).strict(), staffMember),
  'staff.update': method(
    z
      .object({
        id,
        name: displayName.optional(),
        role: staffRole.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    staffMember,
  ),

  'audit.list': method(
    z
      .object({
        entity: z.string().min(1).max(40).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.object({ items: z.array(auditEntry) }),
  ),

  'demo.load': method(
    noInput,
    z.object({ shopsAdded: z.number().int(), staffAdded: z.number().int() }),
  ),

  'maintenance.backup': method(noInput, z.object({ path: z.string(), bytes: z.number().int() })),
  'maintenance.verify': method(noInput, verifyReport),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);
}
