import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A real OTLP/HTTP receiver on 127.0.0.1 for the tests: it accepts POST /v1/traces and
 * /v1/metrics, keeps the raw bytes, and decodes protobuf with the OTLP message types generated
 * from opentelemetry-proto (shipped as protobufjs static code in @opentelemetry/otlp-proto-exporter-base;
 * the current @opentelemetry/otlp-transformer only encodes requests), or JSON for http/json.
 */
const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: generated protobufjs namespace without types
const root = require('@opentelemetry/otlp-proto-exporter-base/build/src/generated/root.js') as any;
const collector = root.opentelemetry.proto.collector;

export type Mode = 'ok' | 'hang' | { status: number; retryAfter?: string };

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The payload, gunzipped when the request said Content-Encoding: gzip. */
  body: Buffer;
  /** The bytes exactly as they came over the socket. */
  wire: Buffer;
  /** The request decoded to plain objects (OTLP/JSON shape, 64-bit ints as strings). */
  decoded: Record<string, unknown>;
  at: number;
}

export interface Receiver {
  url: string;
  requests: Received[];
  mode: Mode;
  close(): Promise<void>;
}

const TO_OBJECT = { longs: String, enums: Number, bytes: String, defaults: false, arrays: true };

export function decodeRequest(path: string, contentType: string, body: Buffer): Record<string, unknown> {
  if (contentType.includes('json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  const type = path.endsWith('/v1/traces')
    ? collector.trace.v1.ExportTraceServiceRequest
    : path.endsWith('/v1/metrics')
      ? collector.metrics.v1.ExportMetricsServiceRequest
      : undefined;
  if (!type) throw new Error(`unexpected OTLP path ${path}`);
  return type.toObject(type.decode(body), TO_OBJECT) as Record<string, unknown>;
}

export async function startReceiver(mode: Mode = 'ok'): Promise<Receiver> {
  const requests: Received[] = [];
  const hanging = new Set<ServerResponse>();
  const receiver: Receiver = { url: '', requests, mode, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const wire = Buffer.concat(chunks);
      const path = req.url ?? '';
      let body = wire;
      let decoded: Record<string, unknown> = {};
      try {
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(wire);
        decoded = decodeRequest(path, String(req.headers['content-type'] ?? ''), body);
      } catch (error) {
        decoded = { decodeError: String(error) };
      }
      requests.push({ path, headers: req.headers, body, wire, decoded, at: Date.now() });
      const current = receiver.mode;
      if (current === 'hang') {
        hanging.add(res);
        return;
      }
      if (typeof current === 'object') {
        res.writeHead(current.status, current.retryAfter ? { 'Retry-After': current.retryAfter } : {});
        res.end();
        return;
      }
      const json = String(req.headers['content-type'] ?? '').includes('json');
      res.writeHead(200, { 'Content-Type': json ? 'application/json' : 'application/x-protobuf' });
      res.end(json ? '{}' : Buffer.alloc(0));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** An address nothing listens on: a port we bound and released. */
export async function deadEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

type J = Record<string, unknown>;
const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);

export function anyValue(v: unknown): string {
  const value = (v ?? {}) as J;
  for (const k of ['stringValue', 'intValue', 'doubleValue', 'boolValue']) {
    if (value[k] !== undefined) return String(value[k]);
  }
  return JSON.stringify(value);
}

export function attributes(list: unknown): Record<string, string> {
  return Object.fromEntries(arr(list).map((a) => [String(a.key), anyValue(a.value)]));
}

export interface SpanView {
  name: string;
  traceId: string;
  parentSpanId?: string;
  spanId: string;
  attributes: Record<string, string>;
  resource: Record<string, string>;
  statusCode: number;
}

/** Ids as lower-case hex: OTLP/JSON writes them in hex, protobufjs's toObject in base64. */
function hexId(v: unknown): string {
  const text = String(v ?? '');
  return /^[0-9a-f]+$/.test(text) ? text : Buffer.from(text, 'base64').toString('hex');
}

export function spansOf(decoded: J): SpanView[] {
  return arr(decoded.resourceSpans).flatMap((rs) =>
    arr(rs.scopeSpans).flatMap((ss) =>
      arr(ss.spans).map((s) => ({
        name: String(s.name),
        traceId: hexId(s.traceId),
        spanId: hexId(s.spanId),
        parentSpanId: s.parentSpanId ? hexId(s.parentSpanId) : undefined,
        attributes: attributes(s.attributes),
        resource: attributes((rs.resource as J | undefined)?.attributes),
        statusCode: Number((s.status as J | undefined)?.code ?? 0),
      })),
    ),
  );
}

export interface PointView {
  metric: string;
  unit: string;
  attributes: Record<string, string>;
}

export function pointsOf(decoded: J): PointView[] {
  return arr(decoded.resourceMetrics).flatMap((rm) =>
    arr(rm.scopeMetrics).flatMap((sm) =>
      arr(sm.metrics).flatMap((m) => {
        const body = (m.histogram ?? m.sum ?? m.gauge) as J | undefined;
        return arr(body?.dataPoints).map((p) => ({
          metric: String(m.name),
          unit: String(m.unit ?? ''),
          attributes: attributes(p.attributes),
        }));
      }),
    ),
  );
}
