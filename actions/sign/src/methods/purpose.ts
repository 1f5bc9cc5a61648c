import type { X509Certificate } from 'node:crypto';

/** id-kp-codeSigning (RFC 5280 §4.2.1.12) and anyExtendedKeyUsage. */
export const CODE_SIGNING_OID = '1.3.6.1.5.5.7.3.3';
export const ANY_EKU_OID = '2.5.29.37.0';
const KEY_USAGE_OID = '2.5.29.15';
const EXT_KEY_USAGE_OID = '2.5.29.37';

/**
 * Why a certificate may not sign code, or undefined when it may: its extendedKeyUsage must name
 * codeSigning (or anyExtendedKeyUsage), and a keyUsage, when present, must allow digitalSignature
 * (RFC 5280 §4.2.1.3). A TLS server certificate from the same CA is not a release signer.
 */
export async function codeSigningProblem(cert: X509Certificate): Promise<string | undefined> {
  const pkijs = await import('pkijs');
  const parsed = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
  const extensions = parsed.extensions ?? [];
  const subject = cert.subject.replace(/\n/g, ', ');
  const eku = extensions.find((e) => e.extnID === EXT_KEY_USAGE_OID);
  const purposes = (eku?.parsedValue as { keyPurposes?: string[] } | undefined)?.keyPurposes ?? [];
  if (!eku) {
    return `certificate "${subject}" has no extendedKeyUsage; a signing certificate needs extendedKeyUsage=codeSigning`;
  }
  if (!purposes.includes(CODE_SIGNING_OID) && !purposes.includes(ANY_EKU_OID)) {
    return `certificate "${subject}" is not for code signing (extendedKeyUsage ${purposes.map(ekuName).join(', ')}; needs codeSigning)`;
  }
  const ku = extensions.find((e) => e.extnID === KEY_USAGE_OID);
  if (ku) {
    const bits = Buffer.from((ku.parsedValue as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
    // BIT STRING, first named bit (digitalSignature) is the most significant bit of the first byte.
    if (((bits[0] ?? 0) & 0x80) === 0) {
      return `certificate "${subject}" has keyUsage without digitalSignature, so it may not sign`;
    }
  }
  return undefined;
}

const NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

function ekuName(oid: string): string {
  return NAMES[oid] ?? oid;
}
