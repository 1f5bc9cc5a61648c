import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../actions/telemetry/src/consent';
import { isForkPullRequest } from '../../actions/telemetry/src/context';
import { isLoopback, parseEndpoint } from '../../actions/telemetry/src/endpoint';
import { parseHeaders } from '../../actions/telemetry/src/headers';
import { shortSaltMessage } from '../../actions/telemetry/src/inputs';
import { exporterConfig, resourceAttributes } from '../../actions/telemetry/src/otlp-config';
import { configurationError } from '../expect-error';

describe('endpoint', () => {
  it.each([
    ['https://otel.example.com:4318', 'https://otel.example.com:4318/v1/traces'],
    ['https://otel.example.com:4318/', 'https://otel.example.com:4318/v1/traces'],
    ['https://otel.example.com/otlp', 'https://otel.example.com/otlp/v1/traces'],
    ['https://otel.example.com/otlp/v1/traces', 'https://otel.example.com/otlp/v1/traces'],
    ['https://otel.example.com/otlp/v1/traces/', 'https://otel.example.com/otlp/v1/traces'],
    ['https://otel.example.com/v1/metrics', 'https://otel.example.com/v1/traces'],
    ['https://api.vendor.io/otlp?tenant=a', 'https://api.vendor.io/otlp/v1/traces?tenant=a'],
  ])('%s sends traces to %s, once', (input, traces) => {
    const e = parseEndpoint(input, 'endpoint');
    expect(e.traces).toBe(traces);
    expect(e.metrics).toBe(traces.replace('/v1/traces', '/v1/metrics'));
  });

  it.each([
    ['not a url', 'http(s) URL'],
    ['grpc://collector:4317', 'http or https'],
    ['https://user:pw@collector', 'credentials'],
  ])('refuses %s', (input, message) => {
    expect(configurationError(() => parseEndpoint(input, 'endpoint')).message).toContain(message);
  });

  it('knows loopback', () => {
    expect(isLoopback('http://127.0.0.1:4318')).toBe(true);
    expect(isLoopback('http://localhost:4318')).toBe(true);
    expect(isLoopback('http://collector:4318')).toBe(false);
  });
});

describe('headers', () => {
  it('reads the OTEL_EXPORTER_OTLP_HEADERS format and one header per line', () => {
    expect(parseHeaders('api-key=abc%3D%3D,x-tenant=t1', 'headers')).toEqual({ 'api-key': 'abc==', 'x-tenant': 't1' });
    expect(parseHeaders('Authorization: Bearer a,b\nX-Scope=1', 'headers')).toEqual({
      Authorization: 'Bearer a,b',
      'X-Scope': '1',
    });
    expect(parseHeaders('', 'headers')).toEqual({});
  });

  it('names a bad entry without showing its value', () => {
    const e = configurationError(() => parseHeaders('sup3r-secret-token', 'headers'));
    expect(e.message).not.toContain('sup3r');
    expect(configurationError(() => parseHeaders('Content-Type=text/plain', 'headers')).message).toContain(
      'Content-Type',
    );
  });

  it('refuses a value that decodes to a control character (header injection), naming the header only', () => {
    for (const hostile of ['s3cr3t-t0ken%0D%0AX-Injected: yes', 's3cr3t-t0ken%00', 's3cr3t-t0ken%0A']) {
      const e = configurationError(() =>
        parseHeaders(`x-api-key=${hostile}`, 'headers', { variable: 'OTEL_EXPORTER_OTLP_HEADERS' }),
      );
      expect(e.message).toContain('OTEL_EXPORTER_OTLP_HEADERS: header x-api-key has a control character');
      expect(e.message).not.toContain('s3cr3t');
    }
    // A tab inside a value is valid (RFC 9110), and fetch sends it.
    expect(parseHeaders('x-api-key=a%09b', 'headers')).toEqual({ 'x-api-key': 'a\tb' });
  });
});

