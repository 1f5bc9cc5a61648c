import * as core from '../../../../shared/actions-core';
import type { Summary } from '../../../../shared/summary';
import { describeLevel } from '../db2/level';
import type { StatusOptions } from '../inputs';
import { Outputs } from '../names';
import type { Steps } from '../steps';
import { resolveTarget } from './target';

export async function status(o: StatusOptions, steps: Steps, summary: Summary): Promise<void> {
  const target = await steps.run('Inspect container', async (note) => {
    const t = await resolveTarget(o.container, o.instance, { requireRunning: false });
    note(`${t.name}: ${t.inspect.State.Status}, image ${t.inspect.Config.Image}`);
    return t;
  });
  const state = target.inspect.State;
  core.setOutput(Outputs.container, target.name);
  core.setOutput(Outputs.state, state.Status);
  const rows: [string, string][] = [
    ['Container', target.name],
    ['State', `${state.Status}${state.Health ? ` (health: ${state.Health.Status})` : ''}`],
    ['Image', target.inspect.Config.Image],
    ['Started', state.StartedAt],
    ['Instance', target.db2.instance],
  ];
  if (state.Running) {
    const level = await steps.run('db2level', async (note) => {
      const l = await target.db2.level();
      note(describeLevel(l));
      return l;
    });
    const active = await steps.run('Active databases', async (note) => {
      const a = await target.db2.activeDatabases();
      note(a.join(', ') || 'none');
      return a;
    });
    const available = await target.db2.gcfAvailable();
    core.setOutput(Outputs.level, JSON.stringify(level));
    core.setOutput(Outputs.activeDatabases, active.join(','));
    rows.push(
      ['Db2 level', describeLevel(level)],
      ['Code release', level.codeRelease ?? ''],
      ['Build', `${level.buildLevel ?? ''} ${level.ptf ?? ''}`],
      ['Installed at', level.installPath ?? ''],
      ['Instance available (db2gcf -s)', available ? 'yes' : 'no'],
      ['Active databases', active.join(', ') || 'none'],
    );
  } else {
    core.setOutput(Outputs.activeDatabases, '');
  }
  summary.table(['', ''], rows);
}
