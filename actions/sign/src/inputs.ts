import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import {
  ConfigurationError,
  getBoolean,
  getEnum,
  getList,
  getSecret,
  getString,
  registerSecret,
} from '../../../shared';
import { fsError } from './fs-errors';
import { Inputs } from './names';

export const METHODS = ['keyless', 'key', 'x509', 'openpgp'] as const;
export type Method = (typeof METHODS)[number];
export const COMMANDS = ['sign', 'verify'] as const;
export const ATTEST_STORES = ['none', 'github'] as const;
export type Command = (typeof COMMANDS)[number];

export interface Options {
  command: Command;
  method: Method;
  patterns: string[];
  workspace: string;
  /** Absolute; undefined means beside each file. */
  outputDir?: string;
  privateKey: string;
  passphrase: string;
  certificate: string;
  /** DER bytes of a PKCS#12 bundle. */
  pkcs12?: Buffer;
  password: string;
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  oidcAudience: string;
  provenance: boolean;
  sbom?: string;
  attestationName: string;
  verifyScript: boolean;
  publicKey: string;
  caCertificate: string;
  certificateIdentity: string;
  certificateOidcIssuer: string;
  openpgpPublicKey: string;
  trustedRoot?: string;
  /** PEM roots of the timestamp authority (verify). */
  tsaCertificate: string;
  /** Where attestation bundles are stored besides the .intoto.jsonl file. */
  attest: (typeof ATTEST_STORES)[number];
  githubToken: string;
  /** Container image references (input `images`). */
  images: string[];
  registryUsername: string;
  registryPassword: string;
}

/** Reads every input once and checks that the chosen command and method have what they need. */
export function parseInputs(): Options {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const command = getEnum(Inputs.command, COMMANDS, { default: 'sign' });
  const method = getEnum(Inputs.method, METHODS, { default: 'keyless' });
  const patterns = getList(Inputs.files, { commas: false });
  const images = getList(Inputs.images, { commas: false });
  if (patterns.length === 0 && images.length === 0) {
    throw new ConfigurationError(`Input ${Inputs.files} (or ${Inputs.images}) is required`, { input: Inputs.files });
  }
  const outputDirText = getString(Inputs.outputDir);
  const options: Options = {
    command,
    method,
    patterns,
    workspace,
    outputDir: outputDirText ? resolve(workspace, outputDirText) : undefined,
    privateKey: secretText(Inputs.privateKey, workspace),
    passphrase: getSecret(Inputs.passphrase),
    certificate: pemText(Inputs.certificate, workspace, 'CERTIFICATE'),
    pkcs12: pkcs12Bytes(workspace),
    password: getSecret(Inputs.password),
    fulcioUrl: url(Inputs.fulcioUrl, 'https://fulcio.sigstore.dev'),
    rekorUrl: url(Inputs.rekorUrl, 'https://rekor.sigstore.dev'),
    tsaUrl: url(Inputs.tsaUrl, ''),
    oidcAudience: getString(Inputs.oidcAudience, { default: 'sigstore' }),
    provenance: getBoolean(Inputs.provenance, { default: false }),
    sbom: optionalFile(Inputs.sbom, workspace),
    attestationName: getString(Inputs.attestationName),
    verifyScript: getBoolean(Inputs.verifyScript, { default: true }),
    publicKey: pemText(Inputs.publicKey, workspace, 'PUBLIC KEY'),
    caCertificate: pemText(Inputs.caCertificate, workspace, 'CERTIFICATE'),
    certificateIdentity: getString(Inputs.certificateIdentity),
    certificateOidcIssuer: getString(Inputs.certificateOidcIssuer),
    openpgpPublicKey: pemText(Inputs.openpgpPublicKey, workspace, 'PGP PUBLIC KEY BLOCK'),
    trustedRoot: optionalFile(Inputs.trustedRoot, workspace),
    tsaCertificate: pemText(Inputs.tsaCertificate, workspace, 'CERTIFICATE'),
    attest: getEnum(Inputs.attest, ATTEST_STORES, { default: 'none' }),
    githubToken: getSecret(Inputs.githubToken),
    images,
    registryUsername: getString(Inputs.registryUsername),
    registryPassword: getSecret(Inputs.registryPassword),
  };
  if (options.attestationName && /[/\\]/.test(options.attestationName)) {
    throw new ConfigurationError(
      `Input ${Inputs.attestationName} must be a file name without a directory, got "${options.attestationName}"`,
      { input: Inputs.attestationName },
    );
  }
  if (options.method === 'keyless' && options.privateKey) {
    throw new ConfigurationError(
      `Input ${Inputs.privateKey} is set, but ${Inputs.method} is keyless (the default), which signs with a short-lived Fulcio certificate and no key of yours; set \`${Inputs.method}: key\` to sign with this key (cosign-style .sig), or x509 / openpgp for a certificate or OpenPGP key`,
      { input: Inputs.method },
    );
  }
  if (options.tsaUrl && options.method === 'openpgp' && command === 'sign') {
    throw new ConfigurationError(
      `Input ${Inputs.tsaUrl}: OpenPGP signatures have no place for an RFC 3161 timestamp; tsa-url applies to methods keyless, key and x509`,
      { input: Inputs.tsaUrl },
    );
  }
  if (images.length > 0 && options.method !== 'key' && options.method !== 'keyless') {
    throw new ConfigurationError(
      `Input ${Inputs.images}: images are signed and verified with method key (cosign's format, a PEM or pkcs11: key) or keyless; method is ${options.method}`,
      { input: Inputs.method },
    );
  }
  if (options.attest === 'github') {
    if (options.command !== 'sign' || options.method !== 'keyless') {
      throw new ConfigurationError(
        `Input ${Inputs.attest}: github stores Sigstore bundles from keyless signing (what gh attestation verify checks); use it with command sign and method keyless`,
        { input: Inputs.attest },
      );
    }
    if (!options.provenance && !options.sbom) {
      throw new ConfigurationError(
        `Input ${Inputs.attest}: github uploads attestations; set ${Inputs.provenance}: true or ${Inputs.sbom}`,
        { input: Inputs.attest },
      );
    }
  }
  requireForMethod(options);
  return options;
}

