import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accepted, sha256, useEvidenceSetup } from '../../../../tests/helpers/evidence-setup';
import { sampleFile } from '../../../../tests/helpers/evidence-files';
import type { EvidenceItem } from '../../../../shared/contract';
import { vaultObjectPath } from './vault-paths';

// Evidence once it is in the vault: metadata, links, trash, the vault check and the case manifest (evidence-metadata.ts).

const setup = useEvidenceSetup();

describe('evidence metadata, links and trash', () => {
  it('updates metadata only; the content cannot be changed', async () => {
    const { core, call, put, addOne } = await setup();
    const { evidence } = accepted(await addOne(put('qc.pdf', sampleFile('pdf'))));
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
    const { core, callAs, put, addOne, vaultFiles } = await setup();
    const as = '李娜';
    const { evidence } = accepted(await addOne(put('call.amr', sampleFile('amr'))));
    const target = { targetType: 'case' as const, targetId: '42' };
    expect((await callAs(as, 'evidence.link', { id: evidence.id, target })).links).toMatchObject([{ ...target, linkedBy: '李娜' }]);
    expect((await callAs(as, 'evidence.list', { linkedTo: target })).items).toHaveLength(1);
    expect((await callAs(as, 'evidence.unlink', { id: evidence.id, target })).links).toEqual([]);
    const unlinkAgain = await core.call('evidence.unlink', { id: evidence.id, target });
    expect(!unlinkAgain.ok && unlinkAgain.error.code).toBe('NOT_FOUND');

    expect((await callAs(as, 'evidence.trash', { id: evidence.id })).trashedAt).not.toBeNull();
    expect((await callAs(as, 'evidence.list', {})).items).toEqual([]);
    expect((await callAs(as, 'evidence.list', { trashed: true })).items).toHaveLength(1);
    const linkTrashed = await core.call('evidence.link', { id: evidence.id, target });
    expect(!linkTrashed.ok && linkTrashed.error.code).toBe('CONFLICT');
    expect((await callAs(as, 'evidence.restore', { id: evidence.id })).trashedAt).toBeNull();
    await callAs(as, 'evidence.trash', { id: evidence.id });

    const refused = await core.call('evidence.emptyTrash', {});
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    expect(vaultFiles().objects).toEqual([evidence.sha256]);
    expect(await callAs(as, 'evidence.emptyTrash', { confirm: true })).toEqual({ removedEvidence: 1, removedObjects: 1, freedBytes: evidence.size });
    expect(vaultFiles().objects).toEqual([]);
    const gone = await core.call('evidence.get', { id: evidence.id });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');

    const audit = (await callAs(as, 'audit.list', { entity: 'evidence' })).items.reverse();
    expect(audit.map((entry) => entry.action)).toEqual([
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
    const first = accepted(await addOne(put('a.wav', bytes))).evidence;
    await call('evidence.trash', { id: first.id });
    // Trashed bytes can be added again as new evidence; the trashed copy then cannot be restored.
    const again = await addOne(put('b.wav', bytes));
    expect(again).toMatchObject({ ok: true, duplicate: false });
    expect(accepted(again).evidence.id).not.toBe(first.id);
    const restore = await core.call('evidence.restore', { id: first.id });
    expect(!restore.ok && restore.error).toMatchObject({ code: 'CONFLICT', details: { existingId: accepted(again).evidence.id } });
    expect(await call('evidence.emptyTrash', { confirm: true })).toEqual({ removedEvidence: 1, removedObjects: 0, freedBytes: 0 });
    expect(vaultFiles().objects).toEqual([first.sha256]);
    expect((await call('evidence.verify')).ok).toBe(true);
    await core.close();
  });

  it('resolves only live objects for serving', async () => {
    const { core, call, put, addOne } = await setup();
    const { evidence } = accepted(await addOne(put('a.gif', sampleFile('gif'))));
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
    const a = accepted(await addOne(put('a.png', sampleFile('png')))).evidence;
    const b = accepted(await addOne(put('b.mp4', sampleFile('mp4')))).evidence;
    const c = accepted(await addOne(put('c.txt', sampleFile('txt')))).evidence;
    const d = accepted(await addOne(put('d.pdf', sampleFile('pdf')))).evidence;
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
    const { callTrusted, core, call, dataDir, put } = await setup();
    const link = { targetType: 'case' as const, targetId: '42' };
    const { items } = await callTrusted('evidence.add', { paths: [put('聊天记录 "完整".txt', sampleFile('txt')), put('=HYPERLINK("x").png', sampleFile('png'))], link });
    await callTrusted('evidence.add', { paths: [put('other-case.pdf', sampleFile('pdf'))], link: { targetType: 'case', targetId: '43' } });
    // Files in one add are copied in parallel, so ids follow completion; the manifest is in id order.
    const added: [EvidenceItem, EvidenceItem] = [accepted(items[0]).evidence, accepted(items[1]).evidence];
    const [chat, png] = added.sort((a, b) => (a.originalName < b.originalName ? 1 : -1));
    const byId: [EvidenceItem, EvidenceItem] = [chat, png];
    byId.sort((a, b) => a.id - b.id);

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
      byId.map((item) => [item.originalName, item.sha256]),
    );
    if (json.path === null) throw new Error('The JSON manifest was not saved.');
    expect(json.path.startsWith(join(dataDir, 'exports'))).toBe(true);
    expect(readFileSync(json.path, 'utf8')).toBe(json.text);
    const audit = (await call('audit.list', { entity: 'evidence' })).items[0];
    expect(audit).toMatchObject({ action: 'evidence.exportManifest', after: { caseId: '42', format: 'json', sha256: json.sha256, items: byId.map((item) => item.sha256) } });
    await core.close();
  });
});
