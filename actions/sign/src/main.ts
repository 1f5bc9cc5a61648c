import { getList, runAction } from '../../../shared';
import { Inputs } from './names';

export function run(): Promise<void> {
  return runAction('sign', async () => {
    getList(Inputs.files, { required: true, commas: false });
  });
}
