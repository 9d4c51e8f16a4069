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
import {
  evidenceAddBytesInput,
  evidenceAddInput,
  evidenceAddOutcome,
  evidenceItem,
  evidenceListInput,
  evidenceSettings,
  evidenceTarget,
  evidenceUpdateInput,
  evidenceVerifyReport,
  sha256Hex,
} from './evidence-schemas';

import { inboxMethods } from './inbox-methods';
import { slaMethods } from './sla-methods';

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
        /** Only entries about this one record (with `entity`), e.g. one evidence item's custody. */
        entityId: z.string().min(1).max(100).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.object({ items: z.array(auditEntry) }),
  ),

  'demo.load': method(
    noInput,
    z.object({
      shopsAdded: z.number().int(),
      staffAdded: z.number().int(),
      /** Demo reviews imported (through the import pipeline); 0 on a second load. */
      reviewsAdded: z.number().int(),
    }),
  ),

  'maintenance.backup': method(noInput, z.object({ path: z.string(), bytes: z.number().int() })),
  'maintenance.verify': method(noInput, verifyReport),

  'evidence.add': method(evidenceAddInput, z.object({ items: z.array(evidenceAddOutcome) })),
  /** A pasted image or other file with no path: its bytes, added like a file. */
  'evidence.addBytes': method(evidenceAddBytesInput, z.object({ items: z.array(evidenceAddOutcome) })),
  'evidence.list': method(evidenceListInput, z.object({ items: z.array(evidenceItem) })),
  'evidence.get': method(z.object({ id }).strict(), evidenceItem),
  /** Metadata only: the content of evidence can never change. */
  'evidence.update': method(evidenceUpdateInput, evidenceItem),
  'evidence.link': method(z.object({ id, target: evidenceTarget }).strict(), evidenceItem),
  'evidence.unlink': method(z.object({ id, target: evidenceTarget }).strict(), evidenceItem),
  'evidence.trash': method(z.object({ id }).strict(), evidenceItem),
  'evidence.restore': method(z.object({ id }).strict(), evidenceItem),
  'evidence.emptyTrash': method(
    z.object({ confirm: z.literal(true) }).strict(),
    z.object({ removedEvidence: z.number().int(), removedObjects: z.number().int(), freedBytes: z.number().int() }),
  ),
  'evidence.verify': method(noInput, evidenceVerifyReport),
  'evidence.exportManifest': method(
    z
      .object({
        caseId: z.string().trim().min(1).max(100),
        format: z.enum(['csv', 'json']),
        /** Also write the manifest into <data-dir>/exports and return its path. */
        save: z.boolean().optional(),
      })
      .strict(),
    z.object({ text: z.string(), sha256: sha256Hex, count: z.number().int(), path: z.string().nullable() }),
  ),
  /** What the evidence:// protocol asks before serving bytes: a live object's type, or NOT_FOUND. */
  'evidence.resolveObject': method(
    z.object({ sha256: sha256Hex }).strict(),
    z.object({ sha256: sha256Hex, mime: z.string(), size: z.number().int() }),
  ),
  'evidence.getSettings': method(noInput, evidenceSettings),
  'evidence.updateSettings': method(evidenceSettings.partial().strict(), evidenceSettings),

  ...inboxMethods,
  ...slaMethods,
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
