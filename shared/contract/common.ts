import { z } from 'zod';
import { platformIds } from '../domain/platforms';
import { staffRoles } from '../domain/roles';

// Building blocks every domain uses: ids, times, platforms, roles, names.

export const id = z.number().int().positive();

/** UTC epoch milliseconds. */
export const timestamp = z.number().int().nonnegative();

export const platformId = z.enum(platformIds);

export const staffRole = z.enum(staffRoles);

/** A person's or shop's display name: trimmed, 1–40 characters. */
export const displayName = z.string().trim().min(1).max(40);
