#!/usr/bin/env node
// Validates every action.yml and every workflow in workflows-examples/ with GitHub's own
// parser (@actions/workflow-parser), the code the github.com editor uses, plus action-validator
// for the workflows. Exit 1 with file:line:col messages on any error.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

register('./json-import-hook.mjs', import.meta.url);
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import('@actions/workflow-parser');
const { parseAction } = await import('@actions/workflow-parser/actions/index');

const root = join(fileURLToPath(import.meta.url), '..', '..');

function walk(dir, match) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name), match) : match(d.name) ? [join(dir, d.name)] : [],
  );
}

function report(file, errors) {
  for (const e of errors) console.error(`${relative(root, file)}: ${e.message ?? e.Message ?? String(e)}`);
  return errors.length;
}

let failures = 0;

const actionFiles = [join(root, 'action.yml'), ...walk(join(root, 'actions'), (n) => n === 'action.yml')];
for (const file of actionFiles) {
  const result = parseAction(
    { name: relative(root, file), content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  failures += report(file, result.context.errors.getErrors());
}
const validator = join(root, 'node_modules', '.bin', 'action-validator');
function actionValidator(files) {
  for (const file of files) {
    const r = spawnSync(validator, [file], { encoding: 'utf8' });
    if (r.status !== 0) {
      failures++;
      console.error(`${relative(root, file)}: action-validator:\n${r.stdout}${r.stderr}`);
    }
  }
}
// action-validator 0.6 predates `using: node24` and rejects every node24 action, so action.yml
// files are checked by GitHub's parser alone; it still checks the workflows below.

const workflows = walk(join(root, 'workflows-examples'), (n) => /\.ya?ml$/.test(n));
for (const file of workflows) {
  const content = readFileSync(file, 'utf8');
  const parsed = parseWorkflow({ name: relative(root, file), content }, new NoOperationTraceWriter());
  let errors = parsed.context.errors.getErrors();
  if (errors.length === 0 && parsed.value) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value);
    errors = template.errors ?? [];
  }
  failures += report(file, errors);
}
actionValidator(workflows);

console.log(
  `validated ${actionFiles.length} action.yml and ${workflows.length} workflow files: ${failures ? `${failures} problem(s)` : 'ok'}`,
);
process.exit(failures ? 1 : 0);
