import { getString, runAction } from '../../../shared';
import { Inputs } from './names';

export function run(): Promise<void> {
  return runAction('runbook', async () => {
    getString(Inputs.runbook, { required: true });
  });
}
