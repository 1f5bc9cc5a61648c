import { began, queued } from './task-clock';

/**
 * Limits concurrent work: hosts at once, channels per SSH connection. A task that has to wait
 * for a slot reports the wait as queue time (task-clock).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async use<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      began();
      return Promise.resolve();
    }
    return queued(new Promise((resolve) => this.waiting.push(resolve)));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
