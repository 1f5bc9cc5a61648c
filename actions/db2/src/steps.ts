import * as core from '../../../shared/actions-core';
import { errorMessage } from '../../../shared/errors';
import { group } from '../../../shared/logging';

/**
 * Every command is a list of named steps: each runs in its own log group and is recorded (status,
 * timing, detail) for the job summary table and, for upgrades, the Mermaid timeline.
 */
export type StepStatus = 'ok' | 'failed' | 'skipped' | 'planned' | 'rolled back';

export interface StepRecord {
  name: string;
  status: StepStatus;
  start: number;
  end: number;
  detail: string;
  /** Part of the outage (the old container is down and the new one not yet ready). */
  downtime: boolean;
  lane: string;
}

export class Steps {
  readonly records: StepRecord[] = [];

  async run<T>(
    name: string,
    fn: (note: (detail: string) => void) => Promise<T>,
    options: { downtime?: boolean; lane?: string } = {},
  ): Promise<T> {
    const record: StepRecord = {
      name,
      status: 'ok',
      start: Date.now(),
      end: 0,
      detail: '',
      downtime: options.downtime ?? false,
      lane: options.lane ?? 'db2',
    };
    this.records.push(record);
    const note = (detail: string) => {
      record.detail = detail;
    };
    try {
      return await group(name, async () => {
        const value = await fn(note);
        if (record.detail) core.info(record.detail);
        return value;
      });
    } catch (error) {
      record.status = 'failed';
      record.detail = errorMessage(error).split('\n')[0] ?? '';
      throw error;
    } finally {
      record.end = Date.now();
    }
  }

  add(name: string, status: StepStatus, detail: string, lane = 'db2'): void {
    const now = Date.now();
    this.records.push({ name, status, start: now, end: now, detail, downtime: false, lane });
  }
}
