import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ACTIONS } from '../../shared/action-metadata';
import { ROOT } from '../harness';
import {
  callers,
  convertWorkflowTemplate,
  EXAMPLES,
  files,
  NoOperationTraceWriter,
  PAVED_REPO,
  parserErrors,
  parseWorkflow,
  pavedAction,
  provider,
  reusable,
  type Workflow,
  workflowProblems,
} from './checks';

describe('workflows-examples', () => {
  it('has the five reusable workflows, each with a caller', () => {
    const names = reusable.map((f) => basename(f)).sort();
    expect(names).toEqual([
      'db2-hadr-rolling-upgrade.yml',
      'db2-image.yml',
      'db2-upgrade.yml',
      'deploy.yml',
      'release.yml',
    ]);
    expect(callers.map((f) => basename(f)).sort()).toEqual(names);
  });

  describe.each(files.map((f) => [relative(EXAMPLES, f), f]))('%s', (name, file) => {
    const text = readFileSync(file, 'utf8');

    it("parses with GitHub's own workflow parser, without errors", async () => {
      expect(await parserErrors(file)).toEqual([]);
    });

    it('is pinned, least-privilege, opt-in for telemetry, and in step with the actions it uses', () => {
      expect(workflowProblems(text, name, name.startsWith('callers/') ? 'caller' : 'reusable')).toEqual([]);
    });
  });

  it('uses one Paved commit everywhere, so adopting a release is one replacement', () => {
    const shas = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/uses:\s*paved-dev\/paved(?:\/[\w./-]+)?@([0-9a-f]+)/g))
        shas.add(m[1] as string);
    }
    expect(shas.size).toBe(1);
  });

  it('shows every Paved action somewhere, in both the per-action and the root form', () => {
    const seen = new Set<string>();
    const forms = new Set<string>();
    for (const file of files) {
      const wf = YAML.parse(readFileSync(file, 'utf8')) as Workflow;
      for (const job of Object.values(wf.jobs ?? {}))
        for (const step of job.steps ?? []) {
          const paved = pavedAction(step);
          if (paved) {
            seen.add(paved.action);
            forms.add(paved.form);
          }
        }
    }
    expect([...seen].sort()).toEqual([...ACTIONS].sort());
    expect(forms).toEqual(new Set(['per-action', 'root']));
  });
});

describe('docs/golden-path.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'golden-path.md'), 'utf8');

  it('links every reusable workflow, and every workflow link resolves', () => {
    const links = [...doc.matchAll(/\]\(\.\.\/(workflows-examples\/[^)#\s]*)\)/g)].map((m) => m[1] as string);
    for (const file of reusable) expect(links).toContain(`workflows-examples/${basename(file)}`);
    for (const link of links) expect(existsSync(join(ROOT, link)), link).toBe(true);
  });

  it('shows the same telemetry opt-in inputs the workflows declare', () => {
    for (const input of ['telemetry', 'telemetry-endpoint', 'telemetry-level', 'TELEMETRY_SALT'])
      expect(doc).toContain(`${input}:`);
    for (const file of reusable) expect(readFileSync(file, 'utf8')).toMatch(/^ {6}telemetry-endpoint:$/m);
  });
});

describe('the checks themselves', () => {
  const bad = `
on: { workflow_call: { inputs: { telemetry: { type: boolean, default: true } } } }
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02
      - uses: ${PAVED_REPO}/actions/sign@${'0'.repeat(40)} # v1.0.0
        with: { files: x, method: keyless, privat-key: y }
      - uses: ${PAVED_REPO}/actions/telemetry@${'0'.repeat(40)} # v1.0.0
        with: { consent: granted, consent-version: 1 }
  b:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: ${PAVED_REPO}@${'0'.repeat(40)} # v1.0.0
        with: { action: runbok }
      - uses: ${PAVED_REPO}@${'0'.repeat(40)} # v1.0.0
        with: { action: db2, container: db2server }
  c:
    permissions: { id-token: write }
    runs-on: ubuntu-latest
    steps: [{ run: echo }]
`;

  it('catch what they promise to catch', () => {
    const problems = workflowProblems(bad, 'bad.yml', 'reusable');
    const expected = [
      /job a: no explicit permissions/,
      /job a: keyless signing needs id-token: write/,
      /input "privat-key" is not declared in actions\/sign\/action.yml/,
      /telemetry must run only when the caller opts in/,
      /telemetry must come before the other Paved steps/,
      /job b: permissions "write-all" is not least privilege/,
      /unknown Paved action "runbok"/,
      /required input "command" of db2 is not given/,
      /job c: id-token: write without a keyless signing step/,
      /needs a telemetry input, type boolean, default false/,
      /actions\/checkout@v4 is not pinned/,
      /upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 needs its version as a comment/,
    ];
    for (const re of expected)
      expect(
        problems.some((p) => re.test(p)),
        `${re} in\n${problems.join('\n')}`,
      ).toBe(true);
    expect(workflowProblems(bad.replace('workflow_call', 'push'), 'bad.yml', 'caller').length).toBeGreaterThan(0);
    expect(workflowProblems('on: { workflow_call: {} }\njobs: {}', 'x.yml', 'caller')).toContain(
      'x.yml: a caller needs real triggers (push, schedule, workflow_dispatch…), not workflow_call',
    );
  });

  it("GitHub's parser catches a caller passing an input the reusable workflow does not declare", async () => {
    const content = readFileSync(join(EXAMPLES, 'callers', 'deploy.yml'), 'utf8').replace(
      'inventory-format: ini',
      'inventory-fromat: ini',
    );
    const parsed = parseWorkflow({ name: 'callers/deploy.yml', content }, new NoOperationTraceWriter());
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!, provider, {
      fetchReusableWorkflowDepth: 1,
    });
    expect((template.errors ?? []).map((e) => e.Message).join('\n')).toMatch(/inventory-fromat is not defined/);
  });
});
