import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../../../../shared';
import type { Options } from '../inputs';
import { Inputs } from '../names';
import type { MethodVerifier } from './index';

/**
 * A Sigstore bundle (JSON) of a message signature over `data`, such as a container image's
 * simple-signing payload: the same checks as a file's bundle, then the identity and issuer.
 */
export type MessageVerifier = (json: unknown, data: Buffer) => Promise<{ reason: string } | { signer: string }>;

/**
 * Keyless verification with @sigstore/verify: certificate chain to the Fulcio root, SCT from the
 * CT log, Rekor inclusion (the certificate must have been valid when Rekor saw the signature),
 * the signature itself, then the identity and issuer the user expects.
 */
export async function keylessVerifier(
  options: Options,
  toMatcher: (text: string, input: string) => (value: string | undefined) => boolean,
): Promise<MethodVerifier & { message: MessageVerifier; timestampAnchors: X509Certificate[] }> {
  const { Verifier, toTrustMaterial, toSignedEntity } = await import('@sigstore/verify');
  const { bundleFromJSON } = await import('@sigstore/bundle');
  const { TrustedRoot } = await import('@sigstore/protobuf-specs');
  let root: InstanceType<typeof Object>;
  if (options.trustedRoot) {
    try {
      root = TrustedRoot.fromJSON(JSON.parse(await readFile(options.trustedRoot, 'utf8')));
    } catch (error) {
      throw new ConfigurationError(
        `Input ${Inputs.trustedRoot} is not a Sigstore trusted_root.json (${(error as Error).message})`,
        {
          input: Inputs.trustedRoot,
        },
      );
    }
  } else {
    const { getTrustedRoot } = await import('@sigstore/tuf');
    try {
      root = await getTrustedRoot();
    } catch (error) {
      // Air-gapped and firewalled verifiers are common: the fix is a root file, not a retry.
      throw new ConfigurationError(
        `Could not fetch the Sigstore public-good trusted root with TUF (${verificationReason(error)}); offline, pass input ${Inputs.trustedRoot} with a trusted_root.json (for example from \`cosign trusted-root create\` or \`gh attestation trusted-root\`)`,
        { input: Inputs.trustedRoot },
      );
    }
  }
  const verifier = new Verifier(toTrustMaterial(root as Parameters<typeof toTrustMaterial>[0]), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
  });
  const identityOk = toMatcher(options.certificateIdentity, Inputs.certificateIdentity);
  const issuerOk = toMatcher(options.certificateOidcIssuer, Inputs.certificateOidcIssuer);
  /** The identity and issuer the user expects, or why the signer is not that. */
  const checkIdentity = (signer: ReturnType<typeof verifier.verify>): { reason: string } | { signer: string } => {
    const identity = signer.identity?.subjectAlternativeName;
    const issuer = signer.identity?.extensions?.issuer;
    if (!identityOk(identity)) {
      return { reason: `certificate identity "${identity}" does not match "${options.certificateIdentity}"` };
    }
    if (!issuerOk(issuer)) {
      return { reason: `certificate OIDC issuer "${issuer}" does not match "${options.certificateOidcIssuer}"` };
    }
    return { signer: `${identity} (${issuer})` };
  };
  // The trusted root's timestamp authorities, for a token @sigstore/verify does not read (cosign v2
  // stamps an attestation's whole envelope, not its signature).
  const timestampAnchors = (
    (root as { timestampAuthorities?: { certChain?: { certificates: { rawBytes: Uint8Array }[] } }[] })
      .timestampAuthorities ?? []
  ).flatMap((authority) =>
    (authority.certChain?.certificates ?? []).map((c) => new X509Certificate(Buffer.from(c.rawBytes))),
  );
  return {
    timestampAnchors,
    trust: `${options.trustedRoot ? 'trusted root from file' : 'Sigstore public-good root'}; identity ${options.certificateIdentity}, issuer ${options.certificateOidcIssuer}`,
    verify: async (request) => {
      const path = request.outputFor('.sigstore.json');
      let json: unknown;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        return { reason: `no readable bundle at ${path} (${(error as Error).message})`, signature: path };
      }
      let signer: ReturnType<typeof verifier.verify>;
      try {
        const bundle = bundleFromJSON(json);
        if (bundle.content.$case !== 'messageSignature') {
          return { reason: `${path} holds a DSSE attestation, not an artifact signature`, signature: path };
        }
        if (!Buffer.from(bundle.content.messageSignature.messageDigest?.digest ?? []).equals(request.digest.sha256)) {
          return {
            reason: 'the file does not match the digest in the bundle (modified after signing?)',
            signature: path,
          };
        }
        const data = request.digest.data ?? (await readFile(request.file));
        signer = verifier.verify(toSignedEntity(bundle, data));
      } catch (error) {
        return { reason: verificationReason(error), signature: path };
      }
      const checked = checkIdentity(signer);
      return 'reason' in checked ? { reason: checked.reason, signature: path } : { signature: path, ...checked };
    },
    message: async (json, data) => {
      try {
        const bundle = bundleFromJSON(json);
        if (bundle.content.$case !== 'messageSignature') return { reason: 'holds a DSSE envelope, not a signature' };
        return checkIdentity(verifier.verify(toSignedEntity(bundle, data)));
      } catch (error) {
        return { reason: verificationReason(error) };
      }
    },
    envelope: async (line) => {
      try {
        const bundle = bundleFromJSON(JSON.parse(line));
        if (bundle.content.$case !== 'dsseEnvelope') {
          return { reason: 'holds a message signature bundle, not a DSSE attestation' };
        }
        const checked = checkIdentity(verifier.verify(toSignedEntity(bundle)));
        if ('reason' in checked) return checked;
        const { payloadType, payload } = bundle.content.dsseEnvelope;
        return { payloadType, payload: Buffer.from(payload), signer: checked.signer };
      } catch (error) {
        return { reason: verificationReason(error) };
      }
    },
  };
}

/** "CERTIFICATE_ERROR: Failed to verify certificate chain: certificate is not valid or expired …": the cause says why. */
function verificationReason(error: unknown): string {
  const e = error as { code?: string; message: string; cause?: unknown };
  const parts = [`${e.code ? `${e.code}: ` : ''}${e.message}`];
  for (
    let cause = e.cause as { message?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  ) {
    if (cause.message && !parts.includes(cause.message)) parts.push(cause.message);
  }
  return parts.join(': ');
}
