// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { notifications as mantineToasts } from '@mantine/notifications';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppNotification, NotificationGroup } from '../../../shared/contract';
import type { MemoryHandler } from '../api/memory-transport';
import { ok, renderScreen, unexpected } from '../test/render-screen';
import { defaultNotificationChannels } from '../../../shared/domain/sla';
import { NotificationCentre } from './notification-centre';
import toastClasses from './toasts.module.css';

afterEach(() => {
  mantineToasts.clean();
  cleanup();
});

const note = (id: number, caseId: number, kind: 'sla_warning' | 'sla_breach', groupKey: string): AppNotification => ({
  id,
  kind,
  title: '',
  body: '',
  params: { caseId, percent: kind === 'sla_warning' ? 80 : null, category: 'logistics', shopName: '山野小铺', target: 'first_response', assignee: null, escalateTo: 'supervisor' },
  route: `/cases/${caseId}`,
  caseId,
  urgent: kind === 'sla_breach',
  sound: false,
  createdAt: Date.UTC(2026, 10, 24, 2),
  deliveredAt: Date.UTC(2026, 10, 24, 2),
  readAt: null,
  groupKey,
});

/** The centre's backend: one group of 200 warnings and a breach on its own, 1,200 unread in all. */
function backend(channels: Record<string, string> = {}) {
  const key = 'sla_warning:first_response:80:1';
  const members = Array.from({ length: 200 }, (_, i) => note(1000 - i, i + 1, 'sla_warning', key));
  const groups: NotificationGroup[] = [
    { key: 'n5000', count: 1, unread: 1, urgent: true, latestAt: members[0]!.createdAt, head: note(5000, 900, 'sla_breach', 'x') },
    { key, count: 200, unread: 200, urgent: false, latestAt: members[0]!.createdAt, head: members[0]! },
  ];
  const calls: { method: string; input: any }[] = [];
  const handler: MemoryHandler = async (method, input: any) => {
    calls.push({ method, input });
    if (method === 'notifications.listGroups') return ok({ groups: input.tab === 'alerts' ? [] : groups, hasMore: false, next: null, unread: 1200, tabUnread: { sla: 1200, alerts: 0 } });
    if (method === 'notifications.getPreferences') return ok({ staffId: null, channels: { ...defaultNotificationChannels, ...channels } });
    if (method === 'notifications.list') {
      const after = members.filter((item) => item.id < (input.beforeId ?? Infinity));
      return ok({ items: after.slice(0, input.limit), unread: 1200, hasMore: after.length > input.limit });
    }
    if (method === 'notifications.markRead') return ok({ updated: 1 });
    return unexpected(method);
  };
  return { handler, calls, key };
}

const created = (id: number, caseId: number, kind: 'sla_warning' | 'sla_breach') => ({
  ...note(id, caseId, kind, `${kind}:first_response:80:${id}`),
  groupCount: 1,
  held: false,
});

const toastTitles = () => [...document.querySelectorAll('.mantine-Notification-title')].map((node) => node.textContent);

