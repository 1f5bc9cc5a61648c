// Ensures a user-defined Docker network exists: the one thing the stack needs that the built-in
// `container` module does not manage. A custom module rather than a shell one-liner because it can
// ask Docker in check mode too (inspect is a read), so a plan says truthfully whether the network
// would be created, and a second run reports "ok", not "ran a command".
//
// with: { name, driver (default bridge), labels: { k: v } }

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const LABEL_KEY = /^[a-zA-Z0-9][a-zA-Z0-9_./-]*$/;

/** @param {string} s POSIX single-quoted */
const quote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

/**
 * @param {{ name?: string, driver?: string, labels?: Record<string, string>, docker?: string }} args
 * @param {{ check: boolean, run: (cmd: string) => Promise<{ code: number, stdout: string, stderr: string }> }} ctx
 */
export default async function dockerNetwork(args, ctx) {
  const name = String(args.name ?? '');
  const driver = String(args.driver ?? 'bridge');
  const labels = args.labels ?? {};
  const docker = quote(args.docker ?? 'docker');
  if (!NAME.test(name)) return { changed: false, failed: true, msg: `"${name}" is not a valid Docker network name` };
  if (!/^[a-z0-9_-]+$/.test(driver))
    return { changed: false, failed: true, msg: `"${driver}" is not a network driver` };
  for (const k of Object.keys(labels))
    if (!LABEL_KEY.test(k)) return { changed: false, failed: true, msg: `"${k}" is not a valid label key` };

  const inspected = await ctx.run(`${docker} network inspect --format '{{json .}}' ${quote(name)}`);
  if (inspected.code === 0) {
    const net = JSON.parse(inspected.stdout);
    if (net.Driver !== driver) {
      return {
        changed: false,
        failed: true,
        msg: `network ${name} exists with driver ${net.Driver}, not ${driver}; remove it or choose another name`,
      };
    }
    return {
      changed: false,
      msg: `network ${name} exists (${net.Driver}, ${String(net.Id).slice(0, 12)})`,
      id: net.Id,
    };
  }
  if (!/no such network|not found/i.test(inspected.stderr)) {
    return { changed: false, failed: true, msg: `docker network inspect ${name} failed: ${inspected.stderr.trim()}` };
  }
  if (ctx.check) return { changed: true, msg: `would create network ${name} (${driver})` };
  const flags = Object.entries(labels).map(([k, v]) => `--label ${quote(`${k}=${v}`)}`);
  const created = await ctx.run(`${docker} network create --driver ${quote(driver)} ${flags.join(' ')} ${quote(name)}`);
  if (created.code !== 0) {
    // Another run may have created it in the meantime: that is the state we wanted.
    if (/already exists/i.test(created.stderr)) return { changed: false, msg: `network ${name} exists` };
    return { changed: false, failed: true, msg: `docker network create ${name} failed: ${created.stderr.trim()}` };
  }
  return { changed: true, msg: `network ${name} created`, id: created.stdout.trim() };
}
