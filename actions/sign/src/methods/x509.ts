import { X509Certificate } from 'node:crypto';
import { ConfigurationError, exec, OperationError, registerSecret } from '../../../../shared';
import { envelope, pae } from '../attest/dsse';
import type { Options } from '../inputs';
import { Inputs } from '../names';
import { verifyCmsSignature } from '../verify/cms';
import { x509Script } from '../verify-script';
import { buildDetachedCms, fingerprint } from './cms';
import { loadPrivateKey, openSigningKey, type SigningKey, signBytesWith, verifyBytes } from './keys';
import { splitPem } from './output';
import { codeSigningProblem } from './purpose';
import { requestTimestamp } from './timestamp';
import type { FileSignature, MethodSigner, SignRequest } from './types';

/** X.509 code signing: a detached DER CMS `<file>.p7s` carrying the chain and the signing time. */
export async function x509Signer(options: Options): Promise<MethodSigner> {
  const { key, chain } = options.pkcs12
    ? await fromPkcs12(options.pkcs12, options.password)
    : {
        key: await openSigningKey(
          options.privateKey,
          options.passphrase,
          Inputs.privateKey,
          Inputs.passphrase,
          options.workspace,
        ),
        chain: parseChain(options.certificate, Inputs.certificate),
      };
  const certInput = options.pkcs12 ? Inputs.pkcs12 : Inputs.certificate;
  const leaf = chain[0] as X509Certificate;
  if (key.kind === 'ed25519') {
    throw new ConfigurationError(
      `Input ${certInput}: Ed25519 CMS signatures need SHA-512 (RFC 8419); use an ECDSA P-256 or RSA certificate`,
      {
        input: certInput,
      },
    );
  }
  if (!leaf.publicKey.equals(key.publicKey)) {
    throw new ConfigurationError(
      `The private key does not belong to the signing certificate (${leaf.subject.replace(/\n/g, ', ')}); the first certificate in ${certInput} must be the signer's`,
      { input: certInput },
    );
  }
  const purpose = await codeSigningProblem(leaf);
  if (purpose) throw new ConfigurationError(`Input ${certInput}: ${purpose}`, { input: certInput });
  const now = new Date();
  if (now < new Date(leaf.validFrom) || now > new Date(leaf.validTo)) {
    throw new ConfigurationError(
      `The signing certificate is not valid now (valid ${leaf.validFrom} to ${leaf.validTo}); signatures made with it would not verify`,
      { input: certInput },
    );
  }
  // Trust anchor embedded in verify.sh: the chain's root, when the chain includes one. An intermediate
  // is no anchor (openssl refuses a partial chain), so without a root the consumer brings CA_FILE.
  const last = chain[chain.length - 1] as X509Certificate;
  const root = last.checkIssued(last) && last.verify(last.publicKey) ? last : undefined;
  return {
    method: 'x509',
    identity: `${leaf.subject.replace(/\n/g, ', ')} (sha256 ${fingerprint(leaf).slice(0, 16)}…, valid to ${leaf.validTo})`,
    async signFile(request: SignRequest): Promise<FileSignature> {
      const cms = await buildDetachedCms({
        kind: key.kind,
        chain,
        digest: request.digest.sha256,
        signingTime: new Date(),
        sign: (der) => signBytesWith(key, der),
        timestamp: options.tsaUrl
          ? async (signature) => (await requestTimestamp(options.tsaUrl, signature)).token
          : undefined,
      });
      const problem = await verifyCmsSignature(cms, request.digest.sha256);
      if (problem) throw new OperationError(`${request.display}: the fresh CMS signature does not verify: ${problem}`);
      const path = request.outputFor('.p7s');
      return { primary: path, writes: [{ path, content: cms }] };
    },
    async attest(payloadType: string, payload: Buffer): Promise<string> {
      const bytes = pae(payloadType, payload);
      const signature = await signBytesWith(key, bytes);
      if (!(await verifyBytes(key.kind, leaf.publicKey, bytes, signature))) {
        throw new OperationError('The attestation signature does not verify with the signing certificate');
      }
      return JSON.stringify(envelope(payloadType, payload, fingerprint(leaf), signature));
    },
    verifyScript: (dir, entries, attestation) =>
      x509Script(
        dir,
        root?.toString(),
        entries,
        attestation,
        chain.map((c) => c.toString()).join(''),
        last.issuer.replace(/\n/g, ', '),
      ),
  };
}

