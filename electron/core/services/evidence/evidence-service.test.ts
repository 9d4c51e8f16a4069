import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sampleFile, type SampleType } from '../../../../tests/helpers/evidence-files';
import { useTempDirs } from '../../../../tests/helpers/temp-dir';
import { startTestCore } from '../../../../tests/helpers/test-core';
import type { Sqlite } from '../../../../db/connection';
import { inTransaction } from '../../../../db/transaction';
import { EvidenceService, nodeEvidenceIo, type EvidenceIo, type GroupTransaction } from './evidence-service';
import { hashThreadOptions, setWorkerStartForTests } from './hash-worker';
import { vaultObjectPath, vaultObjectsDir, vaultTmpDir } from './vault-paths';

const tempDir = useTempDirs();

/** How an add writes a group's rows, except that each transaction waits `delayMs(turn)` first, and the `failTurn`th fails (a full disk). */
function scriptTransactions(sqlite: Sqlite, failTurn: number, delayMs: (turn: number) => number): GroupTransaction {
  let transactions = 0;
  return async <T>(work: () => T): Promise<T> => {
    const turn = ++transactions;
    await sleep(delayMs(turn));
    if (turn === failTurn) throw new Error('SQLITE_FULL: database or disk is full');
    return inTransaction(sqlite, work);
  };
}
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function setup() {
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
  /** evidence.add for one file, returning its outcome. */
  const addOne = async (path: string, extra: Record<string, unknown> = {}) => (await started.call('evidence.add', { paths: [path], ...extra })).items[0];
  const vaultFiles = () => {
    const objects = existsSync(vaultObjectsDir(dataDir))
      ? readdirSync(vaultObjectsDir(dataDir)).flatMap((shard) => readdirSync(join(vaultObjectsDir(dataDir), shard)).map((file) => shard + file))
      : [];
    const tmp = existsSync(vaultTmpDir(dataDir)) ? readdirSync(vaultTmpDir(dataDir)) : [];
    return { objects, tmp };
  };
  return { ...started, root, dataDir, inbox, put, addOne, vaultFiles };
}

