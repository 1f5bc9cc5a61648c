import { availableParallelism, EOL } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { ConfigurationError, group, OperationError, runAction } from '../../../shared';
import * as core from '../../../shared/actions-core';
import { annotations } from '../../../shared/annotations';
import { PAYLOAD_TYPE, statement } from './attest/intoto';
import { PROVENANCE_TYPE, provenancePredicate } from './attest/provenance';
import { type SbomPredicate, sbomPredicate } from './attest/sbom';
import { resolveFiles, type Target } from './files';
import { type FileDigest, hashFile, MemoryBudget, mapLimit } from './hash';
import { type Options, parseInputs } from './inputs';
import { createSigner } from './methods';
import { relativePath } from './methods/output';
import type { PendingWrite } from './methods/types';
import { Inputs, Outputs } from './names';
import { type SignedRow, signSummary, verifySummary } from './summary';
import { checkDestinations, writeAll } from './write-all';

export function run(): Promise<void> {
  return runAction('sign', async () => {
    const options = parseInputs();
    if (options.patterns.length > 0) {
      const targets = await resolveFiles(options.patterns, options.workspace);
      const outputFor = outputPaths(options, targets);
      if (options.command === 'verify') await verifyCommand(options, targets, outputFor);
      else await signCommand(options, targets, outputFor);
    }
    if (options.images.length > 0) {
      const images = await import('./images');
      if (options.command === 'sign') await images.signImages(options);
      else {
        const failed = await images.verifyImages(options);
        for (const f of failed)
          annotations.error(`${f.image}: ${f.reason}`, { title: 'image signature verification failed' });
        if (failed.length > 0) throw images.imageFailure(failed, options.images.length);
      }
    }
  });
}

type OutputFor = (target: Target, extension: string) => string;

/**
 * Signatures go beside each file, or flat into output-dir. Two files with one name would overwrite
 * each other's signature there, so that is refused before anything is signed.
 */
function outputPaths(options: Options, targets: Target[]): OutputFor {
  const outDir = options.outputDir;
  if (!outDir) return (t, ext) => `${t.path}${ext}`;
  const seen = new Map<string, string>();
  for (const t of targets) {
    const other = seen.get(basename(t.path));
    if (other) {
      throw new ConfigurationError(
        `Input ${Inputs.outputDir}: ${other} and ${t.display} have the same name, so their signatures would collide in ${relative(options.workspace, outDir) || '.'}; sign them in separate steps or leave ${Inputs.outputDir} empty`,
        { input: Inputs.outputDir },
      );
    }
    seen.set(basename(t.path), t.display);
  }
  return (t, ext) => join(outDir, `${basename(t.path)}${ext}`);
}

function concurrency(): number {
  return Math.max(4, availableParallelism() * 4);
}

