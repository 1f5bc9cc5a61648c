import { ConfigurationError, OperationError } from '../../../../shared';
import { envelope, pae } from '../attest/dsse';
import type { Options } from '../inputs';
import { Inputs } from '../names';
import { keyScript } from '../verify-script';
import { openSigningKey, signBytesWith, signFileWith, verifyBytes, verifyFile } from './keys';
import { requestTimestamp } from './timestamp';
import type { FileSignature, MethodSigner, SignRequest } from './types';

/**
 * Bring-your-own-key signing, compatible with `cosign sign-blob --key`: `<file>.sig` holds the base64
 * signature (DER ECDSA over SHA-256 for P-256), and `<file>.sigstore.json` a v0.3 bundle with the key's
 * hint, which `cosign verify-blob --bundle --key` and sigstore-js accept.
 */
export async function keySigner(options: Options): Promise<MethodSigner> {
  const key = await openSigningKey(
    options.privateKey,
    options.passphrase,
    Inputs.privateKey,
    Inputs.passphrase,
    options.workspace,
  );
  const { toMessageSignatureBundle, bundleToJSON } = await import('@sigstore/bundle');
  return {
    method: 'key',
    identity: `${key.kind} key${key.source ? ` on ${key.source}` : ''}, sha256:${Buffer.from(key.hint, 'base64').toString('hex')}`,
    async signFile(request: SignRequest): Promise<FileSignature> {
      const signature = await signFileWith(key, request.file, request.digest);
      if (!(await verifyFile(key.kind, key.publicKey, request.file, request.digest, signature))) {
        throw new OperationError(`${request.display}: the fresh signature does not verify with the key's public half`);
      }
      const bundle = toMessageSignatureBundle({
        digest: request.digest.sha256,
        signature,
        keyHint: key.hint,
        certificateChain: false,
      });
      if (options.tsaUrl) {
        // Over the signature bytes, as cosign's --timestamp-server-url: sigstore-js and cosign check it.
        const { response } = await requestTimestamp(options.tsaUrl, signature);
        bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps.push({ signedTimestamp: response });
      }
      const sig = request.outputFor('.sig');
      const bundlePath = request.outputFor('.sigstore.json');
      return {
        primary: sig,
        writes: [
          { path: sig, content: signature.toString('base64') },
          { path: bundlePath, content: `${JSON.stringify(bundleToJSON(bundle))}\n` },
        ],
      };
    },
    async signPayload(payload: Buffer): Promise<Buffer> {
      const signature = await signBytesWith(key, payload);
      if (!(await verifyBytes(key.kind, key.publicKey, payload, signature))) {
        throw new OperationError("The image signature does not verify with the key's public half");
      }
      return signature;
    },
    async attest(payloadType: string, payload: Buffer): Promise<string> {
      const bytes = pae(payloadType, payload);
      const signature = await signBytesWith(key, bytes);
      if (!(await verifyBytes(key.kind, key.publicKey, bytes, signature))) {
        throw new ConfigurationError(
          `The attestation signature does not verify with ${Inputs.privateKey}'s public key`,
        );
      }
      return JSON.stringify(envelope(payloadType, payload, key.hint, signature));
    },
    verifyScript: (dir, entries, attestation) => keyScript(dir, key.kind, key.publicPem, entries, attestation),
  };
}
