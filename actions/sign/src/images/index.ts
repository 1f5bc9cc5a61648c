import { X509Certificate } from 'node:crypto';
import type { SerializedEnvelope } from '@sigstore/bundle';
import { ConfigurationError, errorMessage, group, OperationError } from '../../../../shared';
import * as core from '../../../../shared/actions-core';
import { PAYLOAD_TYPE, statement } from '../attest/intoto';
import { PROVENANCE_TYPE, provenancePredicate } from '../attest/provenance';
import { sbomPredicate } from '../attest/sbom';
import { type Options, toMatcher } from '../inputs';
import { createSigner } from '../methods';
import { loadPublicKey, verifyBytes } from '../methods/keys';
import { checkTimestamp } from '../methods/timestamp';
import type { MethodSigner } from '../methods/types';
import { Inputs, Outputs } from '../names';
import { imagesSummary } from '../summary';
import { createVerifier, type MethodVerifier } from '../verify';
import {
  appendLayer,
  attestationTag,
  checkImageSignature,
  DSSE_LAYER,
  layersOf,
  type ResolvedImage,
  resolveImage,
  SIGNATURE_ANNOTATION,
  SIMPLE_SIGNING,
  signatureTag,
  simpleSigningPayload,
} from './cosign';
import {
  bundleFromAnnotations,
  CERTIFICATE_ANNOTATION,
  cosignAnnotations,
  envelopeOf,
  layerTimestamp,
  TIMESTAMP_ANNOTATION,
} from './keyless';

/** A layer to add under a `.sig` or `.att` tag, made and checked before anything is pushed. */
interface PendingLayer {
  tag: string;
  bytes: Buffer;
  mediaType: string;
  annotations: Record<string, string>;
  /** "signature", "attestation <predicateType>": for the log and for an error naming what was not written. */
  what: string;
}

/**
 * Signs (and attests) each image of input `images` in cosign's registry format. Every signature is
 * made (and, keyless, logged in Rekor) before the first push, so a refused certificate or log entry
 * writes nothing; a registry that fails a push leaves that tag as it was (its manifest is put last)
 * and the error names the image.
 */
export async function signImages(options: Options): Promise<void> {
  const started = new Date();
  const provenance = options.provenance ? provenancePredicate(process.env, started) : undefined;
  const builderId = provenance
    ? (provenance.runDetails as { builder: { id: string } }).builder.id
    : 'https://github.com/paved/sign';
  const sbom = options.sbom ? await sbomPredicate(options.sbom, options.workspace, builderId) : undefined;
  const images = await group(`Resolving ${options.images.length} image(s)`, () => resolveAll(options));
  const signer = await createSigner(options);
  const signPayload = payloadSigner(signer);
  const plans: { image: ResolvedImage; layers: PendingLayer[] }[] = [];
  await group(`Signing ${images.length} image(s) as ${signer.identity}`, async () => {
    for (const image of images) {
      try {
        const payload = simpleSigningPayload(image);
        const layers: PendingLayer[] = [
          {
            tag: signatureTag(image.digest),
            bytes: payload,
            mediaType: SIMPLE_SIGNING,
            annotations: await signPayload(payload),
            what: 'signature',
          },
        ];
        const subject = [{ name: image.name, digest: { sha256: image.digest.slice('sha256:'.length) } }];
        for (const [type, predicate] of [
          ...(provenance ? [[PROVENANCE_TYPE, provenance] as const] : []),
          ...(sbom ? [[sbom.predicateType, sbom.predicate] as const] : []),
        ]) {
          const signed = await attestationLayer(
            signer,
            Buffer.from(JSON.stringify(statement(subject, type, predicate))),
          );
          layers.push({
            tag: attestationTag(image.digest),
            bytes: signed.bytes,
            mediaType: DSSE_LAYER,
            // As cosign's static.NewAttestation: the signature is inside the envelope, the annotation empty.
            annotations: { predicateType: type, [SIGNATURE_ANNOTATION]: '', ...signed.annotations },
            what: `attestation ${type}`,
          });
        }
        plans.push({ image, layers });
      } catch (error) {
        throw naming(image, 'was not signed', error);
      }
    }
  });
  const signed: Record<string, string> = {};
  const rows: { image: string; digest: string; where: string }[] = [];
  await group(`Writing ${images.length} image signature(s) to the registry`, async () => {
    for (const { image, layers } of plans) {
      const written: string[] = [];
      for (const layer of layers) written.push(await pushLayer(image, layer));
      core.info(`${image.ref.original}  ${image.digest}  → ${written[0]}`);
      for (const [i, layer] of layers.entries()) if (i > 0) core.info(`  ${layer.what} → ${written[i]}`);
      signed[image.ref.original] = image.digest;
      rows.push({ image: image.ref.original, digest: image.digest, where: written[0] ?? '' });
    }
  });
  core.setOutput(Outputs.images, JSON.stringify(signed));
  imagesSummary('sign', signer.identity, rows).write();
}

