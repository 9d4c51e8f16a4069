import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { startCore } from '../electron/core/core';
import { evidenceAddBatching, takeAddBatch } from '../shared/domain/evidence';
import { RecordingPlatform } from '../electron/core/platform';
import { sampleFile, type SampleType } from '../tests/helpers/evidence-files';
import type { Bench, BenchResult, Report } from './run';

const mb = 1024 * 1024;

/** The mix a shop's vault sees: a few long videos, call recordings, many photos and chat exports. */
const mix: { type: SampleType; count: number; bytes: number }[] = [
  { type: 'mp4', count: 4, bytes: 120 * mb },
  { type: 'mov', count: 2, bytes: 80 * mb },
  { type: 'm4a', count: 10, bytes: 8 * mb },
  { type: 'amr', count: 10, bytes: 2 * mb },
  { type: 'wav', count: 5, bytes: 10 * mb },
  { type: 'jpg', count: 120, bytes: 1.5 * mb },
  { type: 'png', count: 60, bytes: 1 * mb },
  { type: 'pdf', count: 20, bytes: 2 * mb },
  { type: 'txt', count: 40, bytes: 0.2 * mb },
];

/** A file with a real header and random bytes after it, written in chunks (never whole in memory). */
async function writeSample(path: string, type: SampleType, bytes: number) {
  const header = sampleFile(type, 512);
  const out = createWriteStream(path);
  out.write(header);
  let left = Math.max(0, bytes - header.length);
  while (left > 0) {
    const chunk = randomBytes(Math.min(left, 4 * mb));
    left -= chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** CPU seconds this process spent (every thread: main, workers, libuv's pool) while `run` ran. */
async function cpuSeconds(run: () => Promise<void>): Promise<number> {
  const before = process.cpuUsage();
  await run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

async function timed(run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

export const evidenceAddBench: Bench = { name: 'evidenceAdd', title: 'evidence add', run: runEvidenceAddBench };

async function runEvidenceAddBench(report: Report): Promise<BenchResult> {
  const scale = Number(process.env.BENCH_EVIDENCE_SCALE ?? 1);
  const root = mkdtempSync(join(tmpdir(), 'reviewdesk-bench-'));
  try {
    const inbox = join(root, 'inbox');
    mkdirSync(inbox);
    const files: string[] = [];
    const sizes: number[] = [];
    let total = 0;
    for (const { type, count, bytes } of mix) {
      for (let i = 0; i < count; i += 1) {
        const size = Math.round(bytes * scale);
        const path = join(inbox, `${type}-${i}.${type === 'txt' ? 'txt' : type}`);
        await writeSample(path, type, size);
        files.push(path);
        sizes.push(size);
        total += size;
      }
    }
    const totalMb = total / mb;
    report(`${files.length} files, ${totalMb.toFixed(0)} MB (${mix.map((m) => `${m.count} ${m.type}`).join(', ')})`);

    // Dirty pages left by one phase would slow the next: flush them, untimed, between phases.
    const flush = async (paths: string[]) => {
      for (const path of paths) {
        const handle = await open(path, 'r+');
        await handle.sync();
        await handle.close();
      }
    };
    await flush(files);

    /** The reference: a plain copy of the same files (fs.copyFile, in-kernel), until in the page cache and until on disk. */
    const plainCopy = async (round: number) => {
      const copyDir = join(root, `copy-${round}`);
      mkdirSync(copyDir);
      const copies = files.map((_file, index) => join(copyDir, String(index)));
      let inCache = 0;
      let onDisk = 0;
      const cpu = await cpuSeconds(async () => {
        onDisk = await timed(async () => {
          inCache = await timed(async () => {
            for (const [index, file] of files.entries()) await copyFile(file, copies[index]!);
          });
          await flush(copies);
        });
      });
      rmSync(copyDir, { recursive: true });
      return { inCache, onDisk, cpu };
    };

    let peakRss = 0;
    let baselineRss = 0;
    /** The vault: copy, hash, fsync, rename, detect type and details, one short transaction per group. */
    const vaultAdd = async (round: number | 'per-file') => {
      const dataDir = join(root, `data-${round}`);
      const core = await startCore({ dataDir, platform: new RecordingPlatform(), version: 'bench', validateOutput: false, log: () => {} });
      baselineRss = process.memoryUsage().rss;
      peakRss = Math.max(peakRss, baselineRss);
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 20);
      let added = 0;
      // As the app sends a drop of these files: a few per call, two calls in flight. For
      // reference, once: one file per call, three at a time, as the drop zone used to send them.
      const perFile = round === 'per-file';
      const queue = files.map((path, index) => ({ path, size: sizes[index]! }));
      let seconds = 0;
      const cpu = await cpuSeconds(async () => {
        seconds = await timed(async () => {
        const caller = async () => {
          while (queue.length > 0) {
            const batch = perFile ? queue.splice(0, 1) : takeAddBatch(queue);
            const envelope = await core.call('evidence.add', { sources: batch.map(({ path }) => ({ kind: 'path', path })) }, { trusted: true });
            if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
            added += (envelope.value as { items: { ok: boolean }[] }).items.filter((item) => item.ok).length;
          }
        };
        await Promise.all(Array.from({ length: perFile ? 3 : evidenceAddBatching.callsInFlight }, caller));
        });
      });
      clearInterval(sampler);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      await core.close();
      if (added !== files.length) throw new Error(`only ${added} of ${files.length} files were added`);
      rmSync(dataDir, { recursive: true });
      return { seconds, cpu };
    };

    /** The same through user space with Node's streams (1 MB reads and writes through the page cache), for reference: on Linux VMs such large buffered writes measured several times slower than the kernel copy. */
    const streamCopy = async () => {
      const streamDir = join(root, 'stream');
      mkdirSync(streamDir);
      const streamed = files.map((_file, index) => join(streamDir, String(index)));
      let inCache = 0;
      const onDisk = await timed(async () => {
        inCache = await timed(async () => {
          for (const [index, file] of files.entries()) {
            await pipeline(createReadStream(file, { highWaterMark: mb }), createWriteStream(streamed[index]!, { highWaterMark: mb }));
          }
        });
        await flush(streamed);
      });
      rmSync(streamDir, { recursive: true });
      return { inCache, onDisk };
    };

    const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
    // Per round, for the medians and the ratio within a round: the box is shared, so one round's
    // figure can be far off. The order alternates (copy first, then vault first) so neither
    // always runs on a machine the other has just warmed or dirtied.
    const copyRounds: { inCache: number; onDisk: number; cpu: number }[] = [];
    const vaultRounds: number[] = [];
    const vaultCpu: number[] = [];
    const addRound = async (round: number) => {
      const { seconds, cpu } = await vaultAdd(round);
      vaultRounds.push(seconds);
      vaultCpu.push(cpu);
    };
    for (let round = 0; round < rounds; round += 1) {
      if (round % 2 === 0) {
        copyRounds.push(await plainCopy(round));
        await addRound(round);
      } else {
        await addRound(round);
        copyRounds.push(await plainCopy(round));
      }
      const copy = copyRounds[round]!;
      report(
        `round ${round + 1} of ${rounds} (${round % 2 === 0 ? 'copy first' : 'vault first'}): copyFile on disk ${(totalMb / copy.onDisk).toFixed(0)} MB/s (${copy.onDisk.toFixed(2)} s), vault add ${(totalMb / vaultRounds[round]!).toFixed(0)} MB/s (${vaultRounds[round]!.toFixed(2)} s), ratio ${(copy.onDisk / vaultRounds[round]!).toFixed(2)}`,
      );
    }
    const stream = await streamCopy();
    report(`stream copy, once: ${(totalMb / stream.inCache).toFixed(0)} MB/s in page cache, ${(totalMb / stream.onDisk).toFixed(0)} MB/s on disk`);
    const perFileSeconds = (await vaultAdd('per-file')).seconds;
    report(`vault add, one file per call, once: ${(totalMb / perFileSeconds).toFixed(0)} MB/s`);

    const copySeconds = Math.min(...copyRounds.map((r) => r.inCache));
    const durableCopySeconds = Math.min(...copyRounds.map((r) => r.onDisk));
    const vaultSeconds = Math.min(...vaultRounds);
    const copyMbps = totalMb / copySeconds;
    const vaultMbps = totalMb / vaultSeconds;
    const durableCopyMbps = totalMb / durableCopySeconds;
    const streamMbps = totalMb / stream.inCache;
    const durableStreamMbps = totalMb / stream.onDisk;
    // The issue's "plain file copy" is what a person does: cp, i.e. copyFile. Made durable with
    // fsync because the vault's copy is on disk when add returns. The stream copy is printed to
    // show what passing the bytes through user space would cost.
    const ratio = vaultMbps / durableCopyMbps;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const roundRatios = vaultRounds.map((seconds, round) => copyRounds[round]!.onDisk / seconds);
    const summary = [
      `best of ${rounds} rounds each; within a round the two ran back to back, in alternating order`,
      `plain copy, in page cache:       ${copyMbps.toFixed(0).padStart(5)} MB/s  (${copySeconds.toFixed(2)} s; fs.copyFile, nothing on disk yet)`,
      `plain copy, on disk:             ${durableCopyMbps.toFixed(0).padStart(5)} MB/s  (${durableCopySeconds.toFixed(2)} s; fs.copyFile, then fsync)`,
      `stream copy, in page cache:      ${streamMbps.toFixed(0).padStart(5)} MB/s  (${stream.inCache.toFixed(2)} s; read stream → write stream, once)`,
      `stream copy, on disk:            ${durableStreamMbps.toFixed(0).padStart(5)} MB/s  (${stream.onDisk.toFixed(2)} s; the same, then fsync)`,
      `vault add:                       ${vaultMbps.toFixed(0).padStart(5)} MB/s  (${vaultSeconds.toFixed(2)} s; sent as a drop in the app: ≤ ${evidenceAddBatching.filesMax} files / ${evidenceAddBatching.bytesMax / mb} MB per call, ${evidenceAddBatching.callsInFlight} calls in flight; per file in a worker thread: read, SHA-256, write (direct I/O where the file system takes it), checks; fsync and rename per group, detect, one transaction per group; the new vault's shard folders were made when the core started, as in any vault in use)`,
      `vault add, one file per call:    ${(totalMb / perFileSeconds).toFixed(0).padStart(5)} MB/s  (${perFileSeconds.toFixed(2)} s; once, three calls in flight, as drops were sent before batching)`,
      `ratio vault / copyFile on disk:       ${ratio.toFixed(2)} (target ≥ 0.70)${ratio >= 0.7 ? '' : '  MISSED'}`,
      `median of rounds: copyFile on disk ${(totalMb / median(copyRounds.map((r) => r.onDisk))).toFixed(0)} MB/s, vault ${(totalMb / median(vaultRounds)).toFixed(0)} MB/s, ratio within a round ${median(roundRatios).toFixed(2)} (each round: ${roundRatios.map((r) => r.toFixed(2)).join(', ')})`,
      `CPU per GB, median of rounds (this process's threads; the kernel's writeback threads not counted): plain copy ${((median(copyRounds.map((r) => r.cpu)) * 1024) / totalMb).toFixed(2)} s, vault ${((median(vaultCpu) * 1024) / totalMb).toFixed(2)} s on ${availableParallelism()} cores`,
      `ratio vault / copyFile in cache:      ${(vaultMbps / copyMbps).toFixed(2)}`,
      `ratio vault / stream copy on disk:    ${(vaultMbps / durableStreamMbps).toFixed(2)}`,
      `ratio vault / stream copy in cache:   ${(vaultMbps / streamMbps).toFixed(2)}`,
      `peak RSS: ${(peakRss / mb).toFixed(0)} MB (${(baselineRss / mb).toFixed(0)} MB at the start of the last add, +${((peakRss - baselineRss) / mb).toFixed(0)} MB) with files up to ${((Math.max(...mix.map((m) => m.bytes)) * scale) / mb).toFixed(0)} MB`,
    ];
    for (const line of summary) report(line);
    return { ok: ratio >= 0.7 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
