import { ConfigurationError } from '../../../../shared';
import { Inputs } from '../names';
import { credentialsFor, type ImageRef, imageName, parseImageRef, Registry } from './registry';

/**
 * Container images signed in cosign's format (sigstore/cosign specs/SIGNATURE_SPEC.md), so
 * `cosign verify --key` accepts them: the signature of image `sha256:<hex>` lives in the same
 * repository under the tag `sha256-<hex>.sig`, an OCI manifest whose layers are simple-signing
 * payloads naming the digest (`critical.image.docker-manifest-digest`), each carrying its base64
 * signature in the `dev.cosignproject.cosign/signature` annotation. Attestations go under
 * `sha256-<hex>.att` as DSSE envelope layers with a `predicateType` annotation. New layers are
 * appended to an existing manifest, as cosign does, so several signers can sign one image.
 */
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
export const DSSE_LAYER = 'application/vnd.dsse.envelope.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';

export interface ResolvedImage {
  ref: ImageRef;
  registry: Registry;
  /** host/repository, the docker-reference and the in-toto subject name. */
  name: string;
  /** The digest signed or checked: the one written in the reference, else what the tag points at. */
  digest: string;
  /** What the reference's tag points at now, when it has a tag. */
  tagDigest?: string;
}

export interface Layer {
  mediaType: string;
  size: number;
  digest: string;
  annotations?: Record<string, string>;
}

export async function resolveImage(text: string, username: string, password: string): Promise<ResolvedImage> {
  const ref = parseImageRef(text);
  const registry = new Registry(ref.host, ref.repository, credentialsFor(ref.host, username, password));
  const name = imageName(ref);
  let tagDigest: string | undefined;
  if (ref.tag) {
    const tagged = await registry.manifest(ref.tag);
    if (!tagged && !ref.digest) {
      throw new ConfigurationError(`Input ${Inputs.images}: ${text}: no tag ${ref.tag} in ${name}`, {
        input: Inputs.images,
      });
    }
    tagDigest = tagged?.digest;
  }
  if (ref.digest && !(await registry.manifest(ref.digest))) {
    throw new ConfigurationError(`Input ${Inputs.images}: ${text}: no manifest ${ref.digest} in ${name}`, {
      input: Inputs.images,
    });
  }
  return { ref, registry, name, digest: ref.digest ?? (tagDigest as string), tagDigest };
}

export function simpleSigningPayload(image: ResolvedImage): Buffer {
  return Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': image.name },
        image: { 'docker-manifest-digest': image.digest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );
}

export const signatureTag = (digest: string) => `${digest.replace(':', '-')}.sig`;
export const attestationTag = (digest: string) => `${digest.replace(':', '-')}.att`;

/** Adds a layer to the manifest under `tag` (creating it), unless an identical layer is there. */
export async function appendLayer(
  registry: Registry,
  tag: string,
  bytes: Buffer,
  mediaType: string,
  annotations: Record<string, string>,
): Promise<string> {
  const existing = await registry.manifest(tag);
  const layers: Layer[] = existing ? ((JSON.parse(existing.bytes.toString('utf8')).layers as Layer[]) ?? []) : [];
  const digest = await registry.pushBlob(bytes);
  const same = (l: Layer) => l.digest === digest && JSON.stringify(l.annotations ?? {}) === JSON.stringify(annotations);
  if (!layers.some(same)) layers.push({ mediaType, size: bytes.length, digest, annotations });
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: [{ created: '0001-01-01T00:00:00Z' }],
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.digest) },
      config: {},
    }),
  );
  const configDigest = await registry.pushBlob(config);
  await registry.putManifest(
    tag,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
      layers,
    },
    OCI_MANIFEST,
  );
  return `${image(registry)}:${tag}`;
}

function image(registry: Registry): string {
  return registry.base.replace(/^https?:\/\//, '').replace('/v2/', '/');
}

/** Layers of the manifest under `tag`, or undefined when there is none. */
export async function layersOf(registry: Registry, tag: string): Promise<Layer[] | undefined> {
  const m = await registry.manifest(tag);
  if (!m) return undefined;
  return (JSON.parse(m.bytes.toString('utf8')).layers as Layer[]) ?? [];
}

/**
 * Why the image's signature does not hold, or undefined when one layer of its `.sig` manifest names
 * this digest and verifies. A tag that moved since signing is its own reason.
 */
export async function checkImageSignature(
  image: ResolvedImage,
  verify: (payload: Buffer, signature: Buffer) => Promise<boolean>,
): Promise<string | undefined> {
  if (image.ref.digest && image.tagDigest && image.tagDigest !== image.ref.digest) {
    return `tag ${image.ref.tag} now points at ${image.tagDigest}, not the signed ${image.ref.digest}`;
  }
  const tag = signatureTag(image.digest);
  const layers = await layersOf(image.registry, tag);
  if (!layers) return `no cosign signature for ${image.digest} (${image.name}:${tag} does not exist)`;
  let reason = `${image.name}:${tag} holds no simple-signing layer`;
  for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
    const payload = await image.registry.blob(layer.digest);
    let claimed: string | undefined;
    try {
      claimed = JSON.parse(payload.toString('utf8'))?.critical?.image?.['docker-manifest-digest'];
    } catch {
      reason = `a layer of ${tag} is not a simple-signing payload`;
      continue;
    }
    if (claimed !== image.digest) {
      reason = `the signature payload names ${claimed}, not ${image.digest}`;
      continue;
    }
    const signature = Buffer.from(layer.annotations?.[SIGNATURE_ANNOTATION] ?? '', 'base64');
    if (signature.length > 0 && (await verify(payload, signature))) return undefined;
    reason = `no signature in ${image.name}:${tag} verifies with the public key`;
  }
  return reason;
}
