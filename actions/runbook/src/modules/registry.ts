import { assert } from './assert';
import { authorizedKey } from './authorized_key';
import { blockinfile } from './blockinfile';
import { command } from './command';
import { container } from './container';
import { copy } from './copy';
import { cron } from './cron';
import { custom } from './custom';
import { debug } from './debug';
import { echo } from './echo';
import { fail } from './fail';
import { fetch } from './fetch';
import { file } from './file';
import { getUrl } from './get_url';
import { git } from './git';
import { group } from './group';
import { lineinfile } from './lineinfile';
import { meta } from './meta';
import { apt, pkg } from './package';
import { replace } from './replace';
import { setFact } from './set_fact';
import { shell } from './shell';
import { stat } from './stat';
import { sysctl } from './sysctl';
import { systemd } from './systemd';
import { template } from './template';
import type { ModuleDef } from './types';
import { unarchive } from './unarchive';
import { uri } from './uri';
import { user } from './user';
import { waitFor } from './wait_for';

const BUILT_IN: Record<string, ModuleDef> = {
  echo,
  shell,
  command,
  file,
  template,
  systemd,
  container,
  wait_for: waitFor,
  set_fact: setFact,
  assert,
  fail,
  debug,
  meta,
  lineinfile,
  blockinfile,
  replace,
  copy,
  stat,
  user,
  group,
  authorized_key: authorizedKey,
  cron,
  sysctl,
  package: pkg,
  apt,
  get_url: getUrl,
  unarchive,
  uri,
  git,
  fetch,
};

export const MODULE_NAMES = Object.keys(BUILT_IN);

export function moduleDef(name: string): ModuleDef {
  if (name === 'uses') return custom;
  const def = BUILT_IN[name];
  if (!def) throw new Error(`no module ${name}`);
  return def;
}
