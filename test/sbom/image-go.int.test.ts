import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_CI, onPath } from '../harness';
import { expectValid, type Json, runSbom } from './helpers';
import { OciLayout } from './oci-layout';

/**
 * Go binaries in an image: a tiny program built here by the real Go toolchain (offline: its two
 * dependencies are vendored, one of them replaced in go.mod) inside a git checkout, so the build
 * info carries the main module, the dependencies, the replacement and the VCS stamp. `go version
 * -m` on the same binary is the oracle. Catalogued as syft does: the toolchain as `stdlib`, each
 * dependency (a replaced one as its replacement), the main module with the pseudo-version of its
 * commit; without VCS information the main module has no version.
 */
const TOOLS = ['go', 'git', 'tar'];
const missing = TOOLS.filter((t) => !onPath(t));
if (IN_CI && missing.length > 0) throw new Error(`${missing.join(', ')} required under CI=true (golang-go)`);
const LONG = { timeout: 300_000 };

let work: string;
let run: Awaited<ReturnType<typeof runSbom>>;
let oracle: string;
let commit: { revision: string; time: string };

const FILES: Record<string, string> = {
  'go.mod': `module example.com/app

go 1.19

require (
\tgithub.com/acme/greet v1.2.3
\tgolang.org/x/old v0.1.0
)

replace golang.org/x/old v0.1.0 => github.com/acme/newold v0.2.0
`,
  'main.go': `package main

import (
\t"fmt"

\t"github.com/acme/greet"
\told "golang.org/x/old"
)

func main() { fmt.Println(greet.Hello(), old.Name) }
`,
  'vendor/github.com/acme/greet/greet.go': 'package greet\n\nfunc Hello() string { return "hello" }\n',
  'vendor/golang.org/x/old/old.go': 'package old\n\nconst Name = "replaced"\n',
  'vendor/modules.txt': `# github.com/acme/greet v1.2.3
## explicit
github.com/acme/greet
# golang.org/x/old v0.1.0 => github.com/acme/newold v0.2.0
## explicit
golang.org/x/old
`,
};

describe.skipIf(missing.length > 0)('sbom: Go binaries in an image', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'sbom-go-'));
    const src = join(work, 'src');
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(src, name)), { recursive: true });
      writeFileSync(join(src, name), text);
    }
    const env = {
      ...process.env,
      HOME: work,
      GOPATH: join(work, 'gopath'),
      GOCACHE: join(work, 'gocache'),
      GOPROXY: 'off',
      GOFLAGS: '-mod=vendor',
      GOTOOLCHAIN: 'local',
      CGO_ENABLED: '0',
      TZ: 'UTC',
      GIT_AUTHOR_NAME: 'paved',
      GIT_AUTHOR_EMAIL: 'paved@example.com',
      GIT_COMMITTER_NAME: 'paved',
      GIT_COMMITTER_EMAIL: 'paved@example.com',
      GIT_COMMITTER_DATE: '2024-03-05T06:07:08Z',
      GIT_AUTHOR_DATE: '2024-03-05T06:07:08Z',
    };
    const sh = (command: string, args: string[]) =>
      execFileSync(command, args, { cwd: src, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    sh('git', ['init', '-q', '.']);
    sh('git', ['add', '-A']);
    sh('git', ['commit', '-q', '-m', 'app']);
    commit = { revision: sh('git', ['rev-parse', 'HEAD']).trim(), time: '20240305060708' };
    const bin = join(work, 'rootfs', 'usr', 'local', 'bin');
    mkdirSync(bin, { recursive: true });
    sh('go', ['build', '-trimpath', '-o', join(bin, 'app'), '.']);
    sh('go', ['build', '-trimpath', '-buildvcs=false', '-o', join(bin, 'app-novcs'), '.']);
    // Released as goreleaser does: the version stamped with -ldflags -X (recorded quoted, as it has a
    // space; built without -trimpath, under which Go leaves -ldflags out of the build info).
    sh('go', ['build', '-buildvcs=false', '-ldflags=-s -X main.version=1.4.2', '-o', join(bin, 'app-released'), '.']);
    oracle = sh('go', ['version', '-m', join(bin, 'app')]);
    const layout = new OciLayout(join(work, 'layout'));
    layout.tag(layout.image(join(work, 'rootfs')), '1');
    run = await runSbom({ image: `oci-dir:${layout.dir}` });
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('lists the toolchain, the dependencies (a replaced one as its replacement) and the main module', LONG, () => {
    const { cdx } = expectValid(run);
    // The oracle: what the Go toolchain itself says is in the binary.
    const goVersion = /^\S+: go(\S+)$/m.exec(oracle)?.[1];
    expect(oracle).toMatch(/^\tdep\tgolang\.org\/x\/old\tv0\.1\.0\s*\n\t=>\tgithub\.com\/acme\/newold\tv0\.2\.0/m);
    expect(oracle).toContain(`build\tvcs.revision=${commit.revision}`);
    expect(cdx.components.map((c: Json) => c.purl).sort()).toEqual(
      [
        `pkg:golang/stdlib@${goVersion}`,
        'pkg:golang/github.com/acme/greet@v1.2.3',
        'pkg:golang/github.com/acme/newold@v0.2.0',
        `pkg:golang/example.com/app@v0.0.0-${commit.time}-${commit.revision.slice(0, 12)}`,
        // The same main module built without VCS information: (devel), so no version.
        'pkg:golang/example.com/app',
        // (devel) with -X main.version=1.4.2: that version, v-prefixed, as syft reads it.
        'pkg:golang/example.com/app@v1.4.2',
      ].sort(),
    );
    const greet = cdx.components.find((c: Json) => c.purl === 'pkg:golang/github.com/acme/greet@v1.2.3');
    expect(greet.name).toBe('github.com/acme/greet');
    expect(greet.properties.find((p: Json) => p.name === 'paved:location').value).toBe('/usr/local/bin/app');
  });
});