export function parseChain(text: string, input: string): X509Certificate[] {
  const pems = splitPem(text, 'CERTIFICATE');
  if (pems.length === 0) throw new ConfigurationError(`Input ${input} holds no PEM certificate`, { input });
  return pems.map((pem, i) => {
    try {
      return new X509Certificate(pem);
    } catch (error) {
      throw new ConfigurationError(
        `Input ${input}: certificate ${i + 1} is not readable (${(error as Error).message})`,
        {
          input,
        },
      );
    }
  });
}

/**
 * PKCS#12 is unpacked by openssl (present on every GitHub runner): its password-based encryption
 * schemes (PBES2, and RC2/3DES in legacy files) are a poor fit for a hand-written parser. The password
 * goes through the environment and the bundle through stdin, never the command line or a temp file.
 */
async function fromPkcs12(der: Buffer, password: string): Promise<{ key: SigningKey; chain: X509Certificate[] }> {
  const run = (legacy: boolean) =>
    exec('openssl', ['pkcs12', ...(legacy ? ['-legacy'] : []), '-nodes', '-passin', 'env:PAVED_PKCS12_PASSWORD'], {
      input: der,
      env: { PAVED_PKCS12_PASSWORD: password },
      quiet: true,
      ignoreReturnCode: true,
      timeoutMs: 30_000,
    });
  let result = await run(false);
  if (result.exitCode !== 0 && /unsupported|RC2|legacy/i.test(result.stderr)) result = await run(true);
  if (result.exitCode !== 0) {
    if (/mac verify failure|invalid password/i.test(result.stderr)) {
      throw new ConfigurationError(`Could not open ${Inputs.pkcs12}: wrong ${Inputs.password}?`, {
        input: Inputs.password,
      });
    }
    throw new ConfigurationError(
      `Input ${Inputs.pkcs12} is not a readable PKCS#12 bundle: ${result.stderr.trim().split('\n')[0]}`,
      {
        input: Inputs.pkcs12,
      },
    );
  }
  registerSecret(result.stdout);
  const keyPem = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]*?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(
    result.stdout,
  )?.[0];
  if (!keyPem) throw new ConfigurationError(`Input ${Inputs.pkcs12} holds no private key`, { input: Inputs.pkcs12 });
  registerSecret(keyPem);
  const key = loadPrivateKey(keyPem, '', Inputs.pkcs12, Inputs.password);
  const certs = parseChain(result.stdout, Inputs.pkcs12);
  // openssl lists the bag's certificates in file order; put the key's own first.
  const leafIndex = certs.findIndex((c) => c.publicKey.equals(key.publicKey));
  if (leafIndex < 0) {
    throw new ConfigurationError(`Input ${Inputs.pkcs12} has no certificate for its private key`, {
      input: Inputs.pkcs12,
    });
  }
  const leaf = certs.splice(leafIndex, 1)[0] as X509Certificate;
  return { key, chain: [leaf, ...orderChain(leaf, certs)] };
}

function orderChain(leaf: X509Certificate, rest: X509Certificate[]): X509Certificate[] {
  const ordered: X509Certificate[] = [];
  let current = leaf;
  const pool = [...rest];
  for (;;) {
    const i = pool.findIndex((c) => current.checkIssued(c) && c !== current);
    if (i < 0 || current.checkIssued(current)) break;
    current = pool.splice(i, 1)[0] as X509Certificate;
    ordered.push(current);
  }
  return [...ordered, ...pool];
}
