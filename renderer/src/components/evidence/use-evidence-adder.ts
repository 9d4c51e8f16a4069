import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceAddOutcome, EvidenceTarget, SourceInput } from '../../../../shared/contract';
import { evidenceAddBytesMax } from '../../../../shared/contract';
import { evidenceAddBatching, takeAddBatch } from '../../../../shared/domain/evidence';
import { isApiError } from '../../api/api-error';
import { useApi } from '../../api/api-context';
import type { AddRefusal } from './evidence-format';

export type AddRowStatus = 'queued' | 'uploading' | 'adding' | 'added' | 'duplicate' | 'refused';

/** One file's journey into the vault, as the results list shows it. */
export interface AddRow {
  key: string;
  /** The file's name exactly as given. */
  name: string;
  size: number;
  status: AddRowStatus;
  /** The evidence it became (or already was), once added. */
  evidenceId?: number;
  refusal?: AddRefusal;
}

/** Files uploaded (browser) or vouched for by the main process (app) at once. */
const stageConcurrency = 3;

/** A file the backend can read, waiting for a batch. */
interface Staged {
  key: string;
  source: SourceInput;
  size: number;
}

function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function refusalOf(error: unknown): AddRefusal {
  if (isApiError(error)) return { code: error.code, reason: error.reason };
  return { code: 'UNKNOWN', reason: null };
}

let keySeed = 0;

/**
 * Adds dropped, picked or pasted files to the vault one row at a time, optionally linking each
 * to `link`. A file is handed to the backend with `stageFile` (a vouched token in Electron, an upload in
 * the browser); a file with no path (a pasted screenshot) goes as bytes with `evidence.addBytes`.
 */
export function useEvidenceAdder(link?: EvidenceTarget) {
  const api = useApi();
  const { t } = useTranslation('evidence');
  const [rows, setRows] = useState<AddRow[]>([]);
  // Compare the link by value: callers pass fresh object literals on every render.
  const linkKey = link ? JSON.stringify(link) : '';

  const update = useCallback((key: string, change: Partial<AddRow>) => {
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }, []);

  const settle = useCallback(
    (key: string, outcome: EvidenceAddOutcome | undefined) => {
      if (!outcome) update(key, { status: 'refused', refusal: { code: 'UNKNOWN', reason: null } });
      else if (outcome.ok) update(key, { status: outcome.duplicate ? 'duplicate' : 'added', evidenceId: outcome.evidence.id });
      else {
        const reason = typeof outcome.error.details?.reason === 'string' ? outcome.error.details.reason : null;
        update(key, { status: 'refused', refusal: { code: outcome.error.code, reason, details: outcome.error.details } });
      }
    },
    [update],
  );

  /** Uploads (browser) or vouches for (app) one file; a file with neither, pasted in the app, goes as bytes. */
  const stageOne = useCallback(
    async (row: AddRow, file: File): Promise<Staged | null> => {
      update(row.key, { status: 'uploading' });
      try {
        return { key: row.key, source: await api.stageFile(file), size: file.size };
      } catch (error) {
        // No path and no upload (a pasted image in the app): send the bytes instead, if they fit. A
        // file the main process refused for a reason (a folder, gone) keeps that reason.
        const refusedForReason = isApiError(error) && (error.code === 'UNAUTHORIZED' || (error.reason !== null && error.reason !== 'not_on_disk'));
        const canSendBytes = !refusedForReason && file.size <= evidenceAddBytesMax;
        if (!canSendBytes) {
          update(row.key, { status: 'refused', refusal: refusalOf(error) });
          return null;
        }
      }
      try {
        const target = linkKey ? (JSON.parse(linkKey) as EvidenceTarget) : undefined;
        const base64 = await fileToBase64(file);
        update(row.key, { status: 'adding' });
        settle(row.key, (await api.call('evidence.addBytes', { name: file.name, base64, ...(target && { link: target }) })).items[0]);
      } catch (error) {
        update(row.key, { status: 'refused', refusal: refusalOf(error) });
      }
      return null;
    },
    [api, update, settle, linkKey],
  );

  /** One evidence.add for a batch of staged files; each row gets its own outcome. */
  const addBatch = useCallback(
    async (batch: Staged[]) => {
      const target = linkKey ? (JSON.parse(linkKey) as EvidenceTarget) : undefined;
      for (const entry of batch) update(entry.key, { status: 'adding' });
      try {
        const { items } = await api.call('evidence.add', { sources: batch.map((entry) => entry.source), ...(target && { link: target }) });
        batch.forEach((entry, index) => settle(entry.key, items[index]));
      } catch (error) {
        for (const entry of batch) update(entry.key, { status: 'refused', refusal: refusalOf(error) });
      }
    },
    [api, update, settle, linkKey],
  );

  /** Queues files and works through them; resolves when every one has a result. */
  const addFiles = useCallback(
    async (files: readonly File[], options: { pasted?: boolean } = {}) => {
      if (files.length === 0) return;
      const now = new Date();
      const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')} ${String(now.getHours()).padStart(2, '0')}.${String(now.getMinutes()).padStart(2, '0')}.${String(now.getSeconds()).padStart(2, '0')}`;
      const queue = files.map((original, index) => {
        // Browsers call every pasted screenshot "image.png"; give it a name a person can tell apart.
        let file = original;
        if (options.pasted && /^image\.\w+$/.test(original.name)) {
          const extension = original.name.slice(original.name.indexOf('.'));
          const suffix = files.length > 1 ? ` (${index + 1})` : '';
          file = new File([original], `${t('add.pastedName', { time: stamp })}${suffix}${extension}`, { type: original.type });
        }
        keySeed += 1;
        return { file, row: { key: `add-${keySeed}`, name: file.name, size: file.size, status: 'queued' as const } };
      });
      setRows((list) => [...queue.map((entry) => entry.row), ...list]);
      // Staging and adding overlap: batches go out as soon as files are staged.
      const staged: Staged[] = [];
      const waiting: (() => void)[] = [];
      const wake = () => waiting.splice(0).forEach((resolve) => resolve());
      let next = 0;
      let unstaged = queue.length;
      const stager = async () => {
        while (next < queue.length) {
          const entry = queue[next++]!;
          const ready = await stageOne(entry.row, entry.file);
          unstaged -= 1;
          if (ready) staged.push(ready);
          wake();
        }
      };
      const adder = async () => {
        for (;;) {
          if (staged.length > 0) await addBatch(takeAddBatch(staged));
          else if (unstaged === 0) return;
          else await new Promise<void>((resolve) => waiting.push(resolve));
        }
      };
      await Promise.all([
        ...Array.from({ length: Math.min(stageConcurrency, queue.length) }, stager),
        ...Array.from({ length: evidenceAddBatching.callsInFlight }, adder),
      ]);
    },
    [stageOne, addBatch, t],
  );

  const clear = useCallback(() => setRows((list) => list.filter((row) => row.status === 'queued' || row.status === 'uploading' || row.status === 'adding')), []);

  return { rows, addFiles, clear };
}
