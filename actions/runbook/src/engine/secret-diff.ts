import { containsSecret } from '../../../../shared/secrets';

/**
 * A diff of a file built from secrets would show the value twice: the new one (masked, it is
 * registered) and the OLD one read from the host, which nothing masks (after a rotation, the
 * previous password). So each change block of a hunk (the `-` lines and the `+` lines that
 * replace them) is hidden whole when one of its new lines holds a registered secret (in any
 * encoding) or one of its lines comes from a template line reading `${secrets.…}`: the diff still
 * shows which lines changed, with their line numbers, never what they hold. Headers, unchanged
 * context (already masked by value) and metadata notes stay.
 */
export function maskSecretDiff(diff: string | undefined, secretLines: readonly string[] = []): string | undefined {
  if (!diff) return diff;
  const lines = diff.split('\n');
  const change = (l: string) => /^[+-]/.test(l) && !l.startsWith('--- ') && !l.startsWith('+++ ');
  const fromTemplate = (l: string) => secretLines.some((t) => sharesStatic(t, l));
  const out = [...lines];
  for (let i = 0; i < lines.length; ) {
    if (!change(lines[i] as string)) {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && change(lines[end] as string)) end++;
    const block = lines.slice(i, end);
    const secretLine = (l: string) => (l[0] === '+' && containsSecret(l.slice(1))) || fromTemplate(l.slice(1));
    // Only added lines (a new file, an inserted block): no old value to leak, so only the lines
    // holding a secret are hidden. With removed lines, the whole block: old and new cannot be paired.
    const whole = block.some((l) => l[0] === '-') && block.some(secretLine);
    for (let j = i; j < end; j++) {
      const l = lines[j] as string;
      if (whole || secretLine(l))
        out[j] = `${l[0]}*** (${l[0] === '-' ? 'old' : 'new'} line hidden: it comes from a secret)`;
    }
    i = end;
  }
  return out.join('\n');
}

/** Whether a line could have been rendered from a template line: all its literal parts are in it. */
function sharesStatic(templateLine: string, line: string): boolean {
  const parts = templateLine
    .split(/\$\{[^}]*\}/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every((p) => line.includes(p));
}

/** The lines of a template that read a secret: `${secrets.…}`, or a variable given a secret value. */
export function secretTemplateLines(template: string, secretVariables: readonly string[] = []): string[] {
  const names = ['secrets\\.', ...secretVariables.map((n) => `${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)];
  const re = new RegExp(`\\$\\{\\s*(?:${names.join('|')})`);
  return template.split('\n').filter((l) => re.test(l));
}
