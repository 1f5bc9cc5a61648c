import { ConfigurationError } from '../../../shared/errors';

/**
 * Where the two OTLP/HTTP requests go. The OTLP spec's base URL gets `/v1/traces` and
 * `/v1/metrics` appended; users often paste the traces URL their vendor shows them, so an
 * endpoint already ending in `/v1/traces` (or `/v1/metrics`) is taken as that base, not doubled.
 */
export interface Endpoints {
  traces: string;
  metrics: string;
  /** scheme://host[:port], what the logs and the receipt show. */
  origin: string;
}

const SIGNAL_SUFFIX = /\/v1\/(traces|metrics)\/?$/;

export function parseEndpoint(text: string, input: string): Endpoints {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigurationError(
      `Input ${input} must be an http(s) URL such as https://otel.example.com:4318, got "${text}"`,
      { input },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigurationError(`Input ${input} must use http or https (OTLP/HTTP), got ${url.protocol}`, { input });
  }
  if (url.username || url.password) {
    // A URL is logged and shown in the receipt; credentials belong in the secret `headers` input.
    throw new ConfigurationError(
      `Input ${input} must not contain credentials; pass them in the headers input (a secret) instead`,
      { input },
    );
  }
  url.hash = '';
  const base = url.pathname.replace(SIGNAL_SUFFIX, '').replace(/\/+$/, '');
  const at = (path: string) => {
    const u = new URL(url.href);
    u.pathname = `${base}${path}`;
    return u.href;
  };
  return { traces: at('/v1/traces'), metrics: at('/v1/metrics'), origin: url.origin };
}

/** Loopback is the only place plain http cannot leak the headers to the network. */
export function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
