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
 * A component offends when every way to satisfy its expression uses a denied license:
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
  let hit = false;
  for (const d of deny) {
    let matches = false;
    try {
      matches = satisfies(leaf, [d]);
    } catch {
      matches = leaf === d;
    }
    if (matches) {
      hits.add(leaf);
      hit = true;
    }
  }
  return hit;
}
