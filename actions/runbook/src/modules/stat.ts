import { quote } from '../transport/posix';
import { bool, mapping } from './args';
import { octal } from './files';
import type { ModuleDef } from './types';

/**
 * Ansible's stat, for `register`: `${st.stat.exists}`, `isdir`, `isreg`, `islnk`, `mode` ("0644"),
 * `uid`, `gid`, `pw_name`, `gr_name`, `size`, `lnk_source`, `checksum` (sha256 here). Never changes anything.
 */
export const stat: ModuleDef = {
  name: 'stat',
  validate(check) {
    mapping(check, ['path', 'follow', 'get_checksum', 'checksum_algorithm'], ['path']);
    const a = check.args as Record<string, unknown>;
    if (a.checksum_algorithm !== undefined && a.checksum_algorithm !== 'sha256')
      check.fail('checksum_algorithm: only sha256 is supported', 'checksum_algorithm');
  },
  async run(ctx) {
    const a = ctx.args as Record<string, unknown>;
    let path = String(a.path);
    if (bool(a.follow, false)) {
      const r = await ctx.conn.run(`readlink -f ${quote(path)} || printf '%s' ${quote(path)}`, {
        become: ctx.become,
        signal: ctx.signal,
      });
      if (r.code === 0 && r.stdout.trim()) path = r.stdout.trim();
    }
    const info = await ctx.conn.stat(path, { become: ctx.become, signal: ctx.signal, names: true });
    if (!info.exists) return { changed: false, stat: { exists: false } };
    const st: Record<string, unknown> = {
      exists: true,
      path,
      isdir: info.type === 'directory',
      isreg: info.type === 'file',
      islnk: info.type === 'link',
      mode: octal(info.mode),
      uid: info.uid,
      gid: info.gid,
      pw_name: info.owner,
      gr_name: info.group,
      size: info.size,
    };
    if (info.type === 'link') st.lnk_source = info.target;
    if (info.type === 'file' && bool(a.get_checksum, true)) st.checksum = info.sha256;
    return { changed: false, stat: st };
  },
};
