import { z } from 'zod';
import { mutation, query } from './method';
import { displayName, id, staffRole, timestamp } from './common';

// The team: members, roles and PINs.

export const staffMember = z.object({
  id,
  name: z.string(),
  role: staffRole,
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type StaffMember = z.infer<typeof staffMember>;

export const staffMethods = {
  'staff.list': query(
    z.object({ includeInactive: z.boolean().optional() }).strict(),
    z.object({ items: z.array(staffMember) }),
  ),
  'staff.create': mutation(z.object({ name: displayName, role: staffRole }).strict(), staffMember, 'agent'),
  'staff.update': mutation(
    z
      .object({
        id,
        name: displayName.optional(),
        role: staffRole.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    staffMember,

    'agent',
  ),
  /** Sets or clears (null) a PIN of 4–8 digits. Yourself, or anyone when you are the owner. */
  'staff.setPin': mutation(
    z.object({ id, pin: z.string().regex(/^\d{4,8}$/).nullable() }).strict(),
    z.object({ id, hasPin: z.boolean() }),

    'agent',
  ),
} as const;
