import { createHash, X509Certificate } from 'node:crypto';
import type { KeyKind } from './keys';
import { TIMESTAMP_TOKEN_OID } from './timestamp';

/**
 * Detached CMS SignedData (RFC 5652) built with pkijs/asn1js: content type, signing time and the
 * message digest we already computed go into the signed attributes, and only those attributes are
 * signed, so a 1 GiB artifact is hashed once and never held in memory. `openssl cms -verify` and
 * Windows/Java tooling read the result.
 */
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  ecdsaWithSHA256: '1.2.840.10045.4.3.2',
} as const;

async function libs() {
  const [pkijs, asn1js] = await Promise.all([import('pkijs'), import('asn1js')]);
  return { pkijs, asn1js };
}

/** The DER the signature covers: the signed attributes as a SET (RFC 5652 §5.4), sorted as DER requires. */
export async function signedAttributes(digest: Buffer, signingTime: Date) {
  const { pkijs, asn1js } = await libs();
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
  ]
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }))
    .sort((x, y) => Buffer.compare(x.der, y.der));
  const set = Buffer.concat([
    derHeader(
      0x31,
      attributes.reduce((n, x) => n + x.der.length, 0),
    ),
    ...attributes.map((x) => x.der),
  ]);
  return { attributes: attributes.map((x) => x.a), der: set };
}

function derHeader(tag: number, length: number): Buffer {
  if (length < 0x80) return Buffer.from([tag, length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
}

export async function buildDetachedCms(options: {
  kind: KeyKind;
  chain: X509Certificate[];
  digest: Buffer;
  signingTime: Date;
  sign: (signedAttributesDer: Buffer) => Promise<Buffer>;
  /** RFC 3161 token over the signature value, added as the id-aa-timeStampToken unsigned attribute. */
  timestamp?: (signature: Buffer) => Promise<Buffer>;
}): Promise<Buffer> {
  const { pkijs, asn1js } = await libs();
  const { attributes, der } = await signedAttributes(options.digest, options.signingTime);
  const signature = await options.sign(der);
  const certs = options.chain.map((c) => pkijs.Certificate.fromBER(c.raw));
  const leaf = certs[0] as InstanceType<typeof pkijs.Certificate>;
  const signatureAlgorithm =
    options.kind === 'rsa'
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSHA256 });
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: sha256(),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
    signatureAlgorithm,
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  if (options.timestamp) {
    const token = asn1js.fromBER(new Uint8Array(await options.timestamp(signature)));
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: TIMESTAMP_TOKEN_OID, values: [token.result] })],
    });
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: certs,
    signerInfos: [signerInfo],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

export interface ParsedCms {
  certificates: X509Certificate[];
  signer?: X509Certificate;
  digestAlgorithm: string;
  messageDigest?: Buffer;
  signingTime?: Date;
  /** The signed attributes re-encoded as the SET that was signed. */
  signedAttributesDer?: Buffer;
  signature: Buffer;
  /** DER of the RFC 3161 token in the id-aa-timeStampToken unsigned attribute, when there is one. */
  timestampToken?: Buffer;
}

/** Reads a detached CMS signature; throws with a readable reason when it is not one. */
export async function parseCms(der: Buffer): Promise<ParsedCms> {
  const { pkijs, asn1js } = await libs();
  const asn = asn1js.fromBER(new Uint8Array(der).buffer);
  if (asn.offset === -1) throw new Error('not DER-encoded CMS');
  const info = new pkijs.ContentInfo({ schema: asn.result });
  if (info.contentType !== OID.signedData) throw new Error(`content type ${info.contentType} is not SignedData`);
  const signed = new pkijs.SignedData({ schema: info.content });
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo) throw new Error('no signer in the CMS');
  const certificates = (signed.certificates ?? [])
    .filter((c): c is InstanceType<typeof pkijs.Certificate> => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))));
  let signer: X509Certificate | undefined;
  if (signerInfo.sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = Buffer.from(signerInfo.sid.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase();
    signer = certificates.find((c) => c.serialNumber.toUpperCase().replace(/^0+/, '') === serial.replace(/^0+/, ''));
  }
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const value = (oid: string) => attrs.find((a) => a.type === oid)?.values[0];
  const md = value(OID.messageDigest) as InstanceType<typeof asn1js.OctetString> | undefined;
  const time = value(OID.signingTime) as { toDate?: () => Date } | undefined;
  const token = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === TIMESTAMP_TOKEN_OID)?.values[0];
  let signedAttributesDer: Buffer | undefined;
  if (signerInfo.signedAttrs) {
    const encoded = Buffer.from(signerInfo.signedAttrs.encodedValue);
    signedAttributesDer = Buffer.concat([Buffer.from([0x31]), encoded.subarray(1)]);
  }
  return {
    certificates,
    signer,
    digestAlgorithm: signerInfo.digestAlgorithm.algorithmId,
    messageDigest: md ? Buffer.from(md.valueBlock.valueHexView) : undefined,
    signingTime: time?.toDate?.(),
    signedAttributesDer,
    signature: Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    timestampToken: token ? Buffer.from(token.toBER(false)) : undefined,
  };
}

export const SHA256_OID = OID.sha256;

export function fingerprint(cert: X509Certificate): string {
  return createHash('sha256').update(cert.raw).digest('hex');
}
