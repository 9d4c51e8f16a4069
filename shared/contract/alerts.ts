import { z } from 'zod';
import { mutation, query } from './method';
import { id, timestamp } from './common';
import { reviewLevel } from './reviews';

// Alerts raised by monitoring rules.

/** What raised an alert (shared/rules/monitor.ts AlertKind). */
export const alertKind = z.enum(['monitor', 'compliance_risk']);

/** Who an alert of each kind is for: a compliance risk is the owner's to see at once. */
export const alertAudience = { monitor: null, compliance_risk: 'owner' } as const;

export const reviewAlert = z.object({
  id,
  reviewId: id,
  ruleId: id.nullable(),
  ruleName: z.string(),
  matchedWords: z.array(z.string()),
  level: reviewLevel,
  shopName: z.string(),
  excerpt: z.string(),
  at: timestamp,
  read: z.boolean(),
  /** monitor: a monitoring rule matched; compliance_risk: a buyer reports the shop's 好评返现, for the owner. */
  kind: alertKind,
});

export type ReviewAlert = z.infer<typeof reviewAlert>;

export const alertsMethods = {
  'alerts.list': query(
    z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ items: z.array(reviewAlert), unread: z.number().int() }),
  ),
  'alerts.markRead': mutation(z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional() }).strict(), z.object({ updated: z.number().int() }), 'agent'),
} as const;
