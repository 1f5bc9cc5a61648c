import { quote } from '../transport/posix';
import { bool, mapping, oneOf } from './args';
import { ensureContent } from './files';
import { probe } from './steps';
import type { ModuleDef } from './types';

const KEYS = ['user', 'key', 'state', 'path', 'exclusive', 'manage_dir', 'key_options', 'comment'] as const;
const KEY_TYPE = /(?:^|\s)((?:ssh|ecdsa|sk)-[\w@.-]+)\s+([A-Za-z0-9+/=]+)/;

/** The key type and base64 blob identify a key; options and comment do not. */
function identity(line: string): string | undefined {
  const m = KEY_TYPE.exec(line);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

/**
 * Ansible's authorized_key: keys (one or more lines) present or absent in the user's
 * ~/.ssh/authorized_keys, `exclusive` to drop every other key; .ssh (0700) and the file (0600)
 * belong to the user.
 */
export const authorizedKey: ModuleDef = {
  name: 'authorized_key',
  validate(check) {
    const a = mapping(check, KEYS, ['user', 'key']);
    oneOf(check, a, 'state', ['present', 'absent']);
    const key = String(a.key);
    if (!key.includes('${') && key.split('\n').some((l) => l.trim() && !identity(l)))
      check.fail('key must be public key lines such as "ssh-ed25519 AAAA… comment"', 'key');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    // A key from a variable is checked here, once resolved (validate saw only "${…}").
    const keys = String(a.key)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const bad = keys.findIndex((l) => !identity(l));
    if (bad !== -1 || keys.length === 0)
      return {
        changed: false,
        failed: true,
        msg: `key must be public key lines such as "ssh-ed25519 AAAA… comment" (${bad === -1 ? 'it is empty' : `line ${bad + 1} is not`})`,
      };
    const user = String(a.user);
    const passwd = await probe(ctx, `getent passwd ${quote(user)}`);
    if (!passwd) {
      // Nothing to remove for a user that is gone (removal stays idempotent).
      if (String(a.state ?? 'present') === 'absent') return { changed: false, msg: `user ${user} does not exist` };
      return { changed: false, failed: true, msg: `user ${user} does not exist` };
    }
    const [, , uid, gid, , home] = passwd.trim().split(':');
    const path = String(a.path ?? `${home}/.ssh/authorized_keys`);
    const options = a.key_options === undefined ? '' : `${a.key_options} `;
    const wanted = keys.map((l) =>
      a.comment !== undefined ? `${options}${identity(l)} ${a.comment}` : `${options}${l}`,
    );
    const ids = wanted.map((l) => identity(l) as string);
    const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal });
    const before = info.exists
      ? ((await ctx.conn.readFile(path, { become: ctx.become, signal: ctx.signal }))?.toString('utf8') ?? '')
      : '';
    let lines = before.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    if (String(a.state ?? 'present') === 'absent') {
      lines = lines.filter((l) => !ids.includes(identity(l) ?? ''));
    } else {
      if (bool(a.exclusive, false)) lines = lines.filter((l) => ids.includes(identity(l) ?? ''));
      for (const [i, line] of wanted.entries()) {
        const at = lines.findIndex((l) => identity(l) === ids[i]);
        if (at === -1) lines.push(line);
        else lines[at] = line;
      }
    }
    const after = lines.length ? `${lines.join('\n')}\n` : '';
    if (info.exists && after === before) return { changed: false, path };
    if (!info.exists && after === '') return { changed: false, path };
    const dir = path.slice(0, path.lastIndexOf('/'));
    if (!ctx.check && bool(a.manage_dir, true) && !(await ctx.conn.stat(dir, { become: ctx.become })).exists)
      await ctx.conn.mkdir(dir, { mode: 0o700, owner: uid, group: gid, become: ctx.become, signal: ctx.signal });
    return ensureContent(ctx, path, Buffer.from(after), { mode: 0o600, owner: uid, group: gid });
  },
};