async function signCommand(options: Options, targets: Target[], outputFor: OutputFor): Promise<void> {
  const started = new Date();
  await checkDestinations(
    targets.map((t) => dirname(outputFor(t, '.sig'))),
    options.workspace,
    options.outputDir,
  );
  // Everything that can be wrong with the inputs is found before the first signature.
  const provenance = options.provenance ? provenancePredicate(process.env, started) : undefined;
  const builderId = provenance
    ? ((provenance.runDetails as { builder: { id: string } }).builder.id as string)
    : 'https://github.com/paved/sign';
  const sbom = options.sbom ? await sbomPredicate(options.sbom, options.workspace, builderId) : undefined;
  // Loading the signer's libraries waits on reads in the thread pool; hashing needs no key and runs
  // on this thread (synchronous reads) while they load. A bad key is still the error reported first.
  const unlocking = group(`Unlocking ${options.method} signer`, async () => {
    const s = await createSigner(options);
    core.info(`signing as ${s.identity}`);
    return s;
  });
  const budget = new MemoryBudget();
  const hashing = mapLimit(targets, concurrency(), (t) => hashFile(t.path, budget));
  hashing.catch(() => undefined);
  const signer = await unlocking;

  const rows: SignedRow[] = [];
  const writes: PendingWrite[] = [];
  await group(`Signing ${targets.length} file${targets.length === 1 ? '' : 's'}`, async () => {
    const digests = await hashing;
    const results = await mapLimit(targets, concurrency(), async (target, i) => {
      const digest = digests[i] as FileDigest;
      const signed = await signer.signFile({
        file: target.path,
        display: target.display,
        digest,
        outputFor: (ext) => outputFor(target, ext),
      });
      if (digest.data) budget.give(digest.data.length);
      digest.data = undefined;
      return { target, digest, signed };
    });
    // One write to the log for all the lines: a thousand small writes cost more than the lines.
    const lines: string[] = [];
    for (const { target, digest, signed } of results) {
      lines.push(
        `${target.display}  sha256:${digest.sha256.toString('hex')}  → ${relativePath(options.workspace, signed.primary)}`,
      );
      writes.push(...signed.writes);
      rows.push({
        file: target.display,
        sha256: digest.sha256.toString('hex'),
        size: digest.size,
        signature: signed.primary,
      });
    }
    if (lines.length > 0) core.info(lines.join(EOL));
  });

  const signatureDir = options.outputDir ?? commonDir(rows.map((r) => r.signature));
  let attestationPath: string | undefined;
  const attestations: { predicateType: string; note: string }[] = [];
  const bundles: string[] = [];
  if (provenance || sbom) {
    await group('Attesting', async () => {
      const subject = rows.map((r) => ({ name: r.file, digest: { sha256: r.sha256 } }));
      const lines: string[] = [];
      if (provenance) {
        lines.push(await signer.attest(PAYLOAD_TYPE, json(statement(subject, PROVENANCE_TYPE, provenance))));
        attestations.push({
          predicateType: PROVENANCE_TYPE,
          note: 'SLSA provenance v1 from the run context',
        });
      }
      if (sbom) {
        lines.push(await signer.attest(PAYLOAD_TYPE, json(statement(subject, sbom.predicateType, sbom.predicate))));
        attestations.push({ predicateType: sbom.predicateType, note: sbomNote(sbom, options) });
      }
      bundles.push(...lines);
      const name = options.attestationName || (rows.length === 1 ? basename(rows[0]?.file ?? 'artifact') : 'multiple');
      attestationPath = join(signatureDir, `${name}.intoto.jsonl`);
      writes.push({ path: attestationPath, content: `${lines.join('\n')}\n` });
      core.info(`${attestations.length} attestation(s) → ${relative(options.workspace, attestationPath)}`);
    });
  }

  let scriptPath: string | undefined;
  if (options.verifyScript && signer.verifyScript) {
    scriptPath = join(signatureDir, 'verify.sh');
    writes.push({
      path: scriptPath,
      content: signer.verifyScript(
        signatureDir,
        rows.map((r) => ({ file: join(options.workspace, r.file), signature: r.signature })),
        attestationPath,
      ),
    });
  }

  // Only now, with every signature made and checked, does anything reach the disk, all or nothing.
  await writeAll(writes, options.workspace, scriptPath);

  if (options.attest === 'github' && bundles.length > 0) {
    await group(`Storing ${bundles.length} attestation(s) in GitHub`, async () => {
      const { uploadToGitHub } = await import('./attest/github');
      const ids = await uploadToGitHub(bundles, options.githubToken);
      core.info(`stored attestation id(s) ${ids.join(', ')} in ${process.env.GITHUB_REPOSITORY}`);
    });
  }

  const written = writes.map((w) => relativePath(options.workspace, w.path));
  core.setOutput(Outputs.signatures, JSON.stringify(written));
  core.setOutput(Outputs.digests, JSON.stringify(Object.fromEntries(rows.map((r) => [r.file, r.sha256]))));
  core.setOutput(Outputs.verified, JSON.stringify(rows.map((r) => r.file)));
  core.setOutput(Outputs.attestation, attestationPath ? relative(options.workspace, attestationPath) : '');
  signSummary({
    method: options.method,
    identity: signer.identity,
    rows: rows.map((r) => ({ ...r, signature: relativePath(options.workspace, r.signature) })),
    attestations,
    attestationPath: attestationPath && relative(options.workspace, attestationPath),
    scriptPath: scriptPath && relative(options.workspace, scriptPath),
    written: written.length,
  }).write();
}

