import { createHash, X509Certificate } from 'node:crypto';
import type { SerializedBundle, SerializedEnvelope } from '@sigstore/bundle';
import { pemToDer } from '../methods/output';
import { SIGNATURE_ANNOTATION } from './cosign';

/**
 * Keyless image signatures in cosign's layout (sigstore/cosign pkg/oci/static: signature.go names
 * the annotations, options.go fills them; pkg/cosign/bundle rekor.go and tsa.go are the JSON): the
 * layer carries the Fulcio certificate, the rest of its chain, and Rekor's answer as cosign's
 * "bundle" (the signed entry timestamp and what it signs), so `cosign verify --certificate-identity`
 * checks it offline. Here that is converted from and back to a Sigstore bundle, so signing and
 * verification are @sigstore/sign's and @sigstore/verify's, as for files.
 */
export const CERTIFICATE_ANNOTATION = 'dev.sigstore.cosign/certificate';
export const CHAIN_ANNOTATION = 'dev.sigstore.cosign/chain';
export const BUNDLE_ANNOTATION = 'dev.sigstore.cosign/bundle';
export const TIMESTAMP_ANNOTATION = 'dev.sigstore.cosign/rfc3161timestamp';

/** cosign's RekorBundle (Go struct field names for the outer keys, json tags inside). */
interface RekorBundle {
  SignedEntryTimestamp: string;
  Payload: { body: string; integratedTime: number; logIndex: number; logID: string };
}

type TlogEntry = SerializedBundle['verificationMaterial']['tlogEntries'][number];

/**
 * The annotations cosign writes for a keyless signature, from a Sigstore bundle made by the keyless
 * signer. `timestamp` false leaves out the bundle's RFC 3161 token (cosign v2 timestamps an
 * attestation's whole envelope, a Sigstore bundle's token is over its signature).
 */
export function cosignAnnotations(bundle: SerializedBundle, chain: string[], timestamp = true): Record<string, string> {
  const material = bundle.verificationMaterial;
  const der = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  const entry = material.tlogEntries[0];
  if (!der || !entry?.inclusionPromise) {
    throw new Error('the keyless signature has no certificate or no Rekor signed entry timestamp');
  }
  const rekor: RekorBundle = {
    SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp,
    Payload: {
      body: entry.canonicalizedBody,
      integratedTime: Number(entry.integratedTime),
      logIndex: Number(entry.logIndex),
      logID: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
    },
  };
  const annotations: Record<string, string> = {
    [SIGNATURE_ANNOTATION]: bundle.messageSignature?.signature ?? '',
    [CERTIFICATE_ANNOTATION]: new X509Certificate(Buffer.from(der, 'base64')).toString(),
    [CHAIN_ANNOTATION]: chain.map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join(''),
    [BUNDLE_ANNOTATION]: JSON.stringify(rekor),
  };
  const token = material.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (timestamp && token) annotations[TIMESTAMP_ANNOTATION] = JSON.stringify({ SignedRFC3161Timestamp: token });
  return annotations;
}

/** The DSSE envelope of a keyless attestation bundle, as the `.att` layer holds it. */
export function envelopeOf(bundle: SerializedBundle): SerializedEnvelope {
  if (!bundle.dsseEnvelope) throw new Error('the keyless attestation has no DSSE envelope');
  return bundle.dsseEnvelope;
}

type Content = { messageSignature: Buffer } | { dsseEnvelope: SerializedEnvelope };

/**
 * A Sigstore bundle v0.1 (the version whose tlog entries carry only a signed entry timestamp, as
 * cosign's annotation does) from a layer's annotations and content: the simple-signing payload with
 * the signature annotation, or the DSSE envelope. A string says why the layer cannot be one.
 */
