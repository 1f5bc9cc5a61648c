import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderGitHub } from '../core/github-markdown';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

const TASKS = 32;

/**
 * The job summary of a 32-task run over SSH: per-host totals with a details block per host instead
 * of 32 columns, and a Gantt whose axis is relative to the start and sized to the run.
 */
describe.skipIf(!service('sshd').available)('runbook summary for a long run', () => {
  let dir: string;
  beforeAll(() => {
    const tasks = Array.from(
      { length: TASKS },
      (_, i) =>
        `  - name: step ${i + 1}\n    file: { path: "${'${out}'}/${'${host.name}'}-${i + 1}", content: "${i}\\n" }\n`,
    ).join('');
    dir = workspace({ 'rb.yml': `name: long\nhosts: all\ntasks:\n${tasks}` });
    writeFileSync(
      join(dir, 'inventory.yml'),
      `all:\n  vars: { ansible_port: ${sshPort()}, out: "${dir}" }\n  hosts:\n    s1: { ansible_host: 127.0.0.19 }\n    s2: { ansible_host: 127.0.0.19 }\n`,
    );
  });
  afterAll(() => cleanup(dir));

  it('collapses to per-host totals with task details per host, and sizes the Gantt axis', async () => {
    const result = await runbook(dir, { ...sshInputs(), runbook: 'rb.yml', inventory: 'inventory.yml' });
    expect(result.exitCode, visibleLog(result)).toBe(0);
    const summary = result.summary;
    expect(summary).toContain('| Host | Status | ok | changed | failed | skipped | time |');
    expect(summary).toMatch(/\| s1 \| ✅ ok \| 0 \| 32 \| 0 \| 0 \|/);
    expect(summary).not.toContain('| step 1 | step 2 |');
    const html = renderGitHub(summary);
    expect(html).toContain('<summary>s1: 32 tasks, 32 changed, 0 failed</summary>');
    expect(html).toContain('<td>step 32</td>');
    const chart = /```mermaid\n(gantt[\s\S]*?)```/.exec(summary)?.[1] ?? '';
    const durationMs = report(result).hosts.reduce((m, h) => Math.max(m, h.durationMs ?? 0), 0);
    expect(chart).toMatch(/tickInterval \d+(millisecond|second|minute)/);
    expect(chart).toContain(durationMs < 10_000 ? 'axisFormat %S.%L' : 'axisFormat %M:%S');
    // Bars start at elapsed milliseconds, not at the wall clock.
    const starts = [...chart.matchAll(/:(?:\w+, )?(\d+), \d+ms/g)].map((m) => Number(m[1]));
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.max(...starts)).toBeLessThan(report(result).durationMs + 1000);
  });
});
