import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { basename, join, relative } from 'node:path';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import YAML from 'yaml';
import { ACTIONS, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { ROOT } from '../harness';

// vitest leaves node_modules to Node, and @actions/workflow-parser imports its JSON schemas without
// `with { type: 'json' }`; the same loader hook as scripts/validate-workflows.mjs adds the attribute.
register('../../scripts/json-import-hook.mjs', import.meta.url);
export const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import(
  '@actions/workflow-parser'
);

/**
 * The golden-path workflows are documentation people copy, so they are held to what we ask of
 * code: GitHub's own parser accepts them, every reference is pinned, every job states its
 * permissions, and every input they pass to a Paved action exists in that action's action.yml.
 */

export const EXAMPLES = join(ROOT, 'workflows-examples');
const SHA = /^[0-9a-f]{40}$/;
export const PAVED_REPO = 'paved-dev/paved';

type Json = Record<string, unknown>;
export interface Step {
  name?: string;
  id?: string;
  uses?: string;
  with?: Json;
  if?: string;
}
export interface Job {
  permissions?: Json | string;
  uses?: string;
  with?: Json;
  steps?: Step[];
}
export interface Workflow {
  on?: unknown;
  jobs?: Record<string, Job>;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : /\.ya?ml$/.test(d.name) ? [join(dir, d.name)] : []))
    .sort();
}

export const files = walk(EXAMPLES);
export const reusable = files.filter((f) => !relative(EXAMPLES, f).includes('/'));
export const callers = files.filter((f) => relative(EXAMPLES, f).startsWith('callers/'));

/** Read when first needed, so a broken action.yml fails the tests of the workflows using it, not the file. */
const metadata = new Map<string, ReturnType<typeof readActionMetadata>['inputs']>();
function inputsOf(action: string) {
  if (!(ACTIONS as readonly string[]).includes(action)) return undefined;
  if (!metadata.has(action)) metadata.set(action, readActionMetadata(actionMetadataPath(ROOT, action)).inputs);
  return metadata.get(action);
}

function triggers(wf: Workflow): string[] {
  const on = wf.on;
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.map(String);
  return on && typeof on === 'object' ? Object.keys(on) : [];
}

/** Which Paved action a `uses:` runs, and in which form; undefined for anything else. */
export function pavedAction(step: Step): { action: string; form: 'per-action' | 'root' | 'local' } | undefined {
  const uses = step.uses ?? '';
  const local = /^\.\/actions\/([\w-]+)\/?$/.exec(uses);
  if (local) return { action: local[1] as string, form: 'local' };
  const perAction = new RegExp(`^${PAVED_REPO}/actions/([\\w-]+)@`).exec(uses);
  if (perAction) return { action: perAction[1] as string, form: 'per-action' };
  if (uses.startsWith(`${PAVED_REPO}@`) || uses === '.' || uses === './')
    return { action: String(step.with?.action ?? ''), form: 'root' };
  return undefined;
}

/** Problems with the `with:` of one Paved step against that action's action.yml. */
export function pavedStepProblems(step: Step, where: string): string[] {
  const paved = pavedAction(step);
  if (!paved) return [];
  const inputs = inputsOf(paved.action);
  if (!inputs)
    return [`${where}: "${step.uses}" runs unknown Paved action "${paved.action}" (one of ${ACTIONS.join(', ')})`];
  const given = Object.keys(step.with ?? {}).filter((k) => !(paved.form === 'root' && k === 'action'));
  const problems = given
    .filter((k) => !(k in inputs))
    .map((k) => `${where}: input "${k}" is not declared in actions/${paved.action}/action.yml`);
  for (const [name, spec] of Object.entries(inputs)) {
    if (spec.required && spec.default === undefined && !given.includes(name))
      problems.push(`${where}: required input "${name}" of ${paved.action} is not given`);
  }
  return problems;
}

