import { describe, expect, it } from 'vitest';
import { closest, distance } from '../../shared/suggest';

describe('did you mean', () => {
  it('counts a transposition as one edit', () => {
    expect(distance('shlel', 'shell')).toBe(1);
    expect(distance('', 'abc')).toBe(3);
  });
  it('suggests only close candidates', () => {
    expect(closest('templte', ['template', 'file', 'shell'])).toBe('template');
    expect(closest('xyz', ['template', 'file', 'shell'])).toBeUndefined();
  });
});
