import { createHash, type KeyObject, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigurationError } from '../../../../shared';
import { pae } from '../attest/dsse';
import type { FileDigest } from '../hash';
import { type Options, toMatcher } from '../inputs';
import { type KeyKind, loadPublicKey, verifyBytes, verifyFile } from '../methods/keys';
import { splitPem } from '../methods/output';
import { codeSigningProblem } from '../methods/purpose';
import { checkTimestamp, tsaAnchors } from '../methods/timestamp';
import { Inputs } from '../names';
import { type EnvelopeVerifier, parseEnvelope } from './attestations';
import { verifyCmsSignature, verifyCmsTrust } from './cms';

export interface VerifyRequest {
  file: string;
  display: string;
  digest: FileDigest;
  outputFor(extension: string): string;
}

/** Returns undefined when the file verifies, otherwise the reason it does not. */
export type FileVerifier = (request: VerifyRequest) => Promise<{ reason?: string; signature: string; signer?: string }>;

async function readOrReason(path: string): Promise<Buffer | string> {
  try {
    return await readFile(path);
  } catch {
    return `no signature at ${path}`;
  }
}

export interface MethodVerifier {
  verify: FileVerifier;
  /** Checks attestation envelopes; runs after every file was verified (x509 trusts the certificates those carried). */
  envelope: EnvelopeVerifier;
  trust: string;
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  return readFile(path).catch(() => undefined);
}

export async function createVerifier(options: Options): Promise<MethodVerifier> {
  switch (options.method) {
    case 'key':
      return keyVerifier(options);
    case 'x509':
      return x509Verifier(options);
    case 'openpgp':
      return openpgpVerifier(options);
    case 'keyless':
      return (await import('./keyless')).keylessVerifier(options, toMatcher);
  }
}

function keyVerifier(options: Options): MethodVerifier {
  const { kind, key } = loadPublicKey(options.publicKey, Inputs.publicKey);
  const hint = createHash('sha256')
    .update(key.export({ format: 'der', type: 'spki' }))
    .digest('base64');
  const tsaRoots = tsaAnchors(options.tsaCertificate);
  const mismatch = 'signature does not match the file and public key (file modified, or signed with another key)';
  return {
    trust: `${kind} public key`,
    verify: async (request) => {
      const sigPath = request.outputFor('.sig');
      const bundlePath = request.outputFor('.sigstore.json');
      const [text, bundleText] = await Promise.all([readIfPresent(sigPath), readIfPresent(bundlePath)]);
      if (!text && !bundleText) return { reason: `no signature at ${sigPath} or ${bundlePath}`, signature: sigPath };
      if (text) {
        const signature = Buffer.from(text.toString('utf8').trim(), 'base64');
        if (signature.length === 0) return { reason: `${sigPath} is empty or not base64`, signature: sigPath };
        if (!(await verifyFile(kind, key, request.file, request.digest, signature)))
          return { reason: mismatch, signature: sigPath };
      }
      if (bundleText) {
        const problem = await checkKeyBundle(bundleText, kind, key, hint, request, tsaRoots);
        if (problem) return { reason: `${basename(bundlePath)}: ${problem}`, signature: bundlePath };
      }
      return { signature: text ? sigPath : bundlePath };
    },
    envelope: async (line) => {
      const parsed = parseEnvelope(line);
      if ('reason' in parsed) return parsed;
      const bytes = pae(parsed.payloadType, parsed.payload);
      for (const s of parsed.signatures) {
        if (await verifyBytes(kind, key, bytes, s.sig))
          return { payloadType: parsed.payloadType, payload: parsed.payload };
      }
      return {
        reason:
          'the DSSE signature does not verify with the public key (statement modified, or signed with another key)',
      };
    },
  };
}

/**
 * A key-signed Sigstore bundle v0.3 (what `cosign verify-blob --bundle --key` reads): the message
 * digest must be the file's sha256 and the signature must verify with the key over the file.
 */
async function checkKeyBundle(
  text: Buffer,
  kind: KeyKind,
  key: KeyObject,
  hint: string,
  request: VerifyRequest,
  tsaRoots: X509Certificate[] | undefined,
): Promise<string | undefined> {
  const { bundleFromJSON } = await import('@sigstore/bundle');
  let bundle: ReturnType<typeof bundleFromJSON>;
  try {
    bundle = bundleFromJSON(JSON.parse(text.toString('utf8')));
  } catch (error) {
    return `not a Sigstore bundle (${(error as Error).message})`;
  }
  if (bundle.content.$case !== 'messageSignature') return 'holds a DSSE attestation, not an artifact signature';
  const { messageDigest, signature } = bundle.content.messageSignature;
  if (messageDigest && messageDigest.algorithm !== 1 /* SHA2_256 */) {
    return `unsupported message digest algorithm ${messageDigest.algorithm}`;
  }
  if (messageDigest && !Buffer.from(messageDigest.digest).equals(request.digest.sha256)) {
    return 'the file does not match the digest in the bundle (modified after signing?)';
  }
  if (await verifyFile(kind, key, request.file, request.digest, Buffer.from(signature))) {
    // Each RFC 3161 timestamp must be over this signature (and chain to tsa-certificate when given).
    for (const t of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
      const ts = await checkTimestamp(Buffer.from(t.signedTimestamp), Buffer.from(signature), tsaRoots);
      if (typeof ts === 'string') return ts;
    }
    return undefined;
  }
  const material = bundle.verificationMaterial.content;
  const named = material.$case === 'publicKey' ? material.publicKey.hint : '';
  return named && named !== hint
    ? `signed with another key (bundle key hint ${named}, given key ${hint})`
    : 'the bundle signature does not verify with the public key';
}

