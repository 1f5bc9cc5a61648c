import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath } from '../harness';
import { type Registry, startRegistry } from '../services/registry';
import { expectValid, FIXTURES, type Json, runSbom } from './helpers';
import { type Descriptor, OciLayout } from './oci-layout';

/**
 * The `platform` input against real multi-platform images: three tiny Alpine-like images (the
 * machine's busybox-static and an apk database whose packages differ per architecture) written as
 * one OCI image layout with an image index, copied by skopeo (`--all`) to a real docker-registry on
 * loopback, plus the same three under a Docker manifest list put through the registry API. Each
 * platform must yield its own packages; a platform the index lacks, or a single-platform image of
 * another platform, is a configuration error.
 */
const TOOLS = ['skopeo', 'docker-registry', 'busybox', 'tar'];
const missing = TOOLS.filter((t) => !onPath(t));
if (IN_CI && missing.length > 0) throw new Error(`${missing.join(', ')} required under CI=true`);
const LONG = { timeout: 300_000 };

/** Docker platform → the apk architecture its packages carry, and a package only that image has. */
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64', apk: 'x86_64', only: 'intel-ucode-tools' },
  { os: 'linux', architecture: 'arm64', variant: 'v8', apk: 'aarch64', only: 'raspberrypi-utils' },
  { os: 'linux', architecture: 'arm', variant: 'v7', apk: 'armv7', only: 'armv7-neon-helpers' },
] as const;
type Target = (typeof PLATFORMS)[number];

let work: string;
let registry: Registry;

/** The alpine fixture's apk database for `t`: every package in t's architecture, plus t's own one. */
function apkDatabase(t: Target): string {
  const base = readFileSync(join(FIXTURES, 'image', 'alpine', 'lib', 'apk', 'db', 'installed'), 'utf8');
  const own = [`P:${t.only}`, 'V:1.0.0-r0', `A:${t.apk}`, 'T:platform-only test package', 'L:MIT', `o:${t.only}`, ''];
  return `${base.replace(/x86_64/g, t.apk).trimEnd()}\n\n${own.join('\n')}\n`;
}

/** The packages syft would list for t's image (an oracle read from the database text, not the action). */
function expectedPurls(t: Target): string[] {
  const purls: string[] = [];
  for (const block of apkDatabase(t).split(/\n\n+/)) {
    const field = (k: string) => new RegExp(`^${k}:(.*)$`, 'm').exec(block)?.[1];
    if (!field('P')) continue;
    expect(field('A')).toBe(t.apk);
    purls.push(`pkg:apk/alpine/${field('P')}@${field('V')}?arch=${t.apk}`);
  }
  return purls.sort();
}

function purlsOf(cdx: Json): string[] {
  return cdx.components
    .map((c: Json) => {
      const p = PackageURL.fromString(c.purl);
      return `pkg:${p.type}/${p.namespace}/${p.name}@${p.version}?arch=${p.qualifiers?.arch}`;
    })
    .sort();
}

/** What the SBOM says about the image's platform: root purl arch, CycloneDX property, SPDX comment. */
function expectPlatform(cdx: Json, spdx: Json, t: Target): void {
  const text = `${t.os}/${t.architecture}${'variant' in t ? `/${t.variant}` : ''}`;
  expect(PackageURL.fromString(cdx.metadata.component.purl).qualifiers?.arch).toBe(t.architecture);
  const root = spdx.packages[0].externalRefs.find((r: Json) => r.referenceType === 'purl').referenceLocator;
  expect(PackageURL.fromString(root).qualifiers?.arch).toBe(t.architecture);
  expect(cdx.metadata.component.properties.find((p: Json) => p.name === 'paved:image:platform')?.value).toBe(text);
  expect(spdx.packages[0].comment).toContain(`(${text})`);
}

