import * as core from './actions-core';

/**
 * The runner masks what core.setSecret registered, but only in its own log; our CLI, job summary
 * and report files are written by us, so we keep the same list and redact with it ourselves.
 */
const secrets = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const candidate of [value, ...value.split(/\r?\n/).map((line) => line.trim())]) {
    // Masking very short strings would blank out ordinary words everywhere.
    if (candidate.length < 3 || secrets.has(candidate)) continue;
    secrets.add(candidate);
    core.setSecret(candidate);
  }
}

export function redact(text: string): string {
  if (secrets.size === 0 || !text) return text;
  let out = text;
  // Longest first, so a secret containing another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** For tests: forget registered secrets between cases. */
export function clearSecrets(): void {
  secrets.clear();
}
