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
});
