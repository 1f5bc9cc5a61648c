import { gzipSync } from 'node:zlib';
import {
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import type { ExporterConfig, Protocol, Target } from '../otlp-config';
import type { Telemetry } from './build';

/**
 * The two OTLP requests, encoded by the OpenTelemetry serializers the official OTLP exporters
 * use (ProtobufTraceSerializer & co.): the bytes here are the bytes that go on the wire, and the
 * JSON view of the same request is what the receipt and the dry run show.
 */
export type Signal = 'traces' | 'metrics';

export interface OtlpRequest {
  signal: Signal;
  url: string | undefined;
  protocol: Protocol;
  contentType: string;
  /** The encoded OTLP payload, uncompressed: what the receipt lists and hashes. */
  body: Uint8Array;
  /** The bytes on the wire: `body`, gzipped when compression is gzip. */
  wire: Uint8Array;
  /** Content-Encoding when compressed. */
  encoding: 'gzip' | undefined;
  headers: Record<string, string>;
  /** The same request in the OTLP/JSON encoding (identical to `body` for http/json). */
  json: OtlpJson;
  /** Reads an OTLP response body (partial success), per the protocol. */
  readResponse(data: Uint8Array): { rejected: number; message: string } | undefined;
}

export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean };
}
export type OtlpJson = Record<string, unknown>;

const CONTENT_TYPE: Record<Protocol, string> = {
  'http/protobuf': 'application/x-protobuf',
  'http/json': 'application/json',
};

const NO_TARGET: Target = { url: undefined, headers: {}, protocol: 'http/protobuf', compression: 'none' };

export function encode(data: Telemetry, exporter: ExporterConfig | undefined): OtlpRequest[] {
  const decoder = new TextDecoder();
  const jsonTraces = JsonTraceSerializer.serializeRequest(data.spans) ?? new Uint8Array();
  const jsonMetrics = JsonMetricsSerializer.serializeRequest(data.metrics) ?? new Uint8Array();
  const partial = (response: {
    partialSuccess?: { rejectedSpans?: unknown; rejectedDataPoints?: unknown; errorMessage?: string };
  }) => {
    const p = response.partialSuccess;
    const rejected = Number(p?.rejectedSpans ?? p?.rejectedDataPoints ?? 0);
    return p && (rejected > 0 || p.errorMessage) ? { rejected, message: p.errorMessage ?? '' } : undefined;
  };
  const request = (signal: Signal, target: Target, json: Uint8Array): OtlpRequest => {
    const proto = target.protocol === 'http/protobuf';
    const traces = signal === 'traces';
    const body = proto
      ? ((traces
          ? ProtobufTraceSerializer.serializeRequest(data.spans)
          : ProtobufMetricsSerializer.serializeRequest(data.metrics)) ?? new Uint8Array())
      : json;
    const gzip = target.compression === 'gzip';
    return {
      signal,
      url: target.url,
      protocol: target.protocol,
      contentType: CONTENT_TYPE[target.protocol],
      body,
      wire: gzip ? new Uint8Array(gzipSync(body)) : body,
      encoding: gzip ? 'gzip' : undefined,
      headers: target.headers,
      json: JSON.parse(decoder.decode(json)) as OtlpJson,
      readResponse: (bytes) => {
        if (bytes.length === 0) return undefined;
        const serializer = traces
          ? proto
            ? ProtobufTraceSerializer
            : JsonTraceSerializer
          : proto
            ? ProtobufMetricsSerializer
            : JsonMetricsSerializer;
        return partial(serializer.deserializeResponse(bytes) as never);
      },
    };
  };
  return [
    request('traces', exporter?.traces ?? NO_TARGET, jsonTraces),
    request('metrics', exporter?.metrics ?? NO_TARGET, jsonMetrics),
  ];
}
