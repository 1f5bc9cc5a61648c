import { ConfigurationError } from '../../../shared/errors';
import { getBoolean, getEnum, getSecret, getString } from '../../../shared/inputs';
import type { ConsentInputs } from './consent';
import { Inputs } from './names';
import { type ExporterConfig, exporterConfig, resourceAttributes } from './otlp-config';

export { COMPRESSIONS, PROTOCOLS, type Protocol } from './otlp-config';
export const LEVELS = ['minimal', 'standard'] as const;
export const MODES = ['job', 'run'] as const;
export type Level = (typeof LEVELS)[number];
export type Mode = (typeof MODES)[number];

/** HMAC keys shorter than this make the hashed names guessable by brute force over likely names. */
export const MIN_SALT_LENGTH = 16;

export interface Options {
  exporter: ExporterConfig;
  /** The user's own resource attributes (resource-attributes input or OTEL_RESOURCE_ATTRIBUTES). */
  resource: Record<string, string>;
  resourceSource: string | undefined;
  level: Level;
  salt: string | undefined;
  dryRun: boolean;
  mode: Mode;
  /** For mode: run only (registered as a secret). */
  githubToken: string;
  /** The deployment environment of this job, for deployments that do not name one. */
  environment: string | undefined;
  /** Where the user keeps the DORA state between runs (restored and saved by them). */
  stateFile: string | undefined;
}

/**
 * Consent first, and nothing else: with consent not granted no other input is read, so a
 * workflow that leaves telemetry off never fails on its other inputs (decide() validates
 * consent-version only when consent is granted).
 */
export function readConsent(): ConsentInputs {
  return { consent: getString(Inputs.consent), consentVersion: getString(Inputs.consentVersion) };
}

/** Every other input, validated once consent is granted; the post step calls it again. */
export function parseInputs(): Options {
  const exporter = exporterConfig(
    {
      endpoint: getString(Inputs.endpoint),
      headers: getSecret(Inputs.headers),
      protocol: getString(Inputs.protocol),
      compression: getString(Inputs.compression),
    },
    { endpoint: Inputs.endpoint, headers: Inputs.headers, protocol: Inputs.protocol, compression: Inputs.compression },
  );
  const resource = resourceAttributes(getString(Inputs.resourceAttributes), Inputs.resourceAttributes);
  const level = getEnum(Inputs.level, LEVELS, { default: 'minimal' });
  const mode = getEnum(Inputs.mode, MODES, { default: 'job' });
  const saltText = getSecret(Inputs.salt).trim();
  if (saltText !== '' && saltText.length < MIN_SALT_LENGTH) {
    throw new ConfigurationError(shortSaltMessage(saltText), { input: Inputs.salt });
  }
  const dryRun = getBoolean(Inputs.dryRun, { default: false });
  if ((exporter.traces.url === undefined || exporter.metrics.url === undefined) && !dryRun) {
    throw new ConfigurationError(
      `Input ${Inputs.endpoint} is required when consent is granted (your OTLP/HTTP collector, e.g. https://otel.example.com:4318), unless dry-run is true or OTEL_EXPORTER_OTLP_ENDPOINT (or both per-signal endpoints) is set`,
      { input: Inputs.endpoint },
    );
  }
  const githubToken = getSecret(Inputs.githubToken).trim();
  if (mode === 'run' && githubToken === '') {
    throw new ConfigurationError(
      `Input ${Inputs.githubToken} is required with mode: run (the default, \${{ github.token }}, needs "actions: read" permission)`,
      { input: Inputs.githubToken },
    );
  }
  const environment = getString(Inputs.environment);
  const stateFile = getString(Inputs.stateFile);
  return {
    exporter,
    resource: resource.attributes,
    resourceSource: resource.source,
    level,
    salt: saltText === '' ? undefined : saltText,
    dryRun,
    mode,
    githubToken,
    environment: environment === '' ? undefined : environment,
    stateFile: stateFile === '' ? undefined : stateFile,
  };
}

/**
 * The salt is masked in every log line, so a message that happens to contain it would show
 * `***` where the salt's text was, and tell the reader what the (short) salt is. The first
 * wording that does not contain it is used, checked against the whole line the step prints.
 */
export function shortSaltMessage(salt: string): string {
  const candidates = [
    `Input ${Inputs.salt} must be at least ${MIN_SALT_LENGTH} characters (a short key makes hashed names guessable); use a random secret, e.g. openssl rand -hex 32`,
    `Input ${Inputs.salt} is too brief: it needs ${MIN_SALT_LENGTH} or more characters. Make one with openssl rand -hex 32`,
    `The HMAC key input needs ${MIN_SALT_LENGTH}+ characters; run openssl rand -hex 32 for one`,
    `Key input: under ${MIN_SALT_LENGTH} chars (see TELEMETRY.md)`,
  ];
  return (
    candidates.find((m) => !`telemetry: ${m}`.includes(salt)) ??
    // Only a salt of a few common letters is in every wording; Paved's own masking skips strings
    // under 3 characters (shared/secrets.ts), so such a salt is not turned into *** by Paved.
    (candidates[0] as string)
  );
}
