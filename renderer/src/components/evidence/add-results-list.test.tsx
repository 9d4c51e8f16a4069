// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../../shared/contract';
import { evidenceAddBatching } from '../../../../shared/domain/evidence';
import type { MemoryHandler } from '../../api/memory-transport';
import { ok, renderScreen, unexpected } from '../../test/render-screen';
import { AddResultsList } from './add-results-list';
import { CaseEvidencePanel } from './case-evidence-panel';
import type { AddRow } from './use-evidence-adder';

afterEach(cleanup);

const rows: AddRow[] = [
  { key: '1', name: 'CON.png', size: 2048, status: 'added', evidenceId: 1 },
  { key: '2', name: 'copy of 聊天.png', size: 2048, status: 'duplicate', evidenceId: 1 },
  { key: '3', name: 'empty.txt', size: 0, status: 'refused', refusal: { code: 'BAD_FILE', reason: 'empty' } },
  { key: '4', name: 'huge.mov', size: 3e9, status: 'refused', refusal: { code: 'BAD_FILE', reason: 'too_large', details: { limitBytes: 2 * 1024 ** 3 } } },
  { key: '5', name: 'gone.mp3', size: 10, status: 'refused', refusal: { code: 'BAD_FILE', reason: 'vanished' } },
  { key: '6', name: 'e\u0301.wav', size: 10, status: 'adding' },
];

function item(id: number, name: string, extra: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id,
    sha256: String(id).padStart(2, '0').repeat(32),
    size: 10,
    originalName: name,
    detectedType: 'png',
    mime: 'image/png',
    media: 'image',
    previewable: true,
    extensionMismatch: false,
    width: 1,
    height: 1,
    durationMs: null,
    kind: 'other',
    capturedAt: null,
    source: '',
    tags: [],
    notes: '',
    addedAt: 0,
    addedBy: 'local',
    updatedAt: 0,
    trashedAt: null,
    links: [{ targetType: 'case', targetId: '42', linkedAt: 0, linkedBy: 'local' }],
    ...extra,
  };
}

describe('AddResultsList', () => {
  it('shows each file as added, already there, or refused with the translated reason', () => {
    renderScreen(<AddResultsList rows={rows} />, () => unexpected('evidence.list'));
    const list = screen.getByTestId('evidence-add-results');
    const results = within(list).getAllByTestId('evidence-add-result');
    expect(results.map((row) => row.getAttribute('data-status'))).toEqual(['added', 'duplicate', 'refused', 'refused', 'refused', 'adding']);
    expect(within(results[0]!).getByText('已添加')).toBeTruthy();
    expect(within(results[1]!).getByText('已存在')).toBeTruthy();
    expect(within(results[1]!).getByText(/已有完全相同的文件/)).toBeTruthy();
    expect(within(results[2]!).getByText('文件是空的（0 字节），没有可以保存的内容。')).toBeTruthy();
    expect(within(results[3]!).getByText('文件超过了证据库的大小上限（2.0 GB），没有保存。')).toBeTruthy();
    expect(within(results[4]!).getByText('文件在添加前被移动或删除了。')).toBeTruthy();
    // Names exactly as given: a decomposed é stays decomposed.
    expect(results[5]!.textContent).toContain('e\u0301.wav');
    expect(within(results[5]!).getByRole('progressbar')).toBeTruthy();
    expect(within(list).getByText(/已处理 5 \/ 6 个文件 · 3 个未添加/)).toBeTruthy();
  });

  it('words refusals in English too', () => {
    renderScreen(<AddResultsList rows={rows.slice(2, 3)} />, () => unexpected('evidence.list'), 'en');
    expect(screen.getByText('Not added')).toBeTruthy();
    expect(screen.getByText('The file is empty (0 bytes); there is nothing to keep.')).toBeTruthy();
  });
});

