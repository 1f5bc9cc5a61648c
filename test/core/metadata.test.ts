import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ESM build script without types
import { fillReadme, readActions, rootActionYaml } from '../../scripts/generate.mjs';
import { ACTIONS, actionMetadataPath, readActionMetadata } from '../../shared/action-metadata';
import { ROOT } from '../harness';

describe.each(ACTIONS)('actions/%s/action.yml', (action) => {
  const meta = readActionMetadata(actionMetadataPath(ROOT, action));

  it('runs the committed bundle on node24 and is documented', () => {
    expect(meta.runs.using).toBe('node24');
    expect(meta.runs.main).toBe(`../../dist/${action}/index.js`);
    expect(meta.name).toMatch(/^Paved /);
    expect(meta.description.length).toBeGreaterThan(20);
    const raw = readFileSync(actionMetadataPath(ROOT, action), 'utf8');
    expect(raw).toMatch(/branding:\s*\n\s+icon: \S+\s*\n\s+color: \S+/);
    for (const [name, spec] of [...Object.entries(meta.inputs), ...Object.entries(meta.outputs)]) {
      expect(spec.description?.trim(), `${action}: ${name} has no description`).toBeTruthy();
    }
  });

  it('declares exactly the input and output names its code uses (src/names.ts)', async () => {
    const names = (await import(`../../actions/${action}/src/names.ts`)) as {
      Inputs: Record<string, string>;
      Outputs: Record<string, string>;
    };
    expect(new Set(Object.values(names.Inputs))).toEqual(new Set(Object.keys(meta.inputs)));
    expect(new Set(Object.values(names.Outputs))).toEqual(new Set(Object.keys(meta.outputs)));
  });
});

describe('root action.yml', () => {
  it('is generated from actions/*/action.yml and committed in sync', () => {
    const committed = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    expect(committed).toBe(rootActionYaml(readActions(ROOT)));
  });

  it('dispatches with an `action` input and passes every other input through', () => {
    const root = readActionMetadata(join(ROOT, 'action.yml'));
    expect(root.inputs.action?.required).toBe(true);
    for (const action of ACTIONS) {
      for (const input of Object.keys(readActionMetadata(actionMetadataPath(ROOT, action)).inputs)) {
        expect(root.inputs[input], `${action}: ${input}`).toBeDefined();
      }
    }
    expect(root.runs).toMatchObject({ using: 'node24', main: 'dist/dispatcher/index.js' });
  });
});

describe.each(ACTIONS)('actions/%s/README.md', (action) => {
  it('has inputs and outputs tables generated from action.yml, in sync', () => {
    const file = join(ROOT, 'actions', action, 'README.md');
    const text = readFileSync(file, 'utf8');
    for (const key of ['inputs', 'outputs']) {
      expect(text).toContain(`<!-- BEGIN GENERATED: ${key} -->`);
      expect(text).toContain(`<!-- END GENERATED: ${key} -->`);
    }
    const meta = readActionMetadata(actionMetadataPath(ROOT, action));
    expect(text).toBe(fillReadme(text, meta));
    for (const name of Object.keys(meta.inputs)) expect(text).toContain(`| \`${name}\` |`);
  });
});

describe('shared/version.ts', () => {
  it('equals package.json’s version', async () => {
    const { VERSION } = await import('../../shared/version');
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
