import { ConfigurationError } from '../../../shared/errors';
import { closest } from '../../../shared/suggest';
import { baseSignalUrl, exactSignalUrl, parseEndpoint } from './endpoint';
import { parseHeaders } from './headers';

/**
 * The exporter's configuration per signal, from the action's inputs or, when an input is empty,
 * from the standard OTEL_EXPORTER_OTLP_* variables, as the OTLP exporter specification defines
 * them (https://opentelemetry.io/docs/specs/otel/protocol/exporter/):
 *
 * - every option has a signal-specific variable (OTEL_EXPORTER_OTLP_TRACES_*, …_METRICS_*) that
 *   takes precedence over the general one;
 * - OTEL_EXPORTER_OTLP_ENDPOINT is a base URL, `v1/traces` / `v1/metrics` are appended to it;
 *   the per-signal endpoint variables are used as they are;
 * - headers are `key=value` pairs separated by commas, values percent-decoded (W3C Baggage format);
 * - protocol is `http/protobuf` (default) or `http/json` (`grpc` is not supported: Paved speaks OTLP/HTTP);
 * - compression is `gzip` or `none` (default).
 *
 * Inputs win, for every signal. Unlike the SDKs, there is no default endpoint: Paved never sends
 * anywhere the workflow did not name.
 */
export const PROTOCOLS = ['http/protobuf', 'http/json'] as const;
export const COMPRESSIONS = ['none', 'gzip'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export type Compression = (typeof COMPRESSIONS)[number];
export type Signal = 'traces' | 'metrics';

export interface Target {
  url: string | undefined;
  headers: Record<string, string>;
  protocol: Protocol;
  compression: Compression;
}

export interface ExporterConfig {
  traces: Target;
  metrics: Target;
  /** scheme://host[:port] of the traces endpoint (or of the metrics one), for logs and the receipt. */
  origin: string | undefined;
  /** Which OTEL_* variables were used, for the log (names only, never values). */
  fromEnvironment: string[];
}

export interface ExporterInputs {
  endpoint: string;
  headers: string;
  protocol: string;
  compression: string;
}

const variable = (signal: Signal | undefined, name: string) =>
  signal ? `OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_${name}` : `OTEL_EXPORTER_OTLP_${name}`;

export function exporterConfig(
  inputs: ExporterInputs,
  inputNames: Record<keyof ExporterInputs, string>,
  env: NodeJS.ProcessEnv = process.env,
): ExporterConfig {
  const used = new Set<string>();
  /** The signal-specific variable, else the general one, else undefined. */
  const fromEnv = (signal: Signal, name: string): { value: string; variable: string } | undefined => {
    for (const v of [variable(signal, name), variable(undefined, name)]) {
      const value = (env[v] ?? '').trim();
      if (value !== '') {
        used.add(v);
        return { value, variable: v };
      }
    }
    return undefined;
  };
  const fromInput = inputs.endpoint.trim() === '' ? undefined : parseEndpoint(inputs.endpoint, inputNames.endpoint);
  const target = (signal: Signal): Target => {
    let url: string | undefined = fromInput?.[signal];
    if (!url) {
      const specific = (env[variable(signal, 'ENDPOINT')] ?? '').trim();
      const base = (env[variable(undefined, 'ENDPOINT')] ?? '').trim();
      if (specific !== '') {
        used.add(variable(signal, 'ENDPOINT'));
        url = exactSignalUrl(specific, variable(signal, 'ENDPOINT')).href;
      } else if (base !== '') {
        used.add(variable(undefined, 'ENDPOINT'));
        url = baseSignalUrl(base, variable(undefined, 'ENDPOINT'), signal).href;
      }
    }
    let headers: Record<string, string>;
    if (inputs.headers.trim() !== '') headers = parseHeaders(inputs.headers, inputNames.headers);
    else {
      const h = fromEnv(signal, 'HEADERS');
      headers = h ? parseHeaders(h.value, inputNames.headers, { variable: h.variable }) : {};
    }
    return {
      url,
      headers,
      protocol: choose(inputs.protocol, inputNames.protocol, fromEnv(signal, 'PROTOCOL'), PROTOCOLS, 'http/protobuf'),
      compression: choose(
        inputs.compression,
        inputNames.compression,
        fromEnv(signal, 'COMPRESSION'),
        COMPRESSIONS,
        'none',
      ),
    };
  };
  const traces = target('traces');
  const metrics = target('metrics');
  const origin = [traces.url, metrics.url].filter((u): u is string => u !== undefined).map((u) => new URL(u).origin)[0];
  return { traces, metrics, origin, fromEnvironment: [...used].sort() };
}

function choose<T extends string>(
  input: string,
  inputName: string,
  env: { value: string; variable: string } | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  const given = input.trim();
  const [value, what] = given !== '' ? [given, `Input ${inputName}`] : env ? [env.value, env.variable] : [fallback, ''];
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const guess = closest(value, allowed);
  const hint =
    value === 'grpc'
      ? ' (gRPC is not supported: Paved exports OTLP/HTTP, usually on port 4318)'
      : guess
        ? `; did you mean "${guess}"?`
        : '';
  throw new ConfigurationError(
    `${what} must be one of ${allowed.join(', ')}, got "${value}"${hint}`,
    given !== '' ? { input: inputName } : {},
  );
}

/**
 * OTEL_RESOURCE_ATTRIBUTES (or the resource-attributes input): `key1=value1,key2=value2`, the
 * W3C Baggage format without properties; values are percent-decoded and trimmed, all strings.
 * A malformed list is refused whole, as the resource SDK spec asks.
 */
export function resourceAttributes(
  input: string,
  inputName: string,
  env: NodeJS.ProcessEnv = process.env,
): { attributes: Record<string, string>; source: string | undefined } {
  const given = input.trim();
  const text = given !== '' ? given : (env.OTEL_RESOURCE_ATTRIBUTES ?? '').trim();
  const what = given !== '' ? `Input ${inputName}` : 'OTEL_RESOURCE_ATTRIBUTES';
  const attributes: Record<string, string> = {};
  if (text === '') return { attributes, source: undefined };
  text.split(',').forEach((raw, index) => {
    const item = raw.trim();
    if (item === '') return;
    const eq = item.indexOf('=');
    const key = eq > 0 ? item.slice(0, eq).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,255}$/.test(key)) {
      throw new ConfigurationError(
        `${what}: entry ${index + 1} must be key=value with a valid key`,
        where(given, inputName),
      );
    }
    let value: string;
    try {
      value = decodeURIComponent(item.slice(eq + 1).trim());
    } catch {
      throw new ConfigurationError(
        `${what}: the value of ${key} is not valid percent-encoding`,
        where(given, inputName),
      );
    }
    attributes[key] = value;
  });
  return { attributes, source: what };
}

const where = (given: string, inputName: string) => (given !== '' ? { input: inputName } : {});
