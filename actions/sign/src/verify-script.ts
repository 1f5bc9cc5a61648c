import type { KeyKind } from './methods/keys';
import { scriptPath } from './methods/output';

/**
 * verify.sh: an offline check for air-gapped consumers that needs only openssl (key, x509) or gpg
 * (openpgp) and a POSIX shell. The trust material is embedded so the script is self-contained,
 * and printed with its fingerprint: compare it with the one published through a channel you trust,
 * or point PUBLIC_KEY / CA_FILE / PUBLIC_KEY_ASC at your own copy.
 */
export interface ScriptEntry {
  file: string;
  signature: string;
}

const HEADER = (what: string) => `#!/bin/sh
# Offline verification of ${what}, written by the Paved sign action.
# Usage: sh verify.sh   (exit 0 when every signature verifies)
set -u
cd "$(dirname "$0")" || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
failed=0
report() { if [ "$1" -eq 0 ]; then echo "OK      $2"; else echo "FAILED  $2"; failed=1; fi; }
`;

const FOOTER = `
if [ "$failed" -ne 0 ]; then echo "verification FAILED" >&2; exit 1; fi
echo "all signatures verified"
`;

function heredoc(target: string, text: string): string {
  return `cat > ${target} <<'PAVED_EOF'\n${text.trim()}\nPAVED_EOF\n`;
}

export function keyScript(dir: string, kind: KeyKind, publicPem: string, entries: ScriptEntry[]): string {
  const lines = entries.map((e) => {
    const file = scriptPath(dir, e.file);
    const sig = scriptPath(dir, e.signature);
    // cosign's .sig is base64 text; openssl wants the raw DER.
    const decode = `openssl base64 -d -A -in ${sig} -out "$work/sig" 2>/dev/null`;
    const check =
      kind === 'ed25519'
        ? `openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in ${file} -sigfile "$work/sig" >/dev/null 2>&1`
        : `openssl dgst -sha256 -verify "$key" -signature "$work/sig" ${file} >/dev/null 2>&1`;
    return `${decode} && ${check}; report $? ${file}`;
  });
  return `${HEADER('cosign-style key signatures (.sig)')}${heredoc('"$work/key.pem"', publicPem)}key=\${PUBLIC_KEY:-"$work/key.pem"}
echo "public key sha256 fingerprint: $(openssl pkey -pubin -in "$key" -outform DER 2>/dev/null | openssl dgst -sha256 -r | cut -d' ' -f1)"
${lines.join('\n')}
${FOOTER}`;
}

export function x509Script(dir: string, caPem: string, entries: ScriptEntry[]): string {
  const lines = entries.map((e) => {
    const file = scriptPath(dir, e.file);
    const sig = scriptPath(dir, e.signature);
    // -purpose any: code-signing certificates carry the codeSigning EKU, not the S/MIME one openssl checks by default.
    return `openssl cms -verify -binary -inform DER -in ${sig} -content ${file} -CAfile "$ca" -purpose any -out /dev/null >/dev/null 2>&1; report $? ${file}`;
  });
  return `${HEADER('X.509 detached CMS signatures (.p7s)')}${heredoc('"$work/ca.pem"', caPem)}ca=\${CA_FILE:-"$work/ca.pem"}
echo "trust anchor: $(openssl x509 -in "$ca" -noout -subject -fingerprint -sha256 2>/dev/null | tr '\\n' ' ')"
${lines.join('\n')}
${FOOTER}`;
}

export function openpgpScript(dir: string, armoredPublicKey: string, entries: ScriptEntry[]): string {
  const lines = entries.map((e) => {
    const file = scriptPath(dir, e.file);
    const sig = scriptPath(dir, e.signature);
    return `gpg --homedir "$work/gnupg" --batch --no-auto-key-retrieve --status-fd 1 --verify ${sig} ${file} 2>/dev/null | grep -q '^\\[GNUPG:\\] VALIDSIG'; report $? ${file}`;
  });
  return `${HEADER('OpenPGP detached signatures (.asc)')}${heredoc('"$work/key.asc"', armoredPublicKey)}mkdir -m 700 "$work/gnupg"
gpg --homedir "$work/gnupg" --batch --quiet --import "\${PUBLIC_KEY_ASC:-$work/key.asc}" 2>/dev/null || { echo "could not import the public key" >&2; exit 2; }
echo "signing key: $(gpg --homedir "$work/gnupg" --batch --with-colons --fingerprint 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}')"
${lines.join('\n')}
${FOOTER}`;
}
