import { z } from 'zod';
import { mutation, query } from './method';
import { id, timestamp } from './common';
import { reviewLevel } from './reviews';

// Alerts raised by monitoring rules.

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
});

export type ReviewAlert = z.infer<typeof reviewAlert>;

export const alertsMethods = {
  'alerts.list': query(
    z.object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
    z.object({ items: z.array(reviewAlert), unread: z.number().int() }),
  ),
  'alerts.markRead': mutation(z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional() }).strict(), z.object({ updated: z.number().int() }), 'agent'),
} as const;
