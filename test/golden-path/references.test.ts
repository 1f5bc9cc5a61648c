import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness';

/**
 * One way to reference Paved everywhere a copy-paste adopter looks: a full commit SHA (or the
 * `<sha>` placeholder in prose) with the release in a comment, `<owner>/paved/actions/<name>@<sha> # vX.Y.Z`.
 * Third-party actions in examples are pinned the same way, at a major that runs on node24.
 */
function files(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

const docs = [
  ...['README.md', 'CONTRIBUTING.md', 'TELEMETRY.md', 'SECURITY.md'].map((f) => join(ROOT, f)),
  ...files(join(ROOT, 'docs'), (p) => p.endsWith('.md')),
  ...files(join(ROOT, 'actions'), (p) => p.endsWith('README.md')),
  ...files(join(ROOT, 'examples'), (p) => /\.(md|ya?ml)$/.test(p)),
  ...files(join(ROOT, 'workflows-examples'), (p) => /\.ya?ml$/.test(p)),
];

const PAVED_REF = /(?<![\w.-])([\w.-]+)\/paved(\/actions\/[\w-]+)?@(\S+?)(?=[\s`'"|)]|$)([^\n`|]*)/g;
const CANONICAL = /^ # v\d+\.\d+\.\d+(\s|$)/;
const ACTIONS = ['runbook', 'db2', 'sbom', 'sign', 'telemetry'];

/** The first major of each third-party action whose action.yml declares `using: node24`. */
const NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'docker/metadata-action': 6,
  'docker/login-action': 4,
};

describe('references to Paved in docs and examples', () => {
  it('use one form: paved-dev/paved[/actions/<name>]@<sha> # vX.Y.Z', () => {
    const problems: string[] = [];
    let count = 0;
    for (const file of docs) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(PAVED_REF)) {
        const [whole, owner, sub, ref, rest] = m as unknown as [string, string, string | undefined, string, string];
        if (owner === 'paved' && !sub && ref.includes('/')) continue;
        count++;
        const where = `${relative(ROOT, file)}: ${whole.trim()}`;
        if (owner !== 'paved-dev') problems.push(`${where}: owner must be paved-dev`);
        if (sub && !ACTIONS.includes(sub.slice('/actions/'.length))) problems.push(`${where}: no such action`);
        const isWorkflow = /\.ya?ml$/.test(file);
        if (!(/^[0-9a-f]{40}$/.test(ref) || (!isWorkflow && ref === '<sha>')))
          problems.push(`${where}: pin a full commit SHA${isWorkflow ? '' : ' (or <sha> in prose)'}`);
        if (!CANONICAL.test(rest)) problems.push(`${where}: needs its release as "# vX.Y.Z" right after the SHA`);
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(20);
  });

  it('pin third-party actions by SHA at a major that runs on node24', () => {
    const problems: string[] = [];
    for (const file of docs) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@(\S+)(?:\s*#\s*v(\d+)[\d.]*)?/g)) {
        const [, action, ref, major] = m as unknown as [string, string, string, string | undefined];
        const min = NODE24_MAJOR[action];
        if (min === undefined) continue;
        const where = `${relative(ROOT, file)}: ${action}@${ref}`;
        if (!/^[0-9a-f]{40}$/.test(ref)) problems.push(`${where}: pin a full commit SHA`);
        else if (!major || Number(major) < min)
          problems.push(`${where}: v${major ?? '?'} runs on node20; use v${min}+`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('resolve release tags to the commit an annotated tag points at (^{})', () => {
    for (const file of docs) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/git ls-remote[^)]{0,160}/g))
        expect(`${relative(ROOT, file)}: ${m[0]}`).toContain('^{}');
    }
  });
});
