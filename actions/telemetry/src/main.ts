import * as core from '@actions/core';
import { getString, runAction } from '../../../shared';
import { Inputs, Outputs } from './names';

export function run(): Promise<void> {
  return runAction('telemetry', async () => {
    getString(Inputs.consentVersion, { required: true });
    core.setOutput(Outputs.enabled, 'false');
  });
}