/** A file named by an input: a directory or an unreadable file names the input and the path. */
function readInputFile(input: string, value: string, path: string): Buffer {
  let isDirectory = false;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw fsError(error, `read input ${input}:`, value, input);
  }
  if (isDirectory) {
    throw new ConfigurationError(`Input ${input}: ${value} is a directory, not a file`, { input });
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw fsError(error, `read input ${input}:`, value, input);
  }
}

function requireForMethod(o: Options): void {
  const need = (value: unknown, input: string, why: string) => {
    if (!value) throw new ConfigurationError(`Input ${input} is required ${why}`, { input });
  };
  const mode = `for command ${o.command} with method ${o.method}`;
  if (o.command === 'sign') {
    if (o.method === 'key' || o.method === 'openpgp') need(o.privateKey, Inputs.privateKey, mode);
    if (o.method === 'x509') {
      if (!o.pkcs12) {
        need(o.certificate, Inputs.certificate, `${mode} (or give ${Inputs.pkcs12})`);
        need(o.privateKey, Inputs.privateKey, `${mode} (or give ${Inputs.pkcs12})`);
      } else if (o.certificate || o.privateKey) {
        throw new ConfigurationError(
          `Give either ${Inputs.pkcs12} or ${Inputs.certificate} + ${Inputs.privateKey}, not both`,
          { input: Inputs.pkcs12 },
        );
      }
    }
    return;
  }
  if (o.provenance || o.sbom) {
    throw new ConfigurationError(`Inputs ${Inputs.provenance} and ${Inputs.sbom} apply to command sign only`, {
      input: o.provenance ? Inputs.provenance : Inputs.sbom,
    });
  }
  if (o.method === 'key') need(o.publicKey, Inputs.publicKey, mode);
  if (o.method === 'x509') need(o.caCertificate, Inputs.caCertificate, mode);
  if (o.method === 'openpgp') need(o.openpgpPublicKey, Inputs.openpgpPublicKey, mode);
  if (o.method === 'keyless') {
    need(o.certificateIdentity, Inputs.certificateIdentity, mode);
    need(o.certificateOidcIssuer, Inputs.certificateOidcIssuer, mode);
    toMatcher(o.certificateIdentity, Inputs.certificateIdentity);
    toMatcher(o.certificateOidcIssuer, Inputs.certificateOidcIssuer);
  }
}

