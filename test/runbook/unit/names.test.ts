import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { Inputs, Outputs } from '../../../actions/runbook/src/names';
import { ROOT } from '../../harness';

describe('runbook action.yml', () => {
  const meta = YAML.parse(readFileSync(join(ROOT, 'actions/runbook/action.yml'), 'utf8'));
  it('declares exactly the inputs and outputs of names.ts, each documented', () => {
    expect(Object.keys(meta.inputs).sort()).toEqual(Object.values(Inputs).sort());
    expect(Object.keys(meta.outputs).sort()).toEqual(Object.values(Outputs).sort());
    for (const spec of [...Object.values(meta.inputs), ...Object.values(meta.outputs)] as { description: string }[]) {
      expect(spec.description.length).toBeGreaterThan(20);
    }
  });
});
