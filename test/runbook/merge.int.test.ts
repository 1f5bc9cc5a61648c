import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../harness';
import { cleanup, report, runbook, sshInputs, sshPort, visibleLog, workspace } from './helpers';

/**
 * Fan-out across runners: two matrix shards each run half of four hosts over SSH and keep their
 * JSON report; a final `command: merge-reports` step merges them into one report and summary.
 */
describe.skipIf(!service('sshd').available)('runbook merge-reports over shard reports', () => {
  let dir: string;
  beforeAll(() => {
    dir = workspace({
      'rb.yml':
        'name: fan-out\nhosts: all\ntasks:\n  - name: mark\n    file: { path: "${out}/${host.name}", content: "x\\n" }\n',
    });
    mkdirSync(join(dir, 'out'));
    writeFileSync(
      join(dir, 'inventory.yml'),
      `all:\n  vars: { ansible_port: ${sshPort()}, out: "${dir}/out" }\n  hosts:\n${[13, 14, 15, 16]
        .map((n) => `    m${n}: { ansible_host: 127.0.0.${n} }`)
        .join('\n')}\n`,
    );
  });
  afterAll(() => cleanup(dir));

  it('merges the shards into one report, summary and outputs', async () => {
    for (const shard of [1, 2]) {
      const result = await runbook(dir, {
        ...sshInputs(),
        runbook: 'rb.yml',
        inventory: 'inventory.yml',
        shard: `${shard}/2`,
      });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(report(result).hosts).toHaveLength(2);
      mkdirSync(join(dir, `reports/shard-${shard}`), { recursive: true });
      cpSync(result.outputs.report as string, join(dir, `reports/shard-${shard}/report.json`));
    }
    const merged = await runbook(dir, { command: 'merge-reports', reports: 'reports' });
    expect(merged.exitCode, visibleLog(merged)).toBe(0);
    const rep = report(merged);
    expect(rep.hosts.map((h) => h.name)).toEqual(['m13', 'm14', 'm15', 'm16']);
    expect(rep.totals).toMatchObject({ changed: 4, failed: 0 });
    expect(merged.outputs).toMatchObject({ changed: '4', failed: '0', 'failed-hosts': '' });
    expect(merged.summary).toContain('fan-out (2 shards)');
    for (const h of ['m13', 'm14', 'm15', 'm16']) expect(merged.summary).toContain(h);
  });

  it('fails when a host of any shard failed, naming it', async () => {
    const one = JSON.parse(readFileSync(join(dir, 'reports/shard-1/report.json'), 'utf8'));
    one.hosts[0].status = 'failed';
    one.hosts[0].error = 'mark: disk full';
    mkdirSync(join(dir, 'failed'));
    writeFileSync(join(dir, 'failed/shard-1.json'), JSON.stringify(one));
    cpSync(join(dir, 'reports/shard-2/report.json'), join(dir, 'failed/shard-2.json'));
    const merged = await runbook(dir, { command: 'merge-reports', reports: 'failed' });
    expect(merged.exitCode).not.toBe(0);
    expect(merged.outputs['failed-hosts']).toBe(one.hosts[0].name);
    expect(visibleLog(merged)).toContain(`1 of 4 host(s) failed across the shards: ${one.hosts[0].name}`);
  });

  it.each([
    ['no reports input', {}, 'Input reports is required'],
    ['a JSON file that is no report', { reports: 'notreport.json' }, 'notreport.json is not a runbook report'],
    ['an empty directory', { reports: 'empty' }, 'no .json report found'],
    ['an unknown command', { command: 'merge' }, 'merge-reports'],
  ])('refuses %s', async (_what, inputs, message) => {
    writeFileSync(join(dir, 'notreport.json'), '{"hello": 1}');
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const result = await runbook(dir, { command: 'merge-reports', ...inputs });
    expect(result.exitCode).not.toBe(0);
    expect(visibleLog(result)).toContain(message);
  });
});
