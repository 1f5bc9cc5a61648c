import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as core from '../../../shared/actions-core';
import { annotations } from '../../../shared/annotations';
import { ConfigurationError, OperationError } from '../../../shared/errors';
import { exec } from '../../../shared/exec';
import { group } from '../../../shared/logging';
import { runAction } from '../../../shared/run-action';
import { displayPath, findLockfiles, findUnlockedManifests, LOOKED_FOR, parseLockfiles } from './ecosystems/detect';
import { type Options, parseInputs } from './inputs';
import { findOffenders } from './licenses/policy';
import { resolveLicenses } from './licenses/resolve';
import { buildGraph } from './model/build';
import type { LockfileGraph, RootComponent, SbomGraph } from './model/types';
import { Inputs, Outputs } from './names';
import { contentDigest, creationTime, uuidFrom } from './output/identity';
import { collectGarbage } from './output/memory';
import { writeJsonFile } from './output/stream';
import { jobContext } from './submit/submit';

export function run(): Promise<void> {
  return runAction('sbom', generateSboms).then(exitWhenFlushed);
}

/**
 * Everything is written and reported, and the exit code set: end now. Left to itself, Node would
 * first run the incremental GC that the ~50 MB heap of a large run has started, ~15 ms spent
 * tidying memory about to be freed. stdout and stderr are drained first (pipes are asynchronous
 * on some platforms), and bundles always run as their own process (runner, dispatcher, CLI).
 */
function exitWhenFlushed(): Promise<void> {
  return new Promise(() => {
    process.stdout.write('', () => process.stderr.write('', () => process.exit()));
  });
}