describe('CaseEvidencePanel', () => {
  it('stages picked files, adds them linked to the case and reports each outcome', async () => {
    const calls: { method: string; input: any }[] = [];
    const stored: EvidenceItem[] = [];
    let sent = 0;
    const handler: MemoryHandler = async (method, input: any) => {
      calls.push({ method, input });
      if (method === 'evidence.list') return ok({ items: stored });
      if (method === 'evidence.add') {
        const items = input.sources.map(() => {
          sent += 1;
          // The second file picked is the empty one.
          if (sent === 2) return { ok: false, path: 'x', error: { code: 'BAD_FILE', message: 'empty', details: { reason: 'empty' } } };
          const created = item(stored.length + 1, `file-${sent}`);
          stored.push(created);
          return { ok: true, path: 'x', duplicate: false, evidence: created };
        });
        return ok({ items });
      }
      return unexpected(method);
    };
    const { events } = renderScreen(<CaseEvidencePanel caseId="42" />, handler);
    expect(await screen.findByText(/这张工单还没有证据/)).toBeTruthy();

    const input = screen.getByTestId('evidence-file-input') as HTMLInputElement;
    const files = [new File(['png'], '聊天截图.png', { type: 'image/png' }), new File([], 'empty.txt')];
    fireEvent.change(input, { target: { files } });

    await waitFor(() => expect(screen.getAllByTestId('evidence-add-result').map((row) => row.getAttribute('data-status')).sort()).toEqual(['added', 'refused']));
    const adds = calls.filter((call) => call.method === 'evidence.add');
    expect(adds.flatMap((add) => add.input.sources)).toHaveLength(2);
    for (const add of adds) {
      expect(add.input.link).toEqual({ targetType: 'case', targetId: '42' });
      expect(add.input.sources.every((source: { kind: string }) => source.kind === 'staged')).toBe(true);
    }
    expect(screen.getByText('文件是空的（0 字节），没有可以保存的内容。')).toBeTruthy();

    events.emit('data.changed', { domain: 'evidence' });
    expect(await screen.findByTestId('evidence-gallery')).toBeTruthy();
    expect(screen.getAllByTestId('evidence-card')).toHaveLength(1);
  });

  it('adds a large drop in batches of a few files, each row with its own outcome', async () => {
    const batches: number[] = [];
    let next = 0;
    const handler: MemoryHandler = async (method, input: any) => {
      if (method === 'evidence.list') return ok({ items: [] });
      if (method === 'evidence.add') {
        batches.push(input.sources.length);
        // Every fifth file is refused, so outcomes must land on the right rows.
        const items = input.sources.map(() => {
          next += 1;
          return next % 5 === 0
            ? { ok: false, path: 'x', error: { code: 'BAD_FILE', message: 'empty', details: { reason: 'empty' } } }
            : { ok: true, path: 'x', duplicate: false, evidence: item(next, `f-${next}`) };
        });
        return ok({ items });
      }
      return unexpected(method);
    };
    renderScreen(<CaseEvidencePanel caseId="42" />, handler);
    await screen.findByText(/这张工单还没有证据/);
    const files = Array.from({ length: 40 }, (_unused, index) => new File([`photo ${index}`], `photo-${String(index + 1).padStart(2, '0')}.png`, { type: 'image/png' }));
    fireEvent.change(screen.getByTestId('evidence-file-input') as HTMLInputElement, { target: { files } });

    await waitFor(() => expect(screen.getAllByTestId('evidence-add-result').every((row) => ['added', 'refused'].includes(row.getAttribute('data-status')!))).toBe(true));
    expect(batches.reduce((sum, size) => sum + size, 0)).toBe(40);
    expect(batches.length).toBeLessThan(40);
    expect(Math.max(...batches)).toBeLessThanOrEqual(evidenceAddBatching.filesMax);
    // Files are staged and sent in order, so the refused ones are photo-05, -10, … whatever the batches were.
    const refused = screen
      .getAllByTestId('evidence-add-result')
      .filter((row) => row.getAttribute('data-status') === 'refused')
      .map((row) => row.textContent!.match(/photo-\d+\.png/)![0])
      .sort();
    expect(refused).toEqual(['photo-05.png', 'photo-10.png', 'photo-15.png', 'photo-20.png', 'photo-25.png', 'photo-30.png', 'photo-35.png', 'photo-40.png']);
  });
});
