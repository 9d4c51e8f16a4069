import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { accepted, refused, sha256, useEvidenceSetup } from '../../../../tests/helpers/evidence-setup';
import { sampleFile, type SampleType } from '../../../../tests/helpers/evidence-files';
import type { Sqlite } from '../../../../db/connection';
import { inTransaction } from '../../../../db/transaction';
import { EvidenceService, nodeEvidenceIo, type EvidenceIo, type GroupTransaction } from './evidence-service';
import { vaultObjectPath } from './vault-paths';

// The intake: what an add keeps, refuses, deduplicates and records (evidence-intake.ts).

const setup = useEvidenceSetup();

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
    const mp3 = accepted(await addOne(put('long.mp3', sampleFile('mp3', 417 * 383)))).evidence;
    expect(mp3.durationMs).toBeGreaterThan(9_000);
    // A recording longer than the head read while copying (music-metadata given only the head
    // reports the length of the head: 4.1 s here).
    const wav = accepted(await addOne(put('long.wav', sampleFile('wav', 16_000 * 12)))).evidence;
    expect(wav.durationMs).toBe(12_000);
    await core.close();
  });

  it('stores the bytes under their SHA-256, read-only, and audits the add with actor and hash', async () => {
    const { core, call, callAs, dataDir, put, vaultFiles } = await setup();
    const bytes = sampleFile('png');
    const path = put('破损照片.png', bytes);
    const { items } = await callAs('赵雪', 'evidence.add', { paths: [path], kind: 'logistics_proof', source: '买家旺旺' });
    const { evidence } = accepted(items[0]);
    expect(evidence).toMatchObject({ sha256: sha256(bytes), size: bytes.length, originalName: '破损照片.png', kind: 'logistics_proof', source: '买家旺旺', addedBy: '赵雪' });
    expect(readFileSync(vaultObjectPath(dataDir, sha256(bytes))).equals(bytes)).toBe(true);
    expect(vaultFiles()).toEqual({ objects: [sha256(bytes)], tmp: [] });
    const audit = await call('audit.list', { entity: 'evidence' });
    expect(audit.items[0]).toMatchObject({ actor: '赵雪', action: 'evidence.add', entityId: String(evidence.id), after: { sha256: sha256(bytes) } });
    await core.close();
  });

  it('keeps every hostile file name exactly as given and never uses it as a path', async () => {
    const { core, call, put, addOne, vaultFiles } = await setup();
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
    const listed = await call('evidence.list', { limit: 100 });
    expect(listed.items.map((item) => item.originalName).sort()).toEqual([...names].sort());
    // NFC and NFD stay distinct, each as given.
    expect(listed.items.filter((item) => item.originalName === nfc)).toHaveLength(1);
    expect(listed.items.filter((item) => item.originalName === nfd)).toHaveLength(1);
    for (const object of vaultFiles().objects) expect(object).toMatch(/^[0-9a-f]{64}$/);
    await core.close();
  });

  it('flags a file whose content does not match its extension', async () => {
    const { core, put, addOne } = await setup();
    expect(accepted(await addOne(put('录音.mp3', sampleFile('png')))).evidence).toMatchObject({ detectedType: 'png', media: 'image', extensionMismatch: true });
    expect(accepted(await addOne(put('report.pdf', sampleFile('jpg')))).evidence).toMatchObject({ detectedType: 'jpg', extensionMismatch: true });
    expect(accepted(await addOne(put('photo.jpg', sampleFile('txt')))).evidence).toMatchObject({ detectedType: 'txt', extensionMismatch: true });
    expect(accepted(await addOne(put('photo.JPEG', sampleFile('jpg')))).evidence).toMatchObject({ extensionMismatch: false });
    expect(accepted(await addOne(put('no-extension', sampleFile('mp4')))).evidence).toMatchObject({ detectedType: 'mp4', extensionMismatch: false });
    expect(accepted(await addOne(put('clip.mp4', Buffer.from([0, 1, 2, 3, 0, 0, 0, 9, 200, 100])))).evidence).toMatchObject({
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
    expect(refused(outcome).error.message).toBe('"空文件.txt" is empty (0 bytes); there is nothing to keep as evidence.');
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
    expect(refused(outcome).error.message).toMatch(/"video\.mp4" is 5\.\d KB, larger than the vault's limit of 1000 bytes/);
    expect((await addOne(put('small.png', sampleFile('png', 100))))?.ok).toBe(true);
    expect(vaultFiles().tmp).toEqual([]);
    expect(vaultFiles().objects).toHaveLength(1);
    await core.close();
  });

  it('refuses a file that vanished or is not a file, and still adds the others in the batch', async () => {
    const { callTrusted, core, inbox, put } = await setup();
    const good = put('good.png', sampleFile('png'));
    const gone = put('gone.png', sampleFile('png'));
    unlinkSync(gone);
    mkdirSync(join(inbox, 'folder.png'));
    const { items } = await callTrusted('evidence.add', { paths: [gone, good, join(inbox, 'folder.png')] });
    expect(items.map((item) => item.ok)).toEqual([false, true, false]);
    expect(refused(items[0]).error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'vanished' } });
    expect(refused(items[0]).error.message).toMatch(/"gone\.png" is no longer there/);
    expect(refused(items[2]).error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'not_a_file' } });
    await core.close();
  });

  it('deduplicates: the same bytes twice are one object and one evidence, with the new link added', async () => {
    const { callTrusted, core, call, put, vaultFiles } = await setup();
    const bytes = sampleFile('jpg');
    const first = accepted((await callTrusted('evidence.add', { paths: [put('a.jpg', bytes)], link: { targetType: 'case', targetId: '17' } })).items[0]);
    const second = accepted((await callTrusted('evidence.add', { paths: [put('copy of a.jpg', bytes)], link: { targetType: 'order', targetId: 'TB-2026-0001' } })).items[0]);
    expect(second).toMatchObject({ ok: true, duplicate: true, evidence: { id: first.evidence.id, originalName: 'a.jpg' } });
    expect(second.evidence.links.map((link) => link.targetType)).toEqual(['case', 'order']);
    expect(vaultFiles().objects).toEqual([first.evidence.sha256]);
    expect((await call('evidence.list')).items).toHaveLength(1);
    const adds = (await call('audit.list', { entity: 'evidence' })).items.filter((entry) => entry.action === 'evidence.add');
    expect(adds).toHaveLength(2);
    expect(adds[0]?.after).toMatchObject({ originalName: 'copy of a.jpg', duplicateOf: first.evidence.id });
    await core.close();
  });
  it('deduplicates within one add: the same bytes twice in a batch are named once and recorded once', async () => {
    const { callTrusted, core, call, put, vaultFiles } = await setup();
    const bytes = sampleFile('png');
    const other = sampleFile('jpg');
    const paths = [put('a.png', bytes), put('b.jpg', other), put('copy of a.png', bytes), put('big.bin', Buffer.alloc(3 * 1024 * 1024, 9))];
    const { items } = await callTrusted('evidence.add', { paths });
    expect(items.every((item) => item.ok)).toBe(true);
    const [a, b, copy, big] = [accepted(items[0]), accepted(items[1]), accepted(items[2]), accepted(items[3])];
    // Whichever of the two is ready first is the new evidence; the other is its duplicate.
    expect([a.duplicate, copy.duplicate].sort()).toEqual([false, true]);
    expect([b.duplicate, big.duplicate]).toEqual([false, false]);
    expect(copy.evidence.id).toBe(a.evidence.id);
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
    expect(again).toMatchObject({ ok: true, duplicate: true, evidence: { id: accepted(added).evidence.id } });
    const [empty] = (await call('evidence.addBytes', { name: 'x.png', base64: '' })).items;
    expect(empty).toMatchObject({ ok: false, error: { code: 'BAD_FILE', details: { reason: 'empty' } } });
    const bad = await core.call('evidence.addBytes', { name: 'x.png', base64: '<script>' });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('reads staged uploads by id with their original name, removes them after, and refuses text sources', async () => {
    const { callTrusted, core, dataDir, put } = await setup();
    const id = '0123456789abcdef0123456789abcdef';
    mkdirSync(join(dataDir, 'staging'), { recursive: true });
    writeFileSync(join(dataDir, 'staging', id), sampleFile('wav'));
    writeFileSync(join(dataDir, 'staging', `${id}.json`), JSON.stringify({ name: 'CON 录音.wav' }));
    const { items } = await callTrusted('evidence.add', {
      paths: [put('a.txt', sampleFile('txt'))],
      sources: [{ kind: 'staged', id }, { kind: 'staged', id: 'ffffffff' }],
    });
    expect(items.map((item) => [item.ok, item.path])).toEqual([
      [true, expect.stringMatching(/a\.txt$/)],
      [true, 'CON 录音.wav'],
      [false, 'ffffffff'],
    ]);
    expect(accepted(items[1]).evidence).toMatchObject({ originalName: 'CON 录音.wav', media: 'audio' });
    expect(refused(items[2]).error).toMatchObject({ code: 'BAD_FILE', details: { reason: 'expired' } });
    expect(existsSync(join(dataDir, 'staging', id))).toBe(false);
    const text = await core.call('evidence.add', { sources: [{ kind: 'text', text: 'a\tb' }] });
    expect(!text.ok && text.error.code).toBe('VALIDATION');
    const none = await core.call('evidence.add', {});
    expect(!none.ok && none.error.code).toBe('VALIDATION');
    await core.close();
  });

  it('lists the audit entries of one evidence item with audit.list entityId', async () => {
    const { core, call, put, addOne } = await setup();
    const one = accepted(await addOne(put('one.png', sampleFile('png')))).evidence;
    const two = accepted(await addOne(put('two.pdf', sampleFile('pdf')))).evidence;
    await call('evidence.link', { id: one.id, target: { targetType: 'case', targetId: '7' } });
    const entries = (await call('audit.list', { entity: 'evidence', entityId: String(one.id) })).items;
    expect(entries.map((entry) => entry.action)).toEqual(['evidence.link', 'evidence.add']);
    expect(entries.every((entry) => entry.entityId === String(one.id))).toBe(true);
    expect(two.id).not.toBe(one.id);
    await core.close();
  });
});
