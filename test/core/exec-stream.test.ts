import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExecError, exec } from '../../shared/exec';
import { clearSecrets, registerSecret } from '../../shared/secrets';

/**
 * exec({ stream: true }) logs lines as a child writes them. The children here write their bytes
 * in pieces (one byte at a time, or random cuts through multi-byte characters), the way docker
 * pull/build output reaches us, and end without a final newline.
 */

// A node child that writes the UTF-8 bytes of its argument to fd 1 (or 2) cut at the given sizes,
// sleeping a little between writes so the pieces reach the parent as separate chunks.
const WRITER = `
const fs = require('node:fs');
const [text, fd, cuts] = [process.argv[1], Number(process.argv[2]), JSON.parse(process.argv[3])];
const bytes = Buffer.from(text, 'utf8');
const pause = new Int32Array(new SharedArrayBuffer(4));
let at = 0, i = 0;
while (at < bytes.length) {
  const n = cuts.length ? cuts[i++ % cuts.length] : bytes.length;
  fs.writeSync(fd, bytes.subarray(at, at + n));
  at += n;
  if (cuts.length) Atomics.wait(pause, 0, 0, 2);
}`;

function write(text: string, cuts: number[], fd = 1, options: { prefix?: string } = {}) {
  return exec(process.execPath, ['-e', WRITER, text, String(fd), JSON.stringify(cuts)], {
    stream: true,
    quiet: true,
    ...options,
  });
}

describe('exec stream: true', () => {
  let logged: string[];
  let spy: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    logged = [];
    spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    spy.mockRestore();
    clearSecrets();
  });
  const lines = () =>
    logged
      .join('')
      .split('\n')
      .slice(0, -1)
      .filter((l) => !l.startsWith('::add-mask::'));

  it('joins multi-byte characters split across chunks, one byte at a time', async () => {
    const text = 'héllo wörld\n€ 𝄞 ✅ 日本語\nlast line 🚢 without newline';
    const r = await write(text, [1]);
    expect(lines()).toEqual(['héllo wörld', '€ 𝄞 ✅ 日本語', 'last line 🚢 without newline']);
    expect(logged.join('')).not.toContain('\uFFFD');
    expect(r.stdout).toBe(text);
  });

  it('flushes the last line at exit on stderr too, with the prefix', async () => {
    await write('ünïcödé\r\nno newline at the end: ½', [3, 1, 2], 2, { prefix: '[db2] ' });
    expect(lines()).toEqual(['[db2] ünïcödé', '[db2] no newline at the end: ½']);
  });

  it('keeps 20,000 lines of 4-byte characters intact when cut at odd sizes', async () => {
    const line = (i: number) => `layer ${i} 𝄞🚢€ ${'ä'.repeat(i % 7)}`;
    const many = Array.from({ length: 20_000 }, (_, i) => line(i));
    const r = await exec(
      process.execPath,
      [
        '-e',
        `const fs=require('node:fs');const line=${line.toString()};` +
          `const b=Buffer.from(Array.from({length:20000},(_,i)=>line(i)).join('\\n'));` +
          'for(let a=0,k=0;a<b.length;k++){const n=[4093,1,7,65531,2,3][k%6];fs.writeSync(1,b.subarray(a,a+n));a+=n;}',
      ],
      { stream: true, quiet: true },
    );
    expect(r.stdout).toBe(many.join('\n'));
    expect(lines()).toEqual(many);
  });

  it('redacts a secret in streamed lines', async () => {
    registerSecret('s3cr€t-value');
    await write('token=s3cr€t-value\nend', [2, 5]);
    expect(lines()).toEqual(['token=***', 'end']);
  });

  it('logs the cut line of a child killed in the middle of a multi-byte character, and still fails', async () => {
    // The child writes a whole line, then the first two of the three bytes of "€" with no newline,
    // and is killed before it can write the third: the decoder's held bytes must not be lost or
    // glued to the next run's output; the line is logged with U+FFFD where the character was cut.
    const child = `const fs=require('node:fs');fs.writeSync(1,'done\\n');fs.writeSync(1,Buffer.from('half €').subarray(0,7));process.kill(process.pid,'SIGKILL');`;
    const failure = await exec(process.execPath, ['-e', child], { stream: true, quiet: true }).catch((e) => e);
    expect(failure).toBeInstanceOf(ExecError);
    expect((failure as ExecError).result.exitCode).toBe(137); // 128 + SIGKILL, as a shell says
    expect((failure as ExecError).message).toContain('was killed by SIGKILL');
    expect(lines()).toEqual(['done', 'half \uFFFD']);
    const next = await write('after 𝄞', [1]);
    expect(next.stdout).toBe('after 𝄞');
    expect(lines()).toEqual(['done', 'half \uFFFD', 'after 𝄞']);
  });

  it('logs nothing for output that is captured only', async () => {
    const r = await exec(process.execPath, ['-e', WRITER, 'quiet 𝄞', '1', '[1]'], { quiet: true });
    expect(logged.join('')).toBe('');
    expect(r.stdout).toBe('quiet 𝄞');
  });
});