async function generateSboms(): Promise<void> {
  const started = performance.now();
  // Per-phase wall time, logged at the end: where a slow run spent its time.
  const phases: [string, number][] = [];
  let mark = started;
  const phase = (name: string): void => {
    const now = performance.now();
    phases.push([name, Math.round(now - mark)]);
    mark = now;
  };
  const options = parseInputs();
  const cwd = process.cwd();
  const scanned = displayPath(options.path, cwd) || '.';
  // Submission needs the runner's environment: check it before doing any work.
  const job = options.submit ? jobContext(scanned, options.matrix) : undefined;

  const image = options.image
    ? await group(`Read image ${options.image}`, async () =>
        (await import('./image')).scanImage(options.image as string, {
          cwd,
          platform: options.platform,
          name: options.name,
          version: options.version,
        }),
      )
    : undefined;
  const found = image ? [] : await findLockfiles(options.path, options.exclude, cwd);
  if (!image && found.length === 0) {
    const unlocked = await findUnlockedManifests(options.path, options.exclude, cwd);
    const hint =
      unlocked.length > 0
        ? ` Found ${unlocked.slice(0, 5).join(', ')} without a lockfile: an SBOM needs resolved versions, so generate and commit the lockfile (e.g. npm install --package-lock-only, poetry lock, cargo generate-lockfile, bundle lock, composer update --lock).`
        : ` Commit a lockfile or point the ${Inputs.path} input at the project.`;
    throw new ConfigurationError(
      `No lockfile found under ${scanned}. Looked for: ${LOOKED_FOR.join(', ')} (skipping ${options.exclude.join(', ')}).${hint}`,
      { input: Inputs.path },
    );
  }
  phase('find');
  const graphs =
    image?.graphs ??
    (await group(`Read ${found.length} lockfile${found.length === 1 ? '' : 's'}`, async () => {
      const parsed = await parseLockfiles(found, cwd, options.path);
      for (const g of parsed) core.info(`${g.file}: ${g.ecosystem} (${g.format}), ${g.packages.size} packages`);
      return parsed;
    }));

  const root = image?.root ?? (await rootComponent(options, graphs));
  // The lockfile texts and their parsed JSON are garbage now; the graphs are what is left.
  collectGarbage(graphs.reduce((n, g) => n + g.packages.size, 0));
  phase('parse');
  const graph = await buildGraph(graphs, { root, includeDev: options.includeDev });
  // The per-lockfile graphs are merged: let them go before the documents are built (large lockfiles).
  graphs.length = 0;
  collectGarbage(graph.components.length);
  for (const w of graph.warnings)
    annotations.warning(w.message, { file: w.file, startLine: w.line, startColumn: w.col, title: 'sbom' });
  if (graph.components.length === 0) {
    core.warning(
      `The SBOM has no components: ${graph.sources.map((s) => `${s.display} (${s.format})`).join(', ')} ${graph.sources.length === 1 ? 'lists' : 'list'} no packages${options.includeDev ? '' : ` outside development dependencies (${Inputs.includeDev} is false)`}.`,
      { title: 'sbom' },
    );
  }
  phase('graph');
  await resolveLicenses(graph.components, options.licenses, cwd, options.path);
  const offenders = await findOffenders(graph.components, options.denyLicenses);

  const timestamp = await creationTime(options.reproducible, options.path);
  if (options.reproducible && timestamp.source === 'clock') {
    core.notice(
      'No SOURCE_DATE_EPOCH and no git commit: the SBOM timestamp is the current time, so reruns will differ in that field.',
    );
  }
  const digest = contentDigest(graph);
  const base = fileBase(root.name);
  phase('licenses');
  const documents = await group('Generate and validate', () =>
    generate(graph, options, timestamp.iso, digest, base, image),
  );

  phase('generate+validate');
  // The documents are on disk: what the summary and submission add starts from the graph alone.
  collectGarbage(graph.components.length);
  mkdirSync(options.outputDir, { recursive: true });
  const written: { format: string; path: string; bytes: number }[] = [];
  for (const doc of documents) {
    const target = join(options.outputDir, doc.file);
    // Write-then-rename: a reader never sees half a document.
    renameSync(doc.temp, target);
    const shown = displayPath(target, cwd);
    written.push({ format: doc.format, path: shown, bytes: doc.bytes });
    core.setOutput(doc.format === 'spdx-json' ? Outputs.spdxFile : Outputs.cyclonedxFile, shown);
    core.info(`Wrote ${shown} (${doc.format}, ${doc.bytes} bytes)`);
  }
  core.setOutput(Outputs.components, String(graph.components.length));

  let diff: import('./diff/compare').SbomDiff | undefined;
  if (options.compareTo) {
    const { diffAgainst } = await import('./diff/compare');
    diff = diffAgainst(options.compareTo, displayPath(options.compareTo, cwd), graph.components);
    core.setOutput(Outputs.diff, JSON.stringify(diff));
    core.info(
      `Compared with ${diff.against}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`,
    );
  }

  let submitted: { id: number | undefined; correlator: string } | undefined;
  if (job) {
    const { submitSnapshot } = await import('./submit/submit');
    submitted = await group('Submit to the dependency graph', () =>
      submitSnapshot(graph, job, options.githubToken, timestamp.iso),
    );
  }

  const { ntiaCoverage } = await import('./summary/ntia');
  const { buildSummary } = await import('./summary/report');
  phase('write+diff+submit');
  buildSummary({
    graph,
    files: written,
    coverage: ntiaCoverage(graph, timestamp.source),
    timestamp: `${timestamp.iso} (${timestamp.source})`,
    durationMs: Math.round(performance.now() - started),
    offenders,
    diff,
    submitted,
  }).write();
  phase('summary');
  // performance.now() counts from process start, so `started` is the time Node took to load us.
  core.info(
    `Done in ${Math.round(performance.now() - started)} ms after ${Math.round(started)} ms of start-up (${phases.map(([n, ms]) => `${n} ${ms}`).join(', ')})`,
  );

  const unknown = options.failOnUnknownLicense ? graph.components.filter((c) => c.license && !c.license.valid) : [];
  if (unknown.length > 0) {
    for (const c of unknown.slice(0, 50))
      annotations.error(
        `${c.purl} states the license "${c.license?.expression}", which is not an SPDX expression (${Inputs.failOnUnknownLicense} is true)`,
        { file: c.license?.source, title: 'sbom: unknown license' },
      );
  }
  if (offenders.length > 0 || unknown.length > 0) {
    const shown = new Map(graph.sources.map((s) => [s.file, s.display]));
    for (const o of offenders) {
      annotations.error(
        `${o.component.purl} is licensed ${o.expression}, denied by ${Inputs.denyLicenses} (${o.denied.join(', ')})`,
        {
          file: shown.get(o.component.files[0] ?? ''),
          title: 'sbom: denied license',
        },
        // Direct dependencies first: they are the ones the project can drop or replace itself.
        o.component.direct ? 1 : 0,
      );
    }
    const denied =
      offenders.length > 0
        ? `${offenders.length} component${offenders.length === 1 ? '' : 's'} with denied licenses: ${offenders
            .slice(0, 10)
            .map((o) => `${o.component.purl} (${o.expression})`)
            .join(', ')}${offenders.length > 10 ? ', …' : ''}. `
        : '';
    const unstated =
      unknown.length > 0
        ? `${unknown.length} component${unknown.length === 1 ? '' : 's'} with a license that is not an SPDX expression: ${unknown
            .slice(0, 10)
            .map((c) => `${c.purl} ("${c.license?.expression}")`)
            .join(', ')}${unknown.length > 10 ? ', …' : ''}. `
        : '';
    throw new OperationError(`${denied}${unstated}The SBOM files were written for inspection.`);
  }
}

