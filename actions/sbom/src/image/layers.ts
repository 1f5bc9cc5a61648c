import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { extract } from 'tar-stream';
import { ConfigurationError } from '../../../../shared/errors';

/** One layer as a source hands it over: its bytes (compressed or not) and the diff id it must hash to. */
export interface ImageLayer {
  /** sha256 of the uncompressed tar, from the image config: the layer's identity whatever the transport. */
  diffId: string;
  /** Opens the layer's bytes; gzip and zstd are recognised by their magic, anything else is a plain tar. */
  open(): Promise<Readable>;
  /** For messages: where the bytes come from. */
  describe: string;
}

/** A file of interest as the image's final filesystem has it. */
export interface FoundFile {
  path: string;
  /** Index into the layers (0 = base). */
  layer: number;
  data?: Buffer;
  /** What a cataloger made of a binary as it streamed by (Go build info, a jar's pom.properties). */
  parsed?: unknown;
  /** Symlink target, for /etc/os-release → ../usr/lib/os-release. */
  link?: string;
}

export interface Interest {
  /** Keep the bytes of this path (small metadata files). */
  keep(path: string): boolean;
  /** Parse the bytes of this path as it streams by and keep only the result (binaries, archives). */
  parse?(path: string, mode: number, size: number): ((data: Buffer) => unknown | Promise<unknown>) | undefined;
  /** Every version of these paths, per layer, is kept too (package databases: which layer added what). */
  history?(path: string): boolean;
}

export interface Squashed {
  files: Map<string, FoundFile>;
  /** Per path, each layer's version of it in layer order (deleted = no data). */
  history: Map<string, { layer: number; data?: Buffer }[]>;
  /** Files of interest that could not be parsed, with why. */
  unreadable: string[];
}

/** Files above this size are never read whole (a metadata file or jar of interest is far smaller). */
const MAX_PARSE = 512 * 1024 * 1024;
const MAX_KEEP = 64 * 1024 * 1024;

/**
 * Reads the layers in order into the final filesystem's view of the files of interest, applying
 * whiteouts as overlayfs does: `dir/.wh.name` deletes `name` (and all below it) from the lower
 * layers, `dir/.wh..wh..opq` empties `dir` of everything the lower layers put there. A file a later
 * layer deleted does not count. Each layer's uncompressed bytes must hash to its diff id.
 */
export async function squash(layers: readonly ImageLayer[], interest: Interest, what: string): Promise<Squashed> {
  const files = new Map<string, FoundFile>();
  const history = new Map<string, { layer: number; data?: Buffer }[]>();
  const unreadable: string[] = [];
  const remove = (target: string, layer: number) => {
    const prefix = `${target}/`;
    for (const [path, file] of files) {
      if (file.layer < layer && (path === target || path.startsWith(prefix))) {
        files.delete(path);
        history.get(path)?.push({ layer });
      }
    }
  };
  for (const [index, layer] of layers.entries()) {
    const tar = extract();
    const hash = createHash('sha256');
    const opened = await layer.open();
    const plain = await decompressed(opened);
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const reading = (async () => {
      for await (const entry of tar) {
        const header = entry.header;
        const path = normalise(header.name);
        const base = posix.basename(path);
        const dir = posix.dirname(path);
        if (base === '.wh..wh..opq') {
          for (const [p, file] of files) {
            if (file.layer < index && p.startsWith(dir === '/' ? '/' : `${dir}/`)) {
              files.delete(p);
              history.get(p)?.push({ layer: index });
            }
          }
          entry.resume();
          continue;
        }
        if (base.startsWith('.wh.')) {
          remove(posix.join(dir, base.slice(4)), index);
          entry.resume();
          continue;
        }
        // A file (or link) replacing a directory hides what was below it.
        if (header.type !== 'directory') remove(path, index);
        if (header.type === 'symlink' && interest.keep(path)) {
          files.set(path, { path, layer: index, link: header.linkname ?? '' });
          entry.resume();
          continue;
        }
        if (header.type === 'link' && header.linkname) {
          const target = files.get(normalise(header.linkname));
          if (target && (interest.keep(path) || interest.parse?.(path, header.mode ?? 0, header.size ?? 0))) {
            files.set(path, { ...target, path, layer: index });
          }
          entry.resume();
          continue;
        }
        if (header.type !== 'file' && header.type !== 'contiguous-file') {
          entry.resume();
          continue;
        }
        const size = header.size ?? 0;
        const parser = size <= MAX_PARSE ? interest.parse?.(path, header.mode ?? 0, size) : undefined;
        const keep = size <= MAX_KEEP && interest.keep(path);
        if (!parser && !keep) {
          entry.resume();
          continue;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        const data = Buffer.concat(chunks);
        const found: FoundFile = { path, layer: index };
        if (keep) found.data = data;
        if (parser) {
          try {
            found.parsed = await parser(data);
          } catch (error) {
            // One unreadable jar or binary is that file's problem, not the image's.
            unreadable.push(`${path} (layer ${index + 1}): ${(error as Error).message}`);
          }
        }
        if (found.data !== undefined || found.parsed !== undefined) files.set(path, found);
        if (interest.history?.(path)) {
          let list = history.get(path);
          if (!list) {
            list = [];
            history.set(path, list);
          }
          list.push({ layer: index, data });
        }
      }
    })();
    try {
      await Promise.all([pipeline(plain, hashing, tar), reading]);
    } catch (error) {
      throw new ConfigurationError(
        `${what}: layer ${index + 1} of ${layers.length} (${layer.describe}) cannot be read: ${(error as Error).message}. The image is incomplete or corrupt.`,
        { cause: error },
      );
    }
    const actual = `sha256:${hash.digest('hex')}`;
    if (actual !== layer.diffId) {
      throw new ConfigurationError(
        `${what}: layer ${index + 1} (${layer.describe}) does not match the image config: its content hashes to ${actual}, the config says ${layer.diffId}. The image is corrupt.`,
      );
    }
  }
  return { files, history, unreadable };
}

/** `./usr/lib/x`, `usr/lib/x/` → `/usr/lib/x`. */
export function normalise(name: string): string {
  const joined = posix.normalize(`/${name}`);
  return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}

/** The stream decompressed by what its first bytes say it is. */
async function decompressed(stream: Readable): Promise<Readable> {
  const head = await new Promise<Buffer | null>((resolve, reject) => {
    const onReadable = () => {
      cleanup();
      resolve(stream.read() as Buffer | null);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
  const out = new PassThrough();
  if (head === null) {
    out.end();
    return out;
  }
  stream.unshift(head);
  if (head[0] === 0x1f && head[1] === 0x8b) return forward(stream, createGunzip());
  if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
    return forward(stream, createZstdDecompress());
  return forward(stream, out);
}

function forward(from: Readable, to: NodeJS.ReadWriteStream & Readable): Readable {
  from.on('error', (error) => to.destroy(error));
  return from.pipe(to);
}
