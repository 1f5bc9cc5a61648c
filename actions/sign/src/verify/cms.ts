import { verify as nodeVerify, type X509Certificate } from 'node:crypto';
import { parseCms, SHA256_OID } from '../methods/cms';
import { checkTimestamp } from '../methods/timestamp';
import { chainProblem } from './chain';

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

/**
 * The signer's chain up to one of the anchors, every certificate valid at the time the signature is
 * known to have existed: the genTime of a valid RFC 3161 timestamp on it, otherwise now. A timestamp
 * that does not verify is a reason on its own, not a silent fall back to "now".
 */
export async function verifyCmsTrust(
  der: Buffer,
  anchors: X509Certificate[],
  tsaRoots: X509Certificate[] = anchors,
): Promise<string | undefined> {
  const parsed = await parseCms(der);
  const signer = parsed.signer;
  if (!signer) return 'the signer certificate is not in the CMS';
  let at = new Date();
  if (parsed.timestampToken) {
    const ts = await checkTimestamp(parsed.timestampToken, parsed.signature, tsaRoots);
    if (typeof ts === 'string') return ts;
    at = ts.genTime;
  }
  return chainProblem(signer, parsed.certificates, anchors, at);
}