interface Document {
  format: 'spdx-json' | 'cyclonedx-json';
  file: string;
  /** Written next to its target, renamed into place once both documents are valid. */
  temp: string;
  bytes: number;
}

/**
 * Both documents are rendered and validated before either is put in place: a schema failure leaves
 * nothing behind. Each is streamed to a temporary file as soon as it is validated, and dropped,
 * so a 60,000-component graph never has both documents (or their text) in memory at once.
 */
async function generate(
  graph: SbomGraph,
  options: Options,
  created: string,
  digest: string,
  base: string,
  image?: import('./image').ScannedImage,
): Promise<Document[]> {
  const documents: Document[] = [];
  const problems: string[] = [];
  mkdirSync(options.outputDir, { recursive: true });
  const stage = (format: Document['format'], file: string, doc: unknown): Document => {
    const temp = join(options.outputDir, `${file}.${process.pid}.tmp`);
    return { format, file, temp, bytes: writeJsonFile(temp, doc) };
  };
  // Large graphs: start each document from a heap holding only the graph (see collectGarbage).
  collectGarbage(graph.components.length);
  if (options.formats.includes('spdx-json')) {
    const { toSpdx } = await import('./spdx/write');
    const { validateSpdx } = await import('./validate/spdx');
    const doc = toSpdx(graph, { created, digest, namespaceUuid: uuidFrom(digest, 'spdx') });
    if (image) (await import('./image')).describeSpdx(doc, image);
    for (const v of await validateSpdx(doc)) problems.push(`SPDX ${v.path}: ${v.message}`);
    documents.push(stage('spdx-json', `${base}.spdx.json`, doc));
    core.info(`SPDX 2.3: ${graph.components.length + 1} packages, valid against the SPDX 2.3 schema and spec rules`);
  }
  collectGarbage(graph.components.length);
  if (options.formats.includes('cyclonedx-json')) {
    const { toCycloneDx } = await import('./cyclonedx/write');
    const { validateCycloneDx } = await import('./validate/cyclonedx');
    const doc = toCycloneDx(graph, { created, serialUuid: uuidFrom(digest, 'cyclonedx') });
    if (image) (await import('./image')).describeCycloneDx(doc, image);
    for (const v of await validateCycloneDx(doc)) problems.push(`CycloneDX ${v.path}: ${v.message}`);
    documents.push(stage('cyclonedx-json', `${base}.cdx.json`, doc));
    core.info(`CycloneDX 1.6: ${graph.components.length} components, valid against the CycloneDX 1.6 schema`);
  }
  if (problems.length > 0) {
    for (const d of documents) rmSync(d.temp, { force: true });
    // Our output failing its schema is our bug, never the user's: say so, and write nothing.
    throw new Error(`generated SBOM failed validation (please report this):\n${problems.slice(0, 20).join('\n')}`);
  }
  return documents;
}

/** Root name/version: the inputs, else the manifest/lockfile at the top of `path`, else the directory and git. */
async function rootComponent(options: Options, graphs: readonly LockfileGraph[]): Promise<RootComponent> {
  // Only a lockfile at the top of `path` names the whole thing; nested ones are parts of it.
  const named = graphs.find((g) => g.projectName && !g.file.includes('/'));
  const name = options.name ?? named?.projectName ?? basename(options.path);
  let version = options.version ?? (named?.projectName === name ? named?.projectVersion : undefined);
  if (!version) {
    const git = await exec('git', ['rev-parse', '--short=12', 'HEAD'], {
      cwd: options.path,
      quiet: true,
      ignoreReturnCode: true,
      timeoutMs: 10_000,
    }).catch(() => undefined);
    version = git?.exitCode === 0 && git.stdout.trim() ? git.stdout.trim() : 'unversioned';
  }
  return { name, version };
}

/** `@scope/name` → `scope-name`: a file name with no directories in it. */
function fileBase(name: string): string {
  return (
    name
      .replace(/^@/, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+/, '') || 'sbom'
  );
}
