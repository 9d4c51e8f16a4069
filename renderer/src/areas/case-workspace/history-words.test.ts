import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { WorkspaceEvent } from '../../../../shared/contract';
import { workspaceEventKinds } from '../../../../shared/contract/case-workspace';
import { createI18n } from '../../i18n';
import { historyLine } from './history-words';

type WorkspaceT = TFunction<readonly ['workspace', 'common', 'domain']>;
const wordsIn = (language: 'zh-CN' | 'en') => createI18n(language).getFixedT(language, ['workspace', 'common', 'domain']) as unknown as WorkspaceT;

const person = (name: string, role: WorkspaceEvent['actor']['role'] = 'agent') => ({ name, builtIn: null, role });
const system = { name: 'system', builtIn: 'system' as const, role: null };
const base: WorkspaceEvent = {
  at: 0,
  kind: 'transition',
  actor: person('王小明'),
  target: null,
  percent: null,
  late: false,
  from: null,
  to: null,
  outcome: null,
  text: null,
  pauseReason: null,
  assignee: null,
  role: null,
  policyVersion: null,
  compensationCents: null,
  detail: null,
};
const event = (patch: Partial<WorkspaceEvent>): WorkspaceEvent => ({ ...base, ...patch });

describe('historyLine', () => {
  it('says each step in human words with the real actor, in Chinese and English', () => {
    const zh = wordsIn('zh-CN');
    const en = wordsIn('en');
    const contact = event({ from: 'new', to: 'contacting' });
    expect(historyLine(contact, zh)).toBe('王小明 开始联系买家');
    expect(historyLine(contact, en)).toBe('王小明 started contacting the buyer');
    const routed = event({ kind: 'assigned', actor: system, assignee: person('李娜') });
    expect(historyLine(routed, zh)).toBe('系统 分配给 李娜（普通客服）');
    expect(historyLine(routed, en)).toBe('System assigned it to 李娜 (Agent)');
    const up = event({ kind: 'escalated', actor: system, role: 'supervisor' });
    expect(historyLine(up, zh)).toBe('升级到 客服主管');
    expect(historyLine(event({ from: 'contacting', to: 'solution_offered', compensationCents: 1550 }), zh)).toBe('王小明 提供了方案：补偿 ¥15.50');
    expect(historyLine(event({ from: 'outcome', to: 'closed' }), en)).toBe('王小明 closed the case');
    expect(historyLine(event({ from: 'closed', to: 'contacting' }), zh)).toBe('王小明 重新打开了工单');
    expect(historyLine(event({ kind: 'assigned', assignee: person('王小明') }), zh)).toBe('王小明 接手了工单');
  });

  it('has a sentence for every kind in both languages, never the raw codes', () => {
    for (const t of [wordsIn('zh-CN'), wordsIn('en')]) {
      for (const kind of workspaceEventKinds) {
        const line = historyLine(event({ kind, actor: system, target: 'resolution', percent: 80, role: 'legal', pauseReason: 'waiting_buyer', policyVersion: 2, from: 'new', to: 'contacting' }), t);
        expect(line, kind).toMatch(/\S/);
        expect(line, kind).not.toMatch(/system|→|history\.|_/);
      }
    }
  });

  it('shows a detail it could not take apart as it is', () => {
    expect(historyLine(event({ kind: 'transition', detail: 'odd→thing' }), wordsIn('zh-CN'))).toBe('王小明：odd→thing');
  });
});
