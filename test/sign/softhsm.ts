import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onPath } from '../harness';
import { sh } from './fixtures';

/**
 * A SoftHSM2 token in its own temp directory (SOFTHSM2_CONF points at it), with an ECDSA P-256 and an
 * RSA 2048 key pair generated on the token by pkcs11-tool: the private keys never exist anywhere else.
 * The RSA key's CKA_ID is a3f1, bytes that are not UTF-8, as ids on real HSMs often are.
 */
export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';
export const PKCS11_ENGINE = '/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so';

export interface SoftHsm {
  env: { SOFTHSM2_CONF: string };
  module: string;
  token: string;
  pin: string;
  /** Public keys read back from the token, PEM paths. */
  ecPublic: string;
  rsaPublic: string;
}

/** Why SoftHSM cannot run here, or undefined when it can. */
export function softHsmMissing(): string | undefined {
  for (const tool of ['softhsm2-util', 'pkcs11-tool', 'openssl']) if (!onPath(tool)) return `${tool} is not installed`;
  if (!existsSync(SOFTHSM_MODULE)) return `${SOFTHSM_MODULE} is missing (softhsm2)`;
  if (!existsSync(PKCS11_ENGINE)) return `${PKCS11_ENGINE} is missing (libengine-pkcs11-openssl)`;
  return undefined;
}

export function startSoftHsm(dir: string): SoftHsm {
  const d = join(dir, 'softhsm');
  mkdirSync(join(d, 'tokens'), { recursive: true });
  const conf = join(d, 'softhsm2.conf');
  writeFileSync(conf, `directories.tokendir = ${d}/tokens\nobjectstore.backend = file\nlog.level = ERROR\n`);
  const env = { SOFTHSM2_CONF: conf };
  const token = 'paved release token';
  const pin = '73-pin;secret$';
  sh('softhsm2-util', ['--init-token', '--free', '--label', token, '--so-pin', '9876543210', '--pin', pin], { env });
  const tool = (args: string[]) =>
    sh('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', token, ...args], { env });
  tool(['--login', '--pin', pin, '--keypairgen', '--key-type', 'EC:prime256v1', '--label', 'release ec', '--id', '01']);
  tool(['--login', '--pin', pin, '--keypairgen', '--key-type', 'rsa:2048', '--label', 'release rsa', '--id', 'a3f1']);
  const exportPublic = (label: string, name: string) => {
    tool(['--read-object', '--type', 'pubkey', '--label', label, '--output-file', join(d, `${name}.der`)]);
    sh('openssl', ['pkey', '-pubin', '-inform', 'DER', '-in', join(d, `${name}.der`), '-out', join(d, `${name}.pem`)]);
    return join(d, `${name}.pem`);
  };
  return {
    env,
    module: SOFTHSM_MODULE,
    token,
    pin,
    ecPublic: exportPublic('release ec', 'ec'),
    rsaPublic: exportPublic('release rsa', 'rsa'),
  };
}
