import { createHash, createPublicKey, generateKeyPairSync, sign as nodeSign, X509Certificate } from 'node:crypto';
import { ConfigurationError, errorMessage, OperationError, registerSecret } from '../../../../shared';
import * as core from '../../../../shared/actions-core';
import { pae } from '../attest/dsse';
import type { Options } from '../inputs';
import { Inputs } from '../names';
import { signFile, verifyBytes, verifyFile } from './keys';
import { pemToDer } from './output';
import type { FileSignature, MethodSigner, SignRequest } from './types';

/**
 * Keyless signing: the job's GitHub OIDC token proves who is signing, Fulcio turns it into a
 * short-lived certificate for an ephemeral P-256 key, and Rekor records each signature so it can
 * be checked after the certificate expires. The protocol clients come from @sigstore/sign (the
 * library behind `sigstore` and GitHub's attest actions); only the per-file signature is ours,
 * made from the digest we already streamed so large files are read once.
 *
 * One certificate serves the whole run, as with cosign: one identity token, one Fulcio call,
 * then one Rekor entry per file, in parallel.
 */
export async function keylessSigner(options: Options): Promise<MethodSigner> {
  const token = await identityToken(options.oidcAudience);
  const sign = await import('@sigstore/sign');
  const { toMessageSignatureBundle, toDSSEBundle, bundleToJSON } = await import('@sigstore/bundle');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const fetchOptions = { timeout: 30_000, retry: { retries: 2 } };
  const fulcio = new sign.FulcioSigner({
    fulcioBaseURL: options.fulcioUrl,
    identityProvider: { getToken: async () => token },
    keyHolder: {
      // Proof of possession for Fulcio: the token's subject signed with the ephemeral key.
      sign: async (data: Buffer) => ({
        signature: nodeSign('sha256', data, privateKey),
        key: { $case: 'publicKey', publicKey: publicPem },
      }),
    },
    ...fetchOptions,
  });
  // FulcioSigner keeps only the leaf of the chain Fulcio answers with; cosign attaches the rest to
  // image signatures (annotation dev.sigstore.cosign/chain), so the CA client's answer is kept too.
  let chain: string[] = [];
  const ca = (fulcio as unknown as { ca?: { createSigningCertificate?: (...args: unknown[]) => Promise<string[]> } })
    .ca;
  const createCertificate = ca?.createSigningCertificate?.bind(ca);
  if (ca && createCertificate) {
    ca.createSigningCertificate = async (...args: unknown[]) => {
      chain = await createCertificate(...args);
      return chain;
    };
  }
  let certificatePem: string;
  try {
    const issued = await fulcio.sign(Buffer.from('paved'));
    if (issued.key.$case !== 'x509Certificate') throw new Error('Fulcio returned no certificate');
    certificatePem = issued.key.certificate;
  } catch (error) {
    throw new OperationError(`Fulcio at ${options.fulcioUrl} did not issue a certificate: ${causeOf(error)}`);
  }
  const certificate = new X509Certificate(certificatePem);
  if (!certificate.publicKey.equals(createPublicKey(publicPem))) {
    throw new OperationError('Fulcio issued a certificate for another key');
  }
  // Rekor would log signatures made after the certificate expired, and every verifier would refuse them.
  const now = Date.now();
  if (now < Date.parse(certificate.validFrom) - 60_000 || now > Date.parse(certificate.validTo)) {
    throw new OperationError(
      `Fulcio at ${options.fulcioUrl} issued a certificate that is not valid now (valid ${certificate.validFrom} to ${certificate.validTo}); check the runner's clock`,
    );
  }
  const certificateDer = pemToDer(certificatePem);
  const witnesses: InstanceType<typeof sign.RekorWitness | typeof sign.TSAWitness>[] = [
    new sign.RekorWitness({ rekorBaseURL: options.rekorUrl, entryType: 'dsse', ...fetchOptions }),
  ];
  const tsa = options.tsaUrl ? new sign.TSAWitness({ tsaBaseURL: options.tsaUrl, ...fetchOptions }) : undefined;
  if (tsa) witnesses.push(tsa);

  type AnyBundle = ReturnType<typeof toMessageSignatureBundle> | ReturnType<typeof toDSSEBundle>;
  const witness = async (bundle: AnyBundle, what: string) => {
    try {
      const materials = await Promise.all(witnesses.map((w) => w.testify(bundle.content, certificatePem)));
      bundle.verificationMaterial.tlogEntries = materials.flatMap((m) => ('tlogEntries' in m ? m.tlogEntries : []));
      bundle.verificationMaterial.timestampVerificationData = {
        rfc3161Timestamps: materials.flatMap((m) => ('rfc3161Timestamps' in m ? m.rfc3161Timestamps : [])),
      };
    } catch (error) {
      throw new OperationError(`${what}: transparency log or timestamp authority refused the entry: ${causeOf(error)}`);
    }
  };

  return {
    method: 'keyless',
    identity: `${certificate.subjectAltName ?? certificate.subject} (issuer ${certificate.issuer.replace(/\n/g, ', ')})`,
    async signFile(request: SignRequest): Promise<FileSignature> {
      const signature = await signFile('ecdsa-p256', privateKey, request.file, request.digest);
      if (!(await verifyFile('ecdsa-p256', certificate.publicKey, request.file, request.digest, signature))) {
        throw new OperationError(`${request.display}: the fresh signature does not verify with the Fulcio certificate`);
      }
      const bundle = toMessageSignatureBundle({
        digest: request.digest.sha256,
        signature,
        certificate: certificateDer,
        certificateChain: false,
      });
      await witness(bundle, request.display);
      const path = request.outputFor('.sigstore.json');
      return { primary: path, writes: [{ path, content: `${JSON.stringify(bundleToJSON(bundle))}\n` }] };
    },
    certificateChain: chain.slice(1),
    async signPayloadBundle(payload: Buffer) {
      const signature = nodeSign('sha256', payload, privateKey);
      if (!(await verifyBytes('ecdsa-p256', certificate.publicKey, payload, signature))) {
        throw new OperationError('The image signature does not verify with the Fulcio certificate');
      }
      const bundle = toMessageSignatureBundle({
        digest: createHash('sha256').update(payload).digest(),
        signature,
        certificate: certificateDer,
        certificateChain: false,
      });
      await witness(bundle, 'image signature');
      return bundleToJSON(bundle);
    },
    // The TSA client stamps the signature of what it is given: here `data` itself stands as that signature.
    timestamp: tsa
      ? async (data: Buffer) => {
          try {
            const { rfc3161Timestamps } = await tsa.testify({
              $case: 'messageSignature',
              messageSignature: {
                signature: data,
                messageDigest: { algorithm: 1 /* SHA2_256 */, digest: createHash('sha256').update(data).digest() },
              },
            });
            const token = rfc3161Timestamps[0]?.signedTimestamp;
            if (!token) throw new Error('no timestamp in the answer');
            return Buffer.from(token);
          } catch (error) {
            throw new OperationError(`timestamp authority ${options.tsaUrl} refused the request: ${causeOf(error)}`);
          }
        }
      : undefined,
    async attest(payloadType: string, payload: Buffer): Promise<string> {
      const bytes = pae(payloadType, payload);
      const signature = nodeSign('sha256', bytes, privateKey);
      if (!(await verifyBytes('ecdsa-p256', certificate.publicKey, bytes, signature))) {
        throw new OperationError('The attestation signature does not verify with the Fulcio certificate');
      }
      const bundle = toDSSEBundle({
        artifact: payload,
        artifactType: payloadType,
        signature,
        certificate: certificateDer,
        certificateChain: false,
      });
      await witness(bundle, 'attestation');
      return JSON.stringify(bundleToJSON(bundle));
    },
  };
}

async function identityToken(audience: string): Promise<string> {
  if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ConfigurationError(
      `Method keyless needs a GitHub OIDC token: add "permissions: id-token: write" to the job, or use method key, x509 or openpgp`,
      { input: Inputs.method },
    );
  }
  registerSecret(process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  let token: string;
  try {
    token = await core.getIDToken(audience);
  } catch (error) {
    throw new OperationError(`Could not get a GitHub OIDC token for audience ${audience}: ${errorMessage(error)}`);
  }
  registerSecret(token);
  return token;
}

function causeOf(error: unknown): string {
  const parts = [errorMessage(error)];
  let cause = (error as { cause?: unknown }).cause;
  while (cause) {
    parts.push(errorMessage(cause));
    cause = (cause as { cause?: unknown }).cause;
  }
  return parts.join(': ');
}
