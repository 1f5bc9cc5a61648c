import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

/** What we read from an action.yml: enough to emulate the runner and to print help. */
export interface ActionInput {
  description: string;
  required?: boolean;
  default?: string;
  deprecationMessage?: string;
}

export interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string; pre?: string };
}

export const ACTIONS = ['runbook', 'db2', 'sbom', 'sign', 'telemetry'] as const;
export type ActionName = (typeof ACTIONS)[number];

export function readActionMetadata(file: string): ActionMetadata {
  const data = YAML.parse(readFileSync(file, 'utf8')) as ActionMetadata;
  data.inputs ??= {};
  data.outputs ??= {};
  for (const input of Object.values(data.inputs)) {
    if (input.default !== undefined) input.default = String(input.default);
  }
  return data;
}

export function actionMetadataPath(root: string, action: string): string {
  return join(root, 'actions', action, 'action.yml');
}

/** The environment variable the runner sets for an input: upper-case, spaces to `_`, hyphens kept. */
export function inputEnvName(input: string): string {
  return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}