describe('NotificationCentre', () => {
  it('shows at most three toasts, below the header, a case\'s breach replacing its warning', async () => {
    const { handler } = backend();
    const { events } = renderScreen(<NotificationCentre />, handler);
    await screen.findByTestId('notifications-bell');
    for (let i = 1; i <= 10; i++) events.emit('notification.created', created(i, i, 'sla_breach'));
    await waitFor(() => expect(toastTitles()).toContain('SLA 超时：工单 #10（物流延误）'));
    expect(toastTitles().length).toBeLessThanOrEqual(3);
    expect(toastTitles()).not.toContain('SLA 超时：工单 #1（物流延误）');

    events.emit('notification.created', created(11, 20, 'sla_warning'));
    events.emit('notification.created', created(12, 20, 'sla_breach'));
    await waitFor(() => expect(toastTitles()).toContain('SLA 超时：工单 #20（物流延误）'));
    expect(toastTitles()).not.toContain('SLA 预警 80%：工单 #20（物流延误）');
    // The one pushed out may still be fading; once it has gone three remain.
    await waitFor(() => expect(toastTitles().length).toBeLessThanOrEqual(3));

    // The toast column is the one placed below the header (the e2e spec measures that it is).
    const container = document.querySelector<HTMLElement>('.mantine-Notifications-root[data-position="top-right"]');
    expect(container?.className).toContain(toastClasses.root);

    // A group arrives as one toast naming the count.
    events.emit('notification.created', { ...created(13, 30, 'sla_warning'), groupCount: 12 });
    await waitFor(() => expect(toastTitles()).toContain('12 个工单首次响应即将到期'));
    await waitFor(() => expect(toastTitles().length).toBeLessThanOrEqual(3));
  });

  it('counts every unread one (999+), lists groups that open into their cases, each opening its case', async () => {
    const { handler, calls, key } = backend();
    renderScreen(<NotificationCentre />, handler);
    const badge = await screen.findByTestId('notifications-unread');
    await waitFor(() => expect(badge.textContent).toContain('999+'));
    fireEvent.click(screen.getByTestId('notifications-bell'));
    const group = await screen.findByTestId('notification-group');
    expect(within(group).getByText('200 个工单首次响应即将到期')).toBeTruthy();
    expect(screen.getByText('SLA 超时：工单 #900（物流延误）')).toBeTruthy();
    fireEvent.click(within(group).getByRole('button', { name: '展开 200 个工单', hidden: true }));
    const cases = await screen.findByTestId('notification-group-cases');
    expect(within(cases).getAllByRole('button', { name: /工单 #\d+/, hidden: true })).toHaveLength(50);
    fireEvent.click(within(cases).getByRole('button', { name: '加载更多', hidden: true }));
    await waitFor(() => expect(within(cases).getAllByRole('button', { name: /工单 #\d+/, hidden: true })).toHaveLength(100));
    expect(calls.filter((call) => call.method === 'notifications.list').map((call) => call.input)).toEqual([
      { groupKey: key, limit: 50 },
      { groupKey: key, limit: 50, beforeId: 951 },
    ]);
    fireEvent.click(within(cases).getByRole('button', { name: 'SLA 预警 80%：工单 #3（物流延误）', hidden: true }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'notifications.markRead', input: { ids: [998] } }));
  });

  it('has tabs with their own counts and empty words, and leaves out the toasts a person chose to keep in the centre', async () => {
    const { handler, calls } = backend({ sla_warning: 'centre' });
    const { events } = renderScreen(<NotificationCentre />, handler);
    fireEvent.click(await screen.findByTestId('notifications-bell'));
    await screen.findByTestId('notification-group');
    fireEvent.click(screen.getByTestId('notifications-tab-alerts'));
    await waitFor(() => expect(calls).toContainEqual({ method: 'notifications.listGroups', input: { tab: 'alerts', limit: 30 } }));
    expect(await screen.findByText(/没有监控提醒/)).toBeTruthy();
    expect(screen.getByTestId('notifications-mark-all').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('notifications-tab-sla'));
    fireEvent.click(await screen.findByTestId('notifications-mark-all'));
    await waitFor(() => expect(calls).toContainEqual({ method: 'notifications.markRead', input: { all: true, tab: 'sla' } }));

    // Preferences are loaded: a warning stays in the centre, a breach and a monitor alert pop up.
    await waitFor(() => expect(calls.some((call) => call.method === 'notifications.getPreferences')).toBe(true));
    events.emit('notification.created', created(40, 41, 'sla_warning'));
    events.emit('notification.created', created(42, 43, 'sla_breach'));
    events.emit('notification.created', {
      ...created(44, 0, 'sla_warning'),
      kind: 'review_alert',
      caseId: null,
      route: '/inbox?review=7',
      params: { ruleName: '敏感词', shopName: '山野小铺', excerpt: '骗子', level: 'bad' },
    });
    await waitFor(() => expect(toastTitles()).toContain('监控提醒：敏感词'));
    expect(toastTitles()).toContain('SLA 超时：工单 #43（物流延误）');
    expect(toastTitles()).not.toContain('SLA 预警 80%：工单 #41（物流延误）');
    expect(screen.getByText('查看评价')).toBeTruthy();
  });

  it('pages on from the last line shown, not by offset', async () => {
    const { handler: base, calls } = backend();
    const older = note(10, 77, 'sla_breach', 'x');
    const handler: MemoryHandler = async (method, input: any) => {
      if (method !== 'notifications.listGroups') return base(method, input);
      calls.push({ method, input });
      if (input.before) return ok({ groups: [{ key: 'n10', count: 1, unread: 1, urgent: true, latestAt: older.createdAt - 1, head: older }], hasMore: false, next: null, unread: 3, tabUnread: { sla: 3, alerts: 0 } });
      const head = note(5000, 900, 'sla_breach', 'x');
      return ok({ groups: [{ key: 'n5000', count: 1, unread: 1, urgent: true, latestAt: head.createdAt, head }], hasMore: true, next: { at: head.createdAt, id: 5000 }, unread: 3, tabUnread: { sla: 3, alerts: 0 } });
    };
    renderScreen(<NotificationCentre />, handler);
    fireEvent.click(await screen.findByTestId('notifications-bell'));
    fireEvent.click(await screen.findByTestId('notifications-more'));
    expect(await screen.findByText('SLA 超时：工单 #77（物流延误）')).toBeTruthy();
    expect(calls.filter((call) => call.method === 'notifications.listGroups').at(-1)!.input).toEqual({ tab: 'all', before: { at: Date.UTC(2026, 10, 24, 2), id: 5000 }, limit: 30 });
    expect(screen.queryByTestId('notifications-more')).toBeNull();
  });
});
