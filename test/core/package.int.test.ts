import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../harness';

/**
 * `npm pack` gives a tarball that installs `paved` with no runtime dependencies: the bundles in
 * dist/ are self-contained (ncc), so an empty prefix with nothing but Node runs every action.
 */
const npmEnv = () => ({
  // npm test exports npm_config_* (prefix, cache, …): the install must use only what we say here.
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_offline: 'true',
});

describe('npm pack', () => {
  it('installs a working paved into an empty prefix, with zero dependencies', () => {
    const work = mkdtempSync(join(tmpdir(), 'paved-pack-'));
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
      env: npmEnv(),
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const files = info.files.map((f) => f.path);
    expect(files).toContain('bin/paved.js');
    expect(files).toContain('dist/cli/index.js');
    for (const action of ['runbook', 'db2', 'sbom', 'sign', 'telemetry']) {
      expect(files).toContain(`dist/${action}/index.js`);
      expect(files).toContain(`actions/${action}/action.yml`);
    }
    // Sources, tests and fixtures stay out of the package.
    expect(files.some((f) => f.startsWith('test/') || f.endsWith('.ts'))).toBe(false);

    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, join(work, info.filename)], {
      encoding: 'utf8',
      env: npmEnv(),
    });
    expect(install.status, install.stderr).toBe(0);
    const installed = join(prefix, 'lib', 'node_modules', 'paved');
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect(readdirSync(join(prefix, 'lib', 'node_modules'))).toEqual(['paved']);

    const bin = join(prefix, 'bin', 'paved');
    const run = (args: string[], cwd = work) =>
      spawnSync(process.execPath, [bin, ...args], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NO_COLOR: '1' },
      });
    const version = run(['--version']);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe(`paved ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);
    const help = run(['sbom', '--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('--path');

    // And a real action from the installed bundle: an SBOM of a small npm project.
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0' }));
    writeFileSync(
      join(project, 'package-lock.json'),
      JSON.stringify({
        name: 'demo',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'demo', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
          'node_modules/left-pad': {
            version: '1.3.0',
            resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
            integrity:
              'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEg8ZLQ1V2clYfpWo9E4pb4aWaLgr14B3Iyi3usE2eeo5KSg==',
            license: 'WTFPL',
          },
        },
      }),
    );
    const sbom = run(['sbom', '--path', '.', '--output-dir', 'out'], project);
    expect(sbom.status, sbom.stdout + sbom.stderr).toBe(0);
    const cdx = JSON.parse(readFileSync(join(project, 'out', 'demo.cdx.json'), 'utf8'));
    expect(cdx.components.map((c: { purl: string }) => c.purl)).toContain('pkg:npm/left-pad@1.3.0');
  });
});
