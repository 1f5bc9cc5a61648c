import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { Inputs, Outputs } from '../../actions/db2/src/names';
import { ROOT } from '../harness';

describe('db2 names.ts and action.yml', () => {
  const meta = YAML.parse(readFileSync(join(ROOT, 'actions/db2/action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string }>;
    outputs: Record<string, { description: string }>;
  };
  it('declares exactly the inputs and outputs the code reads and writes, each documented', () => {
    expect(Object.values(Inputs).sort()).toEqual(Object.keys(meta.inputs).sort());
    expect(Object.values(Outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
    for (const spec of [...Object.values(meta.inputs), ...Object.values(meta.outputs)])
      expect(spec.description.length).toBeGreaterThan(10);
  });
  it('documents every input and output in the README', () => {
    const readme = readFileSync(join(ROOT, 'actions/db2/README.md'), 'utf8');
    for (const name of [...Object.values(Inputs), ...Object.values(Outputs)])
      expect(readme).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
  });
});
