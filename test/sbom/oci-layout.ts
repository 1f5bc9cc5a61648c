import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Descriptor, digestOf, type Platform } from '../../shared/oci';

export type { Descriptor };

/**
 * Writes OCI image layouts without a daemon: each image is one gzip layer that the `tar` CLI
 * makes from a root filesystem directory (sorted, mtime 0, root-owned: the same bytes every time).
 */
export class OciLayout {
  readonly dir: string;
  private readonly blobs: string;

  constructor(dir: string) {
    this.dir = dir;
    this.blobs = join(dir, 'blobs', 'sha256');
    mkdirSync(this.blobs, { recursive: true });
    writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  }

  blob(data: Buffer): { digest: string; size: number } {
    const digest = digestOf(data);
    writeFileSync(join(this.blobs, digest.slice('sha256:'.length)), data);
    return { digest, size: data.length };
  }

  /** One image from `rootfs`, its config stating `platform`; returns the manifest's descriptor. */
  image(rootfs: string, platform: Platform = { os: 'linux', architecture: 'amd64' }): Descriptor {
    const tar = execFileSync(
      'tar',
      ['-C', rootfs, '--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', '-', '.'],
      { maxBuffer: 256 * 1024 * 1024 },
    );
    const layer = this.blob(gzipSync(tar));
    const config = this.blob(
      Buffer.from(JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [digestOf(tar)] }, config: {} })),
    );
    const manifest = this.blob(
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
        }),
      ),
    );
    return { mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest, platform };
  }

  /** A multi-platform image index over `manifests`, stored as a blob; returns its descriptor. */
  index(manifests: Descriptor[]): Descriptor {
    const mediaType = 'application/vnd.oci.image.index.v1+json';
    return { mediaType, ...this.blob(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests }))) };
  }

  /** index.json naming one descriptor (an image or an index) under the tag `ref`. */
  tag(descriptor: Descriptor, ref: string): void {
    const { platform: _, ...plain } = descriptor;
    writeFileSync(
      join(this.dir, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ ...plain, annotations: { 'org.opencontainers.image.ref.name': ref } }],
      }),
    );
  }
}
