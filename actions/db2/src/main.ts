import { getEnum, runAction } from '../../../shared';
import { COMMANDS, Inputs } from './names';

export function run(): Promise<void> {
  return runAction('db2', async () => {
    getEnum(Inputs.command, COMMANDS, { required: true });
  });
}
