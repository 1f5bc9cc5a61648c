import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../harness';
// @ts-expect-error plain JS helper shared with the bench
import { buildStandinImages } from './standin/build.mjs';

/**
 * What the db2 integration files share: the stand-in images (built once per machine, cached by
 * content hash: test/db2/standin), and uniquely named containers, volumes and folders per file,
 * removed in afterAll. The stand-ins answer Db2's commands with IBM's documented messages and CLP
 * return codes (0 ok, 1 no rows, 2 warning, 4 error, 8 system error):
 * https://www.ibm.com/docs/en/db2/11.5?topic=clp-return-codes
 */
export interface Images {
  old: string;
  new: string;
  broken: string;
  crash: string;
}

export const PASSWORD = 'Db2-Secret-4-tests';

export function docker(...args: string[]): string {
  try {
    return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; status?: number };
    throw new Error(`docker ${args.join(' ')} exited ${x.status}:\n${x.stdout ?? ''}${x.stderr ?? ''}`);
  }
}

export function dockerRc(...args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: docker(...args) };
  } catch (e) {
    return { ok: false, out: (e as Error).message };
  }
}

export function unmasked(stdout: string): string {
  return stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

export class Db2Fixture {
  readonly run = `pvdb2-${process.pid.toString(36)}-${Date.now().toString(36)}`;
  images!: Images;
  private readonly containers = new Set<string>();
  private readonly volumes = new Set<string>();
  private readonly dirs: string[] = [];
  private seq = 0;

  setup(): void {
    this.images = buildStandinImages() as Images;
  }

  unique(what: string): string {
    return `${this.run}-${what}-${++this.seq}`;
  }

  track(name: string): string {
    this.containers.add(name);
    return name;
  }

  tempDir(what: string): string {
    const d = mkdtempSync(join(tmpdir(), `${this.run}-${what}-`));
    this.dirs.push(d);
    return d;
  }

  cleanup(): void {
    const upgraded = docker('ps', '-a', '--filter', 'label=io.paved.db2.upgraded-from', '--format', '{{.Names}}')
      .split('\n')
      .filter((n) => n.startsWith(this.run));
    const all = [...this.containers, ...upgraded];
    if (all.length) dockerRc('rm', '--force', '--volumes', ...all);
    if (this.volumes.size) dockerRc('volume', 'rm', '--force', ...this.volumes);
    for (const d of this.dirs) rmSync(d, { recursive: true, force: true });
  }

  sql(container: string, script: string): string {
    return docker('exec', container, 'su', '-', 'db2inst1', '-c', script);
  }

  rows(container: string): string {
    return this.sql(container, 'db2 connect to testdb >/dev/null && db2 -x "select * from app.orders"');
  }

  /** Writes a stand-in state/test-hook file of TESTDB on the storage (root in the container). */
  dbFile(container: string, file: string, content = ''): void {
    docker('exec', container, 'sh', '-c', `printf '%s' '${content}' > /database/data/db2inst1/TESTDB/${file}`);
  }

  cfg(container: string, key: string, value: string): void {
    docker(
      'exec',
      container,
      'sh',
      '-c',
      `f=/database/data/db2inst1/TESTDB/db.cfg; grep -v "^${key}=" $f > $f.new; echo "${key}=${value}" >> $f.new; mv $f.new $f`,
    );
  }

  /** Waits for the `starts`-th "(*) Setup has completed." (the log keeps earlier starts' lines). */
  async waitSetup(container: string, starts = 1): Promise<void> {
    await waitFor(
      `${container} to complete setup`,
      () => dockerRc('logs', container).out.split('(*) Setup has completed.').length > starts,
      { timeoutMs: 240_000, intervalMs: 200 },
    );
  }

  /** An "old" Db2 container as the cookbook runs it: named, hostname, storage, port, env, caps, restart policy. */
  async startOld(
    options: { image?: string; bind?: boolean; archive?: boolean; labels?: string[] } = {},
  ): Promise<string> {
    const name = this.track(this.unique('db2'));
    let storage: string;
    if (options.bind) storage = this.tempDir('fs');
    else {
      storage = this.unique('vol');
      this.volumes.add(storage);
    }
    docker(
      'run',
      '--detach',
      '--name',
      name,
      '--hostname',
      'db2server',
      // IBM documents --privileged or these capabilities; this sandbox refuses --privileged.
      '--cap-add',
      'IPC_LOCK',
      '--cap-add',
      'IPC_OWNER',
      '--env',
      'LICENSE=accept',
      '--env',
      `DB2INST1_PASSWORD=${PASSWORD}`,
      '--env',
      'DBNAME=testdb',
      '--volume',
      `${storage}:/database`,
      '--publish',
      '127.0.0.1::50000',
      '--restart',
      'unless-stopped',
      '--label',
      `paved.test=${this.run}`,
      ...(options.labels ?? []).flatMap((l) => ['--label', l]),
      options.image ?? this.images.old,
    );
    await this.waitSetup(name);
    this.sql(
      name,
      `db2 connect to testdb && db2 "create table app.orders (id int, item varchar(20))" && db2 "insert into app.orders values (1, 'written before')"`,
    );
    if (options.archive)
      this.sql(
        name,
        'mkdir -p /database/archive && db2 update db cfg for testdb using LOGARCHMETH1 DISK:/database/archive',
      );
    return name;
  }

  containerState(): string {
    return docker(
      'ps',
      '-a',
      '--filter',
      `label=paved.test=${this.run}`,
      '--format',
      '{{.Names}} {{.State}} {{.Image}}',
    )
      .split('\n')
      .sort()
      .join('\n');
  }
}

/** A free loopback TCP port for a service a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