function x509Verifier(options: Options): MethodVerifier {
  const anchors = splitPem(options.caCertificate, 'CERTIFICATE').map((pem) => {
    try {
      return new X509Certificate(pem);
    } catch (error) {
      throw new ConfigurationError(
        `Input ${Inputs.caCertificate} holds an unreadable certificate (${(error as Error).message})`,
        {
          input: Inputs.caCertificate,
        },
      );
    }
  });
  if (anchors.length === 0) {
    throw new ConfigurationError(`Input ${Inputs.caCertificate} holds no PEM certificate`, {
      input: Inputs.caCertificate,
    });
  }
  const tsaRoots = tsaAnchors(options.tsaCertificate) ?? anchors;
  // DSSE envelopes name their signer by certificate fingerprint; the certificate itself travels in
  // the .p7s files, so an envelope is trusted only when a certificate that chains to the anchors signed it.
  const trusted = new Map<string, X509Certificate>();
  return {
    trust: anchors.map((a) => a.subject.replace(/\n/g, ', ')).join('; '),
    verify: async (request) => {
      const path = request.outputFor('.p7s');
      const der = await readOrReason(path);
      if (typeof der === 'string') return { reason: der, signature: path };
      const signatureProblem = await verifyCmsSignature(der, request.digest.sha256);
      const trustProblem = await verifyCmsTrust(der, anchors, tsaRoots).catch(
        (e: Error) => `not a CMS signature (${e.message})`,
      );
      let purposeProblem: string | undefined;
      if (!trustProblem) {
        const { parseCms, fingerprint } = await import('../methods/cms');
        const signer = (await parseCms(der)).signer;
        purposeProblem = signer ? await codeSigningProblem(signer) : 'the signer certificate is not in the CMS';
        if (signer && !purposeProblem && !signatureProblem) trusted.set(fingerprint(signer), signer);
      }
      return { reason: signatureProblem ?? trustProblem ?? purposeProblem, signature: path };
    },
    envelope: async (line) => {
      const parsed = parseEnvelope(line);
      if ('reason' in parsed) return parsed;
      const bytes = pae(parsed.payloadType, parsed.payload);
      for (const s of parsed.signatures) {
        const candidates = trusted.has(s.keyid) ? [trusted.get(s.keyid) as X509Certificate] : [...trusted.values()];
        for (const cert of candidates) {
          const kind: KeyKind = cert.publicKey.asymmetricKeyType === 'rsa' ? 'rsa' : 'ecdsa-p256';
          if (await verifyBytes(kind, cert.publicKey, bytes, s.sig)) {
            return {
              payloadType: parsed.payloadType,
              payload: parsed.payload,
              signer: cert.subject.replace(/\n/g, ', '),
            };
          }
        }
      }
      if (trusted.size === 0) {
        return {
          reason: `signed by certificate sha256:${parsed.signatures[0]?.keyid ?? '?'}, but no .p7s verified here carries a certificate that chains to ${Inputs.caCertificate}`,
        };
      }
      return {
        reason:
          'the DSSE signature does not verify with the signing certificate (statement modified, or signed by another certificate)',
      };
    },
  };
}

async function openpgpVerifier(options: Options): Promise<MethodVerifier> {
  const openpgp = await import('openpgp');
  const { readPublicKey } = await import('../methods/openpgp');
  const key = await readPublicKey(openpgp, options.openpgpPublicKey);
  return {
    trust: `${key.getUserIDs()[0] ?? ''} (${key.getFingerprint().toUpperCase()})`,
    verify: async (request) => {
      const path = request.outputFor('.asc');
      const text = await readOrReason(path);
      if (typeof text === 'string') return { reason: text, signature: path };
      let signature: Awaited<ReturnType<typeof openpgp.readSignature>>;
      try {
        signature = await openpgp.readSignature({ armoredSignature: text.toString('utf8') });
      } catch (error) {
        return { reason: `${path} is not an armored OpenPGP signature (${(error as Error).message})`, signature: path };
      }
      const data = request.digest.data ?? (await readFile(request.file));
      const result = await openpgp.verify({
        message: await openpgp.createMessage({ binary: data }),
        signature,
        verificationKeys: key,
      });
      try {
        await result.signatures[0]?.verified;
        if (!result.signatures[0]) return { reason: 'no signature packet', signature: path };
        return { signature: path };
      } catch (error) {
        return { reason: (error as Error).message, signature: path };
      }
    },
    envelope: async (line) => {
      const parsed = parseEnvelope(line);
      if ('reason' in parsed) return parsed;
      const bytes = pae(parsed.payloadType, parsed.payload);
      let reason = 'the DSSE envelope has no OpenPGP signature';
      for (const s of parsed.signatures) {
        try {
          const result = await openpgp.verify({
            message: await openpgp.createMessage({ binary: bytes }),
            signature: await openpgp.readSignature({ binarySignature: s.sig }),
            verificationKeys: key,
          });
          if (!result.signatures[0]) continue;
          await result.signatures[0].verified;
          return { payloadType: parsed.payloadType, payload: parsed.payload };
        } catch (error) {
          reason = `the DSSE signature does not verify with the OpenPGP key: ${(error as Error).message}`;
        }
      }
      return { reason };
    },
  };
}
