import type { X509Certificate } from 'node:crypto';

/**
 * Why `signer` does not chain to one of `anchors` through `pool` with every certificate valid at
 * `at`, or undefined when it does. Used for signing certificates and for timestamp authorities.
 */
export function chainProblem(
  signer: X509Certificate,
  pool: X509Certificate[],
  anchors: X509Certificate[],
  at: Date,
): string | undefined {
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    const expired = validity(current, at);
    if (expired) return expired;
    const anchor = anchors.find(
      (a) => a.raw.equals(current.raw) || (current.checkIssued(a) && current.verify(a.publicKey)),
    );
    if (anchor) return validity(anchor, at);
    const issuer = pool.find(
      (c) => !c.raw.equals(current.raw) && current.checkIssued(c) && current.verify(c.publicKey),
    );
    if (!issuer) {
      const end = current === signer ? '' : ` (its chain ends at "${oneLine(current.subject)}")`;
      return `certificate "${oneLine(signer.subject)}" does not chain to the given CA certificate${end}`;
    }
    if (!issuer.ca) return `issuer "${oneLine(issuer.subject)}" is not a CA certificate`;
    current = issuer;
  }
  return 'certificate chain is too long';
}

function validity(cert: X509Certificate, at: Date): string | undefined {
  if (at > new Date(cert.validTo)) return `certificate "${oneLine(cert.subject)}" expired on ${cert.validTo}`;
  if (at < new Date(cert.validFrom))
    return `certificate "${oneLine(cert.subject)}" is not valid before ${cert.validFrom}`;
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\n/g, ', ');
}
