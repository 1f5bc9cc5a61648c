/**
 * The one internal model every parser fills and every writer reads. SPDX and CycloneDX are two
 * views of the same graph, so they cannot disagree about which packages exist or how they connect.
 */
export type Ecosystem =
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'poetry'
  | 'pipenv'
  | 'uv'
  | 'pip'
  | 'gomod'
  | 'cargo'
  | 'maven'
  | 'gradle'
  | 'bundler'
  | 'composer'
  | 'nuget'
  | 'swift'
  | 'pub'
  | 'hex'
  | 'cocoapods'
  | 'conan'
  | 'image';

/** The purl type each ecosystem's packages live under (yarn and pnpm install npm packages). */
export type PurlType =
  | 'npm'
  | 'pypi'
  | 'golang'
  | 'cargo'
  | 'maven'
  | 'gem'
  | 'composer'
  | 'nuget'
  | 'swift'
  | 'pub'
  | 'hex'
  | 'cocoapods'
  | 'conan'
  | 'github'
  | 'generic'
  | 'deb'
  | 'apk'
  | 'rpm';

export type HashAlgorithm = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'MD5';

export interface Hash {
  alg: HashAlgorithm;
  /** Lower-case hex. */
  value: string;
  /** The text as the lockfile wrote it, kept only to point a "malformed hash" warning at its line. */
  raw?: string;
}

export interface License {
  /** An SPDX expression when the text parses as one; otherwise the text as the lockfile/manifest stated it. */
  expression: string;
  valid: boolean;
  /** The license ids the expression mentions (filled when it is parsed), for the summary's breakdown. */
  ids?: string[];
  /** Where the license came from, e.g. `package-lock.json` or `node_modules/left-pad/package.json`. */
  source: string;
  /** The text as written when it was not SPDX and spdx-correct normalised it (e.g. `GPLv3`). */
  normalisedFrom?: string;
}

/** What a parser reports for one package version; the graph builder merges duplicates. */
export interface PackageRecord {
  purlType: PurlType;
  /** Scope (`@babel`), Maven group, Go module path prefix, Composer vendor; undefined when none. */
  namespace?: string;
  name: string;
  /** '' when the lockfile states none: written as NOASSERTION / left out, never made up. */
  version: string;
  /** Extra purl qualifiers (gem platform, maven type). */
  qualifiers?: Record<string, string>;
  /** purl subpath (a CocoaPods subspec). */
  subpath?: string;
  hashes?: Hash[];
  downloadLocation?: string;
  license?: License;
  supplier?: string;
  /** Lockfile says the package is only needed for development. */
  dev?: boolean;
  /** Lockfile says the package is optional. */
  optional?: boolean;
  /** The project itself or a workspace member (a root of its lockfile's graph, not a dependency). */
  project?: boolean;
  /** Listed by the project but needed only by its dependencies (go.mod `// indirect`). */
  indirect?: boolean;
  /** Installed location relative to the scan root, used to find installed metadata (licenses). */
  installPath?: string;
}

export type EdgeKind = 'prod' | 'dev' | 'optional' | 'peer';

export interface ParseWarning {
  message: string;
  file: string;
  line?: number;
  col?: number;
}

/**
 * A parser's output: packages keyed by a parser-local id (anything unique within the file), edges
 * between those ids, and the file's direct dependencies (edges from the project to packages).
 */
export interface LockfileGraph {
  ecosystem: Ecosystem;
  /** Path relative to the scan root, with forward slashes. */
  file: string;
  /** Path relative to the workspace, for annotations (GitHub shows them on the file there). */
  display?: string;
  /** Format version as the file states it, for the summary (e.g. `3`, `9.0`, `yarn berry 8`). */
  format: string;
  packages: Map<string, PackageRecord>;
  edges: Map<string, Map<string, EdgeKind>>;
  /** Parser-local ids of the project's own direct dependencies. */
  direct: Map<string, EdgeKind>;
  warnings: ParseWarning[];
  /** Name/version of the project, when the lockfile or its manifest says. */
  projectName?: string;
  projectVersion?: string;
}

export interface Component extends PackageRecord {
  /** Canonical purl; also the component's identity (one component per distinct package version). */
  purl: string;
  /** Ecosystems/lockfiles that contributed this component, sorted. */
  ecosystems: Ecosystem[];
  files: string[];
  /** Dev-only: reachable from the project only through development dependencies. */
  dev: boolean;
  optional: boolean;
  /** Direct dependency of the root (or of a workspace member). */
  direct: boolean;
}

export interface RootComponent {
  name: string;
  version: string;
  purl?: string;
}

export interface SbomGraph {
  root: RootComponent;
  /** Sorted by purl. */
  components: Component[];
  /** purl → sorted dependency purls. The root's edges are under ROOT_REF. */
  dependencies: Map<string, string[]>;
  /** One entry per lockfile that was read. */
  sources: { file: string; display: string; ecosystem: Ecosystem; format: string; components: number }[];
  warnings: ParseWarning[];
}

/** The key under which the root component's own edges are kept. */
export const ROOT_REF = '#root';
