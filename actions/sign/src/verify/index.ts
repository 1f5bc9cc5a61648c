import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../../../../shared';
import type { FileDigest } from '../hash';
import { type Options, toMatcher } from '../inputs';
import { loadPublicKey, verifyFile } from '../methods/keys';
import { splitPem } from '../methods/output';
import { Inputs } from '../names';
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

export async function createVerifier(options: Options): Promise<{ verify: FileVerifier; trust: string }> {
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

function keyVerifier(options: Options): { verify: FileVerifier; trust: string } {
  const { kind, key } = loadPublicKey(options.publicKey, Inputs.publicKey);
  return {
    trust: `${kind} public key`,
    verify: async (request) => {
      const path = request.outputFor('.sig');
      const text = await readOrReason(path);
      if (typeof text === 'string') return { reason: text, signature: path };
      const signature = Buffer.from(text.toString('utf8').trim(), 'base64');
      if (signature.length === 0) return { reason: `${path} is empty or not base64`, signature: path };
      const ok = await verifyFile(kind, key, request.file, request.digest, signature);
      return ok
        ? { signature: path }
        : {
            reason: 'signature does not match the file and public key (file modified, or signed with another key)',
            signature: path,
          };
    },
  };
}

function x509Verifier(options: Options): { verify: FileVerifier; trust: string } {
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
  return {
    trust: anchors.map((a) => a.subject.replace(/\n/g, ', ')).join('; '),
    verify: async (request) => {
      const path = request.outputFor('.p7s');
      const der = await readOrReason(path);
      if (typeof der === 'string') return { reason: der, signature: path };
      const problem = (await verifyCmsSignature(der, request.digest.sha256)) ?? (await verifyCmsTrust(der, anchors));
      return { reason: problem, signature: path };
    },
  };
}

async function openpgpVerifier(options: Options): Promise<{ verify: FileVerifier; trust: string }> {
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
  };
}