/** `/regex/` is a regular expression (anchored), anything else an exact string. */
export function toMatcher(text: string, input: string): (value: string | undefined) => boolean {
  const re = /^\/(.*)\/$/s.exec(text);
  if (!re) return (value) => value === text;
  let compiled: RegExp;
  try {
    compiled = new RegExp(`^(?:${re[1]})$`);
  } catch (error) {
    throw new ConfigurationError(`Input ${input} is not a valid regular expression: ${(error as Error).message}`, {
      input,
    });
  }
  return (value) => value !== undefined && compiled.test(value);
}

function url(input: string, fallback: string): string {
  const value = getString(input, { default: fallback });
  if (!value) return '';
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigurationError(`Input ${input} must be a URL, got "${value}"`, { input });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigurationError(`Input ${input} must be an http(s) URL, got "${value}"`, { input });
  }
  return value.replace(/\/+$/, '');
}

function optionalFile(input: string, workspace: string): string | undefined {
  const value = getString(input);
  if (!value) return undefined;
  const path = resolve(workspace, value);
  if (!existsSync(path)) throw new ConfigurationError(`Input ${input}: file ${value} does not exist`, { input });
  if (statSync(path).isDirectory()) {
    throw new ConfigurationError(`Input ${input}: ${value} is a directory, not a file`, { input });
  }
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw fsError(error, `read input ${input}:`, value, input);
  }
  return path;
}

/** PEM given inline or as a path; `marker` says what an inline value starts with. */
function pemText(input: string, workspace: string, marker: string): string {
  const value = getString(input);
  if (!value) return '';
  if (value.includes('-----BEGIN')) return value;
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  if (existsSync(path)) return readInputFile(input, value, path).toString('utf8');
  throw new ConfigurationError(
    `Input ${input} must be PEM text (-----BEGIN ${marker}-----) or the path of a file holding it; ${value} is neither`,
    { input },
  );
}

/** A private key inline (masked) or from a path (its content masked too). */
function secretText(input: string, workspace: string): string {
  const value = getSecret(input).trim();
  // An RFC 7512 URI names a key on a PKCS#11 token; it may carry the PIN, and is masked as given.
  if (!value || value.includes('-----BEGIN') || /^pkcs11:/i.test(value)) return value;
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  if (existsSync(path)) {
    const text = readInputFile(input, value, path).toString('utf8');
    registerSecret(text);
    return text;
  }
  throw new ConfigurationError(`Input ${input} must be a PEM/armored key or the path of a file holding one`, { input });
}

function pkcs12Bytes(workspace: string): Buffer | undefined {
  const value = getSecret(Inputs.pkcs12).trim();
  if (!value) return undefined;
  const path = isAbsolute(value) ? value : resolve(workspace, value);
  if (value.length < 4096 && existsSync(path)) return readInputFile(Inputs.pkcs12, value, path);
  if (/^[A-Za-z0-9+/=\s]+$/.test(value)) return Buffer.from(value.replace(/\s+/g, ''), 'base64');
  throw new ConfigurationError(`Input ${Inputs.pkcs12} must be the path of a .p12/.pfx file or its base64 text`, {
    input: Inputs.pkcs12,
  });
}
