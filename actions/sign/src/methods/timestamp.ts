import { createHash, verify as nodeVerify, randomBytes, X509Certificate } from 'node:crypto';
import { ConfigurationError, OperationError } from '../../../../shared';
import { Inputs } from '../names';
import { chainProblem } from '../verify/chain';

/**
 * RFC 3161 trusted time: a timestamp authority signs "these bytes existed at genTime". The bytes are
 * the signature itself (as cosign's --timestamp-server-url and signtool /tr do), so the token proves
 * the signature was made before genTime, when the signing certificate may still have been valid.
 * Requests and tokens are built and read with pkijs/asn1js; the TSA's signature is checked with
 * node:crypto over the signed attributes, the same way as our CMS.
 */
export const TIMESTAMP_TOKEN_OID = '1.2.840.113549.1.9.16.2.14';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST_OID = '1.2.840.113549.1.9.4';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA256_OID = '2.16.840.1.101.3.4.2.1';

async function libs() {
  const [pkijs, asn1js] = await Promise.all([import('pkijs'), import('asn1js')]);
  return { pkijs, asn1js };
}

/**
 * Asks the TSA at `url` to timestamp `data` (RFC 3161 §3.4: POST application/timestamp-query).
 * Returns the whole TimeStampResp (what a Sigstore bundle's `signedTimestamp` holds) and the
 * TimeStampToken inside it (what a CMS id-aa-timeStampToken attribute holds).
 */
export async function requestTimestamp(url: string, data: Buffer): Promise<{ response: Buffer; token: Buffer }> {
  const { pkijs, asn1js } = await libs();
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0] as number) & 0x7f; // a positive INTEGER
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(data).digest() }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  let response: Response;
  let body: Buffer;
  try {
    // The timeout covers the body too: a TSA that sends headers and then stalls or drops the
    // connection fails the same way as one that never answers.
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/timestamp-query', Accept: 'application/timestamp-reply' },
      body: Buffer.from(request.toSchema().toBER(false)),
      signal: AbortSignal.timeout(30_000),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // undici says only "fetch failed" / "terminated"; the cause names what happened (ECONNREFUSED, other side closed).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.message ?? cause?.code;
    throw new OperationError(
      `Timestamp authority ${url} did not answer: ${(error as Error).message}${why ? ` (${why})` : ''}`,
    );
  }
  if (!response.ok) {
    throw new OperationError(
      `Timestamp authority ${url} answered HTTP ${response.status}${body.length < 300 ? `: ${body.toString('utf8').trim()}` : ''}`,
    );
  }
  let reply: InstanceType<typeof pkijs.TimeStampResp>;
  try {
    reply = pkijs.TimeStampResp.fromBER(new Uint8Array(body));
  } catch (error) {
    throw new OperationError(`Timestamp authority ${url} sent no RFC 3161 reply (${(error as Error).message})`);
  }
  // PKIStatus granted (0) or grantedWithMods (1).
  if (reply.status.status > 1 || !reply.timeStampToken) {
    const text = (reply.status.statusStrings ?? []).map((s) => s.valueBlock.value).join('; ');
    throw new OperationError(`Timestamp authority ${url} refused the request (status ${reply.status.status}) ${text}`);
  }
  const token = Buffer.from(reply.timeStampToken.toSchema().toBER(false));
  const checked = await checkTimestamp(token, data);
  if (typeof checked === 'string') throw new OperationError(`Timestamp authority ${url} sent a bad token: ${checked}`);
  if (!checked.nonce?.equals(nonce)) throw new OperationError(`Timestamp authority ${url} answered another request`);
  return { response: body, token };
}

export interface TimestampInfo {
  genTime: Date;
  tsa: X509Certificate;
  nonce?: Buffer;
}

/**
 * Checks a TimeStampToken (or a TimeStampResp holding one) over `data`: the imprint is data's hash, the TSA's signature verifies, its
 * certificate is for timeStamping, and (with anchors) it chains to them at genTime. Returns the time
 * it proves, or why it proves nothing.
 */