/** The annotations of a simple-signing layer: the key's signature, or keyless also certificate, chain and Rekor bundle. */
function payloadSigner(signer: MethodSigner): (payload: Buffer) => Promise<Record<string, string>> {
  // Bound, so the narrowing holds in the closures and a signer whose method uses `this` still works.
  const bundle = signer.signPayloadBundle?.bind(signer);
  if (bundle) return async (payload) => cosignAnnotations(await bundle(payload), signer.certificateChain ?? []);
  const sign = signer.signPayload?.bind(signer);
  if (sign) return async (payload) => ({ [SIGNATURE_ANNOTATION]: (await sign(payload)).toString('base64') });
  throw new ConfigurationError(
    `Input ${Inputs.images}: images are signed with method key or keyless (cosign's format)`,
    { input: Inputs.method },
  );
}

/** An `.att` layer: the DSSE envelope, keyless with the certificate and Rekor bundle as annotations. */
async function attestationLayer(
  signer: MethodSigner,
  statementBytes: Buffer,
): Promise<{ bytes: Buffer; annotations: Record<string, string> }> {
  const signed = await signer.attest(PAYLOAD_TYPE, statementBytes);
  if (signer.method !== 'keyless') return { bytes: Buffer.from(signed), annotations: {} };
  // The keyless signer returns a Sigstore bundle; the layer is its envelope, as cosign attest writes it.
  const bundle = JSON.parse(signed);
  const bytes = Buffer.from(JSON.stringify(envelopeOf(bundle)));
  const annotations = cosignAnnotations(bundle, signer.certificateChain ?? [], false);
  // cosign v2 attest sends the whole envelope to the TSA (the token in the Sigstore bundle is over its signature).
  if (signer.timestamp) {
    const token = await signer.timestamp(bytes);
    annotations[TIMESTAMP_ANNOTATION] = JSON.stringify({ SignedRFC3161Timestamp: token.toString('base64') });
  }
  return { bytes, annotations };
}

async function pushLayer(image: ResolvedImage, layer: PendingLayer): Promise<string> {
  try {
    return await appendLayer(image, layer.tag, layer.bytes, layer.mediaType, layer.annotations);
  } catch (error) {
    throw naming(image, `: the ${layer.what} was not written to ${image.name}:${layer.tag}`, error);
  }
}

/** The error, of the same kind, with the image's reference and what did not happen in front. */
function naming(image: ResolvedImage, what: string, error: unknown): Error {
  const message = `${image.ref.original}${what.startsWith(':') ? what : ` ${what}`}: ${errorMessage(error)}`;
  return error instanceof ConfigurationError
    ? new ConfigurationError(message, { cause: error })
    : new OperationError(message, { cause: error });
}

type LayerEnvelopeVerifier = (
  text: string,
  annotations: Record<string, string>,
) => ReturnType<MethodVerifier['envelope']>;

