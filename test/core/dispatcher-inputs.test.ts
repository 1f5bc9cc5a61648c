import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { warnForeignInputs } from '../../dispatcher/src/dispatch';
// @ts-expect-error: plain ESM build script without types
import { dispatcherDefaults, readActions } from '../../scripts/generate.mjs';
import { inputEnvName } from '../../shared/action-metadata';
import { ROOT } from '../harness';

/** The root action: inputs meant for another action are named in a warning. */
const index = dispatcherDefaults(readActions(ROOT)) as Record<
  string,
  { inputs: Record<string, string>; post: boolean; accepts: string[]; expressions: string[] }
>;

describe('dispatcher: inputs that belong to another action', () => {
  let out: string[];
  const saved = { ...process.env };
  beforeEach(() => {
    out = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    for (const key of Object.keys(process.env)) if (key.startsWith('INPUT_')) delete process.env[key];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.env = { ...saved };
  });

  // container and ldap-host are db2's alone (image is now sbom's too, so it is not foreign to sbom).
  it('warns about container: and ldap-host: with action: sbom, naming db2, and never prints their values', () => {
    process.env[inputEnvName('ldap-host')] = 'ldap.secret-host-value:389';
    process.env[inputEnvName('container')] = 'db2';
    process.env[inputEnvName('path')] = '.'; // sbom's own
    process.env[inputEnvName('github-token')] = 'ghs_runner_default'; // the root's expression default, set on every run
    const foreign = warnForeignInputs(index, 'sbom');
    expect(foreign).toEqual(['container', 'ldap-host']);
    const text = out.join('');
    expect(text).toMatch(
      /^::warning title=paved%3A input for another action::paved: inputs container \(db2\), ldap-host \(db2\) belong to another action, not sbom/m,
    );
    expect(text).not.toContain('secret-host-value');
    expect(text).not.toContain('ghs_runner');
  });

  it('names every owner of an input two actions share, and says nothing for empty values', () => {
    process.env[inputEnvName('concurrency')] = ''; // given empty: nothing to warn about
    // An input sbom and sign both declare and runbook does not: without one this test has nothing to check.
    const shared = index.sbom?.accepts.find(
      (i) => !index.runbook?.accepts.includes(i) && index.sign?.accepts.includes(i),
    ) as string;
    expect(shared, 'an input sbom and sign share').toBeDefined();
    process.env[inputEnvName(shared)] = 'x';
    const foreign = warnForeignInputs(index, 'runbook');
    expect(foreign).toEqual([shared]);
    expect(out.join('')).toMatch(new RegExp(`${shared} \\(([a-z0-9]+, )*sbom, ([a-z0-9]+, )*sign(, [a-z0-9]+)*\\)`));
  });

  it('lists every foreign input in one warning when all of them are set', () => {
    for (const entry of Object.values(index)) for (const input of entry.accepts) process.env[inputEnvName(input)] = 'v';
    const foreign = warnForeignInputs(index, 'telemetry');
    const expected = new Set(
      Object.values(index)
        .flatMap((e) => e.accepts)
        .filter((i) => !index.telemetry?.accepts.includes(i))
        .filter((i) => !Object.values(index).some((e) => e.expressions.includes(i))),
    );
    expect(new Set(foreign)).toEqual(expected);
    expect(out.filter((l) => l.startsWith('::warning'))).toHaveLength(1);
  });

  it('is silent when every input belongs to the chosen action', () => {
    for (const input of index.db2?.accepts ?? []) process.env[inputEnvName(input)] = 'v';
    expect(warnForeignInputs(index, 'db2')).toEqual([]);
    expect(out.join('')).toBe('');
  });
});
