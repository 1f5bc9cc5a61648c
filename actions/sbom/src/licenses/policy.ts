import licenseIds from 'spdx-license-ids';
import { ConfigurationError } from '../../../../shared/errors';
import type { Component } from '../model/types';
import { Inputs } from '../names';
import { type Ast, parseExpression } from './expression';

export interface Offender {
  component: Component;
  expression: string;
  denied: string[];
}

/**
 * Parses `deny-licenses`: SPDX ids, `id+` ranges or `id WITH exception`, as spdx-satisfies
 * understands them. Checked up front so a typo fails before anything is written.
 */
export function parseDenyList(items: readonly string[]): string[] {
  for (const item of items) {
    const ast = parseExpression(item);
    if (!ast || 'conjunction' in ast) {
      throw new ConfigurationError(
        `Input ${Inputs.denyLicenses}: "${item}" is not an SPDX license identifier (e.g. GPL-3.0-only, AGPL-3.0-or-later, GPL-2.0+); list one per line`,
        { input: Inputs.denyLicenses },
      );
    }
  }
  return [...items];
}

/**
 * A component offends when every way to satisfy its expression uses a denied license (an OR offers
 * a choice, and so does an `-or-later` version):
 * `MIT OR GPL-3.0-only` passes a GPL-3.0-only denial (MIT can be chosen), `MIT AND GPL-3.0-only`
 * does not. Components without a known license are not offenders (they show in the summary).
 */
export async function findOffenders(components: readonly Component[], deny: readonly string[]): Promise<Offender[]> {
  if (deny.length === 0) return [];
  // Loaded only when there is a policy to check: it carries the SPDX license ranges.
  const { default: satisfies } = await import('spdx-satisfies');
  const offenders: Offender[] = [];
  for (const component of components) {
    const license = component.license;
    if (!license?.valid) continue;
    const ast = parseExpression(license.expression);
    if (!ast) continue;
    const denied = new Set<string>();
    if (isDenied(ast, deny, denied, satisfies))
      offenders.push({ component, expression: license.expression, denied: [...denied].sort() });
  }
  return offenders;
}

type Satisfies = (expression: string, approved: readonly string[]) => boolean;

function isDenied(ast: Ast, deny: readonly string[], hits: Set<string>, satisfies: Satisfies): boolean {
  if ('conjunction' in ast) {
    const left = isDenied(ast.left, deny, hits, satisfies);
    const right = isDenied(ast.right, deny, hits, satisfies);
    return ast.conjunction === 'and' ? left || right : left && right;
  }
  const leaf = `${ast.license}${ast.plus ? '+' : ''}${ast.exception ? ` WITH ${ast.exception}` : ''}`;
  // `X-or-later` (or `X+`) lets the recipient pick X or any later version: it offends only when
  // every one of those choices is denied (denying GPL-3.0-only leaves GPL-2.0-or-later's 2.0).
  const denied = choicesOf(ast).every((choice) => deny.some((d) => matches(choice, d, satisfies)));
  if (denied) hits.add(leaf);
  return denied;
}

function matches(choice: string, denied: string, satisfies: Satisfies): boolean {
  try {
    return satisfies(choice, [denied]);
  } catch {
    return choice === denied;
  }
}

/** The licenses a leaf lets one choose between: itself, or each version from X on for `X-or-later` / `X+`. */
export function choicesOf(leaf: { license: string; plus?: boolean; exception?: string }): string[] {
  const exception = leaf.exception ? ` WITH ${leaf.exception}` : '';
  const later = leaf.plus === true || leaf.license.endsWith('-or-later');
  if (!later) return [`${leaf.license}${exception}`];
  const base = leaf.license.replace(/-or-later$/, '');
  const m = /^(.+?)-(\d+(?:\.\d+)*)(-only)?$/.exec(base);
  if (!m) return [`${leaf.license}${exception}`];
  const family = m[1] as string;
  const from = versionKey(m[2] as string);
  const versions = new Map<string, string>();
  const pattern = new RegExp(`^${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+(?:\\.\\d+)*)(-only)?$`);
  for (const id of licenseIds) {
    const v = pattern.exec(id);
    if (!v || compareVersions(versionKey(v[1] as string), from) < 0) continue;
    // GNU licenses name each version `-only`; others (Apache-2.0, MPL-2.0) just the version.
    if (v[2] || !versions.has(v[1] as string)) versions.set(v[1] as string, id);
  }
  return versions.size > 0 ? [...versions.values()].map((id) => `${id}${exception}`) : [`${leaf.license}${exception}`];
}

function versionKey(text: string): number[] {
  return text.split('.').map(Number);
}

function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
