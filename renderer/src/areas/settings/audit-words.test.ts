import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../shared/contract';
import { createI18n } from '../../i18n';
import { auditActionsWithWords, auditSentence, auditSentenceKey } from './audit-words';

// The backend's source as text (Vite reads it at test time; nothing of it runs here).
const backendSources: Record<string, string> = {
  ...import.meta.glob<string>(['../../../../electron/**/*.ts', '!../../../../electron/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>(['../../../../db/**/*.ts', '!../../../../db/**/*.test.ts'], { query: '?raw', import: 'default', eager: true }),
};

/** The text of a call from its opening parenthesis to the matching close. */
function callText(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

const actionLiteral = /'([a-z]+\.[a-zA-Z]+)'/g;

/**
 * Every audit action the backend can write: the `domain.verb` literals inside each `insertAudit(…)`
 * and `….audit(…)` call, and, where the call passes a variable `action`, the literals the file
 * assigns to it.
 */
function auditActionsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const [file, text] of Object.entries(backendSources)) {
    for (const call of text.matchAll(/(?:insertAudit|\.audit)\(/g)) {
      const body = callText(text, call.index + call[0].length - 1);
      const literals = [...body.matchAll(actionLiteral)].map((match) => match[1]!);
      if (literals.length === 0 && /\baction\b/.test(body)) {
        for (const assignment of text.matchAll(/const action = ([^;]+);/g)) literals.push(...[...assignment[1]!.matchAll(actionLiteral)].map((match) => match[1]!));
      }
      for (const literal of literals) if (!found.has(literal)) found.set(literal, file);
    }
  }
  return found;
}

const entry = (action: string, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  at: 0,
  actor: '王小明',
  action,
  entity: 'x',
  entityId: null,
  before: null,
  after: null,
  subject: {},
  ...overrides,
});

describe('audit words', () => {
  const actions = auditActionsInCode();

  it('finds the actions the code writes (the scan itself works)', () => {
    expect(actions.size).toBeGreaterThan(40);
    for (const known of ['imports.finish', 'sla.savePolicy', 'staff.deactivate', 'staff.setPin', 'cases.assign', 'evidence.add', 'access.refused']) {
      expect([...actions.keys()]).toContain(known);
    }
  });

  it('has a sentence in zh-CN and en for every audit action in the code', () => {
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    const missing = [...actions].filter(([action]) => {
      const key = auditSentenceKey(entry(action));
      return key === 'activity.sentences.unknown' || !zh.exists(`settings:${key}`) || !en.exists(`settings:${key}`);
    });
    expect(missing.map(([action, file]) => `${action} (${file})`)).toEqual([]);
    expect(auditActionsWithWords).toEqual(expect.arrayContaining([...actions.keys()]));
  });

  it('says who did what to which object, with the real names and figures', () => {
    const zh = { t: createI18n('zh-CN').getFixedT<['settings', 'domain']>('zh-CN', ['settings', 'domain']) };
    const en = { t: createI18n('en').getFixedT<['settings', 'domain']>('en', ['settings', 'domain']) };
    const imported = entry('imports.finish', { entity: 'import', entityId: '4', after: { status: 'done', message: null }, subject: { file: 'reviews.csv', shop: '店铺A', count: 1204, status: 'done' } });
    expect(auditSentence(imported, zh.t, 'zh-CN')).toBe('王小明 导入了 店铺A 的 1,204 条评价（reviews.csv）');
    expect(auditSentence(imported, en.t, 'en')).toBe('王小明 imported 1,204 reviews into 店铺A (reviews.csv)');
    const policy = entry('sla.savePolicy', { actor: '李娜', entity: 'sla_policy', entityId: '2', after: { category: 'quality', version: 3 }, subject: { category: 'quality' } });
    expect(auditSentence(policy, zh.t, 'zh-CN')).toBe('李娜 修改了 SLA 策略「产品质量」（第 3 版）');
    const failed = entry('imports.finish', { entity: 'import', entityId: '5', after: { status: 'failed' }, subject: { file: 'bad.csv', status: 'failed', count: 0 } });
    expect(auditSentence(failed, en.t, 'en')).toBe('王小明 could not import bad.csv');
    const moved = entry('cases.transition', { entity: 'case', entityId: '9', after: { status: 'contacting' }, subject: { caseId: 9 } });
    expect(auditSentence(moved, zh.t, 'zh-CN')).toBe('王小明 把工单 #9 改为「联系中」');
    expect(auditSentence(entry('auth.signIn', { actor: 'local' }), en.t, 'en')).toMatch(/signed in$/);
    expect(auditSentence(entry('future.thing'), en.t, 'en')).toBe('王小明 did future.thing');
  });
});
