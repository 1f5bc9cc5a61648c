import { readFile } from 'node:fs/promises';
import { ConfigurationError, OperationError, registerSecret } from '../../../../shared';
import { envelope, pae } from '../attest/dsse';
import type { Options } from '../inputs';
import { Inputs } from '../names';
import { openpgpScript } from '../verify-script';
import type { FileSignature, MethodSigner, SignRequest } from './types';

type OpenPGP = typeof import('openpgp');

/**
 * OpenPGP detached signatures (`<file>.asc`) as package repositories expect them, made with
 * openpgp.js (the library ProtonMail maintains; no gpg-agent or keyring on the runner). OpenPGP
 * hashes the content together with its signature trailer, so it reads the file itself.
 */
export async function openpgpSigner(options: Options): Promise<MethodSigner> {
  const openpgp: OpenPGP = await import('openpgp');
  const privateKey = await unlock(openpgp, options.privateKey, options.passphrase);
  const publicArmored = privateKey.toPublic().armor();
  const fingerprint = privateKey.getFingerprint().toUpperCase();
  const user = privateKey.getUserIDs()[0] ?? '(no user id)';
  const verifyDetached = async (data: Uint8Array, armoredSignature: string) => {
    const result = await openpgp.verify({
      message: await openpgp.createMessage({ binary: data }),
      signature: await openpgp.readSignature({ armoredSignature }),
      verificationKeys: privateKey.toPublic(),
    });
    try {
      return (await result.signatures[0]?.verified) === true;
    } catch {
      return false;
    }
  };
  return {
    method: 'openpgp',
    identity: `${user} (${fingerprint})`,
    async signFile(request: SignRequest): Promise<FileSignature> {
      const data = request.digest.data ?? (await readFile(request.file));
      const message = await openpgp.createMessage({ binary: data });
      const armored = await openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'armored' });
      if (!(await verifyDetached(data, armored))) {
        throw new OperationError(`${request.display}: the fresh OpenPGP signature does not verify`);
      }
      const path = request.outputFor('.asc');
      return { primary: path, writes: [{ path, content: armored }] };
    },
    async attest(payloadType: string, payload: Buffer): Promise<string> {
      const bytes = pae(payloadType, payload);
      const message = await openpgp.createMessage({ binary: bytes });
      const signature = await openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'binary' });
      const check = await openpgp.verify({
        message: await openpgp.createMessage({ binary: bytes }),
        signature: await openpgp.readSignature({ binarySignature: signature as Uint8Array }),
        verificationKeys: privateKey.toPublic(),
      });
      try {
        await check.signatures[0]?.verified;
        if (!check.signatures[0]) throw new Error('no signature packet');
      } catch (error) {
        throw new OperationError(
          `The attestation signature does not verify with the OpenPGP key: ${(error as Error).message}`,
        );
      }
      return JSON.stringify(envelope(payloadType, payload, fingerprint, Buffer.from(signature as Uint8Array)));
    },
    verifyScript: (dir, entries, attestation) => openpgpScript(dir, publicArmored, entries, attestation),
  };
}

async function unlock(openpgp: OpenPGP, armoredKey: string, passphrase: string) {
  let key: Awaited<ReturnType<OpenPGP['readPrivateKey']>>;
  try {
    key = await openpgp.readPrivateKey({ armoredKey });
  } catch (error) {
    throw new ConfigurationError(
      `Input ${Inputs.privateKey} is not an armored OpenPGP private key (${(error as Error).message})`,
      { input: Inputs.privateKey },
    );
  }
  if (key.isDecrypted()) return key;
  if (!passphrase) {
    throw new ConfigurationError(`Input ${Inputs.privateKey} is protected; set input ${Inputs.passphrase}`, {
      input: Inputs.passphrase,
    });
  }
  try {
    const unlocked = await openpgp.decryptKey({ privateKey: key, passphrase });
    registerSecret(unlocked.armor());
    return unlocked;
  } catch {
    throw new ConfigurationError(`Could not unlock ${Inputs.privateKey}: wrong ${Inputs.passphrase}?`, {
      input: Inputs.passphrase,
    });
  }
}

export async function readPublicKey(openpgp: OpenPGP, armoredKey: string) {
  try {
    return await openpgp.readKey({ armoredKey });
  } catch (error) {
    throw new ConfigurationError(
      `Input ${Inputs.openpgpPublicKey} is not an armored OpenPGP public key (${(error as Error).message})`,
      { input: Inputs.openpgpPublicKey },
    );
  }
}
