import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as real from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as ours from '../../shared/actions-core';

/** Runs the same calls through @actions/core and our lean copy; stdout and file commands must match. */
function capture(impl: typeof ours | typeof real, calls: (c: typeof ours) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'paved-core-'));
  for (const f of ['OUTPUT', 'ENV', 'STATE']) {
    writeFileSync(join(dir, f), '');
    process.env[`GITHUB_${f}`] = join(dir, f);
  }
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  const exitCode = process.exitCode;
  try {
    calls(impl as typeof ours);
  } finally {
    spy.mockRestore();
  }
  const result = {
    stdout: out.join(''),
    exitCode: process.exitCode,
    // Heredoc delimiters are random per call: compare their shape.
    files: ['OUTPUT', 'ENV', 'STATE'].map((f) =>
      readFileSync(join(dir, f), 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X'),
    ),
  };
  process.exitCode = exitCode;
  return result;
}

afterEach(() => {
  for (const f of ['OUTPUT', 'ENV', 'STATE']) delete process.env[`GITHUB_${f}`];
  delete process.env.INPUT_MY_INPUT;
  delete process.env.STATE_step;
  delete process.env.PAVED_TEST_EXPORT;
});

describe('shared/actions-core speaks the runner protocol exactly as @actions/core', () => {
  const script = (c: typeof ours) => {
    c.info('plain line: with, commas %25 and\nnewlines');
    c.debug('debug 100% done\r\n');
    c.setSecret('s3cr3t-value');
    c.warning('careful', { file: 'a:b,c.yml', startLine: 3, startColumn: 7, title: 'x: y' });
    c.notice(new Error('as an error'));
    c.error('bad', {});
    c.startGroup('group: one');
    c.endGroup();
    c.setOutput('report', { a: 1, b: ['x'] });
    c.setOutput('multi', 'line one\nline two');
    c.exportVariable('PAVED_TEST_EXPORT', 42);
    c.saveState('step', 'main');
    c.setFailed('it failed');
  };

  it('writes the same commands and file commands', () => {
    const a = capture(real, script);
    const b = capture(ours, script);
    expect(b).toEqual(a);
    expect(b.exitCode).toBe(1);
    expect(process.env.PAVED_TEST_EXPORT).toBe('42');
  });

  it('reads inputs and state the same way', () => {
    process.env.INPUT_MY_INPUT = '  value  ';
    process.env.STATE_step = 'saved';
    expect(ours.getInput('my input')).toBe(real.getInput('my input'));
    expect(ours.getInput('my input', { trimWhitespace: false })).toBe('  value  ');
    expect(() => ours.getInput('missing', { required: true })).toThrow('Input required and not supplied: missing');
    expect(ours.getState('step')).toBe(real.getState('step'));
  });

  it('keeps the group around async work even when it throws', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await expect(ours.group('g', async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    } finally {
      spy.mockRestore();
    }
    expect(out.join('')).toBe('::group::g\n::endgroup::\n');
  });
});
