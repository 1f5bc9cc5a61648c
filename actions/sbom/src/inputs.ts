import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigurationError } from '../../../shared/errors';
import { getBoolean, getEnum, getList, getSecret, getString } from '../../../shared/inputs';
import type { Platform } from '../../../shared/oci';
import { registerSecret } from '../../../shared/secrets';
import { closest } from '../../../shared/suggest';
import { parseDenyList } from './licenses/policy';
import type { LicenseMode } from './licenses/resolve';
import { Inputs } from './names';

export const FORMATS = ['spdx-json', 'cyclonedx-json'] as const;
export type Format = (typeof FORMATS)[number];

/** Always skipped: installed trees and VCS metadata hold copies, not the project's own lockfiles. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/vendor/**', '**/.git/**'];

export interface Options {
  path: string;
  /** A container image (syft's source schemes) to describe instead of the lockfiles under path. */
  image?: string;
  /** Which image of a multi-platform index to read (and what a single-platform image must be). */
  platform?: Platform;
  formats: Format[];
  outputDir: string;
  exclude: string[];
  /** Remote Maven repositories for parent POMs, BOMs and transitive dependencies (after ~/.m2/repository). */
  mavenRepositories: string[];
  includeDev: boolean;
  name?: string;
  version?: string;
  reproducible: boolean;
  licenses: LicenseMode;
  denyLicenses: string[];
  failOnUnknownLicense: boolean;
  compareTo?: string;
  submit: boolean;
  githubToken: string;
  matrix?: string;
}

/** Reads and checks every input before anything is scanned or written. */
export function parseInputs(): Options {
  const path = resolve(getString(Inputs.path, { default: '.' }));
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new ConfigurationError(`Input ${Inputs.path}: ${path} is not a directory`, { input: Inputs.path });
  }
  const formats: Format[] = [];
  for (const item of getList(Inputs.formats)) {
    if (!(FORMATS as readonly string[]).includes(item)) {
      const guess = closest(item, FORMATS);
      throw new ConfigurationError(
        `Input ${Inputs.formats} must list ${FORMATS.join(' and/or ')}, got "${item}"${guess ? `; did you mean "${guess}"?` : ''}`,
        { input: Inputs.formats },
      );
    }
    if (!formats.includes(item as Format)) formats.push(item as Format);
  }
  const compareTo = getString(Inputs.compareTo) || undefined;
  if (compareTo && !existsSync(compareTo)) {
    throw new ConfigurationError(`Input ${Inputs.compareTo}: ${compareTo} does not exist`, { input: Inputs.compareTo });
  }
  const submit = getBoolean(Inputs.submit, { default: false });
  const githubToken = getSecret(Inputs.githubToken);
  if (submit && githubToken.trim() === '') {
    throw new ConfigurationError(
      `Input ${Inputs.submit} needs ${Inputs.githubToken} (the default github.token works with "permissions: contents: write")`,
      {
        input: Inputs.githubToken,
      },
    );
  }
  const image = getString(Inputs.image) || undefined;
  const platform = getString(Inputs.platform) ? parsePlatformInput(getString(Inputs.platform)) : undefined;
  if (platform && !image)
    throw new ConfigurationError(`Input ${Inputs.platform} applies to a container image; give ${Inputs.image} too`, {
      input: Inputs.platform,
    });
  return {
    path,
    image,
    platform,
    formats: formats.length > 0 ? formats : [...FORMATS],
    outputDir: resolve(getString(Inputs.outputDir, { default: '.' })),
    exclude: [...DEFAULT_EXCLUDES, ...getList(Inputs.exclude)],
    mavenRepositories: mavenRepositories(),
    includeDev: getBoolean(Inputs.includeDev, { default: true }),
    name: getString(Inputs.name) || undefined,
    version: getString(Inputs.version) || undefined,
    reproducible: getBoolean(Inputs.reproducible, { default: true }),
    licenses: getEnum(Inputs.licenses, ['auto', 'lockfile', 'none'] as const, { default: 'auto' }),
    denyLicenses: parseDenyList(getList(Inputs.denyLicenses)),
    failOnUnknownLicense: getBoolean(Inputs.failOnUnknownLicense, { default: false }),
    compareTo,
    submit,
    githubToken,
    matrix: getString(Inputs.matrix) || undefined,
  };
}

/** Architecture spellings Docker and containerd accept for their canonical ones (uname, Debian). */
const ARCH_ALIASES: Record<string, { architecture: string; variant?: string }> = {
  x86_64: { architecture: 'amd64' },
  'x86-64': { architecture: 'amd64' },
  aarch64: { architecture: 'arm64' },
  armhf: { architecture: 'arm', variant: 'v7' },
  armel: { architecture: 'arm', variant: 'v6' },
  i386: { architecture: '386' },
};

/** `os/arch[/variant]` as `docker --platform` takes it: linux/amd64, linux/arm64, linux/arm/v7. */
export function parsePlatformInput(text: string): Platform {
  const m = /^([a-z0-9_]+)\/([a-z0-9_-]+)(?:\/([a-z0-9_.]+))?$/.exec(text.trim().toLowerCase());
  if (!m)
    throw new ConfigurationError(
      `Input ${Inputs.platform} must be os/architecture[/variant] as docker --platform takes it, e.g. linux/arm64 or linux/arm/v7; got "${text}"`,
      { input: Inputs.platform },
    );
  const alias = ARCH_ALIASES[m[2] as string];
  return {
    os: m[1] as string,
    architecture: alias?.architecture ?? (m[2] as string),
    variant: m[3] ?? alias?.variant,
  };
}

export const MAVEN_CENTRAL = 'https://repo.maven.apache.org/maven2';

/** `maven-repositories`: http(s) base URLs, in the order they are asked; Maven Central when empty. */
export function mavenRepositories(): string[] {
  const list = getList(Inputs.mavenRepositories);
  for (const url of list) {
    // A private repository's credentials in its URL (https://user:token@host/...): masked before
    // anything can print the URL, in the forms they travel in (percent-encoded, decoded, and
    // base64 of user:password as the Basic header carries them).
    const userinfo = /^[^:/\s]+:\/\/([^/@\s]*)@/.exec(url)?.[1];
    if (userinfo) {
      const colon = userinfo.indexOf(':');
      const decode = (text: string): string => {
        try {
          return decodeURIComponent(text);
        } catch {
          return text;
        }
      };
      if (colon >= 0) {
        const password = userinfo.slice(colon + 1);
        registerSecret(password);
        registerSecret(decode(password));
      }
      registerSecret(
        colon >= 0 ? `${decode(userinfo.slice(0, colon))}:${decode(userinfo.slice(colon + 1))}` : decode(userinfo),
      );
    }
    if (!/^https?:\/\/[^\s/]+/.test(url))
      throw new ConfigurationError(
        `Input ${Inputs.mavenRepositories}: "${url}" is not an http(s) URL of a Maven repository (e.g. ${MAVEN_CENTRAL})`,
        { input: Inputs.mavenRepositories },
      );
  }
  return list.length > 0 ? list : [MAVEN_CENTRAL];
}
