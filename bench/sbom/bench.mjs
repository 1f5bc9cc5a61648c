// sbom: SPDX 2.3 + CycloneDX 1.6 from one large real npm lockfile (bench/sbom/fixture, ~1,600
// distinct packages from popular frameworks, made once with `npm install --package-lock-only`),
// side by side with cdxgen (CycloneDX only; FETCH_LICENSE=false, --no-install-deps) and
// `npm sbom --package-lock-only` where it runs. Goal: both formats ≥20× faster than cdxgen's one.
// Then sbom-scale: peak RSS on a synthetic 60,000-entry lockfile (goal < 500 MB).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare } from '../lib.mjs';
import { writeSyntheticNpmProject } from './synthetic.mjs';

const CDXGEN = 'bench/.peers/node_modules/@cyclonedx/cdxgen/bin/cdxgen.js';

function ensureCdxgen(root) {
  if (existsSync(join(root, CDXGEN))) return undefined;
  try {
    // Peers live outside the project's dependencies; the lock serialises npm with other sessions.
    execFileSync(
      'flock',
      [
        '/tmp/paved-npm.lock',
        'npm',
        'install',
        '--prefix',
        'bench/.peers',
        '--no-audit',
        '--no-fund',
        '@cyclonedx/cdxgen',
      ],
      {
        cwd: root,
        stdio: 'inherit',
        timeout: 600_000,
      },
    );
  } catch (error) {
    return `cdxgen could not be installed into bench/.peers: ${String(error.message ?? error).slice(0, 300)}`;
  }
  return existsSync(join(root, CDXGEN)) ? undefined : `cdxgen installed but ${CDXGEN} is missing`;
}

