import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOTATION_LIMIT, annotations, clearAnnotations, flushAnnotations } from '../../shared/annotations';
import { OperationError } from '../../shared/errors';
import { BufferedGroup, prefixed } from '../../shared/logging';
import { runAction } from '../../shared/run-action';
import { clearSecrets, registerSecret } from '../../shared/secrets';

/** What the step printed for the runner, split into lines. */
function capture(): { lines: () => string[]; restore: () => void } {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return { lines: () => out.join('').split('\n').filter(Boolean), restore: () => spy.mockRestore() };
}

const commands = (lines: string[], kind: string) => lines.filter((l) => l.startsWith(`::${kind}`));

describe('annotation budget', () => {
  let out: ReturnType<typeof capture>;
  beforeEach(() => {
    out = capture();
    clearAnnotations();
  });
  afterEach(() => {
    out.restore();
    clearSecrets();
    process.exitCode = undefined;
  });

  it('emits 1,704 denied components as 10 errors: the step failure first, the last with the total', async () => {
    await runAction('sbom', async () => {
      for (let i = 0; i < 1704; i++)
        annotations.error(`pkg:npm/p${i}@1.0.${i} is licensed GPL-3.0-only`, {
          file: 'package-lock.json',
          title: 'sbom',
        });
      throw new OperationError('1704 components with denied licenses');
    });
    const errors = commands(out.lines(), 'error');
    expect(errors).toHaveLength(ANNOTATION_LIMIT);
    expect(errors[0]).toContain('sbom: 1704 components with denied licenses');
    expect(errors[1]).toContain('pkg:npm/p0@1.0.0');
    expect(errors[9]).toContain('pkg:npm/p8@1.0.8');
    // The message is one workflow command: its newline is escaped as %0A.
    expect(errors[9]).toContain('%0A… and 1695 more errors: see the job summary (1704 errors in total)');
    // Nothing is lost: the rest are in the log, in a group.
    const log = out.lines();
    expect(log.some((l) => l.startsWith('::group::1695 more errors'))).toBe(true);
    expect(log).toContain('error: package-lock.json: pkg:npm/p1703@1.0.1703 is licensed GPL-3.0-only');
    expect(process.exitCode).toBe(1);
  });

  it('shows the most important first, keeping the order of equal ranks', () => {
    for (let i = 0; i < 30; i++) annotations.warning(`host-${i} is slow`, {}, i % 3 === 0 ? 1 : 0);
    annotations.warning('host-x is unreachable', {}, 5);
    flushAnnotations();
    const warnings = commands(out.lines(), 'warning').map((l) => l.replace(/^::warning::/, ''));
    expect(warnings).toHaveLength(10);
    expect(warnings.slice(0, 4)).toEqual([
      'host-x is unreachable',
      'host-0 is slow',
      'host-3 is slow',
      'host-6 is slow',
    ]);
    expect(warnings[9]).toContain('… and 21 more warnings: see the job summary (31 warnings in total)');
  });

  it('counts annotations written directly, and errors and warnings separately', async () => {
    const core = await import('../../shared/actions-core');
    for (let i = 0; i < 4; i++) core.warning(`direct ${i}`);
    for (let i = 0; i < 12; i++) annotations.warning(`queued ${i}`);
    for (let i = 0; i < 3; i++) annotations.error(`error ${i}`);
    flushAnnotations('the JSON report');
    const lines = out.lines();
    expect(commands(lines, 'warning')).toHaveLength(10);
    expect(commands(lines, 'error')).toHaveLength(3);
    expect(commands(lines, 'warning').at(-1)).toContain(
      'queued 5%0A… and 6 more warnings: see the JSON report (12 warnings in total)',
    );
  });

  it('emits them all when there are 10 or fewer, and nothing twice', () => {
    for (let i = 0; i < 3; i++) annotations.error(`e${i}`);
    flushAnnotations();
    flushAnnotations();
    const errors = commands(out.lines(), 'error');
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).not.toContain('more errors');
  });

  it('keeps hostile text one command: newlines, percent signs, colons and commas in messages and files', () => {
    annotations.error('line1\nline2 %0A ::error::forged', { file: 'a,b:c.txt', startLine: 3, title: 'x, y: z' });
    flushAnnotations();
    const errors = commands(out.lines(), 'error');
    expect(errors.at(-1)).toBe(
      '::error title=x%2C y%3A z,file=a%2Cb%3Ac.txt,line=3::line1%0Aline2 %250A ::error::forged',
    );
  });

  it('redacts secrets in queued messages, titles and files, shown or only logged', () => {
    registerSecret('hunter2-secret');
    for (let i = 0; i < 12; i++)
      annotations.error(`login ${i} failed with hunter2-secret`, {
        title: `host hunter2-secret-${i}`,
        file: `https://x:hunter2-secret@git.example/${i}.yml`,
        startLine: i + 1,
      });
    flushAnnotations();
    const printed = out.lines().filter((l) => !l.startsWith('::add-mask::'));
    expect(printed.filter((l) => l.includes('hunter2'))).toEqual([]);
    expect(commands(printed, 'error')[0]).toBe(
      '::error title=host ***-0,file=https%3A//x%3A***@git.example/0.yml,line=1::login 0 failed with ***',
    );
    expect(printed).toContain('error: https://x:***@git.example/11.yml:12: login 11 failed with ***');
  });

  it('per-host warnings from 40 hosts: each logged in place, 10 annotations, the last with the total', () => {
    for (let i = 0; i < 20; i++) prefixed(`web-${i}`).warning('disk 91% full');
    for (let i = 20; i < 40; i++) {
      const g = new BufferedGroup(`web-${i}`);
      g.warning('disk 91% full');
      g.flush();
    }
    const before = out.lines();
    expect(commands(before, 'warning')).toEqual([]);
    expect(before).toContain('[web-3] warning: disk 91% full');
    expect(before).toContain('warning: disk 91% full');
    flushAnnotations();
    const warnings = commands(out.lines(), 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings[0]).toBe('::warning::[web-0] disk 91%25 full');
    expect(warnings[9]).toContain('… and 30 more warnings: see the job summary (40 warnings in total)');
    expect(out.lines()).toContain('warning: web-39: disk 91% full');
  });
});
