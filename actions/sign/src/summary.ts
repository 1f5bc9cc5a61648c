import { code, joinInline, md, Summary } from '../../../shared';
import type { Method } from './inputs';

export interface SignedRow {
  file: string;
  sha256: string;
  size: number;
  signature: string;
}

const MAX_ROWS = 50;

const FLOW: Record<Method, string> = {
  keyless:
    'flowchart LR\n  A[files] -->|sha256| S[ephemeral P-256 key]\n  O[GitHub OIDC token] --> F[Fulcio certificate]\n  F --> S\n  S --> R[Rekor entry]\n  R --> B[.sigstore.json bundles]',
  key: 'flowchart LR\n  A[files] -->|sha256| S[private key]\n  S --> G[.sig]\n  S --> B[.sigstore.json bundle]\n  G --> V[verify.sh / cosign verify-blob]',
  x509: 'flowchart LR\n  A[files] -->|sha256| C[CMS signed attributes]\n  C --> S[certificate key]\n  S --> P[.p7s]\n  P --> V[verify.sh / openssl cms -verify]',
  openpgp: 'flowchart LR\n  A[files] --> S[OpenPGP key]\n  S --> P[.asc]\n  P --> V[verify.sh / gpg --verify]',
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function signSummary(s: {
  method: Method;
  identity: string;
  rows: SignedRow[];
  attestations: { predicateType: string; note: string }[];
  attestationPath?: string;
  scriptPath?: string;
  written: number;
}): Summary {
  const summary = new Summary()
    .heading(`Signed ${s.rows.length} file${s.rows.length === 1 ? '' : 's'} (${s.method})`)
    .paragraph(md`Signer: ${code(s.identity)} · ${s.written} files written`)
    .table(
      ['File', 'SHA-256', 'Size', 'Signature'],
      s.rows.map((r) => [code(r.file), code(`${r.sha256.slice(0, 16)}…`), size(r.size), code(r.signature)]),
      { max: MAX_ROWS, rest: md`the ${code('digests')} output` },
    );
  if (s.attestations.length > 0) {
    summary
      .heading('Attestations', 3)
      .table(
        ['Predicate type', 'Content'],
        s.attestations.map((a) => [code(a.predicateType), a.note]),
      )
      .paragraph(md`DSSE-signed in-toto statements, one per line of ${code(s.attestationPath ?? '')}.`);
  }
  if (s.scriptPath)
    summary.paragraph(
      md`Offline check: ${code(`sh ${s.scriptPath}`)} (needs only ${s.method === 'openpgp' ? 'gpg' : 'openssl'}).`,
    );
  return summary.details('How these signatures were made', new Summary().mermaid(FLOW[s.method]));
}

export function verifySummary(s: {
  method: Method;
  trust: string;
  rows: { file: string; sha256: string; signature: string; reason?: string; signer?: string }[];
  attestations: { file: string; predicateTypes: string[]; reason?: string; signer?: string }[];
}): Summary {
  const failed = s.rows.filter((r) => r.reason).length;
  const failedAttestations = s.attestations.filter((a) => a.reason).length;
  const attested = s.attestations.length
    ? ` and ${s.attestations.length} attestation file${s.attestations.length === 1 ? '' : 's'}`
    : '';
  const summary = new Summary()
    .heading(
      failed || failedAttestations
        ? `Verification failed for ${failed} of ${s.rows.length} file${s.rows.length === 1 ? '' : 's'}${s.attestations.length ? ` and ${failedAttestations} of ${s.attestations.length} attestation file${s.attestations.length === 1 ? '' : 's'}` : ''} (${s.method})`
        : `Verified ${s.rows.length} file${s.rows.length === 1 ? '' : 's'}${attested} (${s.method})`,
    )
    .paragraph(`Trusted: ${s.trust}`);
  const rows = [...s.rows].sort((a, b) => Number(Boolean(b.reason)) - Number(Boolean(a.reason)));
  summary.table(
    ['Result', 'File', 'Signature', 'Detail'],
    rows.map((r) => [r.reason ? '❌' : '✅', code(r.file), code(r.signature), r.reason ?? r.signer ?? '']),
    { max: MAX_ROWS },
  );
  if (s.attestations.length > 0) {
    summary.heading('Attestations', 3).table(
      ['Result', 'Attestation', 'Predicate types', 'Detail'],
      s.attestations.map((a) => [
        a.reason ? '❌' : '✅',
        code(a.file),
        joinInline(a.predicateTypes.map(code)),
        a.reason ?? a.signer ?? 'signature and subjects match',
      ]),
    );
  }
  return summary;
}

/** One table for `images`: each reference, its digest, and where the signature is (or why it failed). */
export function imagesSummary(
  command: 'sign' | 'verify',
  identity: string,
  rows: { image: string; digest: string; where?: string; reason?: string }[],
): Summary {
  const failed = rows.filter((r) => r.reason).length;
  return new Summary()
    .heading(
      command === 'sign'
        ? `Signed ${rows.length} image${rows.length === 1 ? '' : 's'} (cosign format)`
        : `${failed ? `Verification failed for ${failed} of` : 'Verified'} ${rows.length} image${rows.length === 1 ? '' : 's'}`,
    )
    .paragraph(md`${command === 'sign' ? 'Signer' : 'Trusted'}: ${code(identity)}`)
    .table(
      ['Image', 'Digest', command === 'sign' ? 'Signature' : 'Result'],
      rows.map((r) => [
        code(r.image),
        code(r.digest ? `${r.digest.slice(0, 23)}…` : '?'),
        r.reason ? `❌ ${r.reason}` : command === 'sign' ? code(r.where ?? '') : '✅',
      ]),
      { max: MAX_ROWS, rest: md`the ${code('images')} output` },
    );
}
