import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Component, License } from '../model/types';
import { leaves, parseExpression, render } from './expression';
import { InstalledMetadata } from './installed';
import { licenseText } from './text';

export type LicenseMode = 'auto' | 'lockfile' | 'none';

/**
 * Settles each component's license: `auto` fills the gaps the lockfile leaves from installed
 * package metadata (node_modules/<name>/package.json, vendor/<name>/composer.json), accepting a
 * file only when its name and version match the component; `none` records NOASSERTION throughout.
 * The expression is then parsed: a valid one is written canonically, anything else is kept verbatim
 * and marked invalid so the writers emit it as a named (non-SPDX) license.
 */
export async function resolveLicenses(
  components: Component[],
  mode: LicenseMode,
  cwd: string,
  root: string,
): Promise<void> {
  let correct: ((text: string) => string | null) | undefined;
  const metadata = new InstalledMetadata(resolve(cwd, root));
  const dirs = new Map<string, boolean>();
  // A large lockfile states a few dozen distinct license texts: each is parsed once.
  const parsed = new Map<string, Pick<License, 'expression' | 'valid' | 'ids' | 'normalisedFrom'>>();
  for (const component of components) {
    if (mode === 'none') {
      component.license = undefined;
      continue;
    }
    if (!component.license && mode === 'auto')
      component.license = installed(component, cwd, root, dirs) ?? metadata.licenseOf(component);
    const license = component.license;
    if (license) {
      let result = parsed.get(license.expression);
      if (!result) {
        let ast = parseExpression(license.expression);
        let normalised: string | undefined;
        if (!ast) {
          // "GPLv3", "Apache 2", "MIT License": spdx-correct (the npm ecosystem's own normaliser),
          // loaded only when some license is not SPDX already, and taken only when unambiguous.
          correct ??= (await import('spdx-correct')).default;
          const fix = correct;
          normalised =
            unambiguous(license.expression, fix(license.expression)) ??
            // "MIT License OR Apache Software License" (classifiers): each choice on its own.
            eachOf(license.expression, (part) => unambiguous(part, fix(part)));
          if (normalised) ast = parseExpression(normalised);
        }
        result = ast
          ? {
              expression: render(ast),
              valid: true,
              ids: [...new Set(leaves(ast))],
              normalisedFrom: normalised && license.expression,
            }
          : { expression: license.expression, valid: false, ids: undefined };
        parsed.set(license.expression, result);
      }
      component.license = result.valid
        ? {
            ...license,
            expression: result.expression,
            valid: true,
            ids: result.ids,
            ...(result.normalisedFrom ? { normalisedFrom: result.normalisedFrom } : {}),
          }
        : { ...license, valid: false };
    }
  }
}

/**
 * spdx-correct's answer when the text pins it down: a version in the answer must be the one the
 * text states ("GPLv3" → GPL-3.0-or-later yes, "BSD" → BSD-2-Clause or "LGPL" → LGPL-3.0 no: those
 * guess a version or variant the text never gave).
 */
function unambiguous(text: string, corrected: string | null): string | undefined {
  if (!corrected) return undefined;
  const stated = /\d+/.exec(text)?.[0];
  const chosen = /\d+/.exec(corrected)?.[0];
  if (chosen !== undefined && stated !== chosen) return undefined;
  return corrected;
}

function eachOf(text: string, fix: (part: string) => string | undefined): string | undefined {
  const parts = text.split(/\s+OR\s+/);
  if (parts.length < 2) return undefined;
  const fixed = parts.map(fix);
  return fixed.every((f) => f !== undefined)
    ? fixed.map((f) => (/\s/.test(f as string) ? `(${f})` : f)).join(' OR ')
    : undefined;
}

interface LockfileDirs {
  nodeModules: string;
  vendor: string;
}

const lockDirs = new Map<string, LockfileDirs>();

/** Where a lockfile's packages are installed, relative to the working directory; computed once per lockfile. */
function lockfileDirs(file: string, cwd: string, root: string): LockfileDirs {
  const key = `${cwd}\0${root}\0${file}`;
  let dirs = lockDirs.get(key);
  if (dirs === undefined) {
    const dir = relative(cwd, join(root, file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.'));
    dirs = { nodeModules: join(dir, 'node_modules'), vendor: join(dir, 'vendor') };
    lockDirs.set(key, dirs);
  }
  return dirs;
}

function installed(component: Component, cwd: string, root: string, dirs: Map<string, boolean>): Component['license'] {
  // Most CI checkouts have nothing installed: one stat per lockfile directory, not one failed read per package.
  const present = (dir: string): boolean => {
    let known = dirs.get(dir);
    if (known === undefined) {
      known = existsSync(resolve(cwd, dir));
      dirs.set(dir, known);
    }
    return known;
  };
  const candidates: string[] = [];
  const full = component.namespace ? `${component.namespace}/${component.name}` : component.name;
  if (component.purlType === 'npm' && component.installPath) {
    const at = component.installPath.indexOf('node_modules');
    if (at !== -1 && present(component.installPath.slice(0, at + 'node_modules'.length)))
      candidates.push(join(component.installPath, 'package.json'));
  }
  for (const file of component.files) {
    // component.files are relative to the scanned root; candidates are relative to the working directory.
    const dirs = lockfileDirs(file, cwd, root);
    if (component.purlType === 'npm' && present(dirs.nodeModules))
      candidates.push(join(dirs.nodeModules, full, 'package.json'));
    if (component.purlType === 'composer' && present(dirs.vendor))
      candidates.push(join(dirs.vendor, full, 'composer.json'));
  }
  for (const candidate of new Set(candidates)) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(readFileSync(resolve(cwd, candidate), 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (typeof data.name !== 'string' || data.name.toLowerCase() !== full.toLowerCase()) continue;
    if (component.purlType === 'npm' && data.version !== component.version) continue;
    const text = licenseText(data.license) ?? licenseText(data.licenses);
    if (text)
      return { expression: text, valid: false, source: relative(root, resolve(cwd, candidate)).split(sep).join('/') };
  }
  return undefined;
}
