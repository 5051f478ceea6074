import { parentPort, Worker } from 'node:worker_threads';
import { builtinCatalog } from '../core/catalog/catalog';
import { scanCodes } from '../core/detect';
import { scanTitles } from '../core/lint';
import type { Catalog } from '../core/catalog/catalog';
import type { Finding, LanguageFamily } from '../core/types';

/** The detectors a scan runs over one text. */
export type Detect = (text: string, family: LanguageFamily, catalog: Catalog) => Finding[];

export const detectAll: Detect = (text, family, catalog) => [...scanCodes(text, family, catalog), ...scanTitles(text, family, catalog)];

interface Job {
  readonly id: number;
  readonly text: string;
  readonly family: LanguageFamily;
}

type Answer = { readonly id: number; readonly found: Finding[] } | { readonly id: number; readonly error: string };

/** Marks the worker side of the pool in `workerData`, so the CLI's entry knows which side it is. */
export const DETECT_WORKER = 'wa-errors-detect';

/**
 * The worker side: runs `detectAll` with the built-in catalog over each text it is sent. A detector
 * failure is sent back as its message, which the scan reports for that file as it would in process.
 */
export function serveDetection(): void {
  const catalog = builtinCatalog();
  parentPort?.on('message', ({ id, text, family }: Job) => {
    let answer: Answer;
    try {
      answer = { id, found: detectAll(text, family, catalog) };
    } catch (e) {
      answer = { id, error: e instanceof Error ? e.message : String(e) };
    }
    parentPort?.postMessage(answer);
  });
}

interface Waiting {
  readonly resolve: (found: Finding[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Detector threads: the scan is CPU-bound in the detectors, so on a machine with several cores the
 * texts are scanned in parallel while the main thread reads, places and prints. Each text goes to
 * the worker with the fewest texts waiting. `close` must be called: a live worker keeps the process
 * running (which is also what keeps it alive while the scan waits for answers).
 */
export class DetectPool {
  private readonly workers: { readonly worker: Worker; readonly waiting: Map<number, Waiting> }[] = [];
  private nextId = 0;

  constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: DETECT_WORKER });
      const waiting = new Map<number, Waiting>();
      worker.on('message', (a: Answer) => {
        const w = waiting.get(a.id);
        waiting.delete(a.id);
        if (!w) return;
        if ('error' in a) w.reject(new Error(a.error));
        else w.resolve(a.found);
      });
      // A worker that dies (out of memory, say) fails what it held; later texts go to the others.
      const fail = (e: unknown): void => {
        const error = e instanceof Error ? e : new Error('detector thread stopped');
        for (const w of waiting.values()) w.reject(error);
        waiting.clear();
        const at = this.workers.findIndex((x) => x.worker === worker);
        if (at >= 0) this.workers.splice(at, 1);
      };
      worker.on('error', fail);
      worker.on('exit', () => fail(undefined));
      this.workers.push({ worker, waiting });
    }
  }

  /** The findings of `text`, or undefined when no worker is left (the caller then scans in process). */
  detect(text: string, family: LanguageFamily): Promise<Finding[]> | undefined {
    let best = this.workers[0];
    for (const w of this.workers) if (best && w.waiting.size < best.waiting.size) best = w;
    if (!best) return undefined;
    const { worker, waiting } = best;
    const id = this.nextId++;
    return new Promise<Finding[]>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, text, family } satisfies Job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
