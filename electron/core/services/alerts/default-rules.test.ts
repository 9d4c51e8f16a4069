import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();

describe('default monitor rules', () => {
  it('alert on sensitive words, 好评返现 / 删评 requests and malicious signs, not on every 差评', async () => {
    const { core, call } = await startTestCore(tempDir());
    const { monitor } = await call('rules.list');
    expect(monitor.filter((rule) => rule.enabled).map((rule) => rule.name)).toEqual(['敏感词', '索要好评返现', '恶意差评迹象']);
    expect(monitor.find((rule) => rule.name === '差评')).toMatchObject({ enabled: false, levels: ['bad'] });
    for (const rule of monitor) expect(rule.keywords).not.toContain('差评');

    await call('demo.load');
    const sqlite = core.services!.deps.sqlite;
    const { bad } = sqlite.prepare("SELECT count(*) AS bad FROM reviews WHERE level = 'bad'").get() as { bad: number };
    const alerts = sqlite.prepare('SELECT rule_name AS rule, matched_words_json AS words FROM alerts').all() as { rule: string; words: string }[];
    // 15 alerts for 110 bad reviews at the time of writing (132 before). Each alert names the words that need a person; none is raised for being a 差评 alone.
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.length).toBeLessThan(bad / 2);
    for (const alert of alerts) expect((JSON.parse(alert.words) as string[]).length).toBeGreaterThan(0);
    for (const alert of alerts) expect(['敏感词', '索要好评返现', '恶意差评迹象']).toContain(alert.rule);
    const extortion = sqlite.prepare("SELECT count(*) AS n FROM review_flags f WHERE f.type = 'extortion' AND NOT EXISTS (SELECT 1 FROM alerts a WHERE a.review_id = f.review_id)").get() as { n: number };
    expect(extortion.n).toBe(0);
    await core.close();
  });
});
