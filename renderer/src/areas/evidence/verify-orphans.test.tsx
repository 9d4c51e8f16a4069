// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceVerifyReport } from '../../../../shared/contract';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { VerifyButton } from './verify-button';

afterEach(cleanup);

const orphan = 'ab'.repeat(32);
const report: EvidenceVerifyReport = {
  ok: true,
  checked: 2,
  bytes: 2048,
  missing: [],
  altered: [],
  unreferenced: [orphan, 'cd'.repeat(32)],
  unreferencedBytes: 3 * 1024 ** 2,
  message: 'All 2 vault file(s) are present and unchanged.',
};

describe('VerifyButton: orphan files', () => {
  it('shows how many orphan files and how much, asks before cleaning, and cleans them', async () => {
    const calls: string[] = [];
    renderScreen(<VerifyButton />, (method, input) => {
      calls.push(method);
      if (method === 'evidence.verify') return ok(report);
      if (method === 'evidence.cleanOrphans') {
        expect(input).toEqual({ confirm: true });
        return ok({ removed: 2, freedBytes: 3 * 1024 ** 2 });
      }
      return unexpected(method);
    });
    fireEvent.click(screen.getByRole('button', { name: /校验证据库/ }));
    const orphans = await screen.findByTestId('evidence-verify-orphans');
    expect(orphans.textContent).toMatch(/2 个没有对应证据的孤立文件（共 3\.0 MB）/);
    fireEvent.click(within(orphans).getByRole('button', { name: '清理孤立文件' }));
    const dialog = await screen.findByRole('dialog', { name: '永久删除孤立文件？' });
    expect(dialog.textContent).toMatch(/2 个没有任何证据引用的文件（共 3\.0 MB）/);
    expect(calls).toEqual(['evidence.verify']);
    fireEvent.click(within(dialog).getByRole('button', { name: '删除 2 个文件' }));
    await waitFor(() => expect(screen.queryByTestId('evidence-verify-orphans')).toBeNull());
    expect(calls).toEqual(['evidence.verify', 'evidence.cleanOrphans']);
    expect(await screen.findByText('已删除 2 个孤立文件，释放了 3.0 MB')).toBeTruthy();
  });
});
