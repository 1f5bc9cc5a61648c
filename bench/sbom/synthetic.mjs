// A synthetic npm lockfile (lockfileVersion 3) of any size, for the scale benchmark and its
// correctness test: generated on the fly so that no giant fixture is committed. It is shaped like a
// real monorepo's package-lock.json: unscoped and scoped packages, nested copies at other versions
// (node_modules/a/node_modules/b), resolved URLs, sha512 integrities, licenses (some SPDX
// expressions, a few non-SPDX strings), dev and optional flags, and 1-4 dependency edges per entry.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LICENSES = ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', 'MIT', '(MIT OR Apache-2.0)', 'BSD-2-Clause', 'MIT'];

function nameOf(i) {
  // One in five packages is scoped, spread over 200 scopes.
  return i % 5 === 0 ? `@scope-${i % 200}/pkg-${i}` : `pkg-${i}`;
}

function integrity(seed) {
  return `sha512-${createHash('sha512').update(seed).digest('base64')}`;
}

function tarball(name, version) {
  const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
  return `https://registry.npmjs.org/${name}/-/${base}-${version}.tgz`;
}

/**
 * Writes `package.json` and `package-lock.json` with `entries` package entries into `dir`.
 * One in six entries is a nested copy at a different version, so every entry is a distinct
 * name@version: the SBOM must list exactly `entries` components.
 * Returns { entries, distinct: Set of name@version, bytes }.
 */
export function writeSyntheticNpmProject(dir, entries = 60_000) {
  const nested = Math.floor(entries / 6);
  const top = entries - nested;
  const packages = {};
  const rootDeps = {};
  const rootDev = {};
  for (let i = 0; i < Math.min(300, top); i++) {
    if (i % 4 === 3) rootDev[nameOf(i)] = `^1.${i}.0`;
    else rootDeps[nameOf(i)] = `^1.${i}.0`;
  }
  packages[''] = {
    name: 'synthetic-monorepo',
    version: '1.0.0',
    license: 'MIT',
    dependencies: rootDeps,
    devDependencies: rootDev,
  };
  const distinct = new Set();
  for (let i = 0; i < top; i++) {
    const name = nameOf(i);
    const version = `1.${i}.0`;
    const entry = {
      version,
      resolved: tarball(name, version),
      integrity: integrity(`${name}@${version}`),
    };
    // Dependencies only point "forward", as a dependency tree does; the last ones are leaves.
    const count = 1 + (i % 4);
    const dependencies = {};
    for (let k = 1; k <= count && i + k * 7 < top; k++) dependencies[nameOf(i + k * 7)] = `^1.${i + k * 7}.0`;
    if (Object.keys(dependencies).length > 0) entry.dependencies = dependencies;
    if (i % 4 === 3) entry.dev = true;
    else if (i % 97 === 5) entry.optional = true;
    entry.license = i % 1000 === 999 ? 'SEE LICENSE IN LICENSE.md' : LICENSES[i % LICENSES.length];
    if (i % 50 === 0) entry.engines = { node: '>=18' };
    packages[`node_modules/${name}`] = entry;
    distinct.add(`${name}@${version}`);
  }
  for (let n = 0; n < nested; n++) {
    // node_modules/<parent>/node_modules/<child> at 2.<n>.0: the parent's own older copy.
    const parent = nameOf((n * 5 + 1) % top);
    const name = nameOf((n * 3 + 2) % top);
    const version = `2.${n}.0`;
    const path = `node_modules/${parent}/node_modules/${name}`;
    if (packages[path]) {
      // Two nested copies would share a path: put this one one level deeper instead.
      packages[`${path}/node_modules/${nameOf(n % top)}`] = {
        version,
        resolved: tarball(nameOf(n % top), version),
        integrity: integrity(`${nameOf(n % top)}@${version}`),
        license: 'MIT',
      };
      distinct.add(`${nameOf(n % top)}@${version}`);
      continue;
    }
    packages[path] = {
      version,
      resolved: tarball(name, version),
      integrity: integrity(`${name}@${version}`),
      license: LICENSES[n % LICENSES.length],
      ...(n % 4 === 3 ? { dev: true } : {}),
    };
    distinct.add(`${name}@${version}`);
  }
  const lock = { name: 'synthetic-monorepo', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'synthetic-monorepo', version: '1.0.0', license: 'MIT', dependencies: rootDeps, devDependencies: rootDev }, null, 2)}\n`,
  );
  const text = `${JSON.stringify(lock, null, 2)}\n`;
  writeFileSync(join(dir, 'package-lock.json'), text);
  return { entries: Object.keys(packages).length - 1, distinct, bytes: Buffer.byteLength(text) };
}
