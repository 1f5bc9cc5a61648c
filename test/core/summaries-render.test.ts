import { describe, expect, it } from 'vitest';
import { upgradeSummary } from '../../actions/db2/src/commands/upgrade';
import { stepTable, timeline } from '../../actions/db2/src/summary';
import type { RunReport } from '../../actions/runbook/src/engine/results';
import { buildSummary as runbookSummary } from '../../actions/runbook/src/report/summary';
import type { SbomGraph } from '../../actions/sbom/src/model/types';
import { buildSummary as sbomSummary } from '../../actions/sbom/src/summary/report';
import { signSummary, verifySummary } from '../../actions/sign/src/summary';
import { receiptTable } from '../../actions/telemetry/src/export/receipt';
import { Summary } from '../../shared/summary';
import { foreignTags, HOSTILE, links, renderGitHub, visibleText } from './github-markdown';

/**
 * Each action's job summary, built by its own code from hostile text (host output, task names,
 * lockfile contents, file names, signer identities, attribute values) and at real sizes, rendered
 * the way GitHub renders it: no tag or link from the input may reach the HTML, and heading levels
 * are the same everywhere (the action's title h2, its sections h3).
 */
const pick = (i: number) => HOSTILE[i % HOSTILE.length] as string;

function check(markdown: string): string {
  const html = renderGitHub(markdown);
  expect(foreignTags(html), html.slice(0, 2000)).toEqual([]);
  expect(links(html)).toEqual([]);
  const levels = [...html.matchAll(/<h(\d)>/g)].map((m) => Number(m[1]));
  expect(levels[0], 'the title is h2').toBe(2);
  expect(levels).not.toContain(1);
  for (let i = 1; i < levels.length; i++)
    expect((levels[i] as number) - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
  return html;
}

/**
 * The hostile strings the summary does not show as text. `check` alone passes for a summary that
 * dropped the input; this proves the strings reached the page, escaped, and read as themselves.
 */
function missing(html: string, strings: readonly string[]): string[] {
  const text = visibleText(html).replace(/\s+/g, ' ');
  return strings.filter((h) => !text.includes(h.replace(/\s+/g, ' ')));
}

describe('every action summary renders hostile input as text', () => {
  it('runbook: host names, task names, stderr and diffs from 300 hosts', () => {
    const hosts = Array.from({ length: 300 }, (_, i) => ({
      name: `web-${i}${pick(i)}`,
      address: `10.0.${i >> 8}.${i & 255}`,
      status: (i % 3 === 0 ? 'failed' : 'ok') as 'failed' | 'ok',
      error: i % 3 === 0 ? `stderr: ${pick(i + 1)}` : undefined,
      tasks: [0, 1, 2].map((t) => ({
        id: `task ${t} ${pick(t + 4)}`,
        name: pick(t),
        module: 'shell',
        status: (t === 2 ? 'changed' : 'ok') as 'changed' | 'ok',
        startedAt: 1000 * t,
        durationMs: 10,
        attempts: 1,
        diff: `--- a\n+++ b\n-${pick(i)}\n+${pick(i + 2)}`,
        wouldRun: pick(i + 3),
      })),
    }));
    const report = {
      runbook: 'deploy.yml',
      name: `deploy ${pick(0)}`,
      check: true,
      strategy: 'linear',
      environment: pick(1),
      startedAt: 0,
      finishedAt: 1,
      durationMs: 1000,
      cancelled: true,
      stoppedEarly: pick(2),
      hosts,
      totals: { hosts: 300, ok: 200, changed: 0, failed: 100, skipped: 0, failedHosts: [], unreachableHosts: [] },
    } as unknown as RunReport;
    const md = runbookSummary(report).toMarkdown();
    const html = check(md);
    expect(visibleText(html)).toContain('200 more rows in the JSON report (output report)');
    expect(visibleText(html)).toContain(`web-1${pick(1).replace(/\s*\r?\n\s*/g, ' ')}`);
    expect(missing(html, HOSTILE)).toEqual([]);
  });

  it('sbom: 3,400 components with hostile names, licenses, denied components, a diff and warnings', () => {
    const components = Array.from({ length: 3400 }, (_, i) => ({
      purlType: 'npm',
      name: `p${i}`,
      version: `1.0.${i}`,
      purl: `pkg:npm/p${i}@1.0.${i}?x=${encodeURIComponent(pick(i))}`,
      ecosystems: [i % 2 ? 'npm' : pick(i)],
      files: [`package-lock.json${pick(i)}`],
      dev: i % 5 === 0,
      optional: false,
      direct: i < 10,
      license: {
        expression: i % 4 ? 'MIT' : pick(i),
        valid: i % 4 !== 0,
        ids: i % 4 ? ['MIT'] : undefined,
        source: pick(i + 3),
      },
    }));
    const graph = {
      root: { name: pick(0), version: pick(1) },
      components,
      dependencies: new Map([['#root', components.slice(0, 10).map((c) => c.purl)]]),
      sources: [{ file: pick(2), display: pick(2), ecosystem: 'npm', format: pick(3), components: 3400 }],
      warnings: HOSTILE.map((h, i) => ({ message: h, file: pick(i + 1), line: i })),
    } as unknown as SbomGraph;
    const md = sbomSummary({
      graph,
      files: [{ format: 'spdx-json', path: pick(4), bytes: 1 }],
      coverage: [{ element: pick(5), covered: 1, total: 2, note: pick(6) }],
      timestamp: pick(7),
      durationMs: 5,
      offenders: components
        .slice(0, 1704)
        .map((c) => ({ component: c, expression: pick(1), denied: [pick(2)] })) as never,
      diff: {
        against: pick(8),
        added: components.map((c) => c.purl),
        removed: [pick(9)],
        changed: [{ package: pick(10), from: [pick(11)], to: [pick(12)] }],
        unchanged: 0,
      },
      submitted: { id: 1, correlator: pick(13) },
    }).toMarkdown();
    const html = check(md);
    expect(visibleText(html)).toContain('1604 more rows in the SBOM files');
    expect(visibleText(html)).toMatch(/2902 more items in the diff output/);
    expect(html).not.toContain('mailto:');
    expect(missing(html, HOSTILE)).toEqual([]);
  });

  it('sign: file names, identities and failure reasons', () => {
    const rows = Array.from({ length: 80 }, (_, i) => ({
      file: pick(i),
      sha256: 'ab'.repeat(32),
      size: i * 1000,
      signature: `${pick(i + 1)}.sig`,
    }));
    const signed = signSummary({
      method: 'key',
      identity: pick(11),
      rows,
      attestations: [{ predicateType: pick(3), note: pick(4) }],
      attestationPath: pick(5),
      scriptPath: pick(6),
      written: 3,
    }).toMarkdown();
    const signedHtml = check(signed);
    expect(visibleText(signedHtml)).toContain('30 more rows in the digests output');
    expect(missing(signedHtml, HOSTILE)).toEqual([]);
    const verified = verifySummary({
      method: 'x509',
      trust: pick(0),
      rows: rows.map((r, i) => ({ ...r, reason: i % 2 ? pick(i + 2) : undefined, signer: pick(i) })),
      attestations: [{ file: pick(1), predicateTypes: [pick(2), pick(3)], reason: pick(4) }],
    }).toMarkdown();
    expect(missing(check(verified), HOSTILE)).toEqual([]);
  });

  it('db2: step names and details from the container, the plan and the docker run line', () => {
    const steps = HOSTILE.map((h, i) => ({
      name: h,
      status: i % 2 ? 'ok' : 'failed',
      start: i * 10,
      end: i * 10 + 5,
      detail: pick(i + 1),
      downtime: i % 3 === 0,
      lane: pick(i + 2),
    })) as never[];
    const s = new Summary().heading(`Db2 upgrade · ${pick(0)} — failed`);
    upgradeSummary(s, {
      plan: HOSTILE.map((h, i) => [h, pick(i + 1)]),
      createCommand: `docker run ${pick(3)}\n${'```'}\n<img src=x>`,
      backups: [],
      title: pick(4),
    });
    stepTable(s, steps);
    s.mermaid(timeline(pick(5), steps));
    expect(missing(check(s.toMarkdown()), HOSTILE)).toEqual([]);
  });

  it('telemetry: attribute names and values in the receipt table, digests shortened with the full values below', () => {
    const digest = 'a1b2c3d4e5f6'.padEnd(64, '0');
    const rows = [
      ...HOSTILE.map((h, i) => ({ signal: 'span', item: pick(i + 1), attribute: h, value: pick(i + 2) })),
      { signal: 'span', item: 'RUN', attribute: 'vcs.repository.name', value: digest },
      { signal: 'span', item: 'job', attribute: 'vcs.repository.name', value: digest },
    ];
    const table = receiptTable(rows);
    const s = new Summary().heading('Telemetry receipt').table(table.headers, table.rows);
    s.details('Shortened values in full', new Summary().table(['Attribute', 'Value sent'], table.full));
    const md = s.toMarkdown();
    expect(missing(check(md), HOSTILE)).toEqual([]);
    expect(md).toContain('| span | RUN | vcs.repository.name | `a1b2c3d4e5f6…` |');
    expect(md).toContain(`| vcs.repository.name | \`${digest}\` |`);
    expect(md.split(digest).length - 1).toBe(1);
  });
});
