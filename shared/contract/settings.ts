import { z } from 'zod';
import { colorSchemes, languages } from '../domain/preferences';
import { mutation, noInput, query } from './method';

// This desk's preferences.

export const preferences = z.object({
  language: z.enum(languages),
  colorScheme: z.enum(colorSchemes),
  timeZone: z.string().min(1),
});

export type Preferences = z.infer<typeof preferences>;

export const settingsMethods = {
  'settings.getPreferences': query(noInput, preferences),
  'settings.updatePreferences': mutation(preferences.partial().strict(), preferences, 'agent'),
} as const;
