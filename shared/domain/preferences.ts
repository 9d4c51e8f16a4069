export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

export const colorSchemes = ['light', 'dark', 'auto'] as const;
export type ColorSchemePreference = (typeof colorSchemes)[number];

/** The shop's own time zone; everything is stored as UTC epoch ms and shown in this zone. */
export const defaultTimeZone = 'Asia/Shanghai';
