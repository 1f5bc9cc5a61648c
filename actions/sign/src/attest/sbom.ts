import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { ConfigurationError } from '../../../../shared';
import { Inputs } from '../names';

/** GitHub's attest actions cap predicates at 16 MB; above that we attest a reference by digest. */
export const MAX_INLINE_PREDICATE_BYTES = 16 * 1024 * 1024;
/** in-toto's Reference predicate: points at a document by digest instead of embedding it. */
export const REFERENCE_TYPE = 'https://in-toto.io/attestation/reference/v0.1';

export interface SbomPredicate {
  format: 'SPDX' | 'CycloneDX';
  predicateType: string;
  predicate: unknown;
  /** True when the document was too large and is referenced by digest. */
  referenced: boolean;
  bytes: number;
}

/** Reads an SPDX or CycloneDX JSON document and picks the predicate type the in-toto spec registers for it. */
export async function sbomPredicate(path: string, workspace: string, builderId: string): Promise<SbomPredicate> {
  const raw = await readFile(path);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const position = at ? lineCol(raw.toString('utf8'), Number(at[1])) : {};
    throw new ConfigurationError(`${relative(workspace, path)} is not valid JSON: ${message}`, {
      input: Inputs.sbom,
      file: relative(workspace, path),
      ...position,
    });
  }
  let format: SbomPredicate['format'];
  let predicateType: string;
  let mediaType: string;
  if (typeof doc?.spdxVersion === 'string') {
    const version = /^SPDX-(\d+\.\d+)$/.exec(doc.spdxVersion)?.[1];
    format = 'SPDX';
    predicateType = version ? `https://spdx.dev/Document/v${version}` : 'https://spdx.dev/Document';
    mediaType = 'application/spdx+json';
  } else if (doc?.bomFormat === 'CycloneDX') {
    format = 'CycloneDX';
    predicateType = 'https://cyclonedx.org/bom';
    mediaType = 'application/vnd.cyclonedx+json';
  } else {
    throw new ConfigurationError(
      `Input ${Inputs.sbom}: ${relative(workspace, path)} is neither an SPDX (spdxVersion) nor a CycloneDX (bomFormat) JSON document`,
      { input: Inputs.sbom, file: relative(workspace, path) },
    );
  }
  if (raw.length <= MAX_INLINE_PREDICATE_BYTES) {
    return { format, predicateType, predicate: doc, referenced: false, bytes: raw.length };
  }
  return {
    format,
    predicateType: REFERENCE_TYPE,
    predicate: {
      attester: { id: builderId },
      references: [
        {
          name: relative(workspace, path),
          downloadLocation: relative(workspace, path),
          digest: { sha256: createHash('sha256').update(raw).digest('hex') },
          mediaType,
          annotations: { predicateType },
        },
      ],
    },
    referenced: true,
    bytes: raw.length,
  };
}

function lineCol(text: string, position: number): { line: number; col: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}
