import { z } from 'zod';
import { notificationChannels, notificationEvents, notificationKinds, notificationTabs } from '../domain/sla';
import { mutation, noInput, query } from './method';
import { id, timestamp } from './common';
import { clockTime } from './sla';

// The notification centre and its settings.

export const notificationKind = z.enum(notificationKinds);
export const notificationTab = z.enum(notificationTabs);

/** What a notification says, as values for the text of its kind (the UI translates category, target and role codes). */
export const notificationParams = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const notification = z.object({
  id,
  kind: notificationKind,
  /** Text in the language of the moment it was created: a fallback when the kind has no translation. */
  title: z.string(),
  body: z.string(),
  params: notificationParams,
  route: z.string().nullable(),
  caseId: id.nullable(),
  urgent: z.boolean(),
  sound: z.boolean(),
  createdAt: timestamp,
  /** When it went to the desktop; null while quiet hours hold it. */
  deliveredAt: timestamp.nullable(),
  readAt: timestamp.nullable(),
  /** Shared by the points fired in one tick with the same kind, target and percent; null for one on its own. */
  groupKey: z.string().nullable(),
});

export type AppNotification = z.infer<typeof notification>;

/** The key of a centre line: a notification's group key, or `n<id>` for one on its own. */
export const notificationGroupKey = z.string().min(1).max(200);

/** One line of the centre: `count` notifications of one kind and point (or one on its own), opening into them. */
export const notificationGroup = z.object({
  key: notificationGroupKey,
  count: z.number().int().min(1),
  unread: z.number().int().min(0),
  urgent: z.boolean(),
  latestAt: timestamp,
  /** The newest of the group: its kind and params (target, percent) describe the whole line. */
  head: notification,
});

export type NotificationGroup = z.infer<typeof notificationGroup>;

/** Where the next page of centre lines starts: the last line's time and head id. */
export const linesCursor = z.object({ at: timestamp, id }).strict();
export type LinesCursor = z.infer<typeof linesCursor>;

export const notificationSettings = z.object({
  /** Show desktop notifications at all (the in-app centre always records them). */
  desktop: z.boolean(),
  quietHours: z.object({ enabled: z.boolean(), start: clockTime, end: clockTime }).strict(),
  /** Play a sound for malicious-review alerts. */
  soundForMalicious: z.boolean(),
});

export type NotificationSettings = z.infer<typeof notificationSettings>;

export const notificationChannel = z.enum(notificationChannels);
export const notificationEvent = z.enum(notificationEvents);

/** One person's choice per event (or the desk's when nobody is signed in: `staffId` null). */
export const notificationPreferences = z.object({
  staffId: id.nullable(),
  channels: z.record(notificationEvent, notificationChannel),
});

export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationsMethods = {
  /** Newest first; page on with `beforeId` = the last id seen while `hasMore`. `unread` counts every unread one. */
  'notifications.list': query(
    z
      .object({ unreadOnly: z.boolean().optional(), limit: z.number().int().min(1).max(200).optional(), groupKey: notificationGroupKey.optional(), beforeId: id.optional() })
      .strict(),
    z.object({ items: z.array(notification), unread: z.number().int(), hasMore: z.boolean() }),
  ),
  /**
   * The centre's lines of a tab (全部 / SLA / 监控提醒), newest first, paged with `before: next`
   * while `hasMore`; `unread` counts every unread notification (the badge), `tabUnread` those of each tab.
   */
  'notifications.listGroups': query(
    z.object({ tab: notificationTab.optional(), before: linesCursor.optional(), limit: z.number().int().min(1).max(100).optional() }).strict(),
    z.object({
      groups: z.array(notificationGroup),
      hasMore: z.boolean(),
      /** Pass as `before` for the next page; null on the last. */
      next: linesCursor.nullable(),
      unread: z.number().int(),
      tabUnread: z.object({ sla: z.number().int(), alerts: z.number().int() }),
    }),
  ),
  /** Ids, one line's group, or all (of a tab when `tab` is given); monitor alerts are marked read with their lines. */
  'notifications.markRead': mutation(
    z.object({ ids: z.array(id).max(1000).optional(), all: z.boolean().optional(), tab: notificationTab.optional(), groupKey: notificationGroupKey.optional() }).strict(),
    z.object({ updated: z.number().int() }),

    'agent',
  ),
  'notifications.getSettings': query(noInput, notificationSettings),
  /** A person's choices (default: the signed-in operator's, or the desk's when nobody is signed in). */
  'notifications.getPreferences': query(z.object({ staffId: id.nullable().optional() }).strict(), notificationPreferences),
  /** A person edits their own; the owner edits anyone's (and the desk's). */
  'notifications.updatePreferences': mutation(
    z.object({ staffId: id.nullable(), channels: z.partialRecord(notificationEvent, notificationChannel) }).strict(),
    notificationPreferences,
    'agent',
  ),
  'notifications.updateSettings': mutation(
    notificationSettings.partial().strict(),
    notificationSettings,

    'agent',
  ),
} as const;
