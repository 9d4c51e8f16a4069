import { z } from 'zod';
import { mutation, noInput, query } from './method';
import { id, staffRole } from './common';

// Sign-in and approval settings.

export const operator = z.object({ id, name: z.string(), role: staffRole });

export type Operator = z.infer<typeof operator>;

export const authSession = z.object({
  operator: operator.nullable(),
  /** When true, methods that need authority refuse until someone signs in; when false, nobody signed in acts as the owner. */
  requireSignIn: z.boolean(),
});

export type AuthSession = z.infer<typeof authSession>;

export const authSettings = z.object({
  requireSignIn: z.boolean(),
  /** Compensation above this (分) needs a supervisor. */
  compensationApprovalCents: z.number().int().min(0),
});

export type AuthSettings = z.infer<typeof authSettings>;

export const authMethods = {
  'auth.session': query(noInput, authSession),
  /** Active staff to pick from on the sign-in screen. */
  'auth.profiles': query(noInput, z.object({ items: z.array(z.object({ id, name: z.string(), role: staffRole, hasPin: z.boolean() })) })),
  /** FORBIDDEN with a wrong PIN or a deactivated profile. */
  'auth.signIn': mutation(z.object({ staffId: id, pin: z.string().max(12).optional() }).strict(), authSession, 'anyone'),
  'auth.signOut': mutation(noInput, authSession, 'anyone'),
  'auth.getSettings': query(noInput, authSettings),
  /** Owner-only. */
  'auth.updateSettings': mutation(authSettings.partial().strict(), authSettings, 'owner'),
} as const;
