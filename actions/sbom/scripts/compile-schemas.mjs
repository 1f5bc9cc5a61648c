#!/usr/bin/env node
// Compiles the SPDX 2.3 and CycloneDX 1.6 JSON schemas into standalone Ajv validators
// (src/validate/generated/*.cjs). Run after updating the schemas or @cyclonedx/cyclonedx-library:
//   node actions/sbom/scripts/compile-schemas.mjs          write the files
//   node actions/sbom/scripts/compile-schemas.mjs --check  exit 1 when they are out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const require = createRequire(join(root, 'package.json'));
const Ajv = require('ajv').default;
const Ajv2019 = require('ajv/dist/2019').default;
const addFormats = require('ajv-formats').default;
const standalone = require('ajv/dist/standalone').default;

const out = join(here, '..', 'src', 'validate', 'generated');
const json = (file) => JSON.parse(readFileSync(file, 'utf8'));

const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment', 'meta:enum']);
const SCHEMA_MAPS = new Set(['properties', 'definitions', '$defs', 'patternProperties', 'dependentSchemas']);
const DATA = new Set(['enum', 'const', 'default', 'examples']);

/**
 * Drops annotation keywords (descriptions, titles, examples), which never affect validity: the
 * standalone code embeds schema objects verbatim, and the CycloneDX descriptions alone made the
 * generated validator ~1 MB to load on every run.
 */
function stripAnnotations(schema) {
  if (Array.isArray(schema)) return schema.map(stripAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (DATA.has(key)) out[key] = value;
    else if (SCHEMA_MAPS.has(key) && value && typeof value === 'object')
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripAnnotations(v)]));
    else out[key] = stripAnnotations(value);
  }
  return out;
}

/** What src/cyclonedx/write.ts writes; kept in step with it (a test fails otherwise). */
export const WRITTEN = {
  bom: ['$schema', 'bomFormat', 'specVersion', 'serialNumber', 'version', 'metadata', 'components', 'dependencies'],
  metadata: ['timestamp', 'lifecycles', 'tools', 'component', 'properties'],
  component: [
    'type',
    'bom-ref',
    'supplier',
    'group',
    'name',
    'version',
    'scope',
    'hashes',
    'licenses',
    'purl',
    'externalReferences',
    'properties',
    'evidence',
  ],
};

/** What src/spdx/write.ts writes. */
export const SPDX_WRITTEN = {
  document: [
    'SPDXID',
    'spdxVersion',
    'dataLicense',
    'name',
    'documentNamespace',
    'creationInfo',
    'packages',
    'relationships',
    'hasExtractedLicensingInfos',
  ],
  package: [
    'name',
    'SPDXID',
    'versionInfo',
    'supplier',
    'downloadLocation',
    'filesAnalyzed',
    'checksums',
    'licenseConcluded',
    'licenseDeclared',
    'licenseComments',
    'copyrightText',
    'externalRefs',
    'primaryPackagePurpose',
    'comment',
  ],
};

function prune(properties, keep) {
  for (const key of Object.keys(properties)) if (!keep.includes(key)) properties[key] = false;
}

/** Kept in step with validate/cyclonedx.ts, which re-implements these checks. */
export const UNIQUE_CHECKED_IN_CODE = [
  ['properties', 'components'],
  ['properties', 'dependencies'],
  ['definitions', 'dependency', 'properties', 'dependsOn'],
];

export function generate() {
  const files = {};
  {
    const ajv = new Ajv2019({
      code: { source: true, optimize: true },
      strict: false,
      allErrors: false,
      inlineRefs: false,
    });
    addFormats(ajv);
    const schema = stripAnnotations(json(join(here, '..', 'schemas', 'spdx-2.3.schema.json')));
    // As for CycloneDX below: what the writer never emits must be absent.
    prune(schema.properties, SPDX_WRITTEN.document);
    prune(schema.properties.packages.items.properties, SPDX_WRITTEN.package);
    const validate = ajv.compile(schema);
    files['spdx-2.3.cjs'] = header('actions/sbom/schemas/spdx-2.3.schema.json') + standalone(ajv, validate);
  }
  {
    const res = join(dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');
    const ajv = new Ajv({ code: { source: true, optimize: true }, strict: false, allErrors: false, inlineRefs: false });
    addFormats(ajv);
    // Formats ajv-formats lacks; the 1.6 schema uses them only on free-text fields.
    ajv.addFormat('iri-reference', true);
    ajv.addFormat('idn-email', true);
    ajv.addSchema({
      ...json(join(res, 'spdx.SNAPSHOT.schema.json')),
      $id: 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json',
    });
    ajv.addSchema({
      ...json(join(res, 'jsf-0.82.SNAPSHOT.schema.json')),
      $id: 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json',
    });
    const version = json(join(res, '..', '..', 'package.json')).version;
    const schema = stripAnnotations(json(join(res, 'bom-1.6.SNAPSHOT.schema.json')));
    // uniqueItems on the three arrays that grow with the SBOM makes Ajv deep-compare every pair
    // (~320 ms for 1,600 components). validate/cyclonedx.ts checks the same uniqueness in O(n)
    // (serialized items and bom-refs), so those three are dropped here and only there.
    for (const path of UNIQUE_CHECKED_IN_CODE) {
      const node = path.reduce((o, k) => o[k], schema);
      if (node.uniqueItems !== true) throw new Error(`schema changed: no uniqueItems at /${path.join('/')}`);
      delete node.uniqueItems;
    }
    // Fields the writer never emits are replaced by `false` (must be absent). A document that passes
    // this restricted schema passes the official one (the kept subschemas are unchanged), the code is
    // a fraction of the size (formulation, attestations, crypto and model cards are most of 1.6), and
    // emitting a new field without updating WRITTEN fails validation instead of going unchecked.
    prune(schema.properties, WRITTEN.bom);
    prune(schema.definitions.metadata.properties, WRITTEN.metadata);
    prune(schema.definitions.component.properties, WRITTEN.component);
    const validate = ajv.compile(schema);
    files['cyclonedx-1.6.cjs'] =
      header(`@cyclonedx/cyclonedx-library@${version} res/schema/bom-1.6.SNAPSHOT.schema.json`) +
      standalone(ajv, validate);
  }
  return files;
}

function header(source) {
  return `// Generated by actions/sbom/scripts/compile-schemas.mjs from ${source}. Do not edit.\n/* eslint-disable */\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [name, code] of Object.entries(generate())) {
    const file = join(out, name);
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current === code) continue;
    stale = true;
    if (!check) writeFileSync(file, code);
    console.log(`${check ? 'stale' : 'wrote'} ${file}`);
  }
  if (check && stale) process.exit(1);
}
