/** E-commerce platforms a shop can live on. Labels are translated in the UI (platform.<id>). */
export const platformIds = ['taobao', 'tmall', 'douyin', 'jd', 'pinduoduo', 'kuaishou'] as const;
export type PlatformId = (typeof platformIds)[number];
