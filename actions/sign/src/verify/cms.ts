import { verify as nodeVerify, type X509Certificate } from 'node:crypto';
import { parseCms, SHA256_OID } from '../methods/cms';

/**
 * Checks a detached CMS signature against a file digest: the signed messageDigest must equal the
 * digest, and the signature over the signed attributes must verify with the signer certificate.
 * Returns the reason it fails, or undefined. Chain and validity are checked by `verifyCmsTrust`.
 */
export async function verifyCmsSignature(der: Buffer, digest: Buffer): Promise<string | undefined> {
  let parsed: Awaited<ReturnType<typeof parseCms>>;
  try {
    parsed = await parseCms(der);
  } catch (error) {
    return `not a CMS signature (${(error as Error).message})`;
  }
  if (parsed.digestAlgorithm !== SHA256_OID) return `unsupported digest algorithm ${parsed.digestAlgorithm}`;
  if (!parsed.signer) return 'the signer certificate is not in the CMS';
  if (!parsed.messageDigest || !parsed.signedAttributesDer) return 'no signed message digest';
  if (!parsed.messageDigest.equals(digest))
    return 'the file does not match the signed digest (modified after signing?)';
  const ok = nodeVerify('sha256', parsed.signedAttributesDer, parsed.signer.publicKey, parsed.signature);
  if (!ok) return 'the signature does not verify with the signer certificate';
  return undefined;
}

/** The signer's chain up to one of the anchors, every certificate valid at `at`. */
export async function verifyCmsTrust(
  der: Buffer,
  anchors: X509Certificate[],
  at = new Date(),
): Promise<string | undefined> {
  const parsed = await parseCms(der);
  const signer = parsed.signer;
  if (!signer) return 'the signer certificate is not in the CMS';
  const pool = [...parsed.certificates];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    const expired = validity(current, at);
    if (expired) return expired;
    const anchor = anchors.find(
      (a) => a.raw.equals(current.raw) || (current.checkIssued(a) && current.verify(a.publicKey)),
    );
    if (anchor) {
      const anchorProblem = validity(anchor, at);
      return anchorProblem;
    }
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