/** Structural rules for one workflow file (text as written, so version comments can be checked). */
export function workflowProblems(text: string, file: string, kind: 'reusable' | 'caller'): string[] {
  const problems: string[] = [];
  const wf = YAML.parse(text) as Workflow;
  const on = triggers(wf);
  if (kind === 'reusable' && !on.includes('workflow_call'))
    problems.push(`${file}: a reusable workflow needs on: workflow_call`);
  if (kind === 'caller' && (on.length === 0 || on.includes('workflow_call')))
    problems.push(`${file}: a caller needs real triggers (push, schedule, workflow_dispatch…), not workflow_call`);

  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    const where = `${file}: job ${id}`;
    if (job.permissions === undefined) problems.push(`${where}: no explicit permissions`);
    const perms = typeof job.permissions === 'object' ? job.permissions : {};
    if (typeof job.permissions === 'string')
      problems.push(`${where}: permissions "${job.permissions}" is not least privilege`);
    const steps = job.steps ?? [];
    const keyless = steps.some(
      (s) =>
        pavedAction(s)?.action === 'sign' &&
        (s.with?.method ?? 'keyless') === 'keyless' &&
        (s.with?.command ?? 'sign') === 'sign',
    );
    if (perms['id-token'] === 'write' && !keyless && !job.uses)
      problems.push(`${where}: id-token: write without a keyless signing step`);
    if (keyless && perms['id-token'] !== 'write') problems.push(`${where}: keyless signing needs id-token: write`);

    if (job.uses?.startsWith('./')) {
      const m = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(job.uses);
      if (!m || !existsSync(join(EXAMPLES, m[1] as string)))
        problems.push(`${where}: calls ${job.uses}, which is not one of the reusable workflows here`);
    }

    steps.forEach((step, i) => {
      const at = `${where} step ${step.id ?? step.name ?? i + 1}`;
      problems.push(...pavedStepProblems(step, at));
      if (pavedAction(step)?.action === 'telemetry') {
        if (!/\binputs\.telemetry\b/.test(String(step.if ?? '')))
          problems.push(`${at}: telemetry must run only when the caller opts in (if: inputs.telemetry)`);
        if (step.with?.consent !== 'granted' || String(step.with?.['consent-version']) !== '1')
          problems.push(`${at}: telemetry opt-in must say consent: granted and consent-version: 1`);
        const firstPaved = steps.findIndex((s) => pavedAction(s) !== undefined);
        if (firstPaved !== i) problems.push(`${at}: telemetry must come before the other Paved steps it measures`);
      }
    });
  }

  if (kind === 'reusable') {
    const call = (wf.on as Json | undefined)?.workflow_call as
      | { inputs?: Record<string, { type?: string; default?: unknown }> }
      | undefined;
    const telemetry = call?.inputs?.telemetry;
    if (telemetry?.type !== 'boolean' || telemetry.default !== false)
      problems.push(`${file}: needs a telemetry input, type boolean, default false (consent is never assumed)`);
  }

  // Pins, checked on the text: the version comment is what Dependabot and reviewers read.
  text.split('\n').forEach((line, n) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$/.exec(line);
    if (!m) return;
    const ref = m[1] as string;
    if (ref.startsWith('./') || ref.startsWith('docker://')) return;
    const at = ref.lastIndexOf('@');
    const version = at === -1 ? '' : ref.slice(at + 1);
    if (!SHA.test(version)) problems.push(`${file}:${n + 1}: ${ref} is not pinned to a full 40-hex commit SHA`);
    else if (!/^#\s*v\d+(\.\d+)*\s*$/.test(m[2] ?? ''))
      problems.push(`${file}:${n + 1}: ${ref} needs its version as a comment (# v1.2.3)`);
  });
  return problems;
}

/** Reusable workflows are called as ./.github/workflows/<name>.yml; here they live in workflows-examples/. */
export const provider = {
  async getFileContent(ref: FileReference) {
    const name = basename(ref.path);
    const file = join(EXAMPLES, name);
    if (!ref.path.startsWith('.github/workflows/') || !existsSync(file))
      throw new Error(`no such workflow ${ref.path}`);
    return { name: relative(ROOT, file), content: readFileSync(file, 'utf8') };
  },
};

export async function parserErrors(file: string): Promise<string[]> {
  const content = readFileSync(file, 'utf8');
  const parsed = parseWorkflow({ name: relative(ROOT, file), content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !parsed.value) return errors.length ? errors : ['no workflow parsed'];
  // Depth 1: a caller's `with:` and `secrets:` are checked against the reusable workflow's declarations.
  const template = await convertWorkflowTemplate(parsed.context, parsed.value, provider, {
    fetchReusableWorkflowDepth: 1,
  });
  return (template.errors ?? []).map((e) => e.Message);
}
