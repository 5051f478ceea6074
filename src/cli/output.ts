import type { Writable } from 'node:stream';

const FLUSH_CHARS = 64 * 1024;

/**
 * Buffered writes to stdout that survive a closed pipe (`wa-errors scan . | head`): after EPIPE
 * further output is dropped and `closed` is set, so the caller still ends with the right exit code
 * instead of a stack trace.
 */
export class Output {
  private pending: string[] = [];
  private size = 0;
  private failed = false;

  constructor(private readonly stream: Writable) {
    // Any write error (EPIPE above all) means nobody reads us any more.
    stream.on('error', () => {
      this.failed = true;
    });
  }

  get closed(): boolean {
    return this.failed || this.stream.destroyed;
  }

  async write(text: string): Promise<void> {
    if (!text || this.closed) return;
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_CHARS) await this.flush();
  }

  /** Writes what is buffered, waiting for the stream to drain (or fail) when it asks us to. */
  async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.size = 0;
    if (!text || this.closed) return;
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('error', done);
        this.stream.off('close', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('error', done);
      this.stream.on('close', done);
    });
  }
}