describe('consent decision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paved-decide-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const granted = { consent: 'granted', consentVersion: 1 };

  it('is on only with granted consent to the current policy', () => {
    expect(decide(granted, {}).enabled).toBe(true);
    expect(decide({ ...granted, consent: 'Granted' }, {}).enabled).toBe(false);
    expect(decide({ ...granted, consent: '' }, {}).enabled).toBe(false);
    expect(decide({ ...granted, consentVersion: 2 }, {}).reason).toContain('version 2');
  });

  it('granted consent needs a whole-number policy version, but not when the run is off anyway', () => {
    expect(configurationError(() => decide({ consent: 'granted', consentVersion: '' }, {})).message).toContain(
      'consent-version is required',
    );
    expect(configurationError(() => decide({ consent: 'granted', consentVersion: 'v1' }, {})).message).toContain(
      'whole number',
    );
    expect(decide({ consent: 'granted', consentVersion: ' 1 ' }, {}).enabled).toBe(true);
    expect(decide({ consent: 'granted', consentVersion: '' }, { DO_NOT_TRACK: '1' }).enabled).toBe(false);
    expect(decide({ consent: '', consentVersion: 'x' }, {}).enabled).toBe(false);
    const fork = join(dir, 'fork.json');
    writeFileSync(
      fork,
      JSON.stringify({
        pull_request: { head: { repo: { full_name: 'x/r', fork: true } }, base: { repo: { full_name: 'o/r' } } },
      }),
    );
    expect(
      decide({ consent: 'granted', consentVersion: '' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: fork })
        .enabled,
    ).toBe(false);
  });

  it('the environment beats consent', () => {
    expect(decide(granted, { DO_NOT_TRACK: '1' }).enabled).toBe(false);
    expect(decide(granted, { PAVED_TELEMETRY: 'off' }).enabled).toBe(false);
  });

  it('forks are off; an unreadable pull-request payload counts as a fork', () => {
    const same = join(dir, 'same.json');
    writeFileSync(
      same,
      JSON.stringify({
        pull_request: { head: { repo: { full_name: 'o/r', fork: false } }, base: { repo: { full_name: 'o/r' } } },
      }),
    );
    expect(decide(granted, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: same }).enabled).toBe(true);
    expect(decide(granted, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'nope') }).enabled).toBe(
      false,
    );
    const pr = (head: unknown) => ({ pull_request: { head: { repo: head }, base: { repo: { full_name: 'o/r' } } } });
    expect(isForkPullRequest('pull_request_target', pr({ full_name: 'x/r', fork: true }))).toBe(true);
    expect(isForkPullRequest('pull_request', pr({ full_name: 'x/r', fork: false }))).toBe(true);
    expect(isForkPullRequest('pull_request', pr(null))).toBe(true);
    expect(isForkPullRequest('pull_request', pr({ full_name: 'o/r', fork: false }))).toBe(false);
    expect(
      isForkPullRequest('workflow_run', {
        workflow_run: { head_repository: { full_name: 'x/r', fork: true } },
        repository: { full_name: 'o/r' },
      }),
    ).toBe(true);
    expect(isForkPullRequest('push', undefined)).toBe(false);
  });
});

describe('the OTLP exporter variables (OpenTelemetry exporter spec)', () => {
  const names = { endpoint: 'endpoint', headers: 'headers', protocol: 'protocol', compression: 'compression' };
  const none = { endpoint: '', headers: '', protocol: '', compression: '' };

  it.each([
    ['http://collector:4318', 'http://collector:4318/v1/traces'],
    ['http://collector:4318/', 'http://collector:4318/v1/traces'],
    ['http://collector:4318/base', 'http://collector:4318/base/v1/traces'],
    ['http://collector:4318/base/', 'http://collector:4318/base/v1/traces'],
    // The base variable is always a base: a path already naming a signal still gets v1/traces.
    ['http://collector:4318/v1/traces', 'http://collector:4318/v1/traces/v1/traces'],
  ])('OTEL_EXPORTER_OTLP_ENDPOINT=%s sends traces to %s', (base, traces) => {
    const c = exporterConfig(none, names, { OTEL_EXPORTER_OTLP_ENDPOINT: base });
    expect(c.traces.url).toBe(traces);
    expect(c.metrics.url).toBe(traces.replace(/traces$/, 'metrics'));
  });

  it('per-signal endpoints are used as they are (a URL without a path means /)', () => {
    const c = exporterConfig(none, names, {
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://a.example/ingest',
      OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'https://b.example',
    });
    expect(c.traces.url).toBe('https://a.example/ingest');
    expect(c.metrics.url).toBe('https://b.example/');
    expect(c.fromEnvironment).toEqual(['OTEL_EXPORTER_OTLP_METRICS_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
  });

  it('defaults are http/protobuf without compression, and no endpoint at all', () => {
    const c = exporterConfig(none, names, {});
    expect(c.traces).toEqual({ url: undefined, headers: {}, protocol: 'http/protobuf', compression: 'none' });
  });

  it('refuses values outside the spec, naming the variable', () => {
    expect(
      configurationError(() => exporterConfig(none, names, { OTEL_EXPORTER_OTLP_COMPRESSION: 'zstd' })).message,
    ).toContain('OTEL_EXPORTER_OTLP_COMPRESSION');
    expect(
      configurationError(() => exporterConfig(none, names, { OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x' })).message,
    ).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('OTEL_RESOURCE_ATTRIBUTES: percent-decoded, trimmed, refused whole when malformed', () => {
    expect(
      resourceAttributes('', 'resource-attributes', { OTEL_RESOURCE_ATTRIBUTES: ' a = x%20y ,b=%E2%9C%93' }),
    ).toEqual({
      attributes: { a: 'x y', b: '✓' },
      source: 'OTEL_RESOURCE_ATTRIBUTES',
    });
    expect(resourceAttributes('c=1', 'resource-attributes', { OTEL_RESOURCE_ATTRIBUTES: 'a=1' }).attributes).toEqual({
      c: '1',
    });
    expect(
      configurationError(() => resourceAttributes('', 'resource-attributes', { OTEL_RESOURCE_ATTRIBUTES: 'novalue' }))
        .message,
    ).toContain('OTEL_RESOURCE_ATTRIBUTES');
  });
});

describe('the short-salt message', () => {
  it.each([
    'short',
    'salt',
    'characters',
    'brief',
    'openssl',
    'Input',
    'HMAC',
  ])('never contains the salt %s, so masking cannot reveal it', (salt) => {
    expect(`telemetry: ${shortSaltMessage(salt)}`).not.toContain(salt);
  });
});
