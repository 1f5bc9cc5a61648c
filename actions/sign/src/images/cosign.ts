import { ConfigurationError } from '../../../../shared';
import {
  type Descriptor,
  formatReference,
  type ImageReference,
  parseReference,
  RegistryClient,
} from '../../../../shared/oci';
import { Inputs } from '../names';

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
  ref: ImageReference;
  registry: RegistryClient;
  /** registry/repository (docker.io for Docker Hub), the docker-reference and the in-toto subject name. */
  name: string;
  /** The digest signed or checked: the one written in the reference, else what the tag points at. */
  digest: string;
  /** What the reference's tag points at now, when it has a tag. */
  tagDigest?: string;
}

export type Layer = Descriptor;

/** An image reference of input `images`; cosign's tags and in-toto subjects need a sha256 digest. */
export function parseImageRef(text: string): ImageReference {
  let ref: ImageReference;
  try {
    ref = parseReference(text);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    throw new ConfigurationError(`Input ${Inputs.images}: ${error.message}`, { input: Inputs.images });
  }
  if (ref.digest && !/^sha256:[0-9a-f]{64}$/.test(ref.digest)) {
    throw new ConfigurationError(
      `Input ${Inputs.images}: "${ref.original}" is not an image reference (the digest must be sha256:<64 hex>)`,
      { input: Inputs.images },
    );
  }
  return ref;
}

export async function resolveImage(text: string, username: string, password: string): Promise<ResolvedImage> {
  const ref = parseImageRef(text);
  // registry-username/password, else ~/.docker/config.json (DOCKER_CONFIG) `auths` for the registry.
  const registry = new RegistryClient(ref.registry, {
    credentials: username || password ? { username, password } : undefined,
    credentialsHint: `set ${Inputs.registryUsername}/${Inputs.registryPassword}`,
  });
  const name = `${ref.registry}/${ref.repository}`;
  let tagDigest: string | undefined;
  if (ref.tag) {
    const tagged = await registry.findRaw({ ...ref, digest: undefined });
    if (!tagged && !ref.digest) {
      throw new ConfigurationError(`Input ${Inputs.images}: ${text}: no tag ${ref.tag} in ${name}`, {
        input: Inputs.images,
      });
    }
    tagDigest = tagged?.digest;
  }
  if (ref.digest && !(await registry.findRaw(ref))) {
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
  image: ResolvedImage,
  tag: string,
  bytes: Buffer,
  mediaType: string,
  annotations: Record<string, string>,
): Promise<string> {
  const at = { ...image.ref, tag, digest: undefined };
  const layers: Layer[] = (await layersOf(image, tag)) ?? [];
  const digest = await image.registry.pushBlob(at, bytes);
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
  const configDigest = await image.registry.pushBlob(at, config);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
    layers,
  };
  await image.registry.pushManifest(at, tag, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST);
  return formatReference({ ...at, registry: image.ref.registry });
}

/** Layers of the manifest under `tag` in the image's repository, or undefined when there is none. */
export async function layersOf(image: ResolvedImage, tag: string): Promise<Layer[] | undefined> {
  const m = await image.registry.findRaw({ ...image.ref, tag, digest: undefined });
  if (!m) return undefined;
  return (m.json.layers as Layer[] | undefined) ?? [];
}

/**
 * Why the image's signature does not hold, or undefined when one layer of its `.sig` manifest names
 * this digest and `check` accepts it (the reason `check` gives otherwise). A tag that moved since
 * signing is its own reason.
 */
export async function checkImageSignature(
  image: ResolvedImage,
  check: (payload: Buffer, annotations: Record<string, string>) => Promise<string | undefined>,
): Promise<string | undefined> {
  if (image.ref.digest && image.tagDigest && image.tagDigest !== image.ref.digest) {
    return `tag ${image.ref.tag} now points at ${image.tagDigest}, not the signed ${image.ref.digest}`;
  }
  const tag = signatureTag(image.digest);
  const layers = await layersOf(image, tag);
  if (!layers) return `no cosign signature for ${image.digest} (${image.name}:${tag} does not exist)`;
  let reason = `${image.name}:${tag} holds no simple-signing layer`;
  for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
    const payload = await image.registry.fetchBlob(image.ref, layer.digest);
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
    const problem = await check(payload, layer.annotations ?? {});
    if (!problem) return undefined;
    reason = problem;
  }
  return reason;
}
