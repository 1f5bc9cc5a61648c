import { ConfigurationError } from '../../../shared/errors';
import { getBoolean, getEnum, getInteger, getSecret, getString } from '../../../shared/inputs';
import { type Endpoints, parseEndpoint } from './endpoint';
import { parseHeaders } from './headers';
import { Inputs } from './names';

export const PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export const LEVELS = ['minimal', 'standard'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export type Level = (typeof LEVELS)[number];

/** HMAC keys shorter than this make the hashed names guessable by brute force over likely names. */
export const MIN_SALT_LENGTH = 16;

export interface Options {
  /** The consent input as written (trimmed); only `granted` opts in. */
  consent: string;
  consentVersion: number;
  endpoint: Endpoints | undefined;
  headers: Record<string, string>;
  protocol: Protocol;
  level: Level;
  salt: string | undefined;
  dryRun: boolean;
}

/** Every input, validated before anything is decided or written; the post step calls it again. */
export function parseInputs(): Options {
  const consent = getString(Inputs.consent);
  const consentVersion = getInteger(Inputs.consentVersion, { required: true, min: 0 });
  const endpointText = getString(Inputs.endpoint);
  const endpoint = endpointText === '' ? undefined : parseEndpoint(endpointText, Inputs.endpoint);
  const headers = parseHeaders(getSecret(Inputs.headers), Inputs.headers);
  const protocol = getEnum(Inputs.protocol, PROTOCOLS, { default: 'http/protobuf' });
  const level = getEnum(Inputs.level, LEVELS, { default: 'minimal' });
  const saltText = getSecret(Inputs.salt).trim();
  if (saltText !== '' && saltText.length < MIN_SALT_LENGTH) {
    throw new ConfigurationError(
      `Input ${Inputs.salt} must be at least ${MIN_SALT_LENGTH} characters (a short key makes hashed names guessable); use a random secret, e.g. openssl rand -hex 32`,
      { input: Inputs.salt },
    );
  }
  const dryRun = getBoolean(Inputs.dryRun, { default: false });
  if (consent === 'granted' && endpoint === undefined && !dryRun) {
    throw new ConfigurationError(
      `Input ${Inputs.endpoint} is required when consent is granted (your OTLP/HTTP collector, e.g. https://otel.example.com:4318), unless dry-run is true`,
      { input: Inputs.endpoint },
    );
  }
  return {
    consent,
    consentVersion,
    endpoint,
    headers,
    protocol,
    level,
    salt: saltText === '' ? undefined : saltText,
    dryRun,
  };
}
