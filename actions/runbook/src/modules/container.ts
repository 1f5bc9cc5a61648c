import { createHmac, randomBytes } from 'node:crypto';
import { registerSecret } from '../../../../shared/secrets';
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
 * Where the host keeps the key that env fingerprints are computed with: root's (become) or the
 * login user's own, never readable by anyone else.
 */
const KEY_SCRIPT = (create: boolean) =>
  [
    'umask 077',
    'if [ "$(id -u)" = 0 ]; then d=/var/lib/paved; else d="${XDG_CONFIG_HOME:-$HOME/.config}/paved"; fi',
    'f="$d/container-spec.key"',
    create
      ? '[ -s "$f" ] || { mkdir -p "$d" && od -An -tx1 -N32 /dev/urandom | tr -d " \n" > "$f.$$" && mv "$f.$$" "$f"; }'
      : '[ -s "$f" ] || exit 0',
    'cat "$f"',
  ].join('; ');

/**
 * Env values are stored in the spec label as HMAC-SHA256(hostKey, salt, name, value), never as
 * plain hashes. The label is far more visible than the env itself: it is in the diff of the job
 * summary and the JSON report (readable by anyone who can read the workflow run), and label
 * exporters such as cAdvisor publish every container label as metric metadata. A plain or merely
 * salted hash there lets anyone with the label test guesses offline at GPU speed (a stored salt
 * only defeats precomputed tables), so a weak password falls. A keyed hash cannot be checked
 * without its key: the 256-bit key lives only on the host, in a 0600 file of the user that runs
 * docker, i.e. readable only by those who can already read the env through the Docker API. The
 * per-container random salt (stored in the label) keeps two containers that share a password
 * from showing equal fingerprints. A label in the old format (unsalted sha256) is not comparable,
 * so such a container is replaced once and carries the new format from then on.
 */
export function containerSpec(
  a: Record<string, unknown>,
  secret: { key: Buffer; salt: string } | undefined,
): Record<string, unknown> {
  const env = Object.fromEntries(
    Object.entries((a.env ?? {}) as Record<string, unknown>)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([k, v]) => [k, fingerprint(secret, k, String(v))]),
  );
  return {
    image: String(a.image),
    command: a.command === undefined ? null : Array.isArray(a.command) ? a.command.map(String) : String(a.command),
    env,
    ...(secret ? { salt: secret.salt } : {}),
    ports: ((a.ports ?? []) as unknown[]).map(String).sort(),
    volumes: ((a.volumes ?? []) as unknown[]).map(String).sort(),
    restart: a.restart === undefined ? 'no' : String(a.restart),
    network: a.network === undefined ? null : String(a.network),
    labels: a.labels ?? {},
  };
}

function fingerprint(secret: { key: Buffer; salt: string } | undefined, name: string, value: string): string {
  if (!secret) throw new Error('env fingerprints need the host key');
  const mac = createHmac('sha256', secret.key).update(`${secret.salt}\0${name}\0${value}`).digest('hex');
  return `hmac-sha256:${mac.slice(0, 32)}`;
}

/** The salt of a label we wrote in the current format, so an unchanged spec compares equal. */
function storedSalt(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    const salt = (JSON.parse(label) as { salt?: unknown }).salt;
    return typeof salt === 'string' && /^[0-9a-f]{32}$/.test(salt) ? salt : undefined;
  } catch {
    return undefined;
  }
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

    let secret: { key: Buffer; salt: string } | undefined;
    if (Object.keys((a.env ?? {}) as object).length > 0) {
      // In check mode the key is only read: a host without one yet gets a throwaway key, which
      // plans a replacement, as the real run will (there is no current-format label to match).
      const k = await ctx.conn.run(KEY_SCRIPT(!ctx.check), {
        become: ctx.become,
        signal: ctx.signal,
        timeoutMs: ctx.timeoutMs,
      });
      const hex = k.stdout.trim();
      if (k.code !== 0 || (hex && !/^[0-9a-f]{64}$/.test(hex)))
        return {
          changed: false,
          failed: true,
          msg: `cannot read or create the container spec key: ${k.stderr.trim()}`,
        };
      if (hex) registerSecret(hex);
      secret = {
        key: hex ? Buffer.from(hex, 'hex') : randomBytes(32),
        salt: storedSalt(current?.Config?.Labels?.[LABEL]) ?? randomBytes(16).toString('hex'),
      };
    }
    const spec = containerSpec(a, secret);
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