async function verifyCommand(options: Options, targets: Target[], outputFor: OutputFor): Promise<void> {
  // The verifiers load only for the verify command: a signing run does not evaluate them at start.
  const [{ createVerifier }, { checkAttestation, findAttestations }] = await Promise.all([
    import('./verify'),
    import('./verify/attestations'),
  ]);
  const { verify, envelope, trust } = await createVerifier(options);
  const results = await group(
    `Verifying ${targets.length} file${targets.length === 1 ? '' : 's'} (${options.method})`,
    () =>
      mapLimit(targets, concurrency(), async (target) => {
        const digest = await hashFile(target.path);
        const result = await verify({
          file: target.path,
          display: target.display,
          digest,
          outputFor: (ext) => outputFor(target, ext),
        });
        digest.data = undefined;
        core.info(
          `${result.reason ? 'FAILED' : 'OK    '} ${target.display}${result.reason ? `: ${result.reason}` : ''}`,
        );
        return { target, sha256: digest.sha256.toString('hex'), ...result };
      }),
  );
  // Attestations are looked up where the signatures are: output-dir, or beside each file.
  const attestationFiles = await findAttestations(targets.map((t) => dirname(outputFor(t, '.sig'))));
  const files = results.map((r) => ({ display: r.target.display, sha256: r.sha256 }));
  const attestations =
    attestationFiles.length === 0
      ? []
      : await group(`Verifying ${attestationFiles.length} attestation file(s)`, async () => {
          const checked = [];
          for (const path of attestationFiles) {
            const a = await checkAttestation(path, envelope, files);
            const display = relative(options.workspace, path);
            core.info(
              `${a.reason ? 'FAILED' : 'OK    '} ${display}${a.reason ? `: ${a.reason}` : `: ${a.predicateTypes.join(', ')}`}`,
            );
            checked.push({ ...a, display });
          }
          return checked;
        });

  const verified = [
    ...results.filter((r) => !r.reason).map((r) => r.target.display),
    ...attestations.filter((a) => !a.reason).map((a) => a.display),
  ];
  const failed = [
    ...results.filter((r) => r.reason).map((r) => ({ file: r.target.display, reason: r.reason as string })),
    ...attestations.filter((a) => a.reason).map((a) => ({ file: a.display, reason: a.reason as string })),
  ];
  core.setOutput(Outputs.verified, JSON.stringify(verified));
  core.setOutput(Outputs.digests, JSON.stringify(Object.fromEntries(results.map((r) => [r.target.display, r.sha256]))));
  core.setOutput(
    Outputs.signatures,
    JSON.stringify([
      ...results.map((r) => relativePath(options.workspace, r.signature)),
      ...attestations.map((a) => a.display),
    ]),
  );
  verifySummary({
    method: options.method,
    trust,
    rows: results.map((r) => ({
      file: r.target.display,
      sha256: r.sha256,
      signature: relativePath(options.workspace, r.signature),
      reason: r.reason,
      signer: r.signer,
    })),
    attestations: attestations.map((a) => ({
      file: a.display,
      predicateTypes: a.predicateTypes,
      reason: a.reason,
      signer: a.signer,
    })),
  }).write();
  for (const f of failed)
    annotations.error(`${f.file}: ${f.reason}`, { file: f.file, title: 'signature verification failed' });
  if (failed.length > 0) {
    const first = failed[0] as (typeof failed)[number];
    const total = results.length + attestations.length;
    throw new OperationError(
      `${failed.length} of ${total} file${total === 1 ? '' : 's'} failed verification; ${first.file}: ${first.reason}`,
    );
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function sbomNote(sbom: SbomPredicate, options: Options): string {
  const file = relative(options.workspace, options.sbom ?? '');
  const size = `${(sbom.bytes / 1024 / 1024).toFixed(1)} MiB`;
  return sbom.referenced
    ? `${sbom.format} ${file} (${size}) referenced by sha256: too large to embed`
    : `${sbom.format} ${file} embedded`;
}

function commonDir(paths: string[]): string {
  const dirs = paths.map((p) => dirname(p).split(sep));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(sep) || sep;
}