/** name@version of a CycloneDX document's components (npm spelling). */
function names(file) {
  const bom = JSON.parse(readFileSync(file, 'utf8'));
  return new Set(bom.components.map((c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version}`));
}

export default async function bench({ root, quick }) {
  const fixture = join(root, 'bench', 'sbom', 'fixture');
  if (!existsSync(join(root, 'dist', 'sbom', 'index.js')))
    throw new Error('dist/sbom/index.js is missing: run node scripts/build.mjs sbom');
  const out = mkdtempSync(join(tmpdir(), 'sbom-bench-'));
  mkdirSync(join(out, 'paved'), { recursive: true });
  const node = process.execPath;
  const cdxgenProblem = ensureCdxgen(root);
  const cdxgenVersion = cdxgenProblem
    ? undefined
    : JSON.parse(readFileSync(join(root, 'bench/.peers/node_modules/@cyclonedx/cdxgen/package.json'), 'utf8')).version;

  // npm sbom refuses lockfiles with peer-dependency conflicts (ESBOMPROBLEMS); find out once, untimed.
  const npmProbe = spawnSync(
    'npm',
    ['sbom', '--package-lock-only', '--sbom-format', 'cyclonedx', '--prefix', fixture],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const npmRuns = npmProbe.status === 0;
  const npmProblem = npmRuns
    ? undefined
    : npmProbe.stderr
        .split('\n')
        .filter((l) => l.startsWith('npm error'))
        .slice(0, 4)
        .join(' | ') || `exit ${npmProbe.status}`;

  const paved = {
    name: 'paved (SPDX + CycloneDX)',
    command: [node, 'dist/sbom/index.js'],
    cwd: root,
    env: {
      INPUT_PATH: fixture,
      'INPUT_OUTPUT-DIR': join(out, 'paved'),
      INPUT_FORMATS: 'spdx-json,cyclonedx-json',
      SOURCE_DATE_EPOCH: '1700000000',
      GITHUB_OUTPUT: '',
      GITHUB_STEP_SUMMARY: '',
    },
    description: 'node dist/sbom/index.js (both formats, validated)',
  };
  const contenders = [paved];
  if (!cdxgenProblem) {
    contenders.push({
      name: 'cdxgen (CycloneDX)',
      command: [
        node,
        CDXGEN,
        '-t',
        'js',
        '--no-install-deps',
        '--spec-version',
        '1.6',
        '-o',
        join(out, 'cdxgen.json'),
        fixture,
      ],
      cwd: root,
      env: { FETCH_LICENSE: 'false', CDXGEN_NO_BANNER: 'true', CDX_MAVEN_INCLUDE_TEST_SCOPE: 'false' },
      description: `cdxgen ${cdxgenVersion} -t js --no-install-deps (FETCH_LICENSE=false)`,
    });
  }
  if (npmRuns) {
    contenders.push({
      name: 'npm sbom (CycloneDX)',
      command: ['npm', 'sbom', '--package-lock-only', '--sbom-format', 'cyclonedx', '--prefix', fixture],
      cwd: root,
      description: 'npm sbom --package-lock-only --sbom-format cyclonedx',
    });
  }

  const report = await compare({
    name: 'sbom',
    runs: quick ? 3 : 7,
    contenders,
    baseline: paved.name,
    goals: cdxgenProblem
      ? []
      : [{ contender: 'cdxgen (CycloneDX)', minRatio: 20, text: 'both formats ≥20× faster than cdxgen writes one' }],
    extra: {},
  });

  // Component counts and set equality, from the files the last round wrote.
  const pavedBom = join(out, 'paved', 'paved-sbom-bench.cdx.json');
  const lock = JSON.parse(readFileSync(join(fixture, 'package-lock.json'), 'utf8'));
  const lockNames = new Set(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.link)
      .map(([path, entry]) => `${entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 13)}@${entry.version}`),
  );
  const extra = {
    // The machine is shared: the load average says how much the medians above were disturbed.
    load_average_1_5_15: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
    fixture: 'bench/sbom/fixture/package-lock.json',
    lockfile_entries: Object.keys(lock.packages).length - 1,
    lockfile_distinct_packages: lockNames.size,
    paved_components: existsSync(pavedBom) ? names(pavedBom).size : null,
    paved_equals_lockfile: existsSync(pavedBom) ? sameSet(names(pavedBom), lockNames) : null,
    cdxgen: cdxgenProblem ?? `@cyclonedx/cdxgen ${cdxgenVersion}`,
    npm_sbom: npmProblem ? `does not run on this lockfile: ${npmProblem}` : 'runs',
  };
  if (!cdxgenProblem && existsSync(join(out, 'cdxgen.json'))) {
    const theirs = names(join(out, 'cdxgen.json'));
    extra.cdxgen_components = theirs.size;
    extra.paved_equals_cdxgen = existsSync(pavedBom) ? sameSet(names(pavedBom), theirs) : null;
  }
  report.extra = extra;
  const { writeFileSync } = await import('node:fs');
  const { markdown } = await import('../lib.mjs');
  writeFileSync(join(root, 'bench', 'results', 'sbom.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'bench', 'results', 'sbom.md'), markdown(report));
  console.log(JSON.stringify(extra, null, 2));
  await scale({ root, quick, out });
  return report;
}

/**
 * Scale: a synthetic 60,000-entry package-lock.json (bench/sbom/synthetic.mjs, generated here, never
 * committed) through the same bundle, recording peak RSS (GNU time's maximum resident set size).
 * Goal: both documents under 500 MB peak RSS. Only paved runs: cdxgen takes many minutes there.
 */
async function scale({ root, quick, out }) {
  const project = join(out, 'scale-project');
  const generated = writeSyntheticNpmProject(project, 60_000);
  const bom = join(out, 'scale', 'synthetic-monorepo.cdx.json');
  const paved = {
    name: 'paved (SPDX + CycloneDX), 60k entries',
    command: [process.execPath, 'dist/sbom/index.js'],
    cwd: root,
    env: {
      INPUT_PATH: project,
      'INPUT_OUTPUT-DIR': join(out, 'scale'),
      INPUT_FORMATS: 'spdx-json,cyclonedx-json',
      SOURCE_DATE_EPOCH: '1700000000',
      GITHUB_OUTPUT: '',
      GITHUB_STEP_SUMMARY: '',
    },
    timeoutMs: 900_000,
    description: 'node dist/sbom/index.js on a synthetic 60,000-entry package-lock.json',
    check: () => {
      const count = JSON.parse(readFileSync(bom, 'utf8')).components.length;
      if (count !== generated.distinct.size)
        throw new Error(`${count} components, expected ${generated.distinct.size}`);
    },
  };
  const report = await compare({
    name: 'sbom-scale',
    runs: quick ? 1 : 3,
    warmup: 0,
    contenders: [paved],
    baseline: paved.name,
    goals: [],
    extra: {},
  });
  const rss = report.results[paved.name].peak_rss_mb;
  report.extra = {
    load_average_1_5_15: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
    lockfile: 'synthetic (bench/sbom/synthetic.mjs), lockfileVersion 3',
    lockfile_entries: generated.entries,
    lockfile_mb: Math.round((generated.bytes / 1048576) * 10) / 10,
    components_expected: generated.distinct.size,
    peak_rss_goal_mb: 500,
    peak_rss_goal_met: rss === null ? null : rss < 500,
    cdxgen: 'not run at this size (many minutes per run)',
  };
  const { writeFileSync } = await import('node:fs');
  const { markdown } = await import('../lib.mjs');
  writeFileSync(join(root, 'bench', 'results', 'sbom-scale.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(root, 'bench', 'results', 'sbom-scale.md'), markdown(report));
  console.log(JSON.stringify(report.extra, null, 2));
}

function sameSet(a, b) {
  if (a.size !== b.size)
    return `differ: ${[...a].filter((x) => !b.has(x)).length} only in paved, ${[...b].filter((x) => !a.has(x)).length} only in the other`;
  for (const x of a) if (!b.has(x)) return 'differ';
  return true;
}
