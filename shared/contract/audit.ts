import { z } from 'zod';
import { noInput, query } from './method';
import { id, timestamp } from './common';

// The audit trail.

/** Names and figures an entry's sentence needs that the entry itself holds only as ids (the import's file and counts, the shop's name …). */
export const auditSubject = z.record(z.string(), z.union([z.string(), z.number()]));

export const auditEntry = z.object({
  id,
  at: timestamp,
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Filled by `audit.list`: what the sentence names (see `services/audit/audit-service.ts`). */
  subject: auditSubject.optional(),
});

export type AuditEntry = z.infer<typeof auditEntry>;

export const auditMethods = {
  /**
   * Newest first, a page at a time (`offset`, `limit`), with the total that matches. Filters: one
   * record (`entity` + `entityId`), one person (`actor`), one kind (`kind`: the action's domain,
   * e.g. `imports`), a time range (`from` inclusive, `to` exclusive). Preference noise (language
   * or colour switches recorded by older builds) is never listed.
   */
  'audit.list': query(
    z
      .object({
        entity: z.string().min(1).max(40).optional(),
        /** Only entries about this one record (with `entity`), e.g. one evidence item's custody. */
        entityId: z.string().min(1).max(100).optional(),
        actor: z.string().min(1).max(100).optional(),
        kind: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
        from: timestamp.optional(),
        to: timestamp.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.object({ items: z.array(auditEntry), total: z.number().int() }),
  ),
  /** Who and which kinds appear in the log, for its filters. */
  'audit.listFacets': query(noInput, z.object({ actors: z.array(z.string()), kinds: z.array(z.string()) })),
} as const;
