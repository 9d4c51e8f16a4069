import { z } from 'zod';
import { mutation, noInput } from './method';

// Demo data behind an explicit action.

export const demoMethods = {
  'demo.load': mutation(
    noInput,
    z.object({
      shopsAdded: z.number().int(),
      staffAdded: z.number().int(),
      /** Demo reviews imported (through the import pipeline); 0 on a second load. */
      reviewsAdded: z.number().int(),
    }),

    'agent',
  ),
} as const;
