import * as core from '@actions/core';
import { getString, runAction } from '../../../shared';
import { Inputs, Outputs } from './names';

export function run(): Promise<void> {
  return runAction('sbom', async () => {
    const path = getString(Inputs.path, { default: '.' });
    core.setOutput(Outputs.components, '0');
    core.info(`sbom ${path}`);
  });
}
