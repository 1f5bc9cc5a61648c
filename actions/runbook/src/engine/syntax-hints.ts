import type { Loc } from '../runbook/types';

/** Go template actions that look like `{{ name }}` but are not Jinja (docker --format '{{end}}'). */
const GO_KEYWORDS = new Set(['end', 'else', 'range', 'if', 'with', 'define', 'template', 'block', 'break', 'continue']);
/** Jinja's `{{ name }}` / `{{ name.field | filter }}`; Go templates read fields with a leading dot. */
const JINJA = /\{\{-?\s*([A-Za-z_]\w*(?:\.\w+)*)\s*(\|[^}]*)?-?\}\}/;

/**
 * The first Ansible/Jinja `{{ var }}` naming a runbook variable in a task's arguments (or a
 * template's text), with the runbook syntax for it: runbooks interpolate `${var}`, and `{{ }}`
 * would reach the host as is.
 */
export function jinjaReference(
  value: unknown,
  known: (root: string) => boolean,
): { found: string; suggestion: string } | undefined {
  for (const text of strings(value)) {
    for (const m of text.matchAll(new RegExp(JINJA, 'g'))) {
      const path = m[1] as string;
      // Only a name the runbook knows: `{{ x }}` meant for another tool on the host stays as is.
      if (!GO_KEYWORDS.has(path) && known(path.split('.')[0] as string))
        return { found: m[0], suggestion: `\${${path}}` };
    }
  }
  return undefined;
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/**
 * For an undefined `${VAR}` that looks like an environment variable: runbooks interpolate
 * `${…}` before the shell sees the command, so a shell variable is written `$${VAR}`.
 */
export function shellVariableHint(path: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(path)
    ? `; if it is a shell variable, write $\${${path}} so the shell sees \${${path}}, or ${'${env.'}${path}} for the runner's environment`
    : '';
}

/** Where `${path` first appears in a template, as file (relative to the workspace) and line. */
export function templateLoc(text: string, path: string, file: string): Loc {
  const re = new RegExp(`\\$\\{\\s*${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:\\}|:-)`);
  const lines = text.split('\n');
  const index = lines.findIndex((l) => re.test(l));
  if (index === -1) return { file, line: 1, col: 1 };
  return { file, line: index + 1, col: (re.exec(lines[index] as string)?.index ?? 0) + 1 };
}
