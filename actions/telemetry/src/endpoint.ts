import { ConfigurationError } from '../../../shared/errors';

/**
 * Where the two OTLP/HTTP requests go. The OTLP spec's base URL gets `/v1/traces` and
 * `/v1/metrics` appended; users often paste the traces URL their vendor shows them, so an
 * `endpoint` input already ending in `/v1/traces` (or `/v1/metrics`) is taken as that base, not
 * doubled. The OTEL_EXPORTER_OTLP_* variables follow the exporter spec to the letter instead
 * (see otlp-config.ts): the base variable always gets `v1/<signal>` appended, the per-signal
 * variables are used as they are.
 */
export interface Endpoints {
  traces: string;
  metrics: string;
  /** scheme://host[:port], what the logs and the receipt show. */
  origin: string;
}

const SIGNAL_SUFFIX = /\/v1\/(traces|metrics)\/?$/;

/** An http(s) URL without credentials (it is logged and shown in the receipt); `what` names its source. */
export function parseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigurationError(
      `${what} must be an http(s) URL such as https://otel.example.com:4318, got "${text}"`,
      inputOf(what),
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`${what} must use http or https (OTLP/HTTP), got ${url.protocol}`, inputOf(what));
  }
  if (url.username || url.password) {
    throw new ConfigurationError(
      `${what} must not contain credentials; pass them as headers (a secret) instead`,
      inputOf(what),
    );
  }
  url.hash = '';
  return url;
}

function inputOf(what: string): { input?: string } {
  const m = /^Input (\S+)$/.exec(what);
  return m ? { input: m[1] } : {};
}

export function parseEndpoint(text: string, input: string): Endpoints {
  const url = parseUrl(text, `Input ${input}`);
  const base = url.pathname.replace(SIGNAL_SUFFIX, '').replace(/\/+$/, '');
  const at = (path: string) => {
    const u = new URL(url.href);
    u.pathname = `${base}${path}`;
    return u.href;
  };
  return { traces: at('/v1/traces'), metrics: at('/v1/metrics'), origin: url.origin };
}

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT: "exporters MUST construct per-signal URLs" by appending
 * `v1/<signal>` to the base URL's path (with a `/` between them unless the path already ends
 * with one), whatever that path already holds.
 */
export function baseSignalUrl(text: string, variable: string, signal: 'traces' | 'metrics'): URL {
  const url = parseUrl(text, variable);
  url.pathname = `${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}v1/${signal}`;
  return url;
}

/** OTEL_EXPORTER_OTLP_<SIGNAL>_ENDPOINT: used as it is (a URL without a path means `/`). */
export function exactSignalUrl(text: string, variable: string): URL {
  return parseUrl(text, variable);
}

/** Loopback is the only place plain http cannot leak the headers to the network. */
export function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
