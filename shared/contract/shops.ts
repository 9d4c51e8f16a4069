import { z } from 'zod';
import { mutation, noInput, query } from './method';
import { displayName, id, platformId, timestamp } from './common';
import { productFamily } from './reviews';

// The shops the team sells in.

export const shop = z.object({
  id,
  platform: platformId,
  name: z.string(),
  /** What the shop sells: selects the lexicon's family entries (null: every family's). */
  productFamily: productFamily.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type Shop = z.infer<typeof shop>;

export const shopsMethods = {
  'shops.list': query(noInput, z.object({ items: z.array(shop) })),
  'shops.create': mutation(z.object({ platform: platformId, name: displayName, productFamily: productFamily.nullable().optional() }).strict(), shop, 'agent'),
  'shops.update': mutation(
    z.object({ id, platform: platformId.optional(), name: displayName.optional(), productFamily: productFamily.nullable().optional() }).strict(),
    shop,

    'agent',
  ),
  'shops.remove': mutation(z.object({ id }).strict(), z.object({ id }), 'agent'),
} as const;
