import {
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import type { Endpoints } from '../endpoint';
import type { Protocol } from '../inputs';
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
  contentType: string;
  body: Uint8Array;
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

export function encode(data: Telemetry, protocol: Protocol, endpoints: Endpoints | undefined): OtlpRequest[] {
  const decoder = new TextDecoder();
  const jsonTraces = JsonTraceSerializer.serializeRequest(data.spans) ?? new Uint8Array();
  const jsonMetrics = JsonMetricsSerializer.serializeRequest(data.metrics) ?? new Uint8Array();
  const proto = protocol === 'http/protobuf';
  const partial = (response: {
    partialSuccess?: { rejectedSpans?: unknown; rejectedDataPoints?: unknown; errorMessage?: string };
  }) => {
    const p = response.partialSuccess;
    const rejected = Number(p?.rejectedSpans ?? p?.rejectedDataPoints ?? 0);
    return p && (rejected > 0 || p.errorMessage) ? { rejected, message: p.errorMessage ?? '' } : undefined;
  };
  return [
    {
      signal: 'traces',
      url: endpoints?.traces,
      contentType: CONTENT_TYPE[protocol],
      body: proto ? (ProtobufTraceSerializer.serializeRequest(data.spans) ?? new Uint8Array()) : jsonTraces,
      json: JSON.parse(decoder.decode(jsonTraces)) as OtlpJson,
      readResponse: (bytes) =>
        bytes.length === 0
          ? undefined
          : partial((proto ? ProtobufTraceSerializer : JsonTraceSerializer).deserializeResponse(bytes) as never),
    },
    {
      signal: 'metrics',
      url: endpoints?.metrics,
      contentType: CONTENT_TYPE[protocol],
      body: proto ? (ProtobufMetricsSerializer.serializeRequest(data.metrics) ?? new Uint8Array()) : jsonMetrics,
      json: JSON.parse(decoder.decode(jsonMetrics)) as OtlpJson,
      readResponse: (bytes) =>
        bytes.length === 0
          ? undefined
          : partial((proto ? ProtobufMetricsSerializer : JsonMetricsSerializer).deserializeResponse(bytes) as never),
    },
  ];
}
