import { ConfigurationError, group, OperationError } from '../../../../shared';
import * as core from '../../../../shared/actions-core';
import { PAYLOAD_TYPE, statement } from '../attest/intoto';
import { PROVENANCE_TYPE, provenancePredicate } from '../attest/provenance';
import { sbomPredicate } from '../attest/sbom';
import type { Options } from '../inputs';
import { createSigner } from '../methods';
import { loadPublicKey, verifyBytes } from '../methods/keys';
import { Inputs, Outputs } from '../names';
import { imagesSummary } from '../summary';
import { createVerifier } from '../verify';
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

/** Signs (and attests) each image of input `images` in cosign's registry format. */
export async function signImages(options: Options): Promise<void> {
  const started = new Date();
  const provenance = options.provenance ? provenancePredicate(process.env, started) : undefined;
  const builderId = provenance
    ? (provenance.runDetails as { builder: { id: string } }).builder.id
    : 'https://github.com/paved/sign';
  const sbom = options.sbom ? await sbomPredicate(options.sbom, options.workspace, builderId) : undefined;
  const images = await group(`Resolving ${options.images.length} image(s)`, () => resolveAll(options));
  const signer = await createSigner(options);
  // Bound, so the narrowing holds inside the loop below and a signer whose method uses `this` still works.
  const signPayload = signer.signPayload?.bind(signer);
  if (!signPayload) {
    throw new ConfigurationError(`Input ${Inputs.images}: images are signed with method key (cosign's format)`, {
      input: Inputs.method,
    });
  }
  const signed: Record<string, string> = {};
  const rows: { image: string; digest: string; where: string }[] = [];
  await group(`Signing ${images.length} image(s) as ${signer.identity}`, async () => {
    for (const image of images) {
      const payload = simpleSigningPayload(image);
      const signature = await signPayload(payload);
      const where = await appendLayer(image, signatureTag(image.digest), payload, SIMPLE_SIGNING, {
        [SIGNATURE_ANNOTATION]: signature.toString('base64'),
      });
      core.info(`${image.ref.original}  ${image.digest}  → ${where}`);
      const subject = [{ name: image.name, digest: { sha256: image.digest.slice('sha256:'.length) } }];
      for (const [type, predicate] of [
        ...(provenance ? [[PROVENANCE_TYPE, provenance] as const] : []),
        ...(sbom ? [[sbom.predicateType, sbom.predicate] as const] : []),
      ]) {
        const envelope = await signer.attest(
          PAYLOAD_TYPE,
          Buffer.from(JSON.stringify(statement(subject, type, predicate))),
        );
        const att = await appendLayer(image, attestationTag(image.digest), Buffer.from(envelope), DSSE_LAYER, {
          predicateType: type,
        });
        core.info(`  attestation ${type} → ${att}`);
      }
      signed[image.ref.original] = image.digest;
      rows.push({ image: image.ref.original, digest: image.digest, where });
    }
  });
  core.setOutput(Outputs.images, JSON.stringify(signed));
  imagesSummary('sign', signer.identity, rows).write();
}

/** Checks each image's cosign signature (and attestations, when there are any) with public-key. */
export async function verifyImages(options: Options): Promise<{ image: string; reason: string }[]> {
  if (options.method !== 'key') {
    throw new ConfigurationError(`Input ${Inputs.images}: images are verified with method key (cosign's format)`, {
      input: Inputs.method,
    });
  }
  const { kind, key } = loadPublicKey(options.publicKey, Inputs.publicKey);
  const { envelope } = await createVerifier(options);
  const images = await resolveAll(options);
  const failed: { image: string; reason: string }[] = [];
  const verified: Record<string, string> = {};
  const rows: { image: string; digest: string; reason?: string }[] = [];
  await group(`Verifying ${images.length} image(s)`, async () => {
    for (const image of images) {
      let reason = await checkImageSignature(image, (payload, sig) => verifyBytes(kind, key, payload, sig));
      if (!reason) reason = await checkImageAttestations(image, envelope);
      core.info(`${reason ? 'FAILED' : 'OK    '} ${image.ref.original}  ${image.digest}${reason ? `: ${reason}` : ''}`);
      rows.push({ image: image.ref.original, digest: image.digest, reason });
      if (reason) failed.push({ image: image.ref.original, reason });
      else verified[image.ref.original] = image.digest;
    }
  });
  core.setOutput(Outputs.images, JSON.stringify(verified));
  imagesSummary('verify', `${kind} public key`, rows).write();
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
  envelope: Awaited<ReturnType<typeof createVerifier>>['envelope'],
): Promise<string | undefined> {
  const layers = await layersOf(image, attestationTag(image.digest));
  for (const layer of (layers ?? []).filter((l) => l.mediaType === DSSE_LAYER)) {
    const text = (await image.registry.fetchBlob(image.ref, layer.digest)).toString('utf8');
    const result = await envelope(text);
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
