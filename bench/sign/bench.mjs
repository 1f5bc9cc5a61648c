// Signing is bound by hashing. Side by side in one run:
//   sign:       one 1 GiB file with method key (ECDSA P-256)  vs  `openssl dgst -sha256` on it
//   sign-small: 1,000 small files                              vs  a shell loop of `openssl dgst -sha256 -sign`
// Goals (issue 6): within 1.15× of openssl's plain hash for the large file; ≥ 5× faster than the loop.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { compare, markdown } from '../lib.mjs';

/**
 * One report for both cases in bench/results/sign.json (what bench/run.mjs lists for bench/sign):
 * each row keeps the ratio to its own case's baseline, and both goals are listed.
 */
function writeCombined(root, reports) {
  const dir = join(root, 'bench', 'results');
  const results = {};
  for (const r of reports) {
    for (const [name, row] of Object.entries(r.results)) results[`${r.name}: ${name}`] = row;
  }
  const combined = {
    name: 'sign',
    date: reports[0].date,
    machine: reports[0].machine,
    baseline: reports.map((r) => `${r.name}: ${r.baseline}`).join('; '),
    runs: Math.max(...reports.map((r) => r.runs)),
    results,
    goals: reports.flatMap((r) => r.goals.map((g) => ({ ...g, case: r.name }))),
    extra: Object.fromEntries(reports.map((r) => [r.name, r.extra])),
  };
  writeFileSync(join(dir, 'sign.json'), `${JSON.stringify(combined, null, 2)}\n`);
  writeFileSync(join(dir, 'sign.md'), markdown(combined));
  // The per-case files compare() wrote are folded into sign.json.
  for (const r of reports) {
    rmSync(join(dir, `${r.name}.json`), { force: true });
    rmSync(join(dir, `${r.name}.md`), { force: true });
  }
  console.log(markdown(combined));
  return combined;
}

export default async function bench({ root, quick }) {
  const dir = mkdtempSync('/tmp/paved-bench-sign-');
  try {
    execFileSync('openssl', [
      'genpkey',
      '-algorithm',
      'EC',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-out',
      join(dir, 'key.pem'),
    ]);
    const action = (files, out) => ({
      command: ['node', join(root, 'dist/sign/index.js')],
      cwd: dir,
      env: {
        GITHUB_WORKSPACE: dir,
        INPUT_COMMAND: 'sign',
        INPUT_METHOD: 'key',
        INPUT_FILES: files,
        'INPUT_PRIVATE-KEY': join(dir, 'key.pem'),
        'INPUT_OUTPUT-DIR': out,
        'INPUT_VERIFY-SCRIPT': 'true',
        GITHUB_OUTPUT: join(dir, 'github-output'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      },
    });
    writeFileSync(join(dir, 'github-output'), '');
    writeFileSync(join(dir, 'summary.md'), '');

    // 1 GiB of incompressible data, written in 16 MiB blocks.
    const size = (quick ? 256 : 1024) * 1024 * 1024;
    const fd = openSync(join(dir, 'large.bin'), 'w');
    const block = randomBytes(16 * 1024 * 1024);
    for (let written = 0; written < size; written += block.length) writeSync(fd, block);
    closeSync(fd);
    const large = await compare({
      name: 'sign-large',
      runs: quick ? 3 : 7,
      contenders: [
        { name: 'openssl dgst -sha256', command: ['openssl', 'dgst', '-sha256', join(dir, 'large.bin')] },
        {
          name: 'paved sign (key, P-256)',
          ...action('large.bin', 'sig-large'),
          description: `paved sign of one ${size / 2 ** 30} GiB file`,
        },
      ],
      baseline: 'openssl dgst -sha256',
      goals: [
        {
          contender: 'paved sign (key, P-256)',
          maxRatio: 1.15,
          text: `signing a ${size / 2 ** 30} GiB file within 1.15× of openssl dgst -sha256`,
        },
      ],
      extra: {
        file_bytes: size,
        note: 'paved time includes node start, key load, signature self-check and writing .sig/.sigstore.json/verify.sh',
      },
    });
    rmSync(join(dir, 'large.bin'), { force: true });

    const count = quick ? 300 : 1000;
    mkdirSync(join(dir, 'small'));
    for (let i = 0; i < count; i++)
      writeFileSync(join(dir, 'small', `f${String(i).padStart(4, '0')}.txt`), randomBytes(1024 + (i % 7) * 512));
    mkdirSync(join(dir, 'sig-loop'));
    const small = await compare({
      name: 'sign-small',
      runs: quick ? 3 : 5,
      contenders: [
        {
          name: 'paved sign (key, P-256)',
          ...action('small/*', 'sig-small'),
          description: `paved sign of ${count} small files`,
        },
        {
          name: 'openssl dgst -sign loop',
          command: [
            'sh',
            '-c',
            'for f in small/*; do openssl dgst -sha256 -sign key.pem -out "sig-loop/${f#small/}.sig" "$f" || exit 1; done',
          ],
          cwd: dir,
          description: `sh loop of openssl dgst -sha256 -sign over ${count} files`,
        },
      ],
      baseline: 'paved sign (key, P-256)',
      goals: [
        {
          contender: 'openssl dgst -sign loop',
          minRatio: 5,
          text: `${count} small files ≥ 5× faster than a loop of openssl dgst -sign`,
        },
      ],
      extra: { files: count },
    });
    return writeCombined(root, [large, small]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
