// sbom-image: SPDX 2.3 + CycloneDX 1.6 of a container image read from a `docker save` archive,
// side by side with cdxgen's image mode (`-t docker <archive>`, which runs its bundled trivy
// offline). The image is built here with `docker import` from this machine's own package metadata
// (its dpkg database and copyright files, os-release, Python dist-info, this project's
// node_modules package.json files and the jars of ~/.m2), so it is realistic in size and needs no
// network; its contents depend on the machine, and the counts are recorded next to the timings.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compare } from '../lib.mjs';

const CDXGEN = 'bench/.peers/node_modules/@cyclonedx/cdxgen/bin/cdxgen.js';

function copy(from, to) {
  mkdirSync(dirname(to), { recursive: true });
  cpSync(from, to, { verbatimSymlinks: true });
}

/** A root filesystem made of the package metadata on this machine. */
function rootfs(root, dir) {
  copy('/var/lib/dpkg/status', join(dir, 'var/lib/dpkg/status'));
  copy('/usr/lib/os-release', join(dir, 'usr/lib/os-release'));
  mkdirSync(join(dir, 'etc'), { recursive: true });
  execFileSync('ln', ['-s', '../usr/lib/os-release', join(dir, 'etc/os-release')]);
  for (const pkg of readdirSync('/usr/share/doc')) {
    const file = join('/usr/share/doc', pkg, 'copyright');
    if (existsSync(file) && statSync(file).isFile()) copy(file, join(dir, 'usr/share/doc', pkg, 'copyright'));
  }
  for (const base of ['/usr/lib/python3/dist-packages', '/usr/local/lib/python3.11/dist-packages']) {
    if (!existsSync(base)) continue;
    for (const d of readdirSync(base).filter((n) => n.endsWith('.dist-info'))) {
      if (existsSync(join(base, d, 'METADATA'))) copy(join(base, d, 'METADATA'), join(dir, base, d, 'METADATA'));
    }
  }
  const modules = join(root, 'node_modules');
  for (const name of readdirSync(modules)) {
    const names = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
    for (const n of names) {
      const file = join(modules, n, 'package.json');
      if (existsSync(file)) copy(file, join(dir, 'app/node_modules', n, 'package.json'));
    }
  }
  const m2 = join(process.env.HOME ?? '/root', '.m2', 'repository');
  if (existsSync(m2)) {
    const jars = execFileSync('find', [m2, '-name', '*.jar', '-size', '-2M'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    for (const jar of jars.slice(0, 200)) copy(jar, join(dir, 'app/lib', jar.split('/').pop()));
  }
}

function components(file) {
  const bom = JSON.parse(readFileSync(file, 'utf8'));
  const byType = {};
  const purls = new Set();
  for (const c of bom.components ?? []) {
    if (!c.purl) continue;
    // Compare identities, not qualifier spelling: type/namespace/name@version.
    const id = c.purl.split('?')[0].toLowerCase();
    purls.add(id);
    const type = id.slice(4, id.indexOf('/'));
    byType[type] = (byType[type] ?? 0) + 1;
  }
  return { byType, purls };
}

export default async function bench({ root, quick }) {
  if (!existsSync(join(root, 'dist', 'sbom', 'index.js')))
    throw new Error('dist/sbom/index.js is missing: run node scripts/build.mjs sbom');
  const work = mkdtempSync(join(tmpdir(), 'sbom-image-bench-'));
  const tag = `paved-sbom-bench/host:${process.pid}`;
  try {
    rootfs(root, join(work, 'rootfs'));
    execFileSync('tar', ['-C', join(work, 'rootfs'), '-cf', join(work, 'rootfs.tar'), '.']);
    execFileSync('docker', ['import', join(work, 'rootfs.tar'), tag], { stdio: 'ignore' });
    const archive = join(work, 'image.tar');
    execFileSync('docker', ['save', '-o', archive, tag]);
    mkdirSync(join(work, 'paved'), { recursive: true });
    const node = process.execPath;
    const contenders = [
      {
        name: 'paved (SPDX + CycloneDX)',
        command: [node, 'dist/sbom/index.js'],
        cwd: root,
        env: {
          INPUT_IMAGE: `docker-archive:${archive}`,
          'INPUT_OUTPUT-DIR': join(work, 'paved'),
          INPUT_FORMATS: 'spdx-json,cyclonedx-json',
          SOURCE_DATE_EPOCH: '1700000000',
          GITHUB_OUTPUT: '',
          GITHUB_STEP_SUMMARY: '',
        },
        description: 'node dist/sbom/index.js, image: docker-archive:… (both formats, validated)',
      },
    ];
    const cdxgen = existsSync(join(root, CDXGEN));
    if (cdxgen) {
      contenders.push({
        name: 'cdxgen image mode (CycloneDX)',
        command: [node, CDXGEN, '-t', 'docker', '--spec-version', '1.6', '-o', join(work, 'cdxgen.json'), archive],
        cwd: root,
        env: { FETCH_LICENSE: 'false', CDXGEN_NO_BANNER: 'true' },
        description: 'cdxgen -t docker <docker save archive> (bundled trivy, offline; FETCH_LICENSE=false)',
        timeoutMs: 900_000,
      });
    }
    const report = await compare({
      name: 'sbom-image',
      runs: quick ? 1 : 3,
      contenders,
      baseline: contenders[0].name,
      goals: cdxgen
        ? [
            {
              contender: 'cdxgen image mode (CycloneDX)',
              minRatio: 20,
              text: 'both formats ≥20× faster than cdxgen writes one',
            },
          ]
        : [],
      extra: {},
    });
    const pavedBom = readdirSync(join(work, 'paved')).find((f) => f.endsWith('.cdx.json'));
    const ours = pavedBom ? components(join(work, 'paved', pavedBom)) : undefined;
    const extra = {
      load_average_1_5_15: (await import('node:os')).loadavg().map((l) => Math.round(l * 100) / 100),
      image:
        "docker import of this machine's dpkg database, copyright files, os-release, Python dist-info, the project's node_modules package.json files and up to 200 jars from ~/.m2",
      image_archive_mb: Math.round((statSync(archive).size / 1048576) * 10) / 10,
      paved_components_by_type: ours?.byType ?? null,
      cdxgen: cdxgen
        ? 'bench/.peers @cyclonedx/cdxgen'
        : 'not installed in bench/.peers (npm run bench -- sbom installs it)',
    };
    if (cdxgen && existsSync(join(work, 'cdxgen.json'))) {
      const theirs = components(join(work, 'cdxgen.json'));
      extra.cdxgen_components_by_type = theirs.byType;
      if (ours) {
        extra.only_in_paved = [...ours.purls].filter((p) => !theirs.purls.has(p)).length;
        extra.only_in_cdxgen = [...theirs.purls].filter((p) => !ours.purls.has(p)).length;
        extra.only_in_cdxgen_sample = [...theirs.purls].filter((p) => !ours.purls.has(p)).slice(0, 10);
      }
    }
    report.extra = extra;
    const { writeFileSync } = await import('node:fs');
    const { markdown } = await import('../lib.mjs');
    writeFileSync(join(root, 'bench', 'results', 'sbom-image.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(root, 'bench', 'results', 'sbom-image.md'), markdown(report));
    console.log(JSON.stringify(extra, null, 2));
    return report;
  } finally {
    try {
      execFileSync('docker', ['rmi', '-f', tag], { stdio: 'ignore' });
    } catch {
      /* never built */
    }
    rmSync(work, { recursive: true, force: true });
  }
}
