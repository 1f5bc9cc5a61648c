import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as core from '../../../../shared/actions-core';
import { annotations } from '../../../../shared/annotations';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import { Summary } from '../../../../shared/summary';
import { docker } from '../docker/cli';
import { generateDockerfile } from '../dockerfile';
import type { BuildOptions } from '../inputs';
import { Inputs, Outputs } from '../names';
import type { Steps } from '../steps';

/** Files of the custom-scripts folder (top level: IBM's entrypoint runs /var/custom/* only). */
function customScripts(folder: string | undefined): string[] {
  if (!folder) return [];
  const names: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (!entry.isFile()) {
      core.warning(
        `custom-scripts: ${entry.name} is not a file and is skipped (IBM's entrypoint runs /var/custom/* only)`,
      );
      continue;
    }
    if (!/^[\w.-]+$/.test(entry.name)) {
      throw new ConfigurationError(`custom-scripts: file name "${entry.name}" may only hold letters, digits, _ . -`, {
        input: Inputs.customScripts,
      });
    }
    names.push(entry.name);
  }
  return names.sort();
}

export async function build(o: BuildOptions, steps: Steps, summary: Summary): Promise<void> {
  const scripts = customScripts(o.customScripts);
  const { dockerfile, files } = generateDockerfile(o, scripts);
  const context = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'paved-db2-build-'));
  await steps.run('Generate Dockerfile', async (note) => {
    for (const f of files) {
      const p = join(context, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content, { mode: f.mode });
    }
    for (const name of scripts) {
      const from = join(o.customScripts as string, name);
      const p = join(context, 'custom', name);
      mkdirSync(dirname(p), { recursive: true });
      copyFileSync(from, p);
      chmodSync(p, 0o755);
      if (!/^#!/.test(readFileSync(from, 'utf8').slice(0, 2)))
        annotations.warning(`custom-scripts: ${name} has no #! line; the entrypoint executes it directly`);
    }
    writeFileSync(join(context, 'Dockerfile'), dockerfile);
    core.info(dockerfile);
    note(`${join(context, 'Dockerfile')} (${files.length + scripts.length} script(s) for /var/custom)`);
  });
  core.setOutput(Outputs.dockerfile, join(context, 'Dockerfile'));

  const imageId = await steps.run('docker build', async (note) => {
    const iid = join(context, '.iid');
    const args = ['build', '--file', join(context, 'Dockerfile'), '--iidfile', iid];
    for (const t of o.tags) args.push('--tag', t);
    for (const [k, v] of o.labels) args.push('--label', `${k}=${v}`);
    args.push(context);
    await docker(args, { timeoutMs: 3_600_000, stream: true, prefix: '[build] ' });
    const id = readFileSync(iid, 'utf8').trim();
    note(`${id}${o.tags.length ? ` tagged ${o.tags.join(', ')}` : ''}`);
    return id;
  });
  core.setOutput(Outputs.imageId, imageId);
  core.setOutput(Outputs.tags, o.tags.join('\n'));

  let digest = '';
  if (o.push) {
    digest = await steps.run('docker push', async (note) => {
      let found = '';
      for (const tag of o.tags) {
        const r = await docker(['push', tag], { timeoutMs: 3_600_000 }).catch((error: Error) => {
          throw new OperationError(
            `${error.message}. The image ${imageId} was built and tagged locally but not (fully) pushed.`,
          );
        });
        const m = /digest:\s*(sha256:[a-f0-9]{64})/.exec(r.stdout);
        if (!m) throw new OperationError(`docker push ${tag} did not report a digest`);
        if (found && found !== m[1]) core.info(`${tag} has digest ${m[1]} (registry-specific manifest)`);
        found ||= m[1] as string;
      }
      note(`${o.tags.length} tag(s), ${found}`);
      return found;
    });
    core.setOutput(Outputs.digest, digest);
  }

  summary.table(
    ['', ''],
    [
      ['Base image', o.baseImage],
      ['Image ID', imageId],
      ['Tags', o.tags.join(', ') || '(none)'],
      ['Digest', digest || (o.push ? '' : 'not pushed')],
      ['Users', o.users.map((u) => (u.uid === undefined ? u.name : `${u.name} (uid ${u.uid})`)).join(', ') || '(none)'],
      ['/var/custom', [...files.map((f) => f.path.replace('custom/', '')), ...scripts].join(', ') || '(none)'],
      ['TEXT_SEARCH', o.textSearch ? 'on by default; TEXT_SEARCH=false at run time switches it off' : 'not installed'],
    ],
  );
  summary.details('Generated Dockerfile', new Summary().code(dockerfile, 'dockerfile'));
}
