import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PAYLOAD_TYPE, STATEMENT_TYPE } from '../attest/intoto';

/** What an envelope check yields: the signed payload, or why the envelope is not trusted. */
export type EnvelopeResult = { payloadType: string; payload: Buffer; signer?: string } | { reason: string };

/** Checks one `.intoto.jsonl` line (a DSSE envelope, or a Sigstore DSSE bundle for keyless) with the method's trust. */
export type EnvelopeVerifier = (line: string) => Promise<EnvelopeResult>;

export interface AttestationResult {
  path: string;
  /** `predicateType` of each statement, in file order. */
  predicateTypes: string[];
  reason?: string;
  signer?: string;
}

/** Every `*.intoto.jsonl` in the directories where signatures are looked up, sorted. */
export async function findAttestations(dirs: Iterable<string>): Promise<string[]> {
  const found = new Set<string>();
  for (const dir of new Set(dirs)) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && e.name.endsWith('.intoto.jsonl')) found.add(join(dir, e.name));
  }
  return [...found].sort();
}

interface Subject {
  name?: unknown;
  digest?: { sha256?: unknown };
}

/**
 * Verifies every envelope of one attestation file, parses its in-toto Statement v1 and checks the
 * subjects against the files being verified: a subject naming one of them (by path, or by file name
 * when the files moved) must carry that file's sha256, and each statement must cover at least one of
 * them, so a statement about other artifacts cannot vouch for these.
 */
export async function checkAttestation(
  path: string,
  verifyEnvelope: EnvelopeVerifier,
  files: { display: string; sha256: string }[],
): Promise<AttestationResult> {
  const predicateTypes: string[] = [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { path, predicateTypes, reason: `cannot read it (${(error as Error).message})` };
  }
  const lines = text
    .split('\n')
    .map((line, i) => ({ line, number: i + 1 }))
    .filter((l) => l.line.trim() !== '');
  if (lines.length === 0) return { path, predicateTypes, reason: 'holds no attestation' };
  const signers = new Set<string>();
  for (const { line, number } of lines) {
    const where = lines.length > 1 ? `line ${number}: ` : '';
    const checked = await verifyEnvelope(line);
    if ('reason' in checked) return { path, predicateTypes, reason: `${where}${checked.reason}` };
    if (checked.signer) signers.add(checked.signer);
    if (checked.payloadType !== PAYLOAD_TYPE) {
      return { path, predicateTypes, reason: `${where}payload type ${checked.payloadType} is not ${PAYLOAD_TYPE}` };
    }
    let statement: { _type?: unknown; subject?: unknown; predicateType?: unknown };
    try {
      statement = JSON.parse(checked.payload.toString('utf8'));
    } catch (error) {
      return { path, predicateTypes, reason: `${where}payload is not JSON (${(error as Error).message})` };
    }
    if (statement?._type !== STATEMENT_TYPE) {
      return { path, predicateTypes, reason: `${where}_type ${String(statement?._type)} is not ${STATEMENT_TYPE}` };
    }
    if (typeof statement.predicateType !== 'string') {
      return { path, predicateTypes, reason: `${where}statement has no predicateType` };
    }
    predicateTypes.push(statement.predicateType);
    const subjects = Array.isArray(statement.subject) ? (statement.subject as Subject[]) : [];
    if (subjects.length === 0) return { path, predicateTypes, reason: `${where}statement has no subject` };
    let covered = 0;
    for (const file of files) {
      const byDigest = subjects.some((s) => s.digest?.sha256 === file.sha256);
      const named = subjects.filter(
        (s) => typeof s.name === 'string' && (s.name === file.display || basename(s.name) === basename(file.display)),
      );
      if (byDigest) {
        covered++;
        continue;
      }
      const other = named[0];
      if (other) {
        return {
          path,
          predicateTypes,
          reason: `${where}${file.display} has sha256 ${file.sha256}, but the ${statement.predicateType} statement records ${String(other.digest?.sha256)} for ${String(other.name)} (file modified after attesting?)`,
        };
      }
    }
    if (covered === 0) {
      const names = subjects.map((s) => String(s.name)).slice(0, 5);
      return {
        path,
        predicateTypes,
        reason: `${where}none of the files verified matches a subject of the ${statement.predicateType} statement (${names.join(', ')}${subjects.length > 5 ? ', …' : ''})`,
      };
    }
  }
  return { path, predicateTypes, signer: [...signers].join('; ') || undefined };
}

/** Parses a plain DSSE envelope line and returns the bytes to check: PAE input and each signature. */
export function parseEnvelope(
  line: string,
): { payloadType: string; payload: Buffer; signatures: { keyid: string; sig: Buffer }[] } | { reason: string } {
  let parsed: { payloadType?: unknown; payload?: unknown; signatures?: unknown };
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return { reason: `not a JSON DSSE envelope (${(error as Error).message})` };
  }
  if (typeof parsed?.payloadType !== 'string' || typeof parsed.payload !== 'string') {
    return { reason: 'not a DSSE envelope (payloadType and payload expected)' };
  }
  const signatures = (Array.isArray(parsed.signatures) ? parsed.signatures : [])
    .filter((s): s is { keyid?: unknown; sig: string } => typeof s?.sig === 'string')
    .map((s) => ({ keyid: typeof s.keyid === 'string' ? s.keyid : '', sig: Buffer.from(s.sig, 'base64') }));
  if (signatures.length === 0) return { reason: 'the DSSE envelope has no signature' };
  return { payloadType: parsed.payloadType, payload: Buffer.from(parsed.payload, 'base64'), signatures };
}
