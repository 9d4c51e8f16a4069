// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseWorkspace } from '../../../../shared/contract';
import { SessionProvider, useSession } from '../../session/session-context';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { WorkspaceActions } from './workspace-actions';

const wang = { id: 7, name: '王小明', role: 'agent' as const };

/** The parts of a workspace answer the actions read. */
function workspace(assigneeId: number | null, status: CaseWorkspace['sla']['status'] = 'new'): CaseWorkspace {
  return {
    caseId: 12,
    assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeId === wang.id ? wang.name : '李娜', builtIn: null, role: 'agent' },
    poolRole: null,
    sla: { caseId: 12, status, paused: null, policy: { ownerRole: 'agent' } },
  } as unknown as CaseWorkspace;
}

/** Shows who is signed in, so a test knows the session has loaded. */
function SignedIn() {
  return <span data-testid="signed-in">{useSession().operator?.name ?? ''}</span>;
}

function renderActions(data: CaseWorkspace) {
  const calls: { method: string; input: unknown }[] = [];
  renderScreen(
    <SessionProvider>
      <SignedIn />
      <input aria-label="elsewhere" />
      <WorkspaceActions data={data} onChanged={() => {}} onNote={() => {}} onAddEvidence={() => {}} />
    </SessionProvider>,
    (method, input) => {
      calls.push({ method, input });
      if (method === 'auth.session') return ok({ operator: wang, requireSignIn: true });
      if (method === 'cases.transition') return ok({ caseId: 12, status: 'contacting' });
      return unexpected(method);
    },
  );
  return calls;
}

afterEach(cleanup);

describe('WorkspaceActions', () => {
  it('offers 我来处理 while someone else holds the case', async () => {
    renderActions(workspace(8));
    expect(await screen.findByTestId('workspace-take')).toBeTruthy();
  });

  it('hides 我来处理 from the holder', async () => {
    renderActions(workspace(wang.id));
    await waitFor(() => expect(screen.getByTestId('signed-in').textContent).toBe(wang.name));
    expect(screen.queryByTestId('workspace-take')).toBeNull();
    expect(screen.getByTestId('workspace-contact')).toBeTruthy();
  });

  it('runs a shortcut from the page but never while typing in a field', async () => {
    const calls = renderActions(workspace(wang.id));
    await screen.findByTestId('workspace-contact');
    const field = screen.getByLabelText('elsewhere');
    field.focus();
    fireEvent.keyDown(field, { key: 'c', code: 'KeyC' });
    expect(calls.some((call) => call.method === 'cases.transition')).toBe(false);
    fireEvent.keyDown(document.body, { key: 'c', code: 'KeyC' });
    await waitFor(() => expect(calls.filter((call) => call.method === 'cases.transition').map((call) => call.input)).toEqual([{ caseId: 12, to: 'contacting' }]));
  });
});
