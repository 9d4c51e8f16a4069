import { z } from 'zod';
import { query } from './method';
import { id, timestamp } from './common';

// The audit trail.

export const auditEntry = z.object({
  id,
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export type AuditEntry = z.infer<typeof auditEntry>;

export const auditMethods = {
  'audit.list': query(
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
} as const;