describe.skipIf(missing.length > 0)('sbom: multi-platform images and the platform input', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sbom-platform-'));
    const layout = new OciLayout(join(work, 'layout'));
    const busybox = execFileSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).trim();
    const images = PLATFORMS.map((t) => {
      const rootfs = join(work, `rootfs-${t.apk}`);
      cpSync(join(FIXTURES, 'image', 'alpine'), rootfs, { recursive: true });
      mkdirSync(join(rootfs, 'bin'), { recursive: true });
      cpSync(busybox, join(rootfs, 'bin', 'busybox'));
      writeFileSync(join(rootfs, 'lib', 'apk', 'db', 'installed'), apkDatabase(t));
      return layout.image(rootfs, {
        os: t.os,
        architecture: t.architecture,
        ...('variant' in t ? { variant: t.variant } : {}),
      });
    });
    // The layout's index.json names the multi-platform index (as buildx writes a multi-platform build).
    const index = layout.index(images);
    layout.tag(index, '1');
    registry = await startRegistry();
    const skopeo = (...args: string[]) =>
      execFileSync('skopeo', ['--insecure-policy', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    skopeo(
      'copy',
      '-q',
      '--all',
      '--dest-tls-verify=false',
      `oci:${layout.dir}:1`,
      `docker://${registry.host}/paved/multi:1`,
    );
    // One platform's image alone under its own tag: a single-platform image.
    const single = new OciLayout(join(work, 'single'));
    cpSync(join(work, 'layout', 'blobs'), join(single.dir, 'blobs'), { recursive: true });
    single.tag(images[0] as Descriptor, '1');
    skopeo('copy', '-q', '--dest-tls-verify=false', `oci:${single.dir}:1`, `docker://${registry.host}/paved/single:1`);
    // A Docker manifest list naming the same (already pushed) manifests, put through the registry API.
    const list = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: images,
      }),
    );
    const response = await fetch(`http://${registry.host}/v2/paved/multi/manifests/list`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.docker.distribution.manifest.list.v2+json' },
      body: list,
    });
    expect(response.status, await response.text()).toBe(201);
    // An index whose arm64 entry points at the amd64 image (a broken multi-platform push).
    const liar = await fetch(`http://${registry.host}/v2/paved/multi/manifests/liar`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/vnd.oci.image.index.v1+json' },
      body: JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{ ...images[0], platform: { os: 'linux', architecture: 'arm64' } }],
      }),
    });
    expect(liar.status, await liar.text()).toBe(201);
  }, 300_000);

  afterAll(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  for (const t of PLATFORMS) {
    const asked = `${t.os}/${t.architecture}${'variant' in t ? `/${t.variant}` : ''}`;
    it(`registry: platform ${asked} reads that image of the index, with its own packages`, LONG, async () => {
      const { cdx, spdx } = expectValid(
        await runSbom({ image: `registry:${registry.host}/paved/multi:1`, platform: asked }),
      );
      expect(purlsOf(cdx)).toEqual(expectedPurls(t));
      expectPlatform(cdx, spdx, t);
    });
  }

  it(
    'registry: a Docker manifest list is read the same way; linux/arm64 matches the list entry arm64/v8',
    LONG,
    async () => {
      const { cdx, spdx } = expectValid(
        await runSbom({ image: `registry:${registry.host}/paved/multi:list`, platform: 'linux/arm64' }),
      );
      expect(purlsOf(cdx)).toEqual(expectedPurls(PLATFORMS[1]));
      expectPlatform(cdx, spdx, PLATFORMS[1]);
    },
  );

  it("oci-dir: the layout's nested index, platform linux/arm/v7", LONG, async () => {
    const { cdx, spdx } = expectValid(
      await runSbom({ image: `oci-dir:${join(work, 'layout')}`, platform: 'linux/arm/v7' }),
    );
    expect(purlsOf(cdx)).toEqual(expectedPurls(PLATFORMS[2]));
    expectPlatform(cdx, spdx, PLATFORMS[2]);
  });

  it("no platform input: the runner's platform, as Docker would pull it", LONG, async () => {
    const runner = { x64: PLATFORMS[0], arm64: PLATFORMS[1], arm: PLATFORMS[2] }[process.arch as 'x64'];
    const r = await runSbom({ image: `registry:${registry.host}/paved/multi:1` });
    if (!runner) {
      // No image for this machine's architecture in the index: the error lists the ones it has.
      expect(r.stdout).toMatch(/has no linux\/\S+ image; it has linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/);
      return;
    }
    const { cdx, spdx } = expectValid(r);
    expect(purlsOf(cdx)).toEqual(expectedPurls(runner));
    expectPlatform(cdx, spdx, runner);
  });

  it('a single-platform image: read as it is without platform, whatever the runner', LONG, async () => {
    const { cdx, spdx } = expectValid(await runSbom({ image: `registry:${registry.host}/paved/single:1` }));
    expect(purlsOf(cdx)).toEqual(expectedPurls(PLATFORMS[0]));
    expectPlatform(cdx, spdx, PLATFORMS[0]);
    // Asking for its own platform, in uname's spelling, is fine.
    expectValid(await runSbom({ image: `registry:${registry.host}/paved/single:1`, platform: 'linux/x86_64' }));
  });

  it(
    'an index entry whose config is another platform: read, recorded as its config says, with a warning (as Docker)',
    LONG,
    async () => {
      const r = await runSbom({ image: `registry:${registry.host}/paved/multi:liar`, platform: 'linux/arm64' });
      const { cdx, spdx } = expectValid(r);
      expect(purlsOf(cdx)).toEqual(expectedPurls(PLATFORMS[0]));
      expectPlatform(cdx, spdx, PLATFORMS[0]);
      expect(r.stdout).toMatch(
        /::warning::.*paved\/multi:liar: the index lists this image for linux\/arm64 but its config says linux\/amd64/,
      );
    },
  );

  describe('errors: a ConfigurationError, and nothing written', () => {
    const cases: [string, () => Record<string, string>, RegExp][] = [
      [
        'a platform the index lacks lists the platforms it has',
        () => ({ image: `registry:${registry.host}/paved/multi:1`, platform: 'linux/s390x' }),
        /paved\/multi:1 has no linux\/s390x image; it has linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/,
      ],
      [
        'the same from an OCI layout',
        () => ({ image: `oci-dir:${join(work, 'layout')}`, platform: 'linux/arm/v6' }),
        /layout has no linux\/arm\/v6 image; it has linux\/amd64, linux\/arm64\/v8, linux\/arm\/v7/,
      ],
      [
        'a single-platform image of another platform (as syft --platform)',
        () => ({ image: `registry:${registry.host}/paved/single:1`, platform: 'linux/arm64' }),
        /paved\/single:1 is a single-platform image for linux\/amd64, not linux\/arm64 \(input platform\)/,
      ],
      [
        'a malformed platform',
        () => ({ image: `registry:${registry.host}/paved/multi:1`, platform: 'arm64' }),
        /Input platform must be os\/architecture\[\/variant\] .*got "arm64"/,
      ],
      ['platform without image', () => ({ platform: 'linux/arm64' }), /Input platform applies to a container image/],
    ];
    for (const [name, inputs, message] of cases) {
      it(name, LONG, async () => {
        const r = await runSbom(inputs());
        expect(r.exitCode, r.stdout).toBe(1);
        expect(r.stdout).toMatch(/::error::sbom: /);
        expect(r.stdout).toMatch(message);
        expect(r.stdout).not.toMatch(/please report this|at .*\.js:\d+/);
        expect(existsSync(r.outDir) ? readdirSync(r.outDir) : []).toEqual([]);
      });
    }
  });
});
