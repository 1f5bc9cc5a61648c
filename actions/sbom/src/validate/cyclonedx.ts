import { fromAjv, type Violation } from './errors';

type Doc = Record<string, unknown>;

/** The CycloneDX 1.6 schema, plus what it cannot say: unique bom-refs and dependency refs that exist. */
export async function validateCycloneDx(doc: Doc): Promise<Violation[]> {
  const validate = (await import('./generated/cyclonedx-1.6.cjs')).default;
  const violations = validate(doc) ? [] : fromAjv(validate.errors);
  const refs = new Set<string>();
  const metadata = (doc.metadata ?? {}) as Doc;
  const root = metadata.component as Doc | undefined;
  if (root?.['bom-ref']) refs.add(String(root['bom-ref']));
  const purls = new Set<string>();
  const components = Array.isArray(doc.components) ? (doc.components as Doc[]) : [];
  components.forEach((c, i) => {
    const ref = String(c['bom-ref']);
    if (refs.has(ref)) violations.push({ path: `/components/${i}/bom-ref`, message: `duplicate bom-ref ${ref}` });
    refs.add(ref);
    if (typeof c.purl === 'string') {
      if (purls.has(c.purl))
        violations.push({ path: `/components/${i}/purl`, message: `duplicate component ${c.purl}` });
      purls.add(c.purl);
    }
  });
  const dependencies = Array.isArray(doc.dependencies) ? (doc.dependencies as Doc[]) : [];
  // The schema's uniqueItems for components, dependencies and dependsOn, in O(n) (see compile-schemas.mjs).
  // Items with distinct bom-refs (components) or refs (dependencies) cannot be identical, so the
  // ref checks below already prove uniqueItems for them; only items without one are compared whole.
  unique(
    components.filter((c) => typeof c['bom-ref'] !== 'string'),
    '/components',
    violations,
  );
  unique(
    dependencies.filter((d) => typeof d.ref !== 'string'),
    '/dependencies',
    violations,
  );
  const dependencyRefs = new Set<string>();
  dependencies.forEach((d, i) => {
    if (!refs.has(String(d.ref)))
      violations.push({ path: `/dependencies/${i}/ref`, message: `${String(d.ref)} is not a component` });
    if (dependencyRefs.has(String(d.ref)))
      violations.push({ path: `/dependencies/${i}/ref`, message: `${String(d.ref)} is listed twice` });
    dependencyRefs.add(String(d.ref));
    if (Array.isArray(d.dependsOn)) unique(d.dependsOn, `/dependencies/${i}/dependsOn`, violations);
    for (const to of Array.isArray(d.dependsOn) ? d.dependsOn : []) {
      if (!refs.has(String(to)))
        violations.push({ path: `/dependencies/${i}/dependsOn`, message: `${String(to)} is not a component` });
    }
  });
  return violations;
}

function unique(items: readonly unknown[], path: string, violations: Violation[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    // Strings (every dependsOn entry) are their own key; anything else is compared as its JSON.
    const key = typeof item === 'string' ? `s${item}` : `j${JSON.stringify(item)}`;
    const first = seen.get(key);
    if (first !== undefined)
      violations.push({
        path: `${path}/${i}`,
        message: `must NOT have duplicate items (items ## ${first} and ${i} are identical)`,
      });
    else seen.set(key, i);
  });
}
