import * as core from './actions-core';

/**
 * The runner masks what core.setSecret registered, but only in its own log; our CLI, job summary
 * and report files are written by us, so we keep the same list and redact with it ourselves.
 *
 * A secret reaches our output in more forms than its raw text: a JSON report escapes `"` and `\`,
 * a command line shell-quotes it, a URL percent-encodes it, a script base64-encodes it. Each
 * registered value is therefore also registered in every encoding we (or a task) may write it in,
 * so one redact pass covers them all before anything is written.
 */
const secrets = new Set<string>();
/** Longest first, so a secret containing another is replaced whole; rebuilt when the set grows. */
let ordered: string[] | undefined;

/** The forms a value takes in what we write: raw, JSON-escaped, shell-quoted, URL-encoded, base64. */
export function encodings(value: string): string[] {
  const forms = new Set<string>([value]);
  forms.add(JSON.stringify(value).slice(1, -1));
  // Inside '…' (POSIX quoting of a value with a quote) and inside "…" (\ " $ ` escaped).
  forms.add(value.replace(/'/g, `'\\''`));
  forms.add(value.replace(/(["\\$`])/g, '\\$1'));
  forms.add(encodeURIComponent(value));
  forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
  // Base64, standard and URL-safe: the value alone (without padding), and the value inside a longer
  // encoded text (`Basic base64(user:pass)`, a base64 config file). There each 4 characters encode 3
  // bytes, so the characters depend on where the value starts (offset 0, 1 or 2 in its group: the
  // bytes sharing a group with what comes before are dropped) and the last one on what follows
  // (dropped too), as the runner's own masker does.
  const bytes = Buffer.from(value, 'utf8');
  forms.add(bytes.toString('base64').replace(/=+$/, ''));
  forms.add(bytes.toString('base64url'));
  for (const shift of [0, 1, 2]) {
    const tail = bytes.subarray(shift);
    if (tail.length === 0) continue;
    const keep = Math.floor((tail.length * 8) / 6);
    forms.add(tail.toString('base64').slice(0, keep));
    forms.add(tail.toString('base64url').slice(0, keep));
  }
  return [...forms];
}

export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const candidate of [value, ...value.split(/\r?\n/).map((line) => line.trim())]) {
    for (const form of encodings(candidate)) {
      // Masking very short strings would blank out ordinary words everywhere.
      if (form.length < 3 || secrets.has(form)) continue;
      secrets.add(form);
      ordered = undefined;
      core.setSecret(form);
    }
  }
}

export function redact(text: string): string {
  if (secrets.size === 0 || !text) return text;
  ordered ??= [...secrets].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of ordered) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** Whether `text` holds a registered secret in any of its encodings. */
export function containsSecret(text: string): boolean {
  if (secrets.size === 0 || !text) return false;
  for (const secret of secrets) if (text.includes(secret)) return true;
  return false;
}

/** For tests: forget registered secrets between cases. */
export function clearSecrets(): void {
  secrets.clear();
  ordered = undefined;
}
