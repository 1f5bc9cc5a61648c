import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { ACTIONS, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { ROOT } from '../harness';

/** Repository metadata: Dependabot covers the example workflows' pins; the runner needed for node24 is documented. */
interface DependabotConfig {
  version: number;
  updates: {
    'package-ecosystem': string;
    directories?: string[];
    directory?: string;
    schedule: { interval: string };
    ignore?: { 'dependency-name': string }[];
  }[];
}

const config = YAML.parse(readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8')) as DependabotConfig;

function workflowDirs(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  if (
    entries.some(
      (e) =>
        e.isFile() &&
        /\.ya?ml$/.test(e.name) &&
        /^\s*-?\s*uses:\s*[\w-]+\/[\w.-]+.*@[0-9a-f]{40}/m.test(readFileSync(join(dir, e.name), 'utf8')),
    )
  )
    out.push(`/${relative(ROOT, dir)}`);
  for (const e of entries) if (e.isDirectory()) out.push(...workflowDirs(join(dir, e.name)));
  return out;
}

describe('Dependabot', () => {
  const actions = config.updates.find((u) => u['package-ecosystem'] === 'github-actions');

  it('is version 2 with a schedule for every ecosystem', () => {
    expect(config.version).toBe(2);
    for (const u of config.updates) expect(['daily', 'weekly', 'monthly']).toContain(u.schedule.interval);
  });

  it('watches every directory of workflows-examples that pins actions, and only existing ones', () => {
    const dirs = workflowDirs(join(ROOT, 'workflows-examples'));
    expect(dirs.length).toBeGreaterThan(0);
    expect(new Set(actions?.directories)).toEqual(new Set(dirs));
    for (const d of actions?.directories ?? []) expect(existsSync(join(ROOT, d)), d).toBe(true);
  });

  it("leaves Paved's own placeholder pins to the release process", () => {
    const ignored = (actions?.ignore ?? []).map((i) => i['dependency-name']);
    expect(ignored).toContain('paved-dev/paved*');
  });
});

describe('runner requirement', () => {
  it('every action and the root action run on node24', () => {
    for (const action of ACTIONS)
      expect(readActionMetadata(actionMetadataPath(ROOT, action)).runs.using).toBe('node24');
    expect(readActionMetadata(join(ROOT, 'action.yml')).runs.using).toBe('node24');
  });

  it('the README names the first actions/runner release with node24 (v2.327.1) for self-hosted runners', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/self-hosted[^.]*v2\.327\.1/);
    expect(readme).toContain('https://github.com/actions/runner/releases/tag/v2.327.1');
  });
});
