import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pep503 } from '../model/purl';
import type { Component, License } from '../model/types';

/**
 * Licenses the lockfile does not state, read offline from what the checkout already has: Python
 * `site-packages/*.dist-info/METADATA` (a virtualenv in the project, or $VIRTUAL_ENV), the Cargo
 * registry's unpacked crates (`$CARGO_HOME/registry/src/<index>/<name>-<version>/Cargo.toml`) and
 * Bundler's installed gemspecs (`vendor/bundle/ruby/<v>/specifications/<name>-<version>.gemspec`).
 * Each directory is listed once; a package matches only on its exact name and version. The
 * recorded source says which file it came from (relative to the scan root when inside it).
 */
export class InstalledMetadata {
  private pythonIndex?: Map<string, string>;
  private cargoDirs?: string[];
  private gemDirs?: string[];

  constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  licenseOf(component: Component): License | undefined {
    switch (component.purlType) {
      case 'pypi':
        return this.python(component);
      case 'cargo':
        return this.cargo(component);
      case 'gem':
        return this.gem(component);
      default:
        return undefined;
    }
  }

  private source(path: string, cache: string): string {
    const rel = relative(this.root, path);
    return rel.startsWith('..') ? `${cache}: ${path.split(sep).slice(-3).join('/')}` : rel.split(sep).join('/');
  }

  // --- Python ------------------------------------------------------------------------------------

  private python(component: Component): License | undefined {
    this.pythonIndex ??= this.indexSitePackages();
    const dir = this.pythonIndex.get(`${pep503(component.name)}@${component.version}`);
    if (!dir) return undefined;
    const file = join(dir, 'METADATA');
    const text = read(file);
    if (text === undefined) return undefined;
    const license = pythonLicense(text);
    return license ? { expression: license, valid: false, source: this.source(file, 'site-packages') } : undefined;
  }

  private indexSitePackages(): Map<string, string> {
    const index = new Map<string, string>();
    const roots = [this.env.VIRTUAL_ENV, ...['.venv', 'venv', 'env', '.tox'].map((d) => join(this.root, d))];
    for (const venv of roots) {
      if (!venv) continue;
      for (const lib of ['lib', 'lib64', 'Lib']) {
        const pythons = list(join(venv, lib));
        // Windows venvs have Lib/site-packages directly; POSIX ones lib/pythonX.Y/site-packages.
        const sites = [join(venv, lib, 'site-packages'), ...pythons.map((p) => join(venv, lib, p, 'site-packages'))];
        for (const site of sites)
          for (const entry of list(site)) {
            const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
            if (m) index.set(`${pep503(m[1] as string)}@${m[2]}`, join(site, entry));
          }
      }
    }
    return index;
  }

  // --- Cargo -------------------------------------------------------------------------------------

  private cargo(component: Component): License | undefined {
    if (!this.cargoDirs) {
      const home = this.env.CARGO_HOME || join(homedir(), '.cargo');
      this.cargoDirs = list(join(home, 'registry', 'src')).map((index) => join(home, 'registry', 'src', index));
      this.cargoDirs.push(join(this.root, 'vendor'));
    }
    for (const dir of this.cargoDirs) {
      for (const candidate of [`${component.name}-${component.version}`, component.name]) {
        const file = join(dir, candidate, 'Cargo.toml');
        const text = read(file);
        if (text === undefined) continue;
        // `cargo vendor` keeps one version per name: the version must match too.
        const version = /^version\s*=\s*"([^"]+)"/m.exec(text)?.[1];
        if (version !== component.version) continue;
        const license = /^license\s*=\s*"([^"]+)"/m.exec(text)?.[1];
        if (license) return { expression: license, valid: false, source: this.source(file, 'cargo registry') };
      }
    }
    return undefined;
  }

  // --- Ruby --------------------------------------------------------------------------------------

  private gem(component: Component): License | undefined {
    if (!this.gemDirs) {
      const bundle = join(this.root, 'vendor', 'bundle', 'ruby');
      this.gemDirs = list(bundle).map((v) => join(bundle, v, 'specifications'));
    }
    const platform = component.qualifiers?.platform ? `-${component.qualifiers.platform}` : '';
    for (const dir of this.gemDirs) {
      const file = join(dir, `${component.name}-${component.version}${platform}.gemspec`);
      const text = read(file);
      if (text === undefined) continue;
      // `s.licenses = ["MIT".freeze, "Ruby".freeze]` (several mean "any of", as RubyGems documents).
      const m = /\.licenses?\s*=\s*\[?([^\n\]]*)/.exec(text);
      const ids = m ? [...(m[1] as string).matchAll(/"([^"]+)"/g)].map((x) => x[1] as string) : [];
      if (ids.length > 0)
        return { expression: ids.join(' OR '), valid: false, source: this.source(file, 'gem specifications') };
    }
    return undefined;
  }
}

/** PEP 639 `License-Expression`, else a one-line `License`, else the most specific license classifier. */
export function pythonLicense(metadata: string): string | undefined {
  const head = metadata.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const expression = /^License-Expression:\s*(.+)$/m.exec(head)?.[1]?.trim();
  if (expression) return expression;
  const license = /^License:\s*(.+)$/m.exec(head)?.[1]?.trim();
  // Some projects paste the whole license text here (continuation lines follow); only a name is useful.
  const continued = license !== undefined && /^License:.*\r?\n[ \t]+\S/m.test(head);
  if (license && !continued && license.length <= 80 && !/^UNKNOWN$/i.test(license)) return license;
  const classifiers = [...head.matchAll(/^Classifier:\s*License :: (.+)$/gm)].map((m) => (m[1] as string).trim());
  const named = classifiers.map((c) => c.split(' :: ').pop() as string).filter((c) => c !== 'OSI Approved');
  return named.length > 0 ? named.join(' OR ') : undefined;
}

function list(dir: string): string[] {
  try {
    return readdirSync(resolve(dir)).sort();
  } catch {
    return [];
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
