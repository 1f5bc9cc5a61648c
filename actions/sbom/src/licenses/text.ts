import { isRecord, str } from '../ecosystems/common';

/** `license` as a string, the legacy `{type}` object, or the legacy `licenses: [{type}]` array (joined with OR). */
export function licenseText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isRecord(value)) return str(value.type);
  if (Array.isArray(value)) {
    const parts = value.map((v) => licenseText(v)).filter((v): v is string => v !== undefined);
    if (parts.length === 0) return undefined;
    return parts.length === 1 ? parts[0] : parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(' OR ');
  }
  return undefined;
}