describe('evidence.add', () => {
  it('detects every supported type from its content, with dimensions and durations', async () => {
    const { core, put, addOne } = await setup();
    const expected: Record<SampleType, object> = {
      png: { detectedType: 'png', mime: 'image/png', media: 'image', width: 640, height: 480, previewable: true },
      jpg: { detectedType: 'jpg', mime: 'image/jpeg', media: 'image', width: 1024, height: 768 },
      gif: { detectedType: 'gif', media: 'image', width: 800, height: 600 },
      webp: { detectedType: 'webp', media: 'image', width: 1920, height: 1080 },
      heic: { detectedType: 'heic', media: 'image', previewable: false },
      mp3: { detectedType: 'mp3', mime: 'audio/mpeg', media: 'audio' },
      m4a: { detectedType: 'm4a', media: 'audio', durationMs: 3000 },
      wav: { detectedType: 'wav', media: 'audio', durationMs: 1000 },
      amr: { detectedType: 'amr', media: 'audio', durationMs: 1000, previewable: false },
      mp4: { detectedType: 'mp4', mime: 'video/mp4', media: 'video', durationMs: 5000 },
      mov: { detectedType: 'mov', mime: 'video/quicktime', media: 'video', durationMs: 7000 },
      pdf: { detectedType: 'pdf', mime: 'application/pdf', media: 'pdf' },
      txt: { detectedType: 'txt', mime: 'text/plain; charset=utf-8', media: 'text' },
      'gbk-txt': { detectedType: 'txt', mime: 'text/plain; charset=gb18030', media: 'text' },
      html: { detectedType: 'html', mime: 'text/html; charset=utf-8', media: 'text' },
    };
    for (const [type, fields] of Object.entries(expected)) {
      const extension = type === 'gbk-txt' ? 'txt' : type;
      const outcome = await addOne(put(`sample.${extension}`, sampleFile(type as SampleType, 1600)));
      expect(outcome, type).toMatchObject({ ok: true, duplicate: false, evidence: { ...fields, extensionMismatch: false, kind: 'other' } });
    }
    const mp3 = (await addOne(put('long.mp3', sampleFile('mp3', 417 * 383)))).evidence;
    expect(mp3.durationMs).toBeGreaterThan(9_000);
    // A recording longer than the head read while copying (music-metadata given only the head
    // reports the length of the head: 4.1 s here).
    const wav = (await addOne(put('long.wav', sampleFile('wav', 16_000 * 12)))).evidence;
    expect(wav.durationMs).toBe(12_000);
    await core.close();
  });

  it('stores the bytes under their SHA-256, read-only, and audits the add with actor and hash', async () => {
    const { core, dataDir, put, vaultFiles } = await setup();
    const bytes = sampleFile('png');
    const path = put('破损照片.png', bytes);
    const envelope = await core.call('evidence.add', { paths: [path], kind: 'logistics_proof', source: '买家旺旺' }, { actor: '赵雪' });
    const evidence = envelope.ok && (envelope.value as any).items[0].evidence;
    expect(evidence).toMatchObject({ sha256: sha256(bytes), size: bytes.length, originalName: '破损照片.png', kind: 'logistics_proof', source: '买家旺旺', addedBy: '赵雪' });
    expect(readFileSync(vaultObjectPath(dataDir, sha256(bytes))).equals(bytes)).toBe(true);
    expect(vaultFiles()).toEqual({ objects: [sha256(bytes)], tmp: [] });
    const audit = (await core.call('audit.list', { entity: 'evidence' })) as any;
    expect(audit.value.items[0]).toMatchObject({ actor: '赵雪', action: 'evidence.add', entityId: String(evidence.id), after: { sha256: sha256(bytes) } });
    await core.close();
  });

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

  it('keeps every hostile file name exactly as given and never uses it as a path', async () => {
    const { core, put, addOne, vaultFiles } = await setup();
    const nfc = 'caf\u00e9 聊天记录.txt';
    const nfd = 'cafe\u0301 聊天记录.txt';
    expect(nfc.normalize('NFD')).toBe(nfd);
    const names = [
      'CON',
      'con.txt',
      'NUL.png',
      'COM1.pdf',
      'a:b*c?d"e<f>g|h.txt',
      `${'证据截图'.repeat(20)}.txt`, // 244 bytes in UTF-8
      '.hidden',
      '..png',
      ' leading and trailing .txt ',
      'line\nbreak.txt',
      '%2e%2e%2f..%2fescape.txt',
      nfc,
      nfd,
    ];
    expect(Buffer.byteLength(names[5]!)).toBeGreaterThan(200);
    for (const [index, name] of names.entries()) {
      const outcome = await addOne(put(name, `chat export ${index}: 买家说收到破损\n`));
      expect(outcome, JSON.stringify(name)).toMatchObject({ ok: true, evidence: { originalName: name } });
    }
    const listed = (await core.call('evidence.list', { limit: 100 })) as any;
    expect(listed.value.items.map((item: { originalName: string }) => item.originalName).sort()).toEqual([...names].sort());
    // NFC and NFD stay distinct, each as given.
    expect(listed.value.items.filter((item: { originalName: string }) => item.originalName === nfc)).toHaveLength(1);
    expect(listed.value.items.filter((item: { originalName: string }) => item.originalName === nfd)).toHaveLength(1);
    for (const object of vaultFiles().objects) expect(object).toMatch(/^[0-9a-f]{64}$/);
    await core.close();
  });

  it('flags a file whose content does not match its extension', async () => {
    const { core, put, addOne } = await setup();
    expect((await addOne(put('录音.mp3', sampleFile('png')))).evidence).toMatchObject({ detectedType: 'png', media: 'image', extensionMismatch: true });
    expect((await addOne(put('report.pdf', sampleFile('jpg')))).evidence).toMatchObject({ detectedType: 'jpg', extensionMismatch: true });
    expect((await addOne(put('photo.jpg', sampleFile('txt')))).evidence).toMatchObject({ detectedType: 'txt', extensionMismatch: true });
    expect((await addOne(put('photo.JPEG', sampleFile('jpg')))).evidence).toMatchObject({ extensionMismatch: false });
    expect((await addOne(put('no-extension', sampleFile('mp4')))).evidence).toMatchObject({ detectedType: 'mp4', extensionMismatch: false });
    expect((await addOne(put('clip.mp4', Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 200, 100])))).evidence).toMatchObject({
      detectedType: 'unknown',
      media: 'other',
      mime: 'application/octet-stream',
      extensionMismatch: true,
      previewable: false,
    });
    await core.close();
  });

  it('refuses an empty file with a clear message and keeps nothing', async () => {
    const { core, call, put, addOne, vaultFiles } = await setup();
    const outcome = await addOne(put('空文件.txt', ''));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'empty' } } });
    expect(outcome.error.message).toBe('"空文件.txt" is empty (0 bytes); there is nothing to keep as evidence.');
    expect((await call('evidence.list')).items).toEqual([]);
    expect(vaultFiles()).toEqual({ objects: [], tmp: [] });
    await core.close();
  });

  it('refuses a file over the size limit set in the settings', async () => {
    const { core, call, put, addOne, vaultFiles } = await setup();
    expect((await call('evidence.getSettings')).maxFileBytes).toBe(2 * 1024 ** 3);
    await call('evidence.updateSettings', { maxFileBytes: 1000 });
    const outcome = await addOne(put('video.mp4', sampleFile('mp4', 5000)));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'too_large', limitBytes: 1000 } } });
    expect(outcome.error.message).toMatch(/"video\.mp4" is 5\.\d KB, larger than the vault's limit of 1000 bytes/);
    expect((await addOne(put('small.png', sampleFile('png', 100)))).ok).toBe(true);
    expect(vaultFiles().tmp).toEqual([]);
    expect(vaultFiles().objects).toHaveLength(1);
    await core.close();
  });

  it('refuses a file that vanished or is not a file, and still adds the others in the batch', async () => {
    const { core, call, inbox, put } = await setup();
    const good = put('good.png', sampleFile('png'));
    const gone = put('gone.png', sampleFile('png'));
    unlinkSync(gone);
    mkdirSync(join(inbox, 'folder.png'));
    const { items } = await call('evidence.add', { paths: [gone, good, join(inbox, 'folder.png')] });
    expect(items.map((item: { ok: boolean }) => item.ok)).toEqual([false, true, false]);
    expect(items[0].error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'vanished' } });
    expect(items[0].error.message).toMatch(/"gone\.png" is no longer there/);
    expect(items[2].error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'not_a_file' } });
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

  it('deduplicates: the same bytes twice are one object and one evidence, with the new link added', async () => {
    const { core, call, put, vaultFiles } = await setup();
    const bytes = sampleFile('jpg');
    const first = (await call('evidence.add', { paths: [put('a.jpg', bytes)], link: { targetType: 'case', targetId: '17' } })).items[0];
    const second = (await call('evidence.add', { paths: [put('copy of a.jpg', bytes)], link: { targetType: 'order', targetId: 'TB-2026-0001' } })).items[0];
    expect(second).toMatchObject({ ok: true, duplicate: true, evidence: { id: first.evidence.id, originalName: 'a.jpg' } });
    expect(second.evidence.links.map((link: { targetType: string }) => link.targetType)).toEqual(['case', 'order']);
    expect(vaultFiles().objects).toEqual([first.evidence.sha256]);
    expect((await call('evidence.list')).items).toHaveLength(1);
    const adds = (await call('audit.list', { entity: 'evidence' })).items.filter((entry: { action: string }) => entry.action === 'evidence.add');
    expect(adds).toHaveLength(2);
    expect(adds[0].after).toMatchObject({ originalName: 'copy of a.jpg', duplicateOf: first.evidence.id });
    await core.close();
  });
  it('deduplicates within one add: the same bytes twice in a batch are named once and recorded once', async () => {
    const { core, call, put, vaultFiles } = await setup();
    const bytes = sampleFile('png');
    const other = sampleFile('jpg');
    const paths = [put('a.png', bytes), put('b.jpg', other), put('copy of a.png', bytes), put('big.bin', Buffer.alloc(3 * 1024 * 1024, 9))];
    const { items } = await call('evidence.add', { paths });
    expect(items.every((item: { ok: boolean }) => item.ok)).toBe(true);
    // Whichever of the two is ready first is the new evidence; the other is its duplicate.
    expect([items[0].duplicate, items[2].duplicate].sort()).toEqual([false, true]);
    expect([items[1].duplicate, items[3].duplicate]).toEqual([false, false]);
    expect(items[2].evidence.id).toBe(items[0].evidence.id);
    expect(vaultFiles().tmp).toEqual([]);
    expect(vaultFiles().objects.sort()).toEqual([sha256(bytes), sha256(other), sha256(Buffer.alloc(3 * 1024 * 1024, 9))].sort());
    expect((await call('evidence.list')).items).toHaveLength(3);
    await core.close();
  });

  it('keeps the object when one of two concurrent adds of the same bytes fails to record it', async () => {
    const { core, call, put, vaultFiles } = await setup();
    const deps = core.services!.deps;
    const bytes = sampleFile('png');
    // The first record's transaction fails after a while (a full disk); the other add's commits
    // later still. Unserialised, the failed add would remove the object the other had already
    // found (or renamed over) and was about to record.
    const service = new EvidenceService(deps, nodeEvidenceIo, scriptTransactions(deps.sqlite, 1, (turn) => (turn === 1 ? 50 : 150)));
    const settled = await Promise.allSettled([service.add([put('a.png', bytes)], {}, 'local'), service.add([put('b.png', bytes)], {}, 'local')]);
    const failed = settled.filter((result) => result.status === 'rejected');
    const added = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    expect(failed).toHaveLength(1);
    expect(String((failed[0] as PromiseRejectedResult).reason)).toMatch(/SQLITE_FULL/);
    expect(added).toMatchObject([{ ok: true, duplicate: false, evidence: { sha256: sha256(bytes) } }]);
    expect(vaultFiles()).toEqual({ objects: [sha256(bytes)], tmp: [] });
    expect((await call('evidence.list')).items).toHaveLength(1);
    expect(await call('evidence.verify')).toMatchObject({ ok: true, checked: 1, missing: [], altered: [], unreferenced: [] });
    await core.close();
  });

  it('keeps the object for the second copy in a batch when the first copy fails to record it', async () => {
    const { core, put, vaultFiles } = await setup();
    const deps = core.services!.deps;
    const bytes = sampleFile('gif');
    const other = sampleFile('pdf');
    // first.pdf is committed alone and slowly, while both copies get ready: they commit as one group.
    const late: EvidenceIo = {
      openSource: async (path, name) => (name === 'first.pdf' ? undefined : await sleep(30), nodeEvidenceIo.openSource(path, name)),
    };
    const service = new EvidenceService(deps, late, scriptTransactions(deps.sqlite, 2, (turn) => (turn === 1 ? 100 : 0)));
    const paths = [put('first.pdf', other), put('a.gif', bytes), put('copy of a.gif', bytes)];
    await expect(service.add(paths, {}, 'local')).rejects.toThrow(/SQLITE_FULL/);
    expect(vaultFiles().objects.sort()).toEqual([sha256(bytes), sha256(other)].sort());
    expect(vaultFiles().tmp).toEqual([]);
    expect(await service.list({})).toHaveLength(2);
    expect(await service.verify('local')).toMatchObject({ ok: true, checked: 2, missing: [], unreferenced: [] });
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
      await setWorkerStartForTests((source) => new Worker(source, hashThreadOptions(false)));
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
      // new Worker throwing (out of threads): copyInWorker rejects, which must not fail the add.
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

describe('evidence metadata, links and trash', () => {
  it('updates metadata only; the content cannot be changed', async () => {
    const { core, call, put, addOne } = await setup();
    const { evidence } = await addOne(put('qc.pdf', sampleFile('pdf')));
    const updated = await call('evidence.update', { id: evidence.id, kind: 'qc_report', tags: ['质检', '质检', '第三方'], notes: '供应商出具', capturedAt: 1_790_000_000_000 });
    expect(updated).toMatchObject({ kind: 'qc_report', tags: ['质检', '第三方'], notes: '供应商出具', capturedAt: 1_790_000_000_000, sha256: evidence.sha256 });
    const refused = await core.call('evidence.update', { id: evidence.id, sha256: 'ab'.repeat(32) });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect((await call('evidence.list', { tag: '质检' })).items).toHaveLength(1);
    expect((await call('evidence.list', { text: '供应商' })).items).toHaveLength(1);
    expect((await call('evidence.list', { kind: 'chat_record' })).items).toHaveLength(0);
    await core.close();
  });

  it('audits link, unlink, trash, restore and empty-trash with the actor and the hash', async () => {
    const { core, put, addOne, vaultFiles } = await setup();
    const as = async (method: string, input: unknown) => {
      const envelope = await core.call(method, input, { actor: '李娜' });
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      return envelope.value as any;
    };
    const { evidence } = await addOne(put('call.amr', sampleFile('amr')));
    const target = { targetType: 'case', targetId: '42' };
    expect((await as('evidence.link', { id: evidence.id, target })).links).toMatchObject([{ ...target, linkedBy: '李娜' }]);
    expect((await as('evidence.list', { linkedTo: target })).items).toHaveLength(1);
    expect((await as('evidence.unlink', { id: evidence.id, target })).links).toEqual([]);
    const unlinkAgain = await core.call('evidence.unlink', { id: evidence.id, target });
    expect(!unlinkAgain.ok && unlinkAgain.error.code).toBe('NOT_FOUND');

    expect((await as('evidence.trash', { id: evidence.id })).trashedAt).not.toBeNull();
    expect((await as('evidence.list', {})).items).toEqual([]);
    expect((await as('evidence.list', { trashed: true })).items).toHaveLength(1);
    const linkTrashed = await core.call('evidence.link', { id: evidence.id, target });
    expect(!linkTrashed.ok && linkTrashed.error.code).toBe('CONFLICT');
    expect((await as('evidence.restore', { id: evidence.id })).trashedAt).toBeNull();
    await as('evidence.trash', { id: evidence.id });

    const refused = await core.call('evidence.emptyTrash', {});
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect(vaultFiles().objects).toEqual([evidence.sha256]);
    expect(await as('evidence.emptyTrash', { confirm: true })).toEqual({ removedEvidence: 1, removedObjects: 1, freedBytes: evidence.size });
    expect(vaultFiles().objects).toEqual([]);
    const gone = await core.call('evidence.get', { id: evidence.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');

    const audit = (await as('audit.list', { entity: 'evidence' })).items.reverse();
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual([
      'evidence.add',
      'evidence.link',
      'evidence.unlink',
      'evidence.trash',
      'evidence.restore',
      'evidence.trash',
      'evidence.purge',
    ]);
    for (const entry of audit.slice(1)) {
      expect(entry).toMatchObject({ actor: '李娜', entityId: String(evidence.id), after: { sha256: evidence.sha256 } });
    }
    await core.close();
  });

  it('keeps an object another evidence still needs when the trash is emptied', async () => {
    const { core, call, put, addOne, vaultFiles } = await setup();
    const bytes = sampleFile('wav');
    const first = (await addOne(put('a.wav', bytes))).evidence;
    await call('evidence.trash', { id: first.id });
    // Trashed bytes can be added again as new evidence; the trashed copy then cannot be restored.
    const again = await addOne(put('b.wav', bytes));
    expect(again).toMatchObject({ ok: true, duplicate: false });
    expect(again.evidence.id).not.toBe(first.id);
    const restore = await core.call('evidence.restore', { id: first.id });
    expect(!restore.ok && restore.error).toMatchObject({ code: 'CONFLICT', details: { existingId: again.evidence.id } });
    expect(await call('evidence.emptyTrash', { confirm: true })).toEqual({ removedEvidence: 1, removedObjects: 0, freedBytes: 0 });
    expect(vaultFiles().objects).toEqual([first.sha256]);
    expect((await call('evidence.verify')).ok).toBe(true);
    await core.close();
  });

  it('resolves only live objects for serving', async () => {
    const { core, call, put, addOne } = await setup();
    const { evidence } = await addOne(put('a.gif', sampleFile('gif')));
    expect(await call('evidence.resolveObject', { sha256: evidence.sha256 })).toEqual({ sha256: evidence.sha256, mime: 'image/gif', size: evidence.size });
    await call('evidence.trash', { id: evidence.id });
    const trashed = await core.call('evidence.resolveObject', { sha256: evidence.sha256 });
    expect(!trashed.ok && trashed.error.code).toBe('NOT_FOUND');
    const bad = await core.call('evidence.resolveObject', { sha256: '../reviewdesk.sqlite' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('emits data.changed for the evidence domain', async () => {
    const { core, put, addOne } = await setup();
    const seen: string[] = [];
    core.events.subscribe((message) => message.event === 'data.changed' && seen.push(message.payload.domain));
    await addOne(put('a.png', sampleFile('png')));
    expect(seen).toEqual(['evidence']);
    await core.close();
  });
});

describe('evidence.verify', () => {
  it('reports every file present and unchanged, then catches a tampered, a missing and a symlinked object', async () => {
    const { core, call, root, dataDir, put, addOne } = await setup();
    const a = (await addOne(put('a.png', sampleFile('png')))).evidence;
    const b = (await addOne(put('b.mp4', sampleFile('mp4')))).evidence;
    const c = (await addOne(put('c.txt', sampleFile('txt')))).evidence;
    const d = (await addOne(put('d.pdf', sampleFile('pdf')))).evidence;
    const clean = await call('evidence.verify');
    expect(clean).toMatchObject({ ok: true, checked: 4, missing: [], altered: [], unreferenced: [] });

    const tampered = vaultObjectPath(dataDir, a.sha256);
    chmodSync(tampered, 0o644);
    const bytes = readFileSync(tampered);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(tampered, bytes);
    rmSync(vaultObjectPath(dataDir, b.sha256));
    // A symlink standing in for an object, even to a file with the right bytes, is not the object.
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, readFileSync(vaultObjectPath(dataDir, c.sha256)));
    rmSync(vaultObjectPath(dataDir, c.sha256));
    symlinkSync(outside, vaultObjectPath(dataDir, c.sha256));
    mkdirSync(join(dataDir, 'vault', 'objects', 'ff'), { recursive: true });
    writeFileSync(join(dataDir, 'vault', 'objects', 'ff', 'stray'), 'stray');

    const report = await call('evidence.verify');
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(4);
    expect(report.missing).toEqual([{ sha256: b.sha256, evidenceIds: [b.id], names: ['b.mp4'] }]);
    expect(report.altered).toEqual([
      { sha256: a.sha256, actualSha256: sha256(bytes), evidenceIds: [a.id], names: ['a.png'] },
      { sha256: c.sha256, actualSha256: 'not a regular file inside the vault', evidenceIds: [c.id], names: ['c.txt'] },
    ]);
    expect(report.unreferenced).toEqual(['ffstray']);
    expect(report.bytes).toBe(d.size);
    expect(report.message).toMatch(/1 missing and 2 altered/);
    const audit = (await call('audit.list', { entity: 'evidence' })).items[0];
    expect(audit).toMatchObject({ action: 'evidence.verify', after: { ok: false, missing: [b.sha256], altered: [a.sha256, c.sha256] } });
    await core.close();
  });
});

describe('evidence.exportManifest', () => {
  it('exports a case manifest as CSV and JSON with hashes, safe for spreadsheets, and audits it', async () => {
    const { core, call, dataDir, put } = await setup();
    const link = { targetType: 'case', targetId: '42' };
    const { items } = await call('evidence.add', { paths: [put('聊天记录 "完整".txt', sampleFile('txt')), put('=HYPERLINK("x").png', sampleFile('png'))], link });
    await call('evidence.add', { paths: [put('other-case.pdf', sampleFile('pdf'))], link: { targetType: 'case', targetId: '43' } });
    // Files in one add are copied in parallel, so ids follow completion; the manifest is in id order.
    const [chat, png] = items.map((item: { evidence: unknown }) => item.evidence).sort((a: any, b: any) => (a.originalName < b.originalName ? 1 : -1));
    const byId = [chat, png].sort((a: any, b: any) => a.id - b.id);

    const csv = await call('evidence.exportManifest', { caseId: '42', format: 'csv' });
    expect(csv.count).toBe(2);
    expect(csv.path).toBeNull();
    expect(csv.sha256).toBe(sha256(csv.text));
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,originalName,sha256,size,mime,detectedType,kind,capturedAt,addedAt,addedBy');
    expect(lines[1 + byId.indexOf(chat)]).toContain(`"聊天记录 ""完整"".txt",${chat.sha256},${chat.size}`);
    expect(lines[1 + byId.indexOf(png)]).toContain(`"'=HYPERLINK(""x"").png",${png.sha256}`);

    const json = await call('evidence.exportManifest', { caseId: '42', format: 'json', save: true });
    const parsed = JSON.parse(json.text);
    expect(parsed).toMatchObject({ caseId: '42', algorithm: 'SHA-256', count: 2 });
    expect(parsed.items.map((item: { originalName: string; sha256: string }) => [item.originalName, item.sha256])).toEqual(
      byId.map((item: any) => [item.originalName, item.sha256]),
    );
    expect(json.path.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(readFileSync(json.path, 'utf8')).toBe(json.text);
    const audit = (await call('audit.list', { entity: 'evidence' })).items[0];
    expect(audit).toMatchObject({ action: 'evidence.exportManifest', after: { caseId: '42', format: 'json', sha256: json.sha256, items: byId.map((item: any) => item.sha256) } });
    await core.close();
  });
});

describe('evidence.addBytes, staged sources and per-item custody', () => {
  it('adds pasted bytes like a file, keeping the name as given, and refuses empty or non-base64 input', async () => {
    const { core, call, dataDir } = await setup();
    const png = sampleFile('png');
    const name = '截图 2026-11-24 10.00.00.png';
    const [added] = (await call('evidence.addBytes', { name, base64: png.toString('base64'), link: { targetType: 'case', targetId: '42' } })).items;
    expect(added).toMatchObject({ ok: true, duplicate: false, path: name, evidence: { originalName: name, sha256: sha256(png), detectedType: 'png' } });
    expect(readFileSync(vaultObjectPath(dataDir, sha256(png)))).toEqual(png);
    const [again] = (await call('evidence.addBytes', { name: 'other.png', base64: png.toString('base64') })).items;
    expect(again).toMatchObject({ ok: true, duplicate: true, evidence: { id: added.evidence.id } });
    const [empty] = (await call('evidence.addBytes', { name: 'x.png', base64: '' })).items;
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'empty' } } });
    const bad = await core.call('evidence.addBytes', { name: 'x.png', base64: '<script>' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('reads staged uploads by id with their original name, removes them after, and refuses text sources', async () => {
    const { core, call, dataDir, put } = await setup();
    const id = '0123456789abcdef0123456789abcdef';
    mkdirSync(join(dataDir, 'staging'), { recursive: true });
    writeFileSync(join(dataDir, 'staging', id), sampleFile('wav'));
    writeFileSync(join(dataDir, 'staging', `${id}.json`), JSON.stringify({ name: 'CON 录音.wav' }));
    const { items } = await call('evidence.add', {
      paths: [put('a.txt', sampleFile('txt'))],
      sources: [{ kind: 'staged', id }, { kind: 'staged', id: 'ffffffff' }],
    });
    expect(items.map((item: { ok: boolean; path: string }) => [item.ok, item.path])).toEqual([
      [true, expect.stringMatching(/a\.txt$/)],
      [true, 'CON 录音.wav'],
      [false, 'ffffffff'],
    ]);
    expect(items[1].evidence).toMatchObject({ originalName: 'CON 录音.wav', media: 'audio' });
    expect(items[2].error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'expired' } });
    expect(existsSync(join(dataDir, 'staging', id))).toBe(false);
    const text = await core.call('evidence.add', { sources: [{ kind: 'text', text: 'a\tb' }] });
    expect(!text.ok && text.error.code).toBe('VALIDATION');
    const none = await core.call('evidence.add', {});
    expect(!none.ok && none.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('lists the audit entries of one evidence item with audit.list entityId', async () => {
    const { core, call, put, addOne } = await setup();
    const one = (await addOne(put('one.png', sampleFile('png')))).evidence;
    const two = (await addOne(put('two.pdf', sampleFile('pdf')))).evidence;
    await call('evidence.link', { id: one.id, target: { targetType: 'case', targetId: '7' } });
    const entries = (await call('audit.list', { entity: 'evidence', entityId: String(one.id) })).items;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['evidence.link', 'evidence.add']);
    expect(entries.every((entry: { entityId: string }) => entry.entityId === String(one.id))).toBe(true);
    expect(two.id).not.toBe(one.id);
    await core.close();
  });
});
