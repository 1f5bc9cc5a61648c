import { containsSecret } from '../../../../shared/secrets';

/**
 * Which lines of a file come from secrets: `all` (the task's own arguments read a secret, or a
 * registered value shows up in the diff) or the template lines that read `${secrets.…}`.
 */
export type SecretLines = 'all' | readonly string[];

/**
 * A diff of a file built from secrets would show the value twice: the new one (masked, it is
 * registered) and the OLD one read from the host, which nothing masks (after a rotation, the
 * previous password). So such a diff keeps its shape, headers, hunk line numbers and notes, and
 * hides each content line that comes from a secret (old and new alike): it shows that the line
 * changed, never what it holds.
 */
export function maskSecretDiff(diff: string | undefined, secretLines: SecretLines | undefined): string | undefined {
  if (!diff) return diff;
  const lines = diff.split('\n');
  const content = (l: string) => /^[ +-]/.test(l) && !l.startsWith('--- ') && !l.startsWith('+++ ');
  let which = secretLines;
  // A registered value on a changed line (it reached the file through a variable): the line it
  // replaced held the old value, which nothing can tell apart, so every line is hidden.
  if (lines.some((l) => /^[+-]/.test(l) && content(l) && containsSecret(l.slice(1)))) which = 'all';
  if (!which || (which !== 'all' && which.length === 0)) return diff;
  const fromSecret = (line: string) => which === 'all' || which.some((t) => sharesStatic(t, line));
  return lines
    .map((l) => {
      if (!content(l) || !fromSecret(l.slice(1))) return l;
      const mark = l[0];
      return `${mark}*** (${mark === ' ' ? 'unchanged' : mark === '-' ? 'old' : 'new'} line hidden: it comes from a secret)`;
    })
    .join('\n');
}

/** Whether a line could have been rendered from a template line: all its literal parts are in it. */
function sharesStatic(templateLine: string, line: string): boolean {
  return templateLine
    .split(/\$\{[^}]*\}/)
    .filter((p) => p.trim().length > 0)
    .every((p) => line.includes(p.trim()));
}

/** The lines of a template that read `${secrets.…}`. */
export function secretTemplateLines(template: string): string[] {
  return template.split('\n').filter((l) => /\$\{\s*secrets\./.test(l));
}

/** Whether a task's own arguments read a secret (`${secrets.…}` anywhere in them). */
export function readsSecrets(args: unknown): boolean {
  return /\$\{\s*secrets\b/.test(JSON.stringify(args ?? null));
}
