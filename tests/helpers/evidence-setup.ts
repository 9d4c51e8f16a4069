import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vaultObjectsDir, vaultTmpDir } from '../../electron/core/services/evidence/vault-paths';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract';
import { useTempDirs } from './temp-dir';
import { startTestCore } from './test-core';

/* What the evidence tests share: a core on a temporary data folder, an inbox to add from, typed outcomes. */

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

type AddOutcome = MethodOutput<'evidence.add'>['items'][number];

/** The outcome of an add that must have kept the file; fails the test with the refusal otherwise. */
export function accepted(outcome: AddOutcome | undefined): Extract<AddOutcome, { ok: true }> {
  if (!outcome?.ok) throw new Error(`Expected the file to be added, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** The outcome of an add that must have refused the file; fails the test otherwise. */
export function refused(outcome: AddOutcome | undefined): Extract<AddOutcome, { ok: false }> {
  if (!outcome || outcome.ok) throw new Error(`Expected the file to be refused, got ${JSON.stringify(outcome)}`);
  return outcome;
}

/** Call once per test file, at the top: returns `setup`, which starts a fresh core per test. */
export function useEvidenceSetup() {
  const tempDir = useTempDirs();
  return async function setup() {
    const root = tempDir();
    const dataDir = join(root, 'data');
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    const started = await startTestCore(dataDir);
    const put = (name: string, bytes: Buffer | string) => {
      const path = join(inbox, name);
      writeFileSync(path, bytes);
      return path;
    };
    /** evidence.add for one file by path, as the local user (the CLI) may, returning its outcome. */
    const addOne = async (path: string) => (await started.callTrusted('evidence.add', { paths: [path] })).items[0];
    /** A method called by `actor` as the local user (paths allowed), its value typed from the contract. */
    const callAs = async <M extends MethodName>(actor: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
      const envelope = await started.core.call(method, input, { actor, trusted: true });
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.value as MethodOutput<M>;
    };
    const vaultFiles = () => {
      const objects = existsSync(vaultObjectsDir(dataDir))
        ? readdirSync(vaultObjectsDir(dataDir)).flatMap((shard) => readdirSync(join(vaultObjectsDir(dataDir), shard)).map((file) => shard + file))
        : [];
      const tmp = existsSync(vaultTmpDir(dataDir)) ? readdirSync(vaultTmpDir(dataDir)) : [];
      return { objects, tmp };
    };
    return { ...started, root, dataDir, inbox, put, addOne, callAs, vaultFiles };
  };
}
