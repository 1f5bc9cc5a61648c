import { createHash } from 'node:crypto';
import { unifiedDiff } from '../report/diff';
import { quote } from '../transport/posix';
import { mapping, oneOf, stringList, stringMap } from './args';
import type { ModuleDef, ModuleResult } from './types';

const KEYS = [
  'name',
  'image',
  'state',
  'env',
  'ports',
  'volumes',
  'command',
  'restart',
  'network',
  'labels',
  'pull',
  'docker',
] as const;
const STATES = ['started', 'stopped', 'absent'] as const;
const LABEL = 'dev.paved.spec';

interface Inspect {
  State?: { Running?: boolean };
  Config?: { Labels?: Record<string, string> };
}

/**
 * The container spec we compare, stored on the container as a label. Env values are stored as
 * hashes: the label is readable by anyone with `docker inspect`, the values may be secrets.
 */
export function containerSpec(a: Record<string, unknown>): Record<string, unknown> {
  const env = Object.fromEntries(
    Object.entries((a.env ?? {}) as Record<string, unknown>)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, v]) => [k, `sha256:${createHash('sha256').update(String(v)).digest('hex').slice(0, 16)}`]),
  );
  return {
    image: String(a.image),
    command: a.command === undefined ? null : Array.isArray(a.command) ? a.command.map(String) : String(a.command),
    env,
    ports: ((a.ports ?? []) as unknown[]).map(String).sort(),
    volumes: ((a.volumes ?? []) as unknown[]).map(String).sort(),
    restart: a.restart === undefined ? 'no' : String(a.restart),
    network: a.network === undefined ? null : String(a.network),
    labels: a.labels ?? {},
  };
}

/**
 * Ensures a Docker container on the target. A container whose stored spec differs from the
 * wanted one is replaced (docker has no in-place update of image, env or ports).
 */
export const container: ModuleDef = {
  name: 'container',
  validate(check) {
    const a = mapping(check, KEYS, ['name']);
    oneOf(check, a, 'state', STATES);
    oneOf(check, a, 'pull', ['missing', 'always', 'never']);
    stringMap(check, a, 'env');
    stringMap(check, a, 'labels');
    stringList(check, a, 'ports');
    stringList(check, a, 'volumes');
    if ((a.state ?? 'started') !== 'absent' && a.image === undefined) check.fail('needs image');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const docker = quote(String(a.docker ?? 'docker'));
    const name = String(a.name);
    const state = String(a.state ?? 'started');
    const run = async (args: string) =>
      ctx.conn.run(`${docker} ${args}`, { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs });
    const inspected = await run(`container inspect ${quote(name)}`);
    let current: Inspect | undefined;
    if (inspected.code === 0) current = (JSON.parse(inspected.stdout) as Inspect[])[0];
    else if (!/no such (container|object)/i.test(inspected.stderr)) {
      return {
        changed: false,
        failed: true,
        msg: `docker container inspect ${name} failed: ${inspected.stderr.trim()}`,
      };
    }
    const actions: string[] = [];
    const act = async (args: string, display: string): Promise<ModuleResult | undefined> => {
      actions.push(display);
      if (ctx.check) return undefined;
      const r = await run(args);
      return r.code === 0
        ? undefined
        : {
            changed: actions.length > 1,
            failed: true,
            actions,
            msg: `${display} failed: ${(r.stderr || r.stdout).trim()}`,
          };
    };

    if (state === 'absent') {
      if (!current) return { changed: false, msg: `${name} is absent` };
      const f = await act(`rm -f ${quote(name)}`, `docker rm -f ${name}`);
      return f ?? { changed: true, actions, msg: `${name} removed` };
    }

    const spec = containerSpec(a);
    const wanted = JSON.stringify(spec, null, 2);
    const stored = current?.Config?.Labels?.[LABEL];
    let diff = '';
    if (!current || stored !== JSON.stringify(spec)) {
      diff = unifiedDiff(
        stored ? JSON.stringify(JSON.parse(stored), null, 2) : undefined,
        `${wanted}\n`,
        `/containers/${name}`,
      );
      if (current) {
        const f = await act(`rm -f ${quote(name)}`, `docker rm -f ${name}`);
        if (f) return f;
      }
      const args = [
        state === 'started' ? 'run -d' : 'create',
        `--name ${quote(name)}`,
        `--label ${quote(`${LABEL}=${JSON.stringify(spec)}`)}`,
      ];
      if (a.pull !== undefined) args.push(`--pull ${quote(String(a.pull))}`);
      args.push(`--restart ${quote(spec.restart as string)}`);
      if (spec.network) args.push(`--network ${quote(String(spec.network))}`);
      for (const [k, v] of Object.entries((a.env ?? {}) as Record<string, unknown>))
        args.push(`-e ${quote(`${k}=${v}`)}`);
      for (const p of spec.ports as string[]) args.push(`-p ${quote(p)}`);
      for (const v of spec.volumes as string[]) args.push(`-v ${quote(v)}`);
      for (const [k, v] of Object.entries((a.labels ?? {}) as Record<string, unknown>))
        args.push(`--label ${quote(`${k}=${v}`)}`);
      args.push(quote(spec.image as string));
      if (Array.isArray(spec.command)) args.push(...spec.command.map(quote));
      else if (spec.command) args.push(String(spec.command));
      const f = await act(args.join(' '), `docker ${state === 'started' ? 'run' : 'create'} ${name} (${spec.image})`);
      if (f) return { ...f, diff };
      return { changed: true, actions, diff, msg: current ? `${name} replaced: its spec changed` : `${name} created` };
    }
    const running = current.State?.Running === true;
    if (state === 'started' && !running) {
      const f = await act(`start ${quote(name)}`, `docker start ${name}`);
      return f ?? { changed: true, actions, msg: `${name} started` };
    }
    if (state === 'stopped' && running) {
      const f = await act(`stop ${quote(name)}`, `docker stop ${name}`);
      return f ?? { changed: true, actions, msg: `${name} stopped` };
    }
    return { changed: false, msg: `${name} is ${running ? 'running' : 'stopped'} with the wanted spec` };
  },
};
