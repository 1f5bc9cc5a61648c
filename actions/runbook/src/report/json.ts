import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from '../../../../shared/secrets';
import type { RunReport } from '../engine/results';

/** Writes the report with every registered secret redacted: it is uploaded as an artifact more often than not. */
export function writeReport(path: string, report: RunReport): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = redact(`${JSON.stringify({ version: 1, ...report }, null, 2)}\n`);
  writeFileSync(path, text, 'utf8');
}
