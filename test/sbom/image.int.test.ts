import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, IN_CI, onPath, service } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { expectValid, FIXTURES, type Json, runSbom } from './helpers';

/**
 * Container images (issue 18), built here from crafted root filesystems with real package
 * databases: `docker import` (layer 0), `docker run` + `docker commit` deleting files and changing
 * the dpkg database (layer 1: whiteouts), `docker save` (docker-archive:), `skopeo copy` to an OCI
 * layout (oci-dir:) and to a real docker-registry on loopback (registry:, with and without auth).
 * Every source must yield the same package set, with purls and layers as syft writes them.
 */
const IMAGES = join(FIXTURES, 'image');
const TOOLS = ['skopeo', 'docker-registry', 'busybox', 'tar'];
const missing = TOOLS.filter((t) => !onPath(t));
const dockerd = service('dockerd');
if (IN_CI && missing.length > 0) throw new Error(`${missing.join(', ')} required under CI=true`);
const LONG = { timeout: 300_000 };
const PASSWORD = 'paved-registry-test';

const run = `${process.pid}-${Date.now().toString(36)}`;
const tags = {
  base: `paved-sbom-test/debian:base-${run}`,
  image: `paved-sbom-test/debian:${run}`,
  alpine: `paved-sbom-test/alpine:${run}`,
  distroless: `paved-sbom-test/distroless:${run}`,
};
let work: string;
let registry: Registry;
let locked: Registry;
let pushedDigest: string;
let diffIds: string[];
let unreachable: number;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, ...dockerd.env });
const sh = (command: string, args: string[], options: { cwd?: string } = {}): string =>
  execFileSync(command, args, {
    env: env(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });

/** dpkg status file as the oracle reads it: name → version/arch/source of installed stanzas. */
function dpkgOracle(text: string): Map<string, { version: string; arch: string; source?: string }> {
  const out = new Map<string, { version: string; arch: string; source?: string }>();
  for (const block of text.split(/\n\n+/)) {
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(block)?.[1];
    const pkg = field('Package');
    if (pkg && field('Status') === 'install ok installed')
      out.set(pkg, {
        version: field('Version') as string,
        arch: field('Architecture') as string,
        source: field('Source')?.split(' ')[0],
      });
  }
  return out;
}

/** The package set the layers leave: layer 1 purged zlib1g, installed libzstd1 and deleted spdx-correct. */
function expectDebianContents(cdx: Json, spdx: Json): void {
  const finalStatus = dpkgOracle(readFileSync(join(IMAGES, 'layer2', 'status'), 'utf8'));
  const purls: string[] = cdx.components.map((c: Json) => c.purl);
  const deb = purls.filter((p) => p.startsWith('pkg:deb/')).sort();
  expect(deb).toEqual(
    [...finalStatus]
      .map(([name, p]) => {
        const q = [
          `arch=${p.arch}`,
          'distro=debian-12',
          ...(p.source && p.source !== name ? [`upstream=${p.source}`] : []),
        ];
        return `pkg:deb/debian/${name}@${encodeURIComponent(p.version).replace(/%7E/g, '~').replace(/%2B/g, '+')}?${q.join('&')}`;
      })
      .sort(),
  );
  expect(purls.some((p) => p.includes('/zlib1g@'))).toBe(false);
  expect(purls).toContain('pkg:npm/tar-stream@3.2.2');
  expect(purls.some((p) => p.startsWith('pkg:npm/spdx-correct'))).toBe(false);
  // blinker's directory was emptied by an opaque whiteout; PyYAML is what layer 1 put there.
  expect(purls.some((p) => p.startsWith('pkg:pypi/blinker'))).toBe(false);
  expect(purls).toContain('pkg:pypi/pyyaml@6.0');
  expect(purls).toContain('pkg:maven/javax.annotation/javax.annotation-api@1.3.2');

  const byName = (name: string) => cdx.components.find((c: Json) => c.name === name) as Json;
  const prop = (c: Json, name: string) => c.properties.find((p: Json) => p.name === name)?.value;
  // Layer attribution: the base layer's packages, and the one the second layer installed.
  expect(prop(byName('libssl3'), 'paved:layer')).toBe(diffIds[0]);
  expect(prop(byName('libzstd1'), 'paved:layer')).toBe(diffIds[1]);
  expect(prop(byName('tar-stream'), 'paved:layer')).toBe(diffIds[0]);
  expect(prop(byName('tar-stream'), 'paved:location')).toBe('/usr/lib/node_modules/tar-stream/package.json');
  expect(prop(byName('pyyaml'), 'paved:layer')).toBe(diffIds[1]);
  expect(prop(byName('javax.annotation-api'), 'paved:location')).toBe('/usr/share/java/javax.annotation-api-1.3.2.jar');
  const spdxLibzstd = spdx.packages.find((p: Json) => p.name === 'libzstd1');
  expect(spdxLibzstd.comment).toContain(diffIds[1]);
  // Licenses from the machine-readable copyright files (the one in layer 1 for libzstd1), and package metadata.
  expect(byName('libssl3').licenses[0].expression).toMatch(/Apache-2\.0/);
  expect(JSON.stringify(byName('libzstd1').licenses)).toMatch(/BSD-3-Clause/);
  expect(prop(byName('libzstd1'), 'paved:sbom:license-source')).toBe('/usr/share/doc/libzstd1/copyright');
  expect(byName('tar-stream').licenses[0].expression).toBe('MIT');
  // Edges from the dpkg Depends fields, to what is installed (libc6 is not, so none to it).
  const dependsOn = (name: string) => cdx.dependencies.find((d: Json) => d.ref === byName(name).purl).dependsOn;
  expect(dependsOn('openssl')).toEqual([byName('libssl3').purl]);
  expect(dependsOn('libssl3')).toEqual([]);
  // The root is the image.
  expect(cdx.metadata.component.type).toBe('container');
  const root = PackageURL.fromString(cdx.metadata.component.purl);
  expect(root.type).toBe('oci');
  expect(root.version).toBe(cdx.metadata.component.version);
  expect(root.version).toMatch(/^sha256:[a-f0-9]{64}$/);
  expect(root.qualifiers?.arch).toBe('amd64');
  expect(spdx.packages[0].primaryPackagePurpose).toBe('CONTAINER');
}

describe.skipIf(!dockerd.available || missing.length > 0)('sbom: container images', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sbom-image-'));
    // Layer 0: a Debian-like root filesystem with real package metadata, through docker import.
    const rootfs = join(work, 'rootfs');
    cpSync(join(IMAGES, 'debian'), rootfs, { recursive: true, verbatimSymlinks: true });
    for (const name of readdirSync(join(IMAGES, 'npm')))
      cpSync(join(IMAGES, 'npm', name), join(rootfs, 'usr', 'lib', 'node_modules', name), { recursive: true });
    mkdirSync(join(rootfs, 'bin'), { recursive: true });
    mkdirSync(join(rootfs, 'tmp'), { recursive: true });
    cpSync(sh('sh', ['-c', 'command -v busybox']).trim(), join(rootfs, 'bin', 'busybox'));
    sh('tar', ['-C', rootfs, '-cf', join(work, 'rootfs.tar'), '.']);
    sh('docker', ['import', join(work, 'rootfs.tar'), tags.base]);
    // Layer 1: what `docker commit` records after deleting files and changing the dpkg database.
    const container = `paved-sbom-${run}`;
    // Deleting files leaves `.wh.` whiteouts; removing and recreating a directory leaves an opaque one.
    const script = [
      'rm -rf /usr/lib/node_modules/spdx-correct /usr/share/doc/zlib1g /usr/lib/python3/dist-packages',
      'mkdir -p /usr/lib/python3/dist-packages',
      'mv /tmp/PyYAML-6.0.dist-info /usr/lib/python3/dist-packages/',
    ].join(' && ');
    sh('docker', ['create', '--name', container, tags.base, '/bin/busybox', 'sh', '-c', script]);
    try {
      sh('docker', ['cp', join(IMAGES, 'layer2', 'status'), `${container}:/var/lib/dpkg/status`]);
      sh('docker', ['cp', join(IMAGES, 'layer2', 'doc', 'libzstd1'), `${container}:/usr/share/doc/libzstd1`]);
      sh('docker', ['cp', join(IMAGES, 'layer2', 'PyYAML-6.0.dist-info'), `${container}:/tmp/PyYAML-6.0.dist-info`]);
      sh('docker', ['start', '-a', container]);
      sh('docker', ['commit', container, tags.image]);
    } finally {
      sh('docker', ['rm', '-f', container]);
    }
    diffIds = JSON.parse(sh('docker', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', tags.image]));
    sh('docker', ['save', '-o', join(work, 'image.tar'), tags.image]);
    sh('skopeo', ['copy', '-q', `docker-archive:${join(work, 'image.tar')}`, `oci:${join(work, 'oci')}:1`]);
    // An Alpine-like image: one layer.
    sh('tar', ['-C', join(IMAGES, 'alpine'), '-cf', join(work, 'alpine.tar'), '.']);
    sh('docker', ['import', join(work, 'alpine.tar'), tags.alpine]);
    sh('docker', ['save', '-o', join(work, 'alpine-image.tar'), tags.alpine]);

    unreachable = await closedPort();
    registry = await startRegistry();
    const digestFile = join(work, 'digest');
    sh('skopeo', [
      'copy',
      '-q',
      '--dest-tls-verify=false',
      '--digestfile',
      digestFile,
      `docker-archive:${join(work, 'image.tar')}`,
      `docker://${registry.host}/paved/debian:1`,
    ]);
    pushedDigest = readFileSync(digestFile, 'utf8').trim();
    locked = await startRegistry({ htpasswd: readFileSync(join(IMAGES, 'htpasswd'), 'utf8') });
    sh('skopeo', [
      'copy',
      '-q',
      '--dest-tls-verify=false',
      '--dest-creds',
      `paved:${PASSWORD}`,
      `docker-archive:${join(work, 'image.tar')}`,
      `docker://${locked.host}/paved/debian:1`,
    ]);
  }, 600_000);

  afterAll(async () => {
    await registry?.stop();
    await locked?.stop();
    for (const tag of Object.values(tags)) {
      try {
        sh('docker', ['rmi', '-f', tag]);
      } catch {
        /* never built */
      }
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it(
    'docker-archive: lists what the final filesystem holds, each package with its layer and distro-qualified purl',
    LONG,
    async () => {
      // The whiteouts the assertions rely on are really in the second layer.
      const layers: string[] = JSON.parse(sh('tar', ['-xOf', join(work, 'image.tar'), 'manifest.json']))[0].Layers;
      const listing = sh('sh', [
        '-c',
        'tar -xOf "$1" "$2" | tar -t',
        'sh',
        join(work, 'image.tar'),
        layers[1] as string,
      ]);
      expect(listing).toMatch(/usr\/lib\/node_modules\/\.wh\.spdx-correct/);
      expect(listing).toMatch(/usr\/lib\/python3\/dist-packages\/\.wh\.\.wh\.\.opq/);
      const { cdx, spdx } = expectValid(await runSbom({ image: `docker-archive:${join(work, 'image.tar')}` }));
      expectDebianContents(cdx, spdx);
      expect(cdx.metadata.component.name).toBe(`paved-sbom-test/debian:${run}`);
    },
  );

  it('oci-dir: the same packages, the root named by its manifest digest', LONG, async () => {
    const { cdx, spdx } = expectValid(await runSbom({ image: `oci-dir:${join(work, 'oci')}` }));
    expectDebianContents(cdx, spdx);
    const index = JSON.parse(readFileSync(join(work, 'oci', 'index.json'), 'utf8'));
    expect(cdx.metadata.component.version).toBe(index.manifests[0].digest);
  });

  it(
    'registry: pulled over the distribution API from a loopback registry (plain HTTP), digest as pushed',
    LONG,
    async () => {
      const { cdx, spdx } = expectValid(await runSbom({ image: `registry:${registry.host}/paved/debian:1` }));
      expectDebianContents(cdx, spdx);
      expect(cdx.metadata.component.version).toBe(pushedDigest);
      const root = PackageURL.fromString(cdx.metadata.component.purl);
      expect([root.name, root.version, root.qualifiers]).toEqual([
        'debian',
        pushedDigest,
        { arch: 'amd64', repository_url: `${registry.host}/paved/debian`, tag: '1' },
      ]);
    },
  );

  it('a bare name: the Docker daemon has the image, so docker save is read', LONG, async () => {
    const r = await runSbom({ image: tags.image }, dockerd.env);
    const { cdx, spdx } = expectValid(r);
    expectDebianContents(cdx, spdx);
    expect(r.stdout).toContain('docker: ');
  });

  it('apk: Alpine packages with the origin as upstream and the distro from os-release', LONG, async () => {
    const { cdx } = expectValid(await runSbom({ image: `docker-archive:${join(work, 'alpine-image.tar')}` }));
    const purls = cdx.components.map((c: Json) => c.purl).sort();
    expect(purls).toEqual([
      'pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1',
      'pkg:apk/alpine/musl@1.2.4_git20230717-r4?arch=x86_64&distro=alpine-3.19.1',
      'pkg:apk/alpine/ssl_client@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1&upstream=busybox',
    ]);
    expect(cdx.components.find((c: Json) => c.name === 'busybox').licenses[0].expression).toBe('GPL-2.0-only');
    // D:so:libc.musl-x86_64.so.1 is answered by musl's p: line.
    const musl = purls.find((p: string) => p.includes('/musl@'));
    for (const name of ['busybox', 'ssl_client']) {
      const purl = purls.find((p: string) => p.includes(`/${name}@`));
      expect(cdx.dependencies.find((d: Json) => d.ref === purl).dependsOn, name).toEqual([musl]);
    }
  });

  it(
    "distroless: status.d stanzas, a Go binary's build info, and a warning for an rpm database it cannot read",
    LONG,
    async () => {
      const rootfs = join(work, 'distroless');
      cpSync(join(IMAGES, 'distroless'), rootfs, { recursive: true });
      mkdirSync(join(rootfs, 'usr', 'local', 'bin'), { recursive: true });
      const skopeo = sh('sh', ['-c', 'command -v skopeo']).trim();
      cpSync(skopeo, join(rootfs, 'usr', 'local', 'bin', 'skopeo'));
      // The vendored jar with its pom.properties made unreadable: the entry's deflate stream starts
      // with a reserved block type. Its local header is the first place the entry's name appears.
      const jar = readFileSync(join(IMAGES, 'debian', 'usr', 'share', 'java', 'javax.annotation-api-1.3.2.jar'));
      const entry = 'META-INF/maven/javax.annotation/javax.annotation-api/pom.properties';
      const header = jar.indexOf(entry) - 30;
      expect([jar.readUInt32LE(header), jar.readUInt16LE(header + 8)]).toEqual([0x04034b50, 8]);
      const data = header + 30 + jar.readUInt16LE(header + 26) + jar.readUInt16LE(header + 28);
      jar.fill(0xff, data, data + 8);
      mkdirSync(join(rootfs, 'opt'), { recursive: true });
      writeFileSync(join(rootfs, 'opt', 'broken.jar'), jar);
      sh('tar', ['-C', rootfs, '-cf', join(work, 'distroless.tar'), '.']);
      sh('docker', ['import', join(work, 'distroless.tar'), tags.distroless]);
      sh('docker', ['save', '-o', join(work, 'distroless-image.tar'), tags.distroless]);
      const r = await runSbom({ image: `docker-archive:${join(work, 'distroless-image.tar')}` });
      const { cdx } = expectValid(r);
      const purls: string[] = cdx.components.map((c: Json) => c.purl).sort();
      const deb = purls.filter((p) => p.startsWith('pkg:deb/'));
      const status = dpkgOracle(
        ['libssl3', 'openssl']
          .map(
            (n) =>
              `Status: install ok installed\n${readFileSync(join(IMAGES, 'distroless', 'var', 'lib', 'dpkg', 'status.d', n), 'utf8')}`,
          )
          .join('\n'),
      );
      expect(deb.map((p) => p.replace(/@.*/, ''))).toEqual([...status.keys()].map((n) => `pkg:deb/debian/${n}`).sort());
      // One database across the status.d files: openssl's Depends reaches libssl3 in another file.
      const libssl = deb.find((p) => p.includes('/libssl3@'));
      expect(cdx.dependencies.find((d: Json) => d.ref === deb.find((p) => p.includes('/openssl@'))).dependsOn).toEqual([
        libssl,
      ]);
      expect(r.stdout).toMatch(
        /::warning .*Could not read META-INF\/maven\/javax\.annotation\/javax\.annotation-api\/pom\.properties: .* in \/opt\/broken\.jar \(layer 1\); the packages in it are not listed/,
      );
      // Without its pom.properties the jar is still listed, as syft lists it: named from the file,
      // versioned and grouped from MANIFEST.MF (Implementation-Version, Implementation-Vendor-Id).
      expect(purls.filter((p) => p.startsWith('pkg:maven/'))).toEqual(['pkg:maven/org.glassfish/broken@1.3.2']);
      // rpm: the database is there, the tool is not (or cannot read an empty file): said, not silently skipped.
      expect(r.stdout).toMatch(/::warning .*rpm.*(not installed|could not read)/);
      // Go: the toolchain the binary was built with, as the Debian package records it (Built-Using).
      const go = cdx.components.find((c: Json) => c.purl.startsWith('pkg:golang/stdlib@'));
      expect(go, purls.join('\n')).toBeDefined();
      expect(go.properties.find((p: Json) => p.name === 'paved:location').value).toBe('/usr/local/bin/skopeo');
      let builtWith: string | undefined;
      try {
        const owner = sh('dpkg-query', ['-S', skopeo]).split(':')[0] as string;
        const using = sh('dpkg-query', ['-W', `-f=\${Built-Using}`, owner]);
        builtWith = /golang-1\.\d+ \(= (\d+\.\d+(?:\.\d+)?)/.exec(using)?.[1];
      } catch {
        builtWith = undefined;
      }
      if (builtWith) expect(go.version).toBe(builtWith);
      else expect(go.version).toMatch(/^1\.\d+(\.\d+)?$/);
    },
  );

  it('registry auth: credentials from the Docker config auths are used; without them a clear 401', LONG, async () => {
    const config = join(work, 'docker-config');
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [locked.host]: { auth: Buffer.from(`paved:${PASSWORD}`).toString('base64') } } }),
    );
    const ok = await runSbom({ image: `registry:${locked.host}/paved/debian:1` }, { DOCKER_CONFIG: config });
    expectValid(ok);
    // Registered with the runner for masking (::add-mask::), and never printed or written anywhere else.
    expect(ok.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(PASSWORD);
    expect(`${ok.cdxText}${ok.spdxText}${ok.summary}`).not.toContain(PASSWORD);

    const empty = join(work, 'no-config');
    mkdirSync(empty, { recursive: true });
    const denied = await runSbom({ image: `registry:${locked.host}/paved/debian:1` }, { DOCKER_CONFIG: empty });
    expect(denied.exitCode).toBe(1);
    expect(denied.stdout).toMatch(/::error::sbom: /);
    expect(denied.stdout).toContain(`${locked.host}/paved/debian:1`);
    expect(denied.stdout).toMatch(/needs credentials .*HTTP 401/);
    expect(readdirSync(denied.outDir)).toEqual([]);
  });

  it(
    'platform with the Docker daemon: its copy of another platform is an error for docker:, passed over for a bare name',
    LONG,
    async () => {
      const mismatch = await runSbom({ image: `docker:${tags.alpine}`, platform: 'linux/arm64' }, dockerd.env);
      expect(mismatch.exitCode, mismatch.stdout).toBe(1);
      expect(mismatch.stdout).toMatch(
        /::error::sbom: docker:paved-sbom-test\/alpine:\S+ is a single-platform image for linux\/amd64, not linux\/arm64 \(input platform\)/,
      );
      expect(readdirSync(mismatch.outDir)).toEqual([]);
      // A bare name the daemon has for amd64 only goes to its registry for arm64 (which has amd64 only too).
      const local = `${registry.host}/paved/debian:1`;
      sh('docker', ['tag', tags.image, local]);
      try {
        const bare = await runSbom({ image: local, platform: 'linux/arm64' }, dockerd.env);
        expect(bare.exitCode, bare.stdout).toBe(1);
        expect(bare.stdout).toContain(
          `The Docker daemon's ${local} is linux/amd64; reading linux/arm64 from its registry`,
        );
        expect(bare.stdout).toMatch(
          /registry:\S+\/paved\/debian:1 is a single-platform image for linux\/amd64, not linux\/arm64/,
        );
      } finally {
        sh('docker', ['rmi', local]);
      }
    },
  );

  describe('errors: a ConfigurationError naming the image, and nothing written', () => {
    const cases: [string, () => string, RegExp][] = [
      ['unknown scheme', () => 'podman:debian:12', /unknown source scheme "podman:"/],
      ['not in the daemon', () => `docker:paved-sbom-test/nope:${run}`, /the Docker daemon has no image/],
      [
        'not in the registry',
        () => `registry:${registry.host}/paved/nope:1`,
        /paved\/nope:1 was not found in registry .*HTTP 404/,
      ],
      [
        'unreachable registry',
        () => `registry:127.0.0.1:${unreachable}/paved/debian:1`,
        /is unreachable for 127\.0\.0\.1:\d+\/paved\/debian:1 .*ECONNREFUSED/,
      ],
      ['no such archive', () => `docker-archive:${join(work, 'missing.tar')}`, /missing\.tar: no such file/],
      [
        'a truncated archive',
        () => {
          const cut = join(work, 'cut.tar');
          const bytes = readFileSync(join(work, 'image.tar'));
          writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
          return `docker-archive:${cut}`;
        },
        /cut\.tar is not a complete tar archive|cut\.tar: .*(missing|cannot be read)/,
      ],
    ];
    for (const [name, input, message] of cases) {
      it(name, LONG, async () => {
        const r = await runSbom({ image: input() }, dockerd.env);
        expect(r.exitCode, r.stdout).toBe(1);
        expect(r.stdout).toMatch(/::error::sbom: /);
        expect(r.stdout).toMatch(message);
        expect(r.stdout).not.toMatch(/please report this|at .*\.js:\d+/);
        expect(existsSync(r.outDir) ? readdirSync(r.outDir) : []).toEqual([]);
      });
    }
  });
});