export function bundleFromAnnotations(
  annotations: Record<string, string>,
  content: Content,
): SerializedBundle | string {
  const certPem = annotations[CERTIFICATE_ANNOTATION];
  if (!certPem) return `no certificate (${CERTIFICATE_ANNOTATION}): not a keyless signature`;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certPem);
  } catch (error) {
    return `the ${CERTIFICATE_ANNOTATION} annotation is not a PEM certificate (${(error as Error).message})`;
  }
  const text = annotations[BUNDLE_ANNOTATION];
  if (!text) return `no Rekor bundle (${BUNDLE_ANNOTATION})`;
  let rekor: RekorBundle;
  let body: { kind?: string; apiVersion?: string; spec?: unknown };
  try {
    rekor = JSON.parse(text);
    body = JSON.parse(Buffer.from(rekor.Payload.body, 'base64').toString('utf8'));
  } catch (error) {
    return `the ${BUNDLE_ANNOTATION} annotation is not cosign's Rekor bundle (${(error as Error).message})`;
  }
  if (!rekor.SignedEntryTimestamp || typeof rekor.Payload.logID !== 'string') {
    return `the ${BUNDLE_ANNOTATION} annotation has no signed entry timestamp or log ID`;
  }
  // cosign checks that Rekor logged this certificate, not only this signature.
  if (!bodyKeys(body).some((pem) => samePem(pem, certificate))) {
    return 'the Rekor entry names another certificate than the layer';
  }
  const tlogEntry: TlogEntry = {
    logIndex: String(rekor.Payload.logIndex),
    logId: { keyId: Buffer.from(rekor.Payload.logID, 'hex').toString('base64') },
    kindVersion: { kind: String(body.kind), version: String(body.apiVersion) },
    integratedTime: String(rekor.Payload.integratedTime),
    inclusionPromise: { signedEntryTimestamp: rekor.SignedEntryTimestamp },
    inclusionProof: undefined,
    canonicalizedBody: rekor.Payload.body,
  };
  // A signature's token is over its signature bytes, which @sigstore/verify checks; an attestation's
  // (cosign v2) is over the whole envelope, checked by the caller with `layerTimestamp`.
  const token = 'messageSignature' in content ? layerTimestamp(annotations) : undefined;
  if (typeof token === 'string') return token;
  const timestamps = token ? [{ signedTimestamp: token.toString('base64') }] : [];
  const verificationMaterial = {
    x509CertificateChain: { certificates: [{ rawBytes: certificate.raw.toString('base64') }] },
    tlogEntries: [tlogEntry],
    timestampVerificationData: { rfc3161Timestamps: timestamps },
  };
  const mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
  if ('dsseEnvelope' in content) {
    return { mediaType, verificationMaterial, dsseEnvelope: content.dsseEnvelope } as SerializedBundle;
  }
  return {
    mediaType,
    verificationMaterial,
    messageSignature: {
      messageDigest: {
        algorithm: 'SHA2_256',
        digest: createHash('sha256').update(content.messageSignature).digest('base64'),
      },
      signature: annotations[SIGNATURE_ANNOTATION] ?? '',
    },
  } as SerializedBundle;
}

/** The layer's RFC 3161 token (a DER TimeStampResp), undefined without one, or why the annotation is not one. */
export function layerTimestamp(annotations: Record<string, string>): Buffer | string | undefined {
  const text = annotations[TIMESTAMP_ANNOTATION];
  if (!text) return undefined;
  try {
    const token = JSON.parse(text).SignedRFC3161Timestamp;
    if (typeof token !== 'string' || !token) throw new Error('no SignedRFC3161Timestamp');
    return Buffer.from(token, 'base64');
  } catch (error) {
    return `the ${TIMESTAMP_ANNOTATION} annotation is not an RFC 3161 timestamp (${(error as Error).message})`;
  }
}

/** Where each Rekor v1 entry kind names the signer (base64 of the PEM), in the fields cosign compares. */
interface EntrySpec {
  signature?: { publicKey?: { content?: string } }; // hashedrekord
  signatures?: { verifier?: string }[]; // dsse
  content?: { envelope?: { signatures?: { publicKey?: string }[] } }; // intoto
}

/** The certificates (PEM) a Rekor v1 entry body names as the signer: hashedrekord, dsse or intoto. */
function bodyKeys(body: { kind?: string; spec?: unknown }): string[] {
  const spec = (body.spec ?? {}) as EntrySpec;
  const encoded =
    body.kind === 'hashedrekord'
      ? [spec.signature?.publicKey?.content]
      : body.kind === 'dsse'
        ? (spec.signatures ?? []).map((s) => s.verifier)
        : body.kind === 'intoto'
          ? (spec.content?.envelope?.signatures ?? []).map((s) => s.publicKey)
          : [];
  return encoded
    .filter((e): e is string => typeof e === 'string')
    .map((e) => Buffer.from(e, 'base64').toString('utf8'));
}

function samePem(pem: string, certificate: X509Certificate): boolean {
  try {
    return pemToDer(pem).equals(certificate.raw);
  } catch {
    return false;
  }
}
