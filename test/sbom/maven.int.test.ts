import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdxSchemaErrors, fixture, type Json, runSbom, spdxSchemaErrors } from './helpers';

function temp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function deps(cdx: Json, ref: string): string[] {
  return (cdx.dependencies as Json[]).find((d) => d.ref === ref)?.dependsOn ?? [];
}

/**
 * Runs the action on a project depending on org.example:<artifact>:1.0 for each name, against
 * `url`, with an empty ~/.m2; returns the run and its component purls, sorted.
 */
async function runDepending(url: string, artifacts: string[]) {
  const dir = temp('sbom-pom-');
  const dep = (a: string) =>
    `<dependency><groupId>org.example</groupId><artifactId>${a}</artifactId><version>1.0</version></dependency>`;
  writeFileSync(
    join(dir, 'pom.xml'),
    `<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>
  <dependencies>${artifacts.map(dep).join('')}</dependencies>
</project>
`,
  );
  const run = await runSbom({ path: dir, 'maven-repositories': url }, { HOME: temp('sbom-m2home-') });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  const purls = ((run.cdx as Json).components as Json[]).map((c) => c.purl as string).sort();
  return { run, purls };
}

/** A Maven repository layout (test/sbom/fixtures/maven-repo) served over HTTP on loopback, as a remote repository is. */
describe('pom.xml resolved from a Maven repository (parents, BOMs, transitive dependencies)', () => {
  const requests: string[] = [];
  const repo = fixture('maven-repo');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    requests.push(path);
    let body: Buffer;
    try {
      body = readFileSync(join(repo, path.replace(/^\/maven2\//, '')));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' }).end(body);
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/maven2`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('commons-text 1.12.0: parent chain, BOM-managed versions and the transitive test tree', async () => {
    requests.length = 0;
    const home = temp('sbom-m2home-');
    // The server serves the layout under /maven2, as repo.maven.apache.org does.
    const run = await runSbom({ path: fixture('maven-resolve'), 'maven-repositories': url }, { HOME: home });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const { cdx, spdx } = run as { cdx: Json; spdx: Json };
    expect(spdxSchemaErrors(spdx)).toEqual([]);
    expect(cdxSchemaErrors(cdx)).toEqual([]);
    const purls = new Map<string, string>(cdx.components.map((c: Json) => [c.purl, c.scope]));
    // The compile dependency, at runtime scope.
    expect(purls.get('pkg:maven/org.apache.commons/commons-lang3@3.14.0')).toBe('required');
    // junit-jupiter has no version in the POM: commons-parent 69 imports junit-bom ${commons.junit.version}.
    expect(purls.get('pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2')).toBe('excluded');
    expect(deps(cdx, 'pkg:maven/org.junit.jupiter/junit-jupiter@5.10.2')).toEqual([
      'pkg:maven/org.junit.jupiter/junit-jupiter-api@5.10.2',
      'pkg:maven/org.junit.jupiter/junit-jupiter-engine@5.10.2',
      'pkg:maven/org.junit.jupiter/junit-jupiter-params@5.10.2',
    ]);
    expect(deps(cdx, 'pkg:maven/org.junit.jupiter/junit-jupiter-api@5.10.2')).toEqual([
      'pkg:maven/org.apiguardian/apiguardian-api@1.1.2',
      'pkg:maven/org.junit.platform/junit-platform-commons@1.10.2',
      'pkg:maven/org.opentest4j/opentest4j@1.3.0',
    ]);
    // Everything the POM declares is there, with the versions its properties give.
    for (const p of [
      'pkg:maven/net.bytebuddy/byte-buddy@1.14.13',
      'pkg:maven/org.assertj/assertj-core@3.25.3',
      'pkg:maven/commons-io/commons-io@2.16.1',
      'pkg:maven/org.openjdk.jmh/jmh-core@1.37',
    ])
      expect(purls.has(p), p).toBe(true);
    expect(cdx.components).toHaveLength(19);
    // The parents and the BOM were fetched from the repository.
    expect(requests).toContain('/maven2/org/apache/commons/commons-parent/69/commons-parent-69.pom');
    expect(requests).toContain('/maven2/org/junit/junit-bom/5.10.2/junit-bom-5.10.2.pom');
    // A POM no repository has is a warning naming it; its component stays.
    expect(run.stdout).toMatch(/::warning[^\n]*the POM of net\.bytebuddy:byte-buddy:1\.14\.13 is in none of/);
    expect((cdx.metadata.component as Json).name).toBe('commons-text');
  });

  it('exclusions are honoured, and ~/.m2/repository is asked before the remote', async () => {
    requests.length = 0;
    const home = temp('sbom-m2home-');
    // opentest4j's POM only in the local repository: the server must not be asked for it.
    const local = join(home, '.m2', 'repository', 'org', 'opentest4j', 'opentest4j', '1.3.0');
    mkdirSync(local, { recursive: true });
    cpSync(join(repo, 'org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.pom'), join(local, 'opentest4j-1.3.0.pom'));
    const dir = temp('sbom-pom-');
    writeFileSync(
      join(dir, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example</groupId>
  <artifactId>excluding</artifactId>
  <version>1.0.0</version>
  <dependencies>
    <dependency>
      <groupId>org.junit.platform</groupId>
      <artifactId>junit-platform-engine</artifactId>
      <version>1.10.2</version>
      <exclusions>
        <exclusion><groupId>org.apiguardian</groupId><artifactId>apiguardian-api</artifactId></exclusion>
      </exclusions>
    </dependency>
  </dependencies>
</project>
`,
    );
    const run = await runSbom({ path: dir, 'maven-repositories': url }, { HOME: home });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const purls = (run.cdx as Json).components.map((c: Json) => c.purl).sort();
    expect(purls).toEqual([
      'pkg:maven/org.junit.platform/junit-platform-commons@1.10.2',
      'pkg:maven/org.junit.platform/junit-platform-engine@1.10.2',
      'pkg:maven/org.opentest4j/opentest4j@1.3.0',
    ]);
    expect(requests.some((r) => r.includes('opentest4j'))).toBe(false);
    expect(requests.some((r) => r.includes('junit-platform-engine'))).toBe(true);
  });

  it('a maven-repositories entry that is not an http(s) URL is a configuration error', async () => {
    const run = await runSbom({ path: fixture('maven-resolve'), 'maven-repositories': 'file:///srv/m2' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/maven-repositories: "file:\/\/\/srv\/m2" is not an http\(s\) URL/);
  });
});

/**
 * A repository that fails rather than lacks a POM: HTTP 500 for one, a proxy's HTML error page for
 * another. Neither fails the run or loses the dependency; each warning says what went wrong, not
 * merely "in none of" the repositories.
 */
describe('pom.xml against a Maven repository that fails', () => {
  // Characters a URL must percent-encode, so the secret travels in more than one form.
  const PASSWORD = 'p@ss/w0rd:"x"';
  const server = createServer((req, res) => {
    if (req.url?.includes('/org/example/private/')) {
      if (req.headers.authorization !== `Basic ${Buffer.from(`paved:${PASSWORD}`).toString('base64')}`)
        res.writeHead(401).end();
      else
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(
            '<project><groupId>org.example</groupId><artifactId>private</artifactId><version>1.0</version><dependencies><dependency><groupId>org.example</groupId><artifactId>inner</artifactId><version>2.0</version></dependency></dependencies></project>',
          );
    } else if (req.url?.includes('/org/example/broken/')) res.writeHead(500).end('internal error');
    else if (req.url?.includes('/org/example/garbage/'))
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Proxy error <b>502</body></html>');
    else res.writeHead(404).end();
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/maven2`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('an HTTP 500 and a POM that is not a POM are warnings naming the cause; both dependencies stay', async () => {
    const { run, purls } = await runDepending(url, ['broken', 'garbage', 'absent']);
    expect(purls).toEqual([
      'pkg:maven/org.example/absent@1.0',
      'pkg:maven/org.example/broken@1.0',
      'pkg:maven/org.example/garbage@1.0',
    ]);
    expect(run.stdout).toMatch(
      /::warning[^\n]*the POM of org\.example:broken:1\.0 is in none of [^\n]*\(http:\/\/127\.0\.0\.1:\d+\/maven2 answered HTTP 500\)/,
    );
    expect(run.stdout).toMatch(
      /::warning[^\n]*the POM of org\.example:garbage:1\.0 cannot be read \([^\n]*expected a <project> root element/,
    );
    // Not found is just that: no cause to report.
    expect(run.stdout).toMatch(
      /the POM of org\.example:absent:1\.0 is in none of [^\n(]*; its dependencies are missing/,
    );
  });

  it('a parent that is not a POM and a BOM behind an HTTP 500 are warnings naming each, not a silent gap', async () => {
    const dir = temp('sbom-pom-');
    writeFileSync(
      join(dir, 'pom.xml'),
      `<project><modelVersion>4.0.0</modelVersion>
  <parent><groupId>org.example</groupId><artifactId>garbage</artifactId><version>1.0</version></parent>
  <artifactId>app</artifactId>
  <dependencyManagement><dependencies>
    <dependency><groupId>org.example</groupId><artifactId>broken</artifactId><version>1.0</version><type>pom</type><scope>import</scope></dependency>
  </dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>org.example</groupId><artifactId>managed</artifactId></dependency>
    <dependency><groupId>org.example</groupId><artifactId>absent</artifactId><version>2.0</version></dependency>
  </dependencies>
</project>
`,
    );
    const run = await runSbom({ path: dir, 'maven-repositories': url }, { HOME: temp('sbom-m2home-') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(((run.cdx as Json).components as Json[]).map((c) => c.purl)).toEqual(['pkg:maven/org.example/absent@2.0']);
    expect(run.stdout).toMatch(
      /::warning[^\n]*the parent POM or BOM org\.example:garbage:1\.0 is not a POM \([^\n]*expected a <project> root element/,
    );
    expect(run.stdout).toMatch(
      /::warning[^\n]*the parent POM or BOM org\.example:broken:1\.0 is in none of [^\n]*answered HTTP 500\); the versions and dependencies it manages are unknown/,
    );
    expect(run.stdout).toMatch(/::warning[^\n]*org\.example:managed has no version even with the parent POMs and BOMs/);
  });

  it('credentials in a repository URL are sent as Basic auth and never shown, in any encoding', async () => {
    const dir = temp('sbom-pom-');
    writeFileSync(
      join(dir, 'pom.xml'),
      `<project><modelVersion>4.0.0</modelVersion><groupId>org.example</groupId><artifactId>app</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.example</groupId><artifactId>private</artifactId><version>1.0</version></dependency>
    <dependency><groupId>org.example</groupId><artifactId>broken</artifactId><version>1.0</version></dependency>
  </dependencies>
</project>
`,
    );
    const withCredentials = url.replace('http://', `http://paved:${encodeURIComponent(PASSWORD)}@`);
    const run = await runSbom({ path: dir, 'maven-repositories': withCredentials }, { HOME: temp('sbom-m2home-') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    // The private POM was read (with the credentials): its own dependency is in the graph.
    expect(deps(run.cdx as Json, 'pkg:maven/org.example/private@1.0')).toEqual(['pkg:maven/org.example/inner@2.0']);
    // The warning names the repository without its user info.
    expect(run.stdout).toMatch(
      /org\.example:broken:1\.0 is in none of [^\n]*http:\/\/127\.0\.0\.1:\d+\/maven2 answered HTTP 500/,
    );
    // Everything the run wrote, but the mask commands (which carry the secret to the runner by design).
    const shown = (text: string) => text.replace(/^::add-mask::.*$/gm, '');
    const everything = [
      shown(run.stdout),
      run.stderr,
      run.summary,
      JSON.stringify(run.cdx),
      JSON.stringify(run.spdx),
    ].join('\n');
    expect(run.masks).toContain(PASSWORD);
    for (const form of [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      Buffer.from(`paved:${PASSWORD}`).toString('base64'),
      Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''),
    ])
      expect(everything).not.toContain(form);
  });
});

/**
 * A repository that accepts the connection and never answers: the first POM waits out the timeout,
 * the others do not wait again (POMs are read one after another, so a hung repository would
 * otherwise cost one timeout per dependency).
 */
describe('pom.xml against a Maven repository that hangs', () => {
  const held: import('node:http').ServerResponse[] = [];
  const server = createServer((_req, res) => {
    held.push(res);
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/maven2`;
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('one timeout for the repository, then each missing POM says it was not asked again', {
    timeout: 120_000,
  }, async () => {
    const { run, purls } = await runDepending(url, ['one', 'two', 'three']);
    expect(purls).toEqual([
      'pkg:maven/org.example/one@1.0',
      'pkg:maven/org.example/three@1.0',
      'pkg:maven/org.example/two@1.0',
    ]);
    expect(run.stdout).toMatch(/org\.example:one:1\.0 is in none of [^\n]*\/maven2 did not answer within 15 s\)/);
    for (const a of ['two', 'three'])
      expect(run.stdout).toMatch(
        new RegExp(
          `org\\.example:${a}:1\\.0 is in none of [^\\n]*did not answer within 15 s earlier, so was not asked again`,
        ),
      );
    // The server saw one request only.
    expect(held).toHaveLength(1);
  });
});
