import { fromAjv, type Violation } from './errors';

type Doc = Record<string, unknown>;

const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;
const LICENSE_REF = /LicenseRef-[A-Za-z0-9.-]+/g;
const RELATIONSHIP_ENDS = ['spdxElementId', 'relatedSpdxElement'] as const;

/**
 * The official SPDX 2.3 schema, plus the rules of the spec the schema cannot express: a document
 * namespace, unique SPDXIDs, relationships that point at elements that exist, and a DESCRIBES
 * relationship from the document.
 */
export async function validateSpdx(doc: Doc): Promise<Violation[]> {
  const validate = (await import('./generated/spdx-2.3.cjs')).default;
  const violations = validate(doc) ? [] : fromAjv(validate.errors);
  const namespace = doc.documentNamespace;
  if (typeof namespace !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/[^#]+$/i.test(namespace)) {
    violations.push({ path: '/documentNamespace', message: 'must be an absolute URI without a fragment' });
  }
  const ids = new Set<string>(['SPDXRef-DOCUMENT']);
  const packages = Array.isArray(doc.packages) ? (doc.packages as Doc[]) : [];
  const refs = new Set<string>();
  for (const info of Array.isArray(doc.hasExtractedLicensingInfos) ? (doc.hasExtractedLicensingInfos as Doc[]) : [])
    refs.add(String(info.licenseId));
  for (let i = 0; i < packages.length; i++) {
    const p = packages[i] as Doc;
    const id = String(p.SPDXID);
    if (!SPDX_ID.test(id))
      violations.push({ path: `/packages/${i}/SPDXID`, message: `"${id}" is not a valid SPDX identifier` });
    if (ids.has(id)) violations.push({ path: `/packages/${i}/SPDXID`, message: `duplicate SPDXID ${id}` });
    ids.add(id);
    const declared = String(p.licenseDeclared ?? '');
    // Most declared licenses are plain SPDX ids: only look for references where there can be one.
    if (!declared.includes('LicenseRef-')) continue;
    for (const ref of declared.match(LICENSE_REF) ?? []) {
      if (!refs.has(ref))
        violations.push({
          path: `/packages/${i}/licenseDeclared`,
          message: `${ref} has no hasExtractedLicensingInfos entry`,
        });
    }
  }
  let describes = false;
  const relationships = Array.isArray(doc.relationships) ? (doc.relationships as Doc[]) : [];
  for (let i = 0; i < relationships.length; i++) {
    const r = relationships[i] as Doc;
    for (const key of RELATIONSHIP_ENDS) {
      const id = String(r[key]);
      if (!ids.has(id) && id !== 'NONE' && id !== 'NOASSERTION')
        violations.push({ path: `/relationships/${i}/${key}`, message: `${id} does not exist in the document` });
    }
    if (r.spdxElementId === 'SPDXRef-DOCUMENT' && r.relationshipType === 'DESCRIBES') describes = true;
  }
  if (!describes)
    violations.push({ path: '/relationships', message: 'no DESCRIBES relationship from SPDXRef-DOCUMENT' });
  return violations;
}
