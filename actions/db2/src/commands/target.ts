import * as core from '../../../../shared/actions-core';
import { ConfigurationError, OperationError } from '../../../../shared/errors';
import { instanceName } from '../db2/identifiers';
import { Db2Instance } from '../db2/instance';
import { type ContainerInspect, containerName, envOf, inspectContainer } from '../docker/inspect';
import { Inputs, Outputs } from '../names';
import type { Steps } from '../steps';

/** The container a command works on, its Db2 instance, and proof that it is running. */
export interface Target {
  inspect: ContainerInspect;
  name: string;
  db2: Db2Instance;
}

export async function resolveTarget(
  container: string,
  instance?: string,
  options: { requireRunning?: boolean } = {},
): Promise<Target> {
  const inspect = await inspectContainer(container);
  if (!inspect)
    throw new ConfigurationError(`No such container: ${container} (input ${Inputs.container}). Nothing was changed.`, {
      input: Inputs.container,
    });
  const name = containerName(inspect);
  if ((options.requireRunning ?? true) && !inspect.State.Running) {
    throw new OperationError(
      `Container ${name} is ${inspect.State.Status}, not running: start it first (nothing was changed)`,
    );
  }
  const inst = instance ?? envOf(inspect.Config.Env).get('DB2INSTANCE') ?? 'db2inst1';
  return { inspect, name, db2: new Db2Instance(name, instanceName(inst, Inputs.instance)) };
}

/** The first step of backup, schedule and ldap: find the running container, report it as an output. */
export async function inspectTarget(steps: Steps, container: string, instance?: string): Promise<Target> {
  const target = await steps.run('Inspect container', async (note) => {
    const t = await resolveTarget(container, instance);
    note(`${t.name} (instance ${t.db2.instance})`);
    return t;
  });
  core.setOutput(Outputs.container, target.name);
  return target;
}

/** The databases to act on: the input, else the local entries of the database directory. */
export async function resolveDatabases(db2: Db2Instance, requested?: string[]): Promise<string[]> {
  const catalogued = await db2.databases();
  if (!requested) return catalogued;
  const missing = requested.filter((d) => !catalogued.includes(d));
  if (missing.length) {
    throw new ConfigurationError(
      `Database${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not catalogued in ${db2.container} (found: ${catalogued.join(', ') || 'none'})`,
      { input: Inputs.databases },
    );
  }
  return requested;
}
