// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../../shared/contract';
import type { MemoryHandler } from '../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { TeamScreen } from './team-screen';

afterEach(cleanup);

/** A tiny staff backend: trims names and refuses empty ones like the real one does. */
function fakeStaffBackend() {
  const staff: StaffMember[] = [];
  const calls: { method: string; input: unknown }[] = [];
  let nextId = 1;
  const handler: MemoryHandler = async (method, input) => {
    calls.push({ method, input });
    if (method === 'staff.list') return ok({ items: staff });
    if (method === 'staff.setPin') return ok({ id: (input as { id: number }).id, hasPin: (input as { pin: string | null }).pin !== null });
    if (method === 'staff.create') {
      const { name, role } = input as { name: string; role: StaffMember['role'] };
      const trimmed = name.trim();
      if (trimmed.length === 0) {
        return {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: 'Invalid input',
            details: { issues: [{ path: 'name', reason: 'too_small', message: 'Too small' }] },
          },
        };
      }
      const member: StaffMember = { id: nextId++, name: trimmed, role, active: true, createdAt: 0, updatedAt: 0 };
      staff.push(member);
      return ok(member);
    }
    return unexpected(method);
  };
  return { handler, calls, staff };
}

describe('TeamScreen', () => {
  it('adds a staff member and lists them once the backend reports the change', async () => {
    const backend = fakeStaffBackend();
    const { events } = renderScreen(<TeamScreen />, backend.handler);

    expect(await screen.findByText('还没有团队成员')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'supervisor' } });
    fireEvent.click(screen.getByRole('button', { name: '添加成员' }));

    await waitFor(() => expect(backend.staff).toHaveLength(1));
    expect(backend.calls).toContainEqual({ method: 'staff.create', input: { name: '王小明', role: 'supervisor' } });

    events.emit('data.changed', { domain: 'staff' });
    const table = await screen.findByTestId('staff-table');
    expect(within(table).getByText('王小明')).toBeTruthy();
    expect(within(table).getByText('客服主管')).toBeTruthy();
    expect(within(table).getByText('在职')).toBeTruthy();
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('');
  });

  it('shows the server VALIDATION issue inline on the name field, in the current language', async () => {
    const backend = fakeStaffBackend();
    renderScreen(<TeamScreen />, backend.handler, 'en');

    await screen.findByText('No team members yet');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add member' }));

    const message = await screen.findByText('Enter a name (spaces alone do not count)');
    const input = screen.getByLabelText('Name');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.id);
    expect(backend.staff).toHaveLength(0);
  });

  it('sets a PIN of 4–8 digits after confirming it, and clears it', async () => {
    const backend = fakeStaffBackend();
    backend.staff.push({ id: 7, name: '李娜', role: 'agent', active: true, createdAt: 0, updatedAt: 0 });
    renderScreen(<TeamScreen />, backend.handler);

    fireEvent.click(await screen.findByRole('button', { name: '设置 李娜 的 PIN 码' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('新 PIN 码'), { target: { value: '12' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('PIN 码必须是 4–8 位数字')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('新 PIN 码'), { target: { value: '2468' } });
    fireEvent.change(within(dialog).getByLabelText('再输入一次'), { target: { value: '2469' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('两次输入的 PIN 码不一致')).toBeTruthy();
    expect(backend.calls.some((call) => call.method === 'staff.setPin')).toBe(false);

    fireEvent.change(within(dialog).getByLabelText('再输入一次'), { target: { value: '2468' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'staff.setPin', input: { id: 7, pin: '2468' } }));

    fireEvent.click(await screen.findByRole('button', { name: '设置 李娜 的 PIN 码' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '清除 PIN' }));
    await waitFor(() => expect(backend.calls).toContainEqual({ method: 'staff.setPin', input: { id: 7, pin: null } }));
  });
});
