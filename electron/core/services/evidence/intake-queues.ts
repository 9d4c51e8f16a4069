import { resolve } from 'node:path';

/*
 * How much of the add pipeline runs at once, and what runs one at a time. Module state on
 * purpose: the bounds hold across every add of every EvidenceService in this process (a drop
 * sends several adds at once, and the watched folder or the CLI may add at the same time).
 */

/**
 * Files one add prepares (opens, copies, hashes, inspects) at once. Each file is a job for one of
 * the two hashing threads plus several waits on the main thread and the disk; with four at a
 * time the threads sat idle a third of the time waiting for the next job (measured: 1 GB in
 * 1.5–1.6 s; with twelve, 1.25–1.45 s).
 */
export const addConcurrency = 12;

/**
 * Most files committed as one group. Each waiting file holds its temporary file open and its
 * head (64 KB), so this bounds both whatever the batch size: one group waits while the one
 * before it is flushed.
 */
export const commitGroupMax = 32;

/** Files in preparation across every add in this process: bounds the descriptors and heads held. */
const preparingMax = 16;
let preparingNow = 0;
const waitingToPrepare: (() => void)[] = [];

export async function withPrepareSlot<T>(task: () => Promise<T>): Promise<T> {
  while (preparingNow >= preparingMax) await new Promise<void>((resolve) => waitingToPrepare.push(resolve));
  preparingNow += 1;
  try {
    return await task();
  } finally {
    preparingNow -= 1;
    waitingToPrepare.shift()?.();
  }
}

/**
 * The tail of each vault's name-and-record queue: from the exists check through the rename, the
 * row and a failed add's discard, one group at a time. Otherwise two adds of the same bytes could
 * both rename, or one could discard an object the other had found and was about to record.
 */
const namingQueues = new Map<string, Promise<void>>();

export async function oneNamingAtATime<T>(dataDir: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(dataDir);
  const before = namingQueues.get(key);
  let release!: () => void;
  const mine = new Promise<void>((done) => (release = done));
  const tail = before ? before.then(() => mine) : mine;
  namingQueues.set(key, tail);
  await before;
  try {
    return await task();
  } finally {
    release();
    if (namingQueues.get(key) === tail) namingQueues.delete(key);
  }
}
