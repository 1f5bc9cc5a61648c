import { quote } from '../transport/posix';
import { bool, isTemplated, mapping } from './args';
import type { ModuleContext, ModuleDef, ModuleResult } from './types';

const KEYS = ['src', 'dest', 'remote_src', 'creates', 'extra_opts'] as const;
const FORMATS: [RegExp, (archive: string, into: string) => string][] = [
  [/\.(tar\.gz|tgz)$/i, (f, d) => `tar -xzf ${f} -C ${d}`],
  [/\.(tar\.xz|txz)$/i, (f, d) => `tar -xJf ${f} -C ${d}`],
  [/\.(tar\.bz2|tbz2?)$/i, (f, d) => `tar -xjf ${f} -C ${d}`],
  [/\.tar$/i, (f, d) => `tar -xf ${f} -C ${d}`],
  [/\.zip$/i, (f, d) => `unzip -q -o ${f} -d ${d}`],
];

/**
 * Ansible's unarchive: tar.gz, tar.xz, tar.bz2, tar and zip, from the workspace (copied to the
 * host) or already on the host (`remote_src: true`). The archive is unpacked into a temporary
 * directory first and compared file by file with dest, so dest is only written when something
 * differs (and never in check mode); `creates` skips the task when that path exists.
 */
export const unarchive: ModuleDef = {
  name: 'unarchive',
  validate(check) {
    const a = mapping(check, KEYS, ['src', 'dest']);
    if (!isTemplated(a.src) && !FORMATS.some(([re]) => re.test(String(a.src))))
      check.fail(`src must be a .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar or .zip archive, got "${a.src}"`, 'src');
    if (a.extra_opts !== undefined) check.fail('extra_opts is not supported', 'extra_opts');
  },
  sources: (args) => {
    const a = args as Record<string, unknown>;
    return !bool(a.remote_src, false) && !isTemplated(a.src) ? [String(a.src)] : [];
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    const src = String(a.src);
    const dest = String(a.dest);
    const opts = { become: ctx.become, signal: ctx.signal };
    if (a.creates !== undefined && (await ctx.conn.stat(String(a.creates), opts)).exists)
      return { changed: false, skipped: true, msg: `skipped: ${a.creates} exists` };
    const destInfo = await ctx.conn.stat(dest, opts);
    if (destInfo.type !== 'directory')
      return { changed: false, failed: true, msg: `dest ${dest} must be an existing directory` };
    const format = FORMATS.find(([re]) => re.test(src)) as (typeof FORMATS)[number];
    const mk = await ctx.conn.run('mktemp -d "${TMPDIR:-/tmp}/paved-unarchive.XXXXXX"', opts);
    if (mk.code !== 0) return { changed: false, failed: true, msg: `mktemp failed: ${mk.stderr.trim()}` };
    const tmp = mk.stdout.trim();
    try {
      return await unpack(ctx, a, src, dest, tmp, format[1]);
    } finally {
      await ctx.conn.run(`rm -rf -- ${quote(tmp)}`, { become: ctx.become });
    }
  },
};

async function unpack(
  ctx: ModuleContext,
  a: Record<string, unknown>,
  src: string,
  dest: string,
  tmp: string,
  extract: (archive: string, into: string) => string,
): Promise<ModuleResult> {
  const opts = { become: ctx.become, signal: ctx.signal, timeoutMs: ctx.timeoutMs };
  let archive = src;
  if (!bool(a.remote_src, false)) {
    archive = `${tmp}/${src.split('/').pop()}`;
    await ctx.conn.writeFile(archive, ctx.readSource(src, 'unarchive src'), { mode: 0o600, ...opts });
  }
  const x = await ctx.conn.run(`mkdir ${quote(`${tmp}/x`)} && ${extract(quote(archive), quote(`${tmp}/x`))}`, opts);
  if (x.code !== 0) return { changed: false, failed: true, msg: `unpacking ${src} failed: ${x.stderr.trim()}` };
  // Files (and links) that are missing in dest or differ from the archive's.
  const compare = [
    `cd ${quote(`${tmp}/x`)} && find . \\( -type f -o -type l \\) | while IFS= read -r f; do`,
    `  t=${quote(dest)}/"$f";`,
    `  if [ -L "$f" ]; then [ -L "$t" ] && [ "$(readlink "$f")" = "$(readlink "$t")" ] || printf '%s\\n' "$f";`,
    `  else cmp -s "$f" "$t" || printf '%s\\n' "$f"; fi;`,
    'done',
  ].join('\n');
  const c = await ctx.conn.run(compare, opts);
  if (c.code !== 0) return { changed: false, failed: true, msg: `comparing with ${dest} failed: ${c.stderr.trim()}` };
  const differing = c.stdout
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^\.\//, ''));
  if (differing.length === 0) return { changed: false, dest };
  const diff = `${differing
    .slice(0, 50)
    .map((f) => `# ${dest}/${f}: ${ctx.check ? 'would be ' : ''}unpacked`)
    .join('\n')}\n`;
  if (!ctx.check) {
    const cp = await ctx.conn.run(`cp -a ${quote(`${tmp}/x`)}/. ${quote(dest)}/`, opts);
    if (cp.code !== 0) return { changed: false, failed: true, msg: `copying into ${dest} failed: ${cp.stderr.trim()}` };
  }
  return { changed: true, dest, files: differing, msg: `${differing.length} file(s) unpacked into ${dest}`, diff };
}
