import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vouchedToken } from '../../../../shared/contract/files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { AdjustableClock } from '../../clock';
import { AppError } from '../../errors';
import { VouchedPaths, vouchedLifetimeMs } from './vouched-paths';

const tempDir = useTempDirs();

function fixture() {
  const dir = tempDir();
  const file = join(dir, '评价 导出.csv');
  writeFileSync(file, 'a,b\n1,2\n');
  const folder = join(dir, 'exports');
  mkdirSync(folder);
  const clock = new AdjustableClock();
  clock.set(Date.UTC(2026, 10, 24, 1, 30), { freeze: true });
  return { dir, file, folder, clock, store: new VouchedPaths(clock) };
}

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('vouched paths', () => {
  it('gives a token per path, with the name and size to show, and redeems it for the path', () => {
    const { file, folder, store } = fixture();
    const [forFile, forFolder] = [...store.vouch('file', [file]), ...store.vouch('folder', [folder])];
    expect(forFile).toMatchObject({ ok: true, kind: 'file', name: '评价 导出.csv', size: 8 });
    expect(forFolder).toMatchObject({ ok: true, kind: 'folder', name: folder, size: 0 });
    if (!forFile?.ok || !forFolder?.ok) throw new Error('unreachable');
    expect(vouchedToken.safeParse(forFile.token).success).toBe(true);
    expect(store.redeem(forFile.token, 'file').path).toBe(file);
    // Redeeming does not spend: a preview and the import after it use the same token.
    expect(store.redeem(forFile.token, 'file').path).toBe(file);
    expect(store.redeem(forFolder.token, 'folder').path).toBe(folder);
    store.spend(forFile.token);
    expect(refusal(() => store.redeem(forFile.token, 'file'))).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'token_expired' } });
  });

  it('refuses what is not what it claims: a folder as a file, a file as a folder, a relative or missing path', () => {
    const { dir, file, folder, store } = fixture();
    expect(store.vouch('file', [folder, join(dir, 'gone.csv'), 'relative/a.csv', ''])).toEqual([
      { ok: false, name: 'exports', code: 'BAD_FILE', reason: 'not_a_file', message: 'exports is a folder, not a file.' },
      { ok: false, name: 'gone.csv', code: 'BAD_FILE', reason: 'vanished', message: 'gone.csv does not exist or cannot be read.' },
      { ok: false, name: 'a.csv', code: 'VALIDATION', reason: 'not_on_disk', message: '"relative/a.csv" is not an absolute path.' },
      { ok: false, name: '', code: 'VALIDATION', reason: 'not_on_disk', message: '"" is not an absolute path.' },
    ]);
    expect(store.vouch('folder', [file])).toEqual([{ ok: false, name: file, code: 'BAD_FILE', reason: 'not_a_folder', message: `${file} is a file, not a folder.` }]);
    expect(store.size).toBe(0);
  });

  it('keeps each token to its kind: a file token is no folder and a folder token opens no file', () => {
    const { file, folder, store } = fixture();
    const [forFile] = store.vouch('file', [file]);
    const [forFolder] = store.vouch('folder', [folder]);
    if (!forFile?.ok || !forFolder?.ok) throw new Error('unreachable');
    expect(refusal(() => store.redeem(forFile.token, 'folder'))).toMatchObject({ code: 'VALIDATION', details: { reason: 'token_wrong_kind' } });
    expect(refusal(() => store.redeem(forFolder.token, 'file'))).toMatchObject({ code: 'VALIDATION', details: { reason: 'token_wrong_kind' } });
  });

  it('expires tokens after their lifetime', () => {
    const { file, clock, store } = fixture();
    const [outcome] = store.vouch('file', [file]);
    if (!outcome?.ok) throw new Error('unreachable');
    clock.advance(vouchedLifetimeMs - 1);
    expect(store.redeem(outcome.token, 'file').path).toBe(file);
    clock.advance(1);
    const expired = refusal(() => store.redeem(outcome.token, 'file'));
    expect(expired).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'token_expired' } });
    expect(expired.message).toMatch(/Choose or drop the file again/);
    expect(store.size).toBe(0);
  });

  it('makes tokens that cannot be guessed: distinct, 192 random bits, and a well-formed guess is unknown', () => {
    const { file, store } = fixture();
    const tokens = store.vouch('file', Array.from({ length: 2000 }, () => file)).map((outcome) => (outcome.ok ? outcome.token : ''));
    expect(new Set(tokens).size).toBe(2000);
    // Every base64url character shows up in every position sooner or later: no counter, no timestamp.
    const firstCharacters = new Set(tokens.map((token) => token[0]));
    expect(firstCharacters.size).toBeGreaterThan(50);
    for (const guess of ['A'.repeat(32), tokens[0]!.slice(0, 31) + (tokens[0]!.endsWith('A') ? 'B' : 'A')]) {
      expect(refusal(() => store.redeem(guess, 'file')).code).toBe('NOT_FOUND');
    }
  });

  it('holds a bounded number of tokens, forgetting the oldest first', () => {
    const { file, clock } = fixture();
    const store = new VouchedPaths(clock, vouchedLifetimeMs, 3);
    const tokens = store.vouch('file', [file, file, file, file]).map((outcome) => (outcome.ok ? outcome.token : ''));
    expect(store.size).toBe(3);
    expect(refusal(() => store.redeem(tokens[0]!, 'file')).code).toBe('NOT_FOUND');
    expect(store.redeem(tokens[3]!, 'file').path).toBe(file);
  });
});
