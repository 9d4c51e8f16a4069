import { describe, expect, it } from 'vitest';
import type { Shop, ShopCalendar } from '../../../../shared/contract';
import { createI18n } from '../../i18n';
import { policyClock, policyClockLines, shopsOfPolicy, weekSummary } from './policy-calendar';

const shop = (id: number, name: string, platform: Shop['platform'] = 'taobao'): Shop => ({ id, name, platform, productFamily: null, createdAt: 0, updatedAt: 0 });
const shops = [shop(1, '山野小铺'), shop(2, '城南百货', 'jd')];
const policy = (overrides: Partial<{ category: 'quality' | 'logistics'; shopId: number | null; platform: Shop['platform'] | null; businessHours: boolean }> = {}) => ({
  category: 'quality' as const,
  shopId: null,
  platform: null,
  businessHours: true,
  current: true,
  ...overrides,
});
const nineToSix = [{ start: '09:00', end: '18:00' }];
const officeWeek: ShopCalendar['calendar'] = { timeZone: 'Asia/Shanghai', week: [nineToSix, nineToSix, nineToSix, nineToSix, nineToSix, [{ start: '10:00', end: '16:00' }], []], holidays: [], extraWorkdays: [] };
const calendar = (shopId: number, configured: boolean): ShopCalendar => ({ shopId, configured, calendar: officeWeek, updatedAt: configured ? 1 : null });

const zh = createI18n('zh-CN').getFixedT('zh-CN', 'settings');
const en = createI18n('en').getFixedT('en', 'settings');

describe('policy calendar wording', () => {
  it('says a policy that does not count business hours runs 24/7, whatever the calendars', () => {
    const clock = policyClock(policy({ businessHours: false }), [], shops, [calendar(1, true)]);
    expect(policyClockLines(clock, zh)).toEqual(['全天候计时（24/7），不看工作时间']);
    expect(policyClockLines(clock, en)).toEqual(['Counts around the clock (24/7), working hours not used']);
  });

  it('says when no shop has working hours, as the calendar section does', () => {
    const clock = policyClock(policy(), [], shops, [calendar(1, false), calendar(2, false)]);
    expect(policyClockLines(clock, zh)).toEqual(['按店铺工作时间计时；店铺尚未设置工作时间（2 家），全天候计时（24/7）']);
    expect(policyClockLines(clock, en)[0]).toContain('24/7');
  });

  it('names each shop with its hours, or that it has none', () => {
    const clock = policyClock(policy(), [], shops, [calendar(1, true), calendar(2, false)]);
    expect(policyClockLines(clock, zh)).toEqual(['山野小铺：周一至周五 09:00-18:00；周六 10:00-16:00', '城南百货：尚未设置工作时间，全天候计时（24/7）']);
    expect(policyClockLines(clock, en)).toEqual(['山野小铺: Mon–Fri 09:00-18:00; Sat 10:00-16:00', '城南百货: no working hours set, counts 24/7']);
  });

  it('leaves out the shops a more specific policy takes, and says when a policy has no shops', () => {
    const general = policy();
    const jdOnly = policy({ platform: 'jd' });
    expect(shopsOfPolicy(general, [general, jdOnly], shops).map((s) => s.id)).toEqual([1]);
    expect(shopsOfPolicy(jdOnly, [general, jdOnly], shops).map((s) => s.id)).toEqual([2]);
    expect(policyClockLines(policyClock(policy({ shopId: 99 }), [], shops, []), zh)).toEqual(['按店铺工作时间计时；还没有店铺']);
  });

  it('summarises a week by runs of equal days', () => {
    expect(weekSummary([[], [], [], [], [], [], []], zh)).toBe('没有工作时段');
    expect(weekSummary([nineToSix, [], nineToSix, [], [], [], nineToSix], en)).toBe('Mon 09:00-18:00; Wed 09:00-18:00; Sun 09:00-18:00');
  });
});
