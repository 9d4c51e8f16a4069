import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';

const tempDir = useTempDirs();

describe('evidence.emptyTrash authority', () => {
  it('is refused for a signed-in agent and allowed for the owner', async () => {
    const { core, call } = await startTestCore(tempDir());
    const owner = await call('staff.create', { name: '张敏', role: 'owner' });
    const agent = await call('staff.create', { name: '赵雪', role: 'agent' });

    await call('auth.signIn', { staffId: agent.id });
    const refused = await core.call('evidence.emptyTrash', { confirm: true });
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    expect(!refused.ok && refused.error.message).toMatch(/owner/);

    await call('auth.signIn', { staffId: owner.id });
    expect(await call('evidence.emptyTrash', { confirm: true })).toMatchObject({ removedEvidence: 0 });
    await core.close();
  });
});
