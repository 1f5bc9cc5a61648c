import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/src/args';
import type { ActionMetadata } from '../../shared/action-metadata';

const meta = {
  name: 'Paved sign',
  description: '',
  inputs: { files: { description: '' }, 'private-key': { description: '' }, 'dry-run': { description: '' } },
  outputs: {},
  runs: { using: 'node24', main: 'x' },
} as ActionMetadata;

describe('paved CLI arguments', () => {
  it('takes a value that starts with dashes (a PEM key) as a value', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----';
    expect(parseArgs(['--private-key', pem, '--dry-run'], meta).inputs).toEqual({
      'private-key': pem,
      'dry-run': 'true',
    });
  });

  it('joins repeated inputs into a list and reads --job and --env', () => {
    const a = parseArgs(['--files', 'a.tgz', '--files=b.tgz', '--job', '/tmp/j', '--env', 'X=1'], meta);
    expect(a.inputs.files).toBe('a.tgz\nb.tgz');
    expect(a.job).toBe('/tmp/j');
    expect(a.env).toEqual({ X: '1' });
  });

  it('never echoes a long value that lost its flag', () => {
    expect(() => parseArgs(['---secret-material-that-is-long-enough-to-be-a-key'], meta)).toThrow(/unknown input --/);
    try {
      parseArgs(['---secret-material-that-is-long-enough-to-be-a-key'], meta);
    } catch (e) {
      expect((e as Error).message).not.toContain('long-enough-to-be-a-key');
    }
  });
});
