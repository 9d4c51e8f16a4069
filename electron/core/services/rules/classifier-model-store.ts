import { listTrainingCorrections, maxCorrectionId } from '../../../../db/queries/classify-examples';
import type { CategoryModel } from '../../../../shared/rules/category-model';
import { builtInExampleList } from '../../../../shared/rules/category-examples';
import { ruleHaystack } from '../../../../shared/rules/classify';
import { NgramTrainer, type LabelledExample, type NgramModel } from '../../../../shared/rules/ngram-model';
import type { ServiceDeps } from '../service-deps';

/** A person's correction counts this many built-in examples: the shop's own words should win. */
export const correctionWeight = 3;
/** Corrections arriving together (a bulk change, a morning's triage) make one retraining. */
export const retrainDebounceMs = 2000;
/** Longest stretch the training holds the thread before it lets requests through. */
export const trainingSliceMs = 8;

export interface ModelTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ModelTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ModelState {
  /** A model is in memory and the rules path may use it. */
  trained: boolean;
  /** Examples the current model learned from: built-in ones plus corrections. */
  exampleCount: number;
  builtInCount: number;
  correctionCount: number;
  /** When the current model finished training (epoch ms), and how long it took (wall time, slices and yields included). */
  trainedAt: number | null;
  durationMs: number | null;
  /** Training is running now, or corrections wait for the debounce to start it. */
  training: boolean;
  pending: boolean;
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Trains in slices of at most `sliceMs`, yielding to the event loop between them, so requests keep
 * answering while thousands of examples are counted. (Counting is cheap — 10k examples is well
 * under a second — so slices on the core's thread are enough; a worker thread would need the
 * model's code bundled separately for no gain.)
 */
export async function trainInSlices(examples: readonly LabelledExample[], sliceMs = trainingSliceMs, pause: () => Promise<void> = yieldToRequests): Promise<NgramModel> {
  const trainer = new NgramTrainer();
  let sliceStart = performance.now();
  for (let i = 0; i < examples.length; i++) {
    trainer.add(examples[i] as LabelledExample);
    if ((i & 63) === 63 && performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  await pause();
  return trainer.build();
}

/**
 * The learned category model of this database: trained at start and again shortly after
 * corrections arrive, kept in memory (retraining from the table takes well under a second, so it is
 * not persisted). The rule scorer asks `current()` for it on every import; `ready()` waits for the
 * first training where no background start ran (the CLI).
 */
export class ClassifierModelStore {
  private model: NgramModel | null = null;
  private info: Pick<ModelState, 'exampleCount' | 'builtInCount' | 'correctionCount' | 'trainedAt' | 'durationMs'> = {
    exampleCount: 0,
    builtInCount: 0,
    correctionCount: 0,
    trainedAt: null,
    durationMs: null,
  };
  private running: Promise<void> | null = null;
  /** The newest correction the current model saw. */
  private seenCorrectionId = 0;
  private again = false;
  private timer: unknown = null;
  private closed = false;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly timers: ModelTimers = realTimers,
    private readonly debounceMs = retrainDebounceMs,
  ) {}

  /** The model to combine with the rules, or null before the first training finished. */
  current(): CategoryModel | null {
    return this.model;
  }

  /** The current model, training it first if none was trained yet. */
  async ready(): Promise<CategoryModel> {
    if (!this.model) await this.train();
    return this.model as NgramModel;
  }

  state(): ModelState {
    return { trained: this.model !== null, ...this.info, training: this.running !== null, pending: this.timer !== null || this.again };
  }

  /** Background start: the first training, right away (in slices). */
  start(): void {
    void this.train().catch((error: unknown) => console.error('[classifier] training failed', error));
  }

  /** Corrections were written: retrain once they stop arriving for a moment. */
  corrected(): void {
    if (this.closed) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      void this.train().catch((error: unknown) => console.error('[classifier] training failed', error));
    }, this.debounceMs);
  }

  /**
   * Another process (the harness beside the app) may have written corrections: retrain, debounced,
   * only if the table has a newer one than the model saw (one indexed read).
   */
  changedElsewhere(): void {
    if (!this.closed && maxCorrectionId(this.deps.sqlite) !== this.seenCorrectionId) this.corrected();
  }

  /** Starts a waiting retraining now and resolves when no training is left to do (tests, shutdown). */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
      await this.train();
    }
    while (this.running) await this.running;
  }

  /**
   * Trains from the built-in examples and the table's corrections. A call while training runs
   * makes one more pass after it (the corrections it did not see), never two at once.
   */
  train(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.trainOnce();
        } while (this.again && !this.closed);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async trainOnce(): Promise<void> {
    const started = performance.now();
    const builtIn = builtInExampleList();
    const seen = maxCorrectionId(this.deps.sqlite);
    const corrections = listTrainingCorrections(this.deps.sqlite).map((row) => ({ text: ruleHaystack(row.text, row.followUp), category: row.toCategory, weight: correctionWeight }));
    const model = await trainInSlices([...builtIn, ...corrections]);
    if (this.closed) return;
    const retrained = this.model !== null;
    this.model = model;
    this.seenCorrectionId = seen;
    this.info = {
      exampleCount: model.exampleCount,
      builtInCount: builtIn.length,
      correctionCount: corrections.length,
      trainedAt: this.deps.clock.now(),
      durationMs: Math.round(performance.now() - started),
    };
    // The rules screen shows the model's state: a retraining tells it (the first training, at
    // start, is not news to any view; the screen asks again while the model is not trained).
    if (retrained) this.deps.events.emit('data.changed', { domain: 'rules' });
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
