import { AppError } from '../../errors';
import { importLimits } from './limits';

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * Deadlines and cancelling for the reads that happen before a run exists (the preview, and the
 * header search when a run starts): nothing else could stop them. The signal goes down to the
 * readers, which stop at their next chunk; the caller gets its answer at the deadline even if a
 * reader is still busy, and whatever the late read opened is released when it ends.
 */
export class ReadControls {
  /** Cancel functions of the reads in progress, by preview id (reads without one too, for shutdown). */
  private readonly running = new Map<string | symbol, () => void>();

  constructor(private readonly deadlineMs: number = importLimits.previewDeadlineMs) {}

  async run<T>(fileName: string, previewId: string | undefined, read: (signal: AbortSignal) => Promise<T>, releaseLate?: (value: T) => unknown): Promise<T> {
    if (previewId !== undefined && this.running.has(previewId)) throw new AppError('CONFLICT', `A preview with id ${previewId} is already running.`);
    const controller = new AbortController();
    let stop!: (error: AppError) => void;
    const stopped = new Promise<never>((_resolve, reject) => {
      stop = (error) => {
        controller.abort(error);
        reject(error);
      };
    });
    const timer = setTimeout(
      () =>
        stop(
          new AppError(
            'BAD_FILE',
            `Reading the first rows of ${fileName} took longer than ${seconds(this.deadlineMs)}: the file is too large or malformed to preview. Check it is a review export (CSV, TSV or XLSX), or split it.`,
            { reason: 'preview_deadline' },
          ),
        ),
      this.deadlineMs,
    );
    const key = previewId ?? Symbol('read');
    this.running.set(key, () => stop(new AppError('UNAVAILABLE', `The preview of ${fileName} was cancelled.`, { reason: 'cancelled' })));
    const work = read(controller.signal);
    try {
      return await Promise.race([work, stopped]);
    } finally {
      clearTimeout(timer);
      this.running.delete(key);
      stopped.catch(() => undefined);
      if (controller.signal.aborted) {
        work.then((value) => releaseLate?.(value), () => undefined).catch(() => undefined);
      }
    }
  }

  cancel(previewId: string): { cancelled: boolean } {
    const cancel = this.running.get(previewId);
    if (!cancel) return { cancelled: false };
    this.running.delete(previewId);
    cancel();
    return { cancelled: true };
  }

  /** Stops every read in progress (shutdown). */
  cancelAll(): void {
    for (const cancel of [...this.running.values()]) cancel();
  }
}