/** How each layer is checked: with public-key (method key), or keyless with the trusted root and the expected identity. */
async function imageVerifier(options: Options): Promise<{
  trust: string;
  signature: (payload: Buffer, annotations: Record<string, string>, where: string) => Promise<string | undefined>;
  envelope: LayerEnvelopeVerifier;
}> {
  if (options.method === 'key') {
    const { kind, key } = loadPublicKey(options.publicKey, Inputs.publicKey);
    const { envelope } = await createVerifier(options);
    return {
      trust: `${kind} public key`,
      signature: async (payload, annotations, where) => {
        const signature = Buffer.from(annotations[SIGNATURE_ANNOTATION] ?? '', 'base64');
        if (signature.length > 0 && (await verifyBytes(kind, key, payload, signature))) return undefined;
        return `no signature in ${where} verifies with the public key`;
      },
      envelope: (text) => envelope(text),
    };
  }
  if (options.method === 'keyless') {
    const verifier = await (await import('../verify/keyless')).keylessVerifier(options, toMatcher);
    return {
      trust: verifier.trust,
      signature: async (payload, annotations, where) => {
        const bundle = bundleFromAnnotations(annotations, { messageSignature: payload });
        if (typeof bundle === 'string') return `${where}: ${bundle}`;
        const result = await verifier.message(bundle, payload);
        return 'reason' in result ? `${where}: ${result.reason}` : undefined;
      },
      envelope: async (text, annotations) => {
        let dsseEnvelope: SerializedEnvelope;
        try {
          dsseEnvelope = JSON.parse(text);
        } catch {
          return { reason: 'the layer is not a DSSE envelope (JSON)' };
        }
        const bundle = bundleFromAnnotations(annotations, { dsseEnvelope });
        if (typeof bundle === 'string') return { reason: bundle };
        const result = await verifier.envelope(JSON.stringify(bundle));
        const token = layerTimestamp(annotations);
        if ('reason' in result || token === undefined) return result;
        if (typeof token === 'string') return { reason: token };
        const anchors = verifier.timestampAnchors;
        const stamped = await checkTimestamp(token, Buffer.from(text), anchors, anchors);
        if (typeof stamped === 'string') return { reason: `RFC 3161 timestamp: ${stamped}` };
        const certificate = new X509Certificate(annotations[CERTIFICATE_ANNOTATION] ?? '');
        if (stamped.genTime < new Date(certificate.validFrom) || stamped.genTime > new Date(certificate.validTo)) {
          return {
            reason: `RFC 3161 timestamp: ${stamped.genTime.toISOString()} is outside the certificate's validity (${certificate.validFrom} to ${certificate.validTo})`,
          };
        }
        return result;
      },
    };
  }
  throw new ConfigurationError(
    `Input ${Inputs.images}: images are verified with method key or keyless (cosign's format)`,
    { input: Inputs.method },
  );
}

/** Checks each image's cosign signature (and attestations, when there are any). */
export async function verifyImages(options: Options): Promise<{ image: string; reason: string }[]> {
  const verifier = await imageVerifier(options);
  const images = await resolveAll(options);
  const failed: { image: string; reason: string }[] = [];
  const verified: Record<string, string> = {};
  const rows: { image: string; digest: string; reason?: string }[] = [];
  await group(`Verifying ${images.length} image(s)`, async () => {
    for (const image of images) {
      const where = `${image.name}:${signatureTag(image.digest)}`;
      let reason = await checkImageSignature(image, (payload, annotations) =>
        verifier.signature(payload, annotations, where),
      );
      if (!reason) reason = await checkImageAttestations(image, verifier.envelope);
      core.info(`${reason ? 'FAILED' : 'OK    '} ${image.ref.original}  ${image.digest}${reason ? `: ${reason}` : ''}`);
      rows.push({ image: image.ref.original, digest: image.digest, reason });
      if (reason) failed.push({ image: image.ref.original, reason });
      else verified[image.ref.original] = image.digest;
    }
  });
  core.setOutput(Outputs.images, JSON.stringify(verified));
  imagesSummary('verify', verifier.trust, rows).write();
  return failed;
}

async function resolveAll(options: Options): Promise<ResolvedImage[]> {
  const out: ResolvedImage[] = [];
  for (const text of options.images) {
    out.push(await resolveImage(text, options.registryUsername, options.registryPassword));
  }
  return out;
}

/** Every DSSE layer under `.att` must verify and name this digest as a subject. */
async function checkImageAttestations(
  image: ResolvedImage,
  envelope: LayerEnvelopeVerifier,
): Promise<string | undefined> {
  const layers = await layersOf(image, attestationTag(image.digest));
  for (const layer of (layers ?? []).filter((l) => l.mediaType === DSSE_LAYER)) {
    const text = (await image.registry.fetchBlob(image.ref, layer.digest)).toString('utf8');
    const result = await envelope(text, layer.annotations ?? {});
    if ('reason' in result && result.reason)
      return `attestation ${layer.annotations?.predicateType ?? ''}: ${result.reason}`;
    const payload = (result as { payload: Buffer }).payload;
    const subjects = (JSON.parse(payload.toString('utf8')).subject ?? []) as { digest?: { sha256?: string } }[];
    if (!subjects.some((s) => `sha256:${s.digest?.sha256}` === image.digest)) {
      return `attestation ${layer.annotations?.predicateType ?? ''} is about another image`;
    }
  }
  return undefined;
}

export function imageFailure(failed: { image: string; reason: string }[], total: number): OperationError {
  const first = failed[0] as { image: string; reason: string };
  return new OperationError(
    `${failed.length} of ${total} image(s) failed verification; ${first.image}: ${first.reason}`,
  );
}
