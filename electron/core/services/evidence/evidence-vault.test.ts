import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, readdirSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sha256, useEvidenceSetup } from '../../../../tests/helpers/evidence-setup';
import { sampleFile } from '../../../../tests/helpers/evidence-files';
import { EvidenceService, nodeEvidenceIo, type EvidenceIo } from './evidence-service';
import { hashThreadOptions, setWorkerStartForTests } from './hash-worker';
import { vaultObjectPath, vaultObjectsDir, vaultTmpDir } from './vault-paths';

// The vault under an add: its folders, the copy into it when the source fails or changes, the
// hashing threads' two ways of writing, and the main thread when no thread can start.

const setup = useEvidenceSetup();

describe('evidence.add', () => {
  it('gives a new vault its 256 shard folders at start, and makes a removed one again on the next add', async () => {
    const { core, put, addOne, dataDir, vaultFiles } = await setup();
    const shards = readdirSync(vaultObjectsDir(dataDir));
    expect(shards).toHaveLength(256);
    expect(shards.every((shard) => /^[0-9a-f]{2}$/.test(shard))).toBe(true);
    const bytes = sampleFile('pdf');
    rmSync(join(vaultObjectsDir(dataDir), sha256(bytes).slice(0, 2)), { recursive: true });
    expect(await addOne(put('qc-report.pdf', bytes))).toMatchObject({ ok: true, evidence: { sha256: sha256(bytes) } });
    expect(readFileSync(vaultObjectPath(dataDir, sha256(bytes)))).toEqual(bytes);
    expect(vaultFiles()).toEqual({ objects: [sha256(bytes)], tmp: [] });
    await core.close();
  });

  it('leaves nothing behind when the file fails mid-copy', async () => {
    const { core, call, dataDir, vaultFiles } = await setup();
    // A source that delivers some bytes, then fails the way a pulled USB stick or network share does.
    const failing: EvidenceIo = {
      async openSource() {
        let sent = 0;
        const stream = new Readable({
          read() {
            if (sent++ < 3) this.push(Buffer.alloc(64 * 1024, 7));
            else this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
          },
        });
        return { stream, size: 10 * 1024 * 1024 };
      },
    };
    const service = new EvidenceService(core.services!.deps, failing);
    const [outcome] = await service.add(['/media/usb/录像.mp4'], {}, 'local');
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'copy_failed', cause: 'EIO' } } });
    expect(vaultFiles()).toEqual({ objects: [], tmp: [] });
    expect(existsSync(vaultTmpDir(dataDir))).toBe(true);
    expect((await call('evidence.list')).items).toEqual([]);

    // A file that shrinks while being read (another program still writing it) is refused too.
    const shrinking: EvidenceIo = { openSource: async () => ({ stream: Readable.from([Buffer.from('partial chat log')]), size: 1000 }) };
    const [changed] = await new EvidenceService(core.services!.deps, shrinking).add(['/tmp/chat.txt'], {}, 'local');
    expect(changed).toMatchObject({ ok: false, error: { details: { reason: 'changed' } } });
    expect(vaultFiles()).toEqual({ objects: [], tmp: [] });
    await core.close();
  });

  it('refuses a file that is rewritten (even to the same size) or deleted while it is copied, and keeps nothing', async () => {
    const { core, put, vaultFiles } = await setup();
    const bytes = sampleFile('png');
    // What another program does between the open and the end of the kernel copy.
    const meddling = (change: (path: string) => void): EvidenceIo => ({
      async openSource(path, name) {
        const opened = await nodeEvidenceIo.openSource(path, name);
        change(path);
        return opened;
      },
    });
    const rewritten = put('screenshot.png', bytes);
    // Times in the past, so the rewrite's new mtime differs whatever the clock's granularity.
    utimesSync(rewritten, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const same = Buffer.from(bytes);
    same.writeUInt8(same.readUInt8(same.length - 1) ^ 0xff, same.length - 1);
    const [changed] = await new EvidenceService(core.services!.deps, meddling((path) => writeFileSync(path, same))).add([rewritten], {}, 'local');
    expect(changed).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'changed' } } });
    // Still being written by another program: longer than when it was opened.
    const [grown] = await new EvidenceService(core.services!.deps, meddling((path) => appendFileSync(path, randomBytes(3 * 1024 * 1024)))).add(
      [put('recording.png', bytes)],
      {},
      'local',
    );
    expect(grown).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'changed' } } });
    const [gone] = await new EvidenceService(core.services!.deps, meddling((path) => unlinkSync(path))).add([put('call.png', bytes)], {}, 'local');
    expect(gone).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'vanished' } } });
    expect(vaultFiles()).toEqual({ objects: [], tmp: [] });

    // A read-only source (as exported evidence often is) is copied, then made private to hash and flush.
    const readOnly = put('export.png', bytes);
    chmodSync(readOnly, 0o444);
    const [added] = await new EvidenceService(core.services!.deps).add([readOnly], {}, 'local');
    expect(added).toMatchObject({ ok: true, evidence: { sha256: sha256(bytes), detectedType: 'png' } });
    expect(vaultFiles()).toEqual({ objects: [sha256(bytes)], tmp: [] });
    await core.close();
  });

  it('stores files of several write chunks and an uneven tail byte for byte, written directly and through the page cache', async () => {
    const { core, put, addOne, dataDir, vaultFiles } = await setup();
    // 2 MB + 12345: two whole 1 MB direct writes, then a padded last block cut back to size.
    const sizes = [2 * 1024 * 1024 + 12_345, 4096 * 3, 1];
    const check = async (label: string) => {
      for (const size of sizes) {
        const bytes = randomBytes(size);
        const outcome = await addOne(put(`${label}-${size}.bin`, bytes));
        expect(outcome).toMatchObject({ ok: true, evidence: { sha256: sha256(bytes), size } });
        expect(readFileSync(vaultObjectPath(dataDir, sha256(bytes))).equals(bytes)).toBe(true);
      }
    };
    await check('direct');
    try {
      await setWorkerStartForTests((module) => new Worker(module, hashThreadOptions(false)));
      await check('buffered');
    } finally {
      await setWorkerStartForTests(null);
    }
    expect(vaultFiles()).toMatchObject({ tmp: [] });
    expect(vaultFiles().objects).toHaveLength(sizes.length * 2);
    await core.close();
  });

  it('copies and hashes on the main thread when no worker thread can be started', async () => {
    const { core, call, put, addOne, vaultFiles } = await setup();
    const photo = sampleFile('jpg');
    try {
      // new Worker throwing (out of threads): prepareInWorker rejects, which must not fail the add.
      await setWorkerStartForTests(() => {
        throw Object.assign(new Error('Worker initialization failure'), { code: 'ERR_WORKER_INIT_FAILED' });
      });
      expect(await addOne(put('photo.jpg', photo))).toMatchObject({ ok: true, evidence: { sha256: sha256(photo), detectedType: 'jpg' } });
      // A thread that starts but dies before it takes any job is the same.
      await setWorkerStartForTests(() => new Worker('throw new Error("out of memory")', { eval: true }));
      expect(await addOne(put('chat.txt', '买家说收到破损\n'))).toMatchObject({ ok: true, evidence: { sha256: sha256('买家说收到破损\n') } });
    } finally {
      await setWorkerStartForTests(null);
    }
    // And the default threads are used again.
    const pdf = sampleFile('pdf');
    expect(await addOne(put('report.pdf', pdf))).toMatchObject({ ok: true, evidence: { sha256: sha256(pdf) } });
    expect(vaultFiles().tmp).toEqual([]);
    expect(vaultFiles().objects.sort()).toEqual([sha256(photo), sha256('买家说收到破损\n'), sha256(pdf)].sort());
    expect(await call('evidence.verify')).toMatchObject({ ok: true, checked: 3 });
    await core.close();
  });
});
