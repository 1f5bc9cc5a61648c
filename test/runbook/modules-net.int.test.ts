import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath, service } from '../harness';
import {
  cleanup,
  expectRefused,
  report,
  reportText,
  runbook,
  sshInputs,
  sshPort,
  visibleLog,
  workspace,
} from './helpers';

const TOOL = Buffer.from('#!/bin/sh\necho tool v1\n');
const TOKEN = 'tok-3f9a71c2e5';
const sh = (command: string, cwd?: string) => execFileSync('sh', ['-c', command], { encoding: 'utf8', cwd }).trim();
const isRoot = process.getuid?.() === 0;
const hasTools = ['git', 'unzip', 'zip', 'xz', 'dpkg-deb'].every((t) => onPath(t));

/**
 * get_url (local HTTP server, sha256 checksum, atomic), uri, unarchive (tar.gz, tar.xz, zip,
 * remote_src, creates), git (a local bare repository), apt with a .deb built here (installed for
 * real, offline) and package in check mode, and fetch back to the runner — over real SSH.
 */
describe.skipIf(!service('sshd').available || (!IN_CI && (!isRoot || !hasTools)))(
  'runbook network and package modules over SSH',
  () => {
    let dir: string;
    let root: string;
    let server: Server;
    let port: number;
    const seen: { auth?: string }[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          if (req.url === '/tool.bin') res.end(TOOL);
          else if (req.url === '/moved') res.writeHead(302, { location: '/tool.bin' }).end();
          else if (req.url === '/api') {
            seen.push({ auth: req.headers.authorization });
            res.setHeader('content-type', 'application/json');
            res.end(
              JSON.stringify({
                method: req.method,
                body: JSON.parse(body || 'null'),
                auth: Boolean(req.headers.authorization),
              }),
            );
          } else res.writeHead(404).end('not here');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      dir = workspace({});
      root = join(dir, 'host');
      cpSync(join(__dirname, 'fixtures/modules-net'), dir, { recursive: true });
      // Archives of one small tree in every format.
      mkdirSync(join(dir, 'src/site/sub'), { recursive: true });
      writeFileSync(join(dir, 'src/site/a.txt'), 'a\n');
      writeFileSync(join(dir, 'src/site/sub/b.txt'), 'b\n');
      mkdirSync(join(dir, 'files'));
      sh(
        'tar -czf ../files/site.tar.gz site && tar -cJf ../files/site.tar.xz site && zip -qr ../files/site.zip site',
        join(dir, 'src'),
      );
      // A bare repository with a tag v1 and a second commit on main.
      const g = 'git -c user.name=t -c user.email=t@example.com';
      sh(
        `git init -q --bare -b main repo.git && git init -q -b main work && cd work && echo one > f && git add f && ${g} commit -qm one && ${g} tag -a v1 -m v1 && echo two > f && ${g} commit -qam two && git push -q ../repo.git main v1`,
        dir,
      );
      // A tiny .deb, installed offline.
      mkdirSync(join(dir, 'deb/DEBIAN'), { recursive: true });
      mkdirSync(join(dir, 'deb/usr/share/paved13-hello'), { recursive: true });
      writeFileSync(join(dir, 'deb/usr/share/paved13-hello/hello'), 'hello\n');
      writeFileSync(
        join(dir, 'deb/DEBIAN/control'),
        'Package: paved13-hello\nVersion: 1.0\nArchitecture: all\nMaintainer: Paved <t@example.com>\nDescription: test package\n',
      );
      sh('dpkg-deb -b -Zgzip deb hello.deb >/dev/null', dir);
      writeFileSync(
        join(dir, 'inventory.yml'),
        `all:\n  hosts:\n    h1: { ansible_host: 127.0.0.18, ansible_port: ${sshPort()}, root: "${root}" }\n`,
      );
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      sh('dpkg -r paved13-hello >/dev/null 2>&1 || true');
      cleanup(dir);
    });
    const inputs = (rb = 'site.yml', vars: Record<string, string> = {}) => ({
      ...sshInputs(),
      runbook: rb,
      inventory: 'inventory.yml',
      secrets: JSON.stringify({ token: TOKEN }),
      vars: JSON.stringify({
        port: String(port),
        tool_sha: createHash('sha256').update(TOOL).digest('hex'),
        repo: join(dir, 'repo.git'),
        archive: join(dir, 'files/site.tar.gz'),
        deb: join(dir, 'hello.deb'),
        ...vars,
      }),
    });
    const tasks = (result: Awaited<ReturnType<typeof runbook>>) => report(result).hosts[0]!.tasks;
    const changed = (result: Awaited<ReturnType<typeof runbook>>) =>
      tasks(result)
        .filter((t) => t.status === 'changed')
        .map((t) => t.id);
    const tagged = () => sh(`git -C ${join(dir, 'repo.git')} rev-parse v1^{commit}`);

    it('downloads, calls the API, unpacks, clones, installs and fetches', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(readFileSync(join(root, 'dl/tool.bin'))).toEqual(TOOL);
      expect(statSync(join(root, 'dl/tool.bin')).mode & 0o777).toBe(0o755);
      expect(readFileSync(join(root, 'dl/moved'))).toEqual(TOOL);
      expect(seen.at(-1)?.auth).toBe(`Bearer ${TOKEN}`);
      for (const d of ['gz', 'xz', 'zip', 'remote']) {
        expect(readFileSync(join(root, d, 'site/a.txt'), 'utf8')).toBe('a\n');
        expect(readFileSync(join(root, d, 'site/sub/b.txt'), 'utf8')).toBe('b\n');
      }
      expect(sh(`git -C ${join(root, 'code')} rev-parse HEAD`)).toBe(tagged());
      expect(sh("dpkg-query -W -f='${Status} ${Version}' paved13-hello")).toBe('install ok installed 1.0');
      expect(readFileSync(join(dir, 'fetched/h1', root, 'dl/tool.bin'))).toEqual(TOOL);
      expect(`${visibleLog(result)}${reportText(result)}${result.summary}`).not.toContain(TOKEN);
    });

    it('changes nothing on the second run', async () => {
      const result = await runbook(dir, inputs());
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(changed(result)).toEqual([]);
    });

    it('plans drift in check mode (downloads, unpacking, git update, packages), changing nothing', async () => {
      writeFileSync(join(root, 'dl/tool.bin'), 'tampered\n');
      writeFileSync(join(root, 'gz/site/a.txt'), 'tampered\n');
      const result = await runbook(dir, { ...inputs('site.yml', { git_version: 'main' }), check: 'true' });
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(changed(result).sort()).toEqual(['code', 'download', 'fetch back', 'tgz']);
      expect(tasks(result).find((t) => t.id === 'tgz')?.diff).toContain('site/a.txt');
      expect(readFileSync(join(root, 'dl/tool.bin'), 'utf8')).toBe('tampered\n');
      expect(readFileSync(join(root, 'gz/site/a.txt'), 'utf8')).toBe('tampered\n');
      expect(sh(`git -C ${join(root, 'code')} rev-parse HEAD`)).toBe(tagged());
      const plan = await runbook(dir, { ...inputs('plan.yml'), check: 'true' });
      expect(plan.exitCode, visibleLog(plan)).toBe(0);
      expect(tasks(plan).find((t) => t.id === 'cowsay')?.diff).toContain(
        'apt-get install -y -q -o DPkg::Lock::Timeout=300 cowsay',
      );
      expect(tasks(plan).find((t) => t.id === 'no hello')?.diff).toContain('apt-get remove');
      expect(sh("dpkg-query -W -f='${Status}' paved13-hello")).toBe('install ok installed');
    });

    it('repairs the drift and moves git to main', async () => {
      const result = await runbook(dir, inputs('site.yml', { git_version: 'main' }));
      expect(result.exitCode, visibleLog(result)).toBe(0);
      expect(readFileSync(join(root, 'dl/tool.bin'))).toEqual(TOOL);
      expect(readFileSync(join(root, 'gz/site/a.txt'), 'utf8')).toBe('a\n');
      expect(sh(`git -C ${join(root, 'code')} rev-parse HEAD`)).toBe(
        sh(`git -C ${join(dir, 'repo.git')} rev-parse main`),
      );
    });

    it('refuses a download whose checksum does not match, leaving dest alone', async () => {
      const result = await runbook(dir, inputs('badsum.yml'));
      expect(result.exitCode).not.toBe(0);
      expect(report(result).hosts[0]!.error).toContain('expected sha256:0000');
      expect(existsSync(join(root, 'dl/other.bin'))).toBe(false);
    });

    it('removes the package, then reports no change', async () => {
      const first = await runbook(dir, inputs('remove.yml'));
      expect(first.exitCode, visibleLog(first)).toBe(0);
      expect(sh("dpkg-query -W -f='${Status}' paved13-hello 2>/dev/null || true")).not.toContain('ok installed');
      const again = await runbook(dir, inputs('remove.yml'));
      expect(changed(again)).toEqual([]);
    });

    it.each([
      [
        'get_url with a bad checksum',
        'get_url: { url: "http://x/y", dest: /tmp/y, checksum: "md5:abc" }',
        'checksum must be',
      ],
      ['get_url without a URL scheme', 'get_url: { url: "x/y", dest: /tmp/y }', 'url must be an http'],
      ['uri with an unknown method', 'uri: { url: "http://x/", method: FETCH }', 'method must be one of'],
      ['unarchive of a rar', 'unarchive: { src: a.rar, dest: /tmp }', 'src must be a .tar.gz'],
      ['git with a bad version', 'git: { repo: /r, dest: /d, version: "-x" }', 'is not a branch'],
      ['package with deb', 'package: { deb: /x.deb }', 'has no argument "deb"'],
      ['package with a bad name', 'package: { name: "a;b" }', 'is not a package name'],
      ['fetch without dest', 'fetch: { src: /etc/hostname }', 'needs "dest"'],
    ])('refuses %s with file and line', async (_what, task, message) => {
      await expectRefused(dir, `tasks:\n  - name: bad\n    ${task}\n`, message, 3);
    });
  },
);
