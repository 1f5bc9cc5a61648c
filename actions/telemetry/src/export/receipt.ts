import type { Cell } from '../../../../shared/summary';
import { code, mermaidLabel } from '../../../../shared/summary';
import type { OtlpAttribute, OtlpJson, OtlpRequest } from './encode';

/**
 * The receipt lists every attribute of the requests, read back from the encoded request
 * itself (its OTLP/JSON form), not from what the code meant to send: if it is on the wire,
 * it is in this table.
 */
export interface ReceiptRow {
  signal: string;
  item: string;
  attribute: string;
  value: string;
}

export interface MetricPoint {
  metric: string;
  unit: string;
  attributes: number;
  value: string;
}

type J = Record<string, unknown>;
const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : []);

export function attributeValue(a: OtlpAttribute['value'] | undefined): string {
  if (!a) return '';
  if (a.stringValue !== undefined) return a.stringValue;
  if (a.intValue !== undefined) return String(a.intValue);
  if (a.doubleValue !== undefined) return String(a.doubleValue);
  if (a.boolValue !== undefined) return String(a.boolValue);
  return JSON.stringify(a);
}

function rowsOf(signal: string, item: string, attributes: unknown): ReceiptRow[] {
  return arr(attributes).map((a) => ({
    signal,
    item,
    attribute: String(a.key),
    value: attributeValue(a.value as OtlpAttribute['value']),
  }));
}

export function receiptRows(requests: OtlpRequest[]): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  const seenResources = new Set<string>();
  for (const request of requests) {
    const json: OtlpJson = request.json;
    const top = request.signal === 'traces' ? arr(json.resourceSpans) : arr(json.resourceMetrics);
    for (const rs of top) {
      const resource = rs.resource as J | undefined;
      const key = JSON.stringify(resource?.attributes ?? []);
      if (!seenResources.has(key)) {
        seenResources.add(key);
        rows.push(...rowsOf('resource', '(every span and metric)', resource?.attributes));
      }
      for (const scope of arr(request.signal === 'traces' ? rs.scopeSpans : rs.scopeMetrics)) {
        if (request.signal === 'traces') {
          for (const span of arr(scope.spans)) {
            rows.push(...rowsOf('span', String(span.name), span.attributes));
            if (arr(span.attributes).length === 0)
              rows.push({ signal: 'span', item: String(span.name), attribute: '', value: '' });
          }
        } else {
          for (const metric of arr(scope.metrics)) {
            for (const point of dataPoints(metric))
              rows.push(...rowsOf('metric', String(metric.name), point.attributes));
          }
        }
      }
    }
  }
  return rows;
}

function dataPoints(metric: J): J[] {
  const body = (metric.histogram ?? metric.sum ?? metric.gauge ?? metric.exponentialHistogram) as J | undefined;
  return arr(body?.dataPoints);
}

export function metricPoints(requests: OtlpRequest[]): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const request of requests.filter((r) => r.signal === 'metrics')) {
    for (const rs of arr(request.json.resourceMetrics)) {
      for (const scope of arr(rs.scopeMetrics)) {
        for (const metric of arr(scope.metrics)) {
          for (const p of dataPoints(metric)) {
            const value =
              p.asDouble !== undefined || p.asInt !== undefined
                ? String(p.asDouble ?? p.asInt)
                : `count ${String(p.count)}, sum ${Number(p.sum).toFixed(3)}`;
            points.push({
              metric: String(metric.name),
              unit: String(metric.unit ?? ''),
              attributes: arr(p.attributes).length,
              value,
            });
          }
        }
      }
    }
  }
  return points;
}

/** A digest (HMAC-SHA256 of a name, a commit SHA) as its first 12 hex digits: enough to tell rows apart. */
export function shortValue(value: string): string {
  return /^[0-9a-f]{32,}$/i.test(value) ? `${value.slice(0, 12)}…` : value;
}

/**
 * The receipt table, digests shortened so it stays readable, and `full`: each shortened value in
 * full, once per attribute, for a collapsed table under it (the receipt must show what was sent).
 */
export function receiptTable(rows: ReceiptRow[]): { headers: string[]; rows: Cell[][]; full: Cell[][] } {
  const full = new Map<string, Cell[]>();
  for (const r of rows)
    if (shortValue(r.value) !== r.value) full.set(`${r.attribute}\u0000${r.value}`, [r.attribute, code(r.value)]);
  return {
    headers: ['Signal', 'Span / metric', 'Attribute', 'Value sent'],
    rows: rows.map((r) => [r.signal, r.item, r.attribute, r.value === '' ? '' : code(shortValue(r.value))]),
    full: [...full.values()],
  };
}

/** A Gantt chart of the job as the spans tell it: what the receiver will draw. */
export function timeline(requests: OtlpRequest[]): string | undefined {
  const traces = requests.find((r) => r.signal === 'traces');
  const spans = arr(traces?.json.resourceSpans)
    .flatMap((rs) => arr(rs.scopeSpans))
    .flatMap((s) => arr(s.spans))
    .filter((s) => s.parentSpanId);
  if (spans.length === 0) return undefined;
  const ms = (nanos: unknown) => Math.round(Number(BigInt(String(nanos)) / 1_000_000n));
  const lines = ['gantt', '  title Paved actions in this job', '  dateFormat x', '  axisFormat %H:%M:%S'];
  for (const span of spans.slice(0, 50)) {
    const start = ms(span.startTimeUnixNano);
    const end = Math.max(ms(span.endTimeUnixNano), start + 1);
    const failed = (span.status as J | undefined)?.code === 2;
    lines.push(`  ${mermaidLabel(String(span.name))} :${failed ? 'crit, ' : ''}${start}, ${end}`);
  }
  return lines.join('\n');
}
