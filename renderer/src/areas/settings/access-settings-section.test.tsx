// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthSession } from '../../../../shared/contract';
import type { MemoryHandler } from '../../api/memory-transport';
import { SessionProvider } from '../../session/session-context';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { AccessSettingsSection } from './access-settings-section';

afterEach(cleanup);

function backend(session: AuthSession) {
  const calls: { method: string; input: unknown }[] = [];
  let settings = { requireSignIn: false, compensationApprovalCents: 5000 };
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'auth.session') return ok(session);
    if (method === 'auth.getSettings') return ok(settings);
    if (method === 'auth.updateSettings') {
      settings = { ...settings, ...(input as object) };
      return ok(settings);
    }
    return unexpected(method);
  };
  return { handler, calls };
}

describe('AccessSettingsSection', () => {
  it('lets the owner require sign-in and set the approval threshold in yuan (stored in fen)', async () => {
    const fake = backend({ operator: { id: 1, name: '张敏', role: 'owner' }, requireSignIn: false });
    renderScreen(
      <SessionProvider>
        <AccessSettingsSection />
      </SessionProvider>,
      fake.handler,
    );
    const section = await screen.findByTestId('access-settings');
    const threshold = within(section).getByLabelText('补偿审批门槛（元）') as HTMLInputElement;
    await waitFor(() => expect(threshold.disabled).toBe(false));
    expect(threshold.value).toBe('50');
    fireEvent.click(within(section).getByRole('switch'));
    await waitFor(() => expect(fake.calls).toContainEqual({ method: 'auth.updateSettings', input: { requireSignIn: true } }));
    fireEvent.change(threshold, { target: { value: '120.5' } });
    fireEvent.click(within(section).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(fake.calls).toContainEqual({ method: 'auth.updateSettings', input: { compensationApprovalCents: 12050 } }));
  });

  it('is disabled, with the owner-only explanation, for a non-owner operator', async () => {
    const fake = backend({ operator: { id: 2, name: '小王', role: 'agent' }, requireSignIn: true });
    renderScreen(
      <SessionProvider>
        <AccessSettingsSection />
      </SessionProvider>,
      fake.handler,
    );
    expect(await screen.findByText('只有店主可以修改这些设置。当前操作人：小王（普通客服）。')).toBeTruthy();
    const section = screen.getByTestId('access-settings');
    expect((within(section).getByRole('switch') as HTMLInputElement).disabled).toBe(true);
    expect((within(section).getByLabelText('补偿审批门槛（元）') as HTMLInputElement).disabled).toBe(true);
    expect((within(section).getByRole('button', { name: '保存' }) as HTMLButtonElement).disabled).toBe(true);
    expect(fake.calls.some((call) => call.method === 'auth.updateSettings')).toBe(false);
  });
});