export async function checkTimestamp(
  token: Buffer,
  data: Buffer,
  anchors?: X509Certificate[],
  /** Certificates the TSA's may be among when the token does not carry it (a Sigstore trusted root lists it). */
  known: X509Certificate[] = [],
): Promise<TimestampInfo | string> {
  const { pkijs, asn1js } = await libs();
  let signed: InstanceType<typeof pkijs.SignedData>;
  let info: InstanceType<typeof pkijs.TSTInfo>;
  let eContent: Buffer;
  try {
    let content: InstanceType<typeof pkijs.ContentInfo>;
    try {
      content = pkijs.ContentInfo.fromBER(new Uint8Array(token));
    } catch {
      // A whole TimeStampResp, as Sigstore bundles carry it: the token is inside.
      const reply = pkijs.TimeStampResp.fromBER(new Uint8Array(token));
      if (!reply.timeStampToken) return `the timestamp response holds no token (status ${reply.status.status})`;
      content = reply.timeStampToken;
    }
    if (content.contentType !== SIGNED_DATA_OID) return 'the timestamp is not CMS SignedData';
    signed = new pkijs.SignedData({ schema: content.content });
    if (signed.encapContentInfo.eContentType !== TST_INFO_OID) return 'the timestamp holds no TSTInfo';
    const octets = signed.encapContentInfo.eContent as InstanceType<typeof asn1js.OctetString>;
    eContent = Buffer.from(octets.getValue());
    info = pkijs.TSTInfo.fromBER(new Uint8Array(eContent));
  } catch (error) {
    return `the timestamp is not an RFC 3161 token (${(error as Error).message})`;
  }
  const imprintHash = HASHES[info.messageImprint.hashAlgorithm.algorithmId];
  if (!imprintHash) return `the timestamp uses unsupported hash ${info.messageImprint.hashAlgorithm.algorithmId}`;
  const expected = createHash(imprintHash).update(data).digest();
  if (!Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(expected)) {
    return 'the timestamp is over other data than this signature';
  }
  const certificates = (signed.certificates ?? [])
    .filter((c): c is InstanceType<typeof pkijs.Certificate> => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER(false))))
    .concat(known);
  const signerInfo = signed.signerInfos[0];
  if (!signerInfo?.signedAttrs) return 'the timestamp has no signer';
  let tsa: X509Certificate | undefined;
  if (signerInfo.sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = Buffer.from(signerInfo.sid.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/, '');
    tsa = certificates.find((c) => c.serialNumber.toLowerCase().replace(/^0+/, '') === serial);
  } else {
    tsa = certificates[0];
  }
  if (!tsa) return 'the timestamp does not carry the TSA certificate';
  const digestHash = HASHES[signerInfo.digestAlgorithm.algorithmId];
  if (!digestHash) return `the timestamp uses unsupported digest ${signerInfo.digestAlgorithm.algorithmId}`;
  const md = signerInfo.signedAttrs.attributes.find((a) => a.type === MESSAGE_DIGEST_OID)?.values[0] as
    | InstanceType<typeof asn1js.OctetString>
    | undefined;
  if (!md || !Buffer.from(md.valueBlock.valueHexView).equals(createHash(digestHash).update(eContent).digest())) {
    return 'the timestamp content does not match its signed digest';
  }
  const attrs = Buffer.from(signerInfo.signedAttrs.encodedValue);
  const signedAttrs = Buffer.concat([Buffer.from([0x31]), attrs.subarray(1)]);
  const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let ok = false;
  try {
    ok = nodeVerify(digestHash, signedAttrs, tsa.publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) return 'the TSA signature on the timestamp does not verify';
  if (!(await extendedKeyUsages(tsa)).includes(TIME_STAMPING_EKU)) {
    return `TSA certificate "${oneLine(tsa.subject)}" is not for timeStamping`;
  }
  const genTime = info.genTime;
  if (anchors) {
    const problem = chainProblem(tsa, certificates, anchors, genTime);
    if (problem) return `timestamp: ${problem}`;
  }
  const nonce = info.nonce ? Buffer.from(info.nonce.valueBlock.valueHexView) : undefined;
  return { genTime, tsa, nonce };
}

async function extendedKeyUsages(cert: X509Certificate): Promise<string[]> {
  const { pkijs } = await libs();
  const parsed = pkijs.Certificate.fromBER(new Uint8Array(cert.raw));
  const eku = (parsed.extensions ?? []).find((e) => e.extnID === '2.5.29.37');
  return (eku?.parsedValue as { keyPurposes?: string[] } | undefined)?.keyPurposes ?? [];
}

function oneLine(text: string): string {
  return text.replace(/\n/g, ', ');
}

/** PEM roots of the timestamp authority given to verify; undefined when none were given. */
export function tsaAnchors(pem: string): X509Certificate[] | undefined {
  if (!pem) return undefined;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    throw new ConfigurationError(`Input ${Inputs.tsaCertificate} holds no PEM certificate`, {
      input: Inputs.tsaCertificate,
    });
  }
  return blocks.map((b) => new X509Certificate(b));
}
