import { describe, expect, it } from 'vitest';
import { notificationText } from './notification-text';

describe('notification text catalog', () => {
  const warning = { caseId: 7, percent: 80, category: 'logistics', shopName: '山野小铺', target: 'resolution', assignee: '小王' };
  const breach = { caseId: 7, category: 'malicious', shopName: '山野小铺', target: 'first_response', escalateTo: 'supervisor' };

  it('builds Chinese text', () => {
    expect(notificationText('sla_warning', warning, 'zh-CN')).toEqual({ title: 'SLA 预警 80%：工单 #7（物流延误）', body: '山野小铺 · 解决即将到期 · 负责人 小王' });
    expect(notificationText('sla_breach', breach, 'zh-CN')).toEqual({ title: 'SLA 超时：工单 #7（恶意差评）', body: '山野小铺 · 首次响应已超时 · 升级至客服主管' });
    expect(notificationText('away_summary', { count: 3 }, 'zh-CN')?.title).toBe('离开期间有 3 个 SLA 节点到期');
    expect(notificationText('quiet_summary', { count: 5 }, 'zh-CN')).toEqual({ title: '免打扰期间有 5 条提醒', body: '打开通知中心查看。' });
  });

  it('builds English text', () => {
    expect(notificationText('sla_warning', { ...warning, assignee: null }, 'en')).toEqual({ title: 'SLA warning 80%: case #7 (Shipping delay)', body: '山野小铺 · resolution due soon · unassigned' });
    expect(notificationText('sla_breach', breach, 'en')).toEqual({ title: 'SLA breached: case #7 (Malicious review)', body: '山野小铺 · first response overdue · escalated to Supervisor' });
    expect(notificationText('away_summary', { count: 3 }, 'en')?.title).toBe('3 SLA points came due while you were away');
    expect(notificationText('quiet_summary', { count: 5 }, 'en')?.title).toBe('5 alerts held during quiet hours');
  });

  it('has no words for kinds the backend does not create (the stored text is used)', () => {
    expect(notificationText('sla_escalation', {}, 'en')).toBeNull();
    expect(notificationText('review_alert', { ruleName: '敏感词', shopName: '木棉', excerpt: '骗子' }, 'en')).toEqual({ title: 'Monitor alert: 敏感词', body: '木棉 · 骗子' });
  });
});

describe('group and digest lines', () => {
  it('names a group by count, target and point, and a single one as itself', async () => {
    const { groupLine, digestText } = await import('./notification-text');
    expect(groupLine('sla_warning', { target: 'first_response', percent: 80 }, 12, 'zh-CN')).toBe('12 个工单首次响应即将到期');
    expect(groupLine('sla_breach', { target: 'resolution' }, 3, 'en')).toBe('3 cases: resolution overdue');
    expect(groupLine('away_summary', { count: 4 }, 1, 'zh-CN')).toBe('离开期间有 4 个 SLA 节点到期');
    expect(digestText(['a', 'b', 'c', 'd', 'e'], 'zh-CN')).toEqual({ title: 'a', body: '另有：b；c 等 2 项。打开通知中心查看。' });
    expect(digestText(['a'], 'en')).toEqual({ title: 'a', body: 'Open the notification centre to see them.' });
  });
});
