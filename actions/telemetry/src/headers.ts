import { ConfigurationError } from '../../../shared/errors';
import { registerSecret } from '../../../shared/secrets';

/**
 * Extra request headers for the collector, usually credentials. Accepts the format of
 * OTEL_EXPORTER_OTLP_HEADERS (`key=value,key2=value2`, values URL-encoded) and, one per line,
 * `key=value` or `Key: value`. Every value is registered as a secret; errors name the header,
 * never its value.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const RESERVED = new Set(['content-type', 'content-length', 'content-encoding', 'host', 'transfer-encoding']);

export function parseHeaders(text: string, input: string, options: { variable?: string } = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  if (text.trim() === '') return headers;
  // An OTEL_EXPORTER_OTLP_*HEADERS variable is always the comma-separated, percent-encoded list.
  const what = options.variable ?? `Input ${input}`;
  const where = options.variable ? {} : { input };
  const items = text.includes('\n') && !options.variable ? text.split(/\r?\n/) : text.split(',');
  items.forEach((raw, index) => {
    const item = raw.trim();
    if (item === '' || item.startsWith('#')) return;
    const eq = item.indexOf('=');
    const colon = item.indexOf(':');
    const cut = eq === -1 ? colon : colon === -1 ? eq : Math.min(eq, colon);
    const name = cut > 0 ? item.slice(0, cut).trim() : '';
    if (!TOKEN.test(name)) {
      throw new ConfigurationError(
        `${what}: entry ${index + 1} must be "name=value" (or "Name: value" on its own line) with a valid header name`,
        where,
      );
    }
    if (RESERVED.has(name.toLowerCase())) {
      throw new ConfigurationError(`${what}: header ${name} is set by the exporter and cannot be overridden`, where);
    }
    let value = item.slice(cut + 1).trim();
    if (item[cut] === '=') {
      try {
        value = decodeURIComponent(value);
      } catch {
        // Not URL-encoded after all (a stray %): keep it as written.
      }
    }
    if (value === '') throw new ConfigurationError(`${what}: header ${name} has an empty value`, where);
    // A control character (a percent-encoded CR/LF above all) is no valid header value: fetch would
    // refuse it only at send time, quoting the value (a credential) in its error.
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      throw new ConfigurationError(
        `${what}: header ${name} has a control character (CR, LF, NUL…) in its value`,
        where,
      );
    }
    registerSecret(value);
    headers[name] = value;
  });
  return headers;
}
