import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { notificationWords } from './notification-words';

const warning = {
  kind: 'sla_warning' as const,
  params: { caseId: 7, percent: 80, category: 'logistics', shopName: '山野小铺', target: 'resolution', assignee: null },
  title: 'stored title',
  body: 'stored body',
};

describe('notificationWords', () => {
  it('builds the text from kind and params in the UI language', () => {
    const zh = createI18n('zh-CN').t;
    const en = createI18n('en').t;
    expect(notificationWords(zh, warning)).toEqual({ title: 'SLA 预警 80%：工单 #7（物流延误）', body: '山野小铺 · 解决即将到期 · 未分配' });
    expect(notificationWords(en, warning)).toEqual({ title: 'SLA warning 80%: case #7 (Shipping delay)', body: '山野小铺 · Resolution due soon · unassigned' });
    const breach = { kind: 'sla_breach' as const, params: { caseId: 3, category: 'malicious', shopName: 'S', target: 'first_response', escalateTo: 'supervisor' }, title: '', body: '' };
    expect(notificationWords(en, breach).body).toBe('S · First response overdue · escalated to Supervisor');
    expect(notificationWords(en, { kind: 'away_summary', params: { count: 4 }, title: '', body: '' }).title).toBe('4 SLA points came due while you were away');
  });

  it('falls back to the stored text when the params are missing', () => {
    const en = createI18n('en').t;
    expect(notificationWords(en, { ...warning, params: {} })).toEqual({ title: 'stored title', body: 'stored body' });
    expect(notificationWords(en, { kind: 'sla_escalation', params: {}, title: 'old', body: 'text' })).toEqual({ title: 'old', body: 'text' });
  });
});
