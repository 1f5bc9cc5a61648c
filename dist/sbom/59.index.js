export const id = 59;
export const ids = [59];
export const modules = {

/***/ 59:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SCHEMES: () => (/* reexport */ SCHEMES),
  describeCycloneDx: () => (/* binding */ describeCycloneDx),
  describeSpdx: () => (/* binding */ describeSpdx),
  parseImageInput: () => (/* reexport */ parseImageInput),
  scanImage: () => (/* binding */ scanImage)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(3497);
// EXTERNAL MODULE: ./actions/sbom/src/model/purl.ts
var purl = __webpack_require__(7572);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(663);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/text.ts
var licenses_text = __webpack_require__(5357);
;// CONCATENATED MODULE: ./actions/sbom/src/image/languages.ts




/** `…/node_modules/name/package.json` or `…/node_modules/@scope/name/package.json` (not files deeper in a package). */
const NODE_PACKAGE = /\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
const PYTHON_METADATA = /\/[^/]+\.dist-info\/METADATA$|\/[^/]+\.egg-info\/PKG-INFO$|\/[^/]+\.egg-info$/;
const JAVA_ARCHIVE = /\.(jar|war|ear|jpi|hpi)$/;
function parseNodePackage(data, path) {
    let json;
    try {
        json = JSON.parse(data.toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (typeof json.name !== 'string' || typeof json.version !== 'string' || !json.name)
        return undefined;
    const license = (0,licenses_text/* licenseText */.B)(json.license ?? json.licenses);
    return {
        purlType: 'npm',
        ...(0,purl/* npmName */.Ln)(json.name),
        version: json.version,
        license: license ? { expression: license, valid: false, source: path } : undefined,
    };
}
/** Core metadata (METADATA / PKG-INFO): Name, Version, License-Expression or License or the license classifiers. */
function parsePythonMetadata(data, path) {
    const head = data.toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
    const fields = new Map();
    const classifiers = [];
    for (const line of head.split(/\r?\n/)) {
        const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (!m)
            continue;
        const key = m[1].toLowerCase();
        if (key === 'classifier' && m[2].startsWith('License :: OSI Approved :: ')) {
            classifiers.push(m[2].slice('License :: OSI Approved :: '.length));
        }
        if (!fields.has(key))
            fields.set(key, m[2].trim());
    }
    const name = fields.get('name');
    const version = fields.get('version');
    if (!name || !version)
        return undefined;
    const stated = fields.get('license-expression') ?? fields.get('license');
    const text = stated && stated !== 'UNKNOWN' && !stated.includes('\n') && stated.length < 100
        ? stated
        : classifiers.join(' OR ') || undefined;
    const license = text ? { expression: text, valid: false, source: path } : undefined;
    return { purlType: 'pypi', name: (0,purl/* pep503 */.g9)(name), version, license };
}
/**
 * Inflated size limits: a manifest or pom.properties of more is not one (a zip bomb), nor is a
 * nested jar of more; and one archive's nested jars together inflate to at most `nestedTotal` (a
 * 50 MB jar of 256 MiB bombs would otherwise inflate for minutes). Tests lower them.
 */
const JAR_LIMITS = {
    metadata: 16 * 1024 * 1024,
    nested: 256 * 1024 * 1024,
    nestedTotal: 2 * 1024 * 1024 * 1024,
};
/**
 * The packages in a Java archive, as syft's java cataloger finds them: every
 * `META-INF/maven/<group>/<artifact>/pom.properties`; and, when the archive has a MANIFEST.MF and
 * none of those is the archive itself, the archive as a package named from its manifest and file
 * name (a Gradle- or Ant-built jar has no pom.properties). Jars nested one level deep (Spring
 * Boot's BOOT-INF/lib, a war's WEB-INF/lib) are read the same way. An archive that is not a
 * readable zip throws; a nested jar or entry that cannot be read is a problem, the rest is kept.
 */
async function parseJar(data, path, depth = 0) {
    const zip = await openZip(data);
    const out = { packages: [], problems: [] };
    try {
        const poms = [];
        let manifest;
        const nested = [];
        let nestedBytes = 0;
        for (const entry of await entriesOf(zip)) {
            const name = entry.fileName;
            const isPom = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(name);
            const isManifest = name === 'META-INF/MANIFEST.MF';
            const isNested = depth === 0 && JAVA_ARCHIVE.test(name);
            if (!isPom && !isManifest && !isNested)
                continue;
            if (isNested) {
                // Sizes as the central directory states them: yauzl refuses an entry that inflates to other than it says.
                if (nestedBytes + entry.uncompressedSize > JAR_LIMITS.nestedTotal) {
                    out.problems.push(`${name}: not read, the archive's nested jars would inflate past the ${mib(JAR_LIMITS.nestedTotal)} limit`);
                    continue;
                }
                nestedBytes += entry.uncompressedSize;
            }
            let bytes;
            try {
                bytes = await readEntry(zip, entry, isNested ? JAR_LIMITS.nested : JAR_LIMITS.metadata);
            }
            catch (error) {
                out.problems.push(`${name}: ${error.message}`);
                continue;
            }
            if (isPom) {
                const props = new Map();
                for (const line of bytes.toString('utf8').split(/\r?\n/)) {
                    const m = /^\s*([^#!=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
                    if (m)
                        props.set(m[1], m[2].trim());
                }
                const group = props.get('groupId');
                const artifact = props.get('artifactId');
                const version = props.get('version');
                if (group && artifact && version)
                    poms.push({ purlType: 'maven', namespace: group, name: artifact, version });
            }
            else if (isManifest) {
                manifest = parseManifest(bytes.toString('utf8'));
            }
            else {
                try {
                    const inner = await parseJar(bytes, name, depth + 1);
                    nested.push(...inner.packages);
                    out.problems.push(...inner.problems.map((p) => `${name}!/${p}`));
                }
                catch (error) {
                    out.problems.push(`${name}: ${error.message}`);
                }
            }
        }
        out.packages.push(...poms.map((record) => ({ record })));
        const file = external_node_path_.posix.basename(path);
        const fileName = splitArchiveName(file).name;
        // The archive's own pom.properties (the only one, named like the file) is its identity, as in
        // syft; otherwise the archive is a package of its own unless a pom.properties names the same.
        const own = poms.length === 1 && fileName !== '' && poms[0].name.startsWith(fileName);
        // A nested jar's manifest is named by its path in the outer one (BOOT-INF/lib/x.jar!/META-INF/MANIFEST.MF).
        const self = manifest && !own ? fromManifest(manifest, file, depth > 0 ? `${path}!/` : '') : undefined;
        if (self &&
            !poms.some((p) => p.name === self.record.name && (!self.record.version || p.version === self.record.version)))
            out.packages.unshift(self);
        out.packages.push(...nested);
        return out;
    }
    finally {
        zip.close();
    }
}
function parseManifest(text) {
    const sections = [new Map()];
    let last;
    for (const line of text.split(/\r?\n|\r/)) {
        const current = sections[sections.length - 1];
        if (line.trim() === '') {
            if (current.size > 0)
                sections.push(new Map());
            last = undefined;
        }
        else if (line.startsWith(' ')) {
            if (last)
                current.set(last, `${current.get(last) ?? ''}${line.slice(1)}`);
        }
        else {
            const colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            last = line.slice(0, colon).trim();
            current.set(last, line.slice(colon + 1).trim());
        }
    }
    return { main: sections[0], sections: sections.slice(1).filter((s) => s.size > 0) };
}
/**
 * `commons-text-1.10.0` → name and version, as syft splits archive file names: dash-separated
 * words up to the first part that starts with a digit (or is `build<n>…`, `r<n>`, `rc<n>`); else
 * a `_1.2` / `.1.2` suffix.
 */
function splitArchiveName(file) {
    const base = file.replace(/\.[^.]*$/, '');
    const parts = base.split('-');
    const versionAt = parts.findIndex((p, i) => i > 0 && /^(?:\d|build\d|rc?\d+$)/i.test(p));
    const nameParts = versionAt < 0 ? parts : parts.slice(0, versionAt);
    if (!nameParts.every((p) => /^[A-Za-z][\w.]*$/.test(p)))
        return { name: '', version: '' };
    let name = nameParts.join('-');
    let version = versionAt < 0 ? '' : parts.slice(versionAt).join('-');
    if (!version) {
        const m = /[._-]((?:\d|build\d|rc?\d+$).*)$/i.exec(name);
        if (m && m.index > 0) {
            version = m[1];
            name = name.slice(0, m.index);
        }
    }
    return { name, version };
}
const GROUP_FIELDS = [
    'Group-Id',
    'Bundle-SymbolicName',
    'Extension-Name',
    'Specification-Vendor',
    'Implementation-Vendor',
    'Implementation-Vendor-Id',
    'Implementation-Title',
    'Bundle-Activator',
];
const SECONDARY_GROUP_FIELDS = ['Automatic-Module-Name', 'Main-Class', 'Package'];
const NAME_FIELDS = ['Name', 'Bundle-Name', 'Short-Name', 'Extension-Name', 'Implementation-Title'];
const VERSION_FIELDS = ['Implementation-Version', 'Specification-Version', 'Plugin-Version', 'Bundle-Version'];
/** A value is taken as a group id when it starts like a reverse domain (syft's check, with the dot). */
const REVERSE_DOMAIN = /^(?:com|org|net|io|be)\./;
/** `org.bar;singleton:=true` → `org.bar` (OSGi directives), `x#y` → `x`. */
const cleanGroup = (value) => value.split(';')[0].split('#')[0]?.trim() ?? '';
/** The archive as a package from its MANIFEST.MF and file name, with the order of evidence syft uses. */
function fromManifest(manifest, file, inside) {
    const evidence = [];
    const field = (key) => {
        const value = manifest.main.get(key) || manifest.sections.map((s) => s.get(key)).find(Boolean);
        return value || undefined;
    };
    const fromFile = splitArchiveName(file);
    const mf = `${inside}META-INF/MANIFEST.MF`;
    let name = '';
    // 1. The Apache Maven Bundle Plugin writes Bundle-SymbolicName as group + artifact.
    const symbolic = field('Bundle-SymbolicName');
    if (field('Created-By')?.includes('Apache Maven Bundle Plugin') &&
        symbolic &&
        symbolic !== field('Implementation-Vendor-Id')) {
        name = cleanGroup(symbolic).split('.').pop() ?? '';
        if (name)
            evidence.push(identity('name', name, 'manifest-analysis', `${mf} Bundle-SymbolicName`, 0.7));
    }
    // 2. The file name (`group.artifact-1.0.jar` counts as the artifact, Eclipse's dotted names excepted).
    if (!name && fromFile.name) {
        const fields = fromFile.name.split('.');
        name =
            fields.length > 1 &&
                !fromFile.name.startsWith('org.eclipse.') &&
                fields.every((f) => /^[\p{L}\p{Nl}\p{Sc}_]/u.test(f))
                ? fields[fields.length - 1]
                : fromFile.name;
        evidence.push(identity('name', name, 'filename', `file name ${file}`, 0.5));
    }
    // 3. The manifest's own name fields.
    if (!name) {
        const key = NAME_FIELDS.find((k) => manifest.main.get(k));
        if (key) {
            name = manifest.main.get(key);
            evidence.push(identity('name', name, 'manifest-analysis', `${mf} ${key}`, 0.5));
        }
    }
    if (!name)
        return undefined;
    let version = fromFile.version;
    if (version)
        evidence.push(identity('version', version, 'filename', `file name ${file}`, 0.5));
    else {
        const key = VERSION_FIELDS.find((k) => field(k));
        if (key) {
            version = field(key);
            evidence.push(identity('version', version, 'manifest-analysis', `${mf} ${key}`, 0.6));
        }
    }
    let group;
    for (const fields of [GROUP_FIELDS, SECONDARY_GROUP_FIELDS]) {
        const candidates = [];
        for (const key of fields) {
            for (const section of [manifest.main, ...manifest.sections]) {
                const value = section.get(key);
                if (value && REVERSE_DOMAIN.test(value))
                    candidates.push([cleanGroup(value), key]);
            }
        }
        // syft takes the alphabetically first candidate of the first group of fields that has any.
        candidates.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        const first = candidates[0];
        if (first) {
            group = first[0];
            evidence.push(identity('group', group, 'manifest-analysis', `${mf} ${first[1]}`, 0.3));
            break;
        }
    }
    if (!group) {
        // No group anywhere: syft uses the name, as Maven does for artifacts like junit:junit.
        group = name;
        evidence.push(identity('group', group, 'other', 'the name (no group in MANIFEST.MF)', 0.1));
    }
    const license = field('Bundle-License');
    return {
        record: {
            purlType: 'maven',
            namespace: group,
            name,
            version,
            license: license ? { expression: license, valid: false, source: inside ? mf : `${file}!/${mf}` } : undefined,
        },
        evidence,
    };
}
function identity(field, value, technique, source, confidence) {
    return { field, value, technique, source, confidence };
}
function openZip(data) {
    return new Promise((resolve, reject) => yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) => error ? reject(new Error(`not a readable zip: ${error.message}`)) : resolve(zip)));
}
/** Every entry of the central directory (zip64 and data-descriptor entries included: yauzl reads both). */
function entriesOf(zip) {
    return new Promise((resolve, reject) => {
        const entries = [];
        zip.on('entry', (entry) => {
            entries.push(entry);
            zip.readEntry();
        });
        zip.once('end', () => resolve(entries));
        zip.once('error', (error) => reject(new Error(`not a readable zip: ${error.message}`)));
        zip.readEntry();
    });
}
/**
 * One entry's bytes, inflated up to `limit`: an entry that says it is larger, or inflates past
 * it, is refused (a zip bomb) without inflating the rest; one that inflates to more or fewer bytes
 * than it says, or fails its CRC, is refused by yauzl.
 */
const mib = (n) => `${Math.round(n / 1024 / 1024)} MiB`;
function readEntry(zip, entry, limit) {
    if (entry.isEncrypted())
        return Promise.reject(new Error('encrypted'));
    if (entry.uncompressedSize > limit)
        return Promise.reject(new Error(`inflates to ${mib(entry.uncompressedSize)}, over the ${mib(limit)} limit`));
    return new Promise((resolve, reject) => {
        zip.openReadStream(entry, (error, stream) => {
            if (error)
                return reject(error);
            const chunks = [];
            let size = 0;
            stream.on('data', (chunk) => {
                size += chunk.length;
                if (size > limit)
                    stream.destroy(new Error(`inflates past the ${mib(limit)} limit`));
                else
                    chunks.push(chunk);
            });
            stream.once('error', reject);
            stream.once('end', () => resolve(Buffer.concat(chunks)));
        });
    });
}
const GO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF = Buffer.from('\x7fELF', 'latin1');
/**
 * The build info Go ≥ 1.18 embeds in every binary (what `go version -m` prints): a 32-byte header
 * starting "\xff Go buildinf:" whose flags byte says the two strings follow inline as varint-length
 * strings (the Go version, then the module info between 16-byte sentinels). Older binaries point
 * at the strings through the data segment instead; they are reported as unreadable, not guessed.
 */
function parseGoBuildInfo(data) {
    if (data.length < 64 || !data.subarray(0, 4).equals(ELF))
        return undefined;
    const at = data.indexOf(GO_MAGIC);
    if (at < 0)
        return undefined;
    const flags = data[at + 15] ?? 0;
    if ((flags & 0x2) === 0)
        return 'old-format';
    let p = at + 32;
    const read = () => {
        let length = 0;
        let shift = 0;
        for (;;) {
            const byte = data[p++];
            if (byte === undefined || shift > 28)
                return undefined;
            length |= (byte & 0x7f) << shift;
            shift += 7;
            if (byte < 0x80)
                break;
        }
        if (p + length > data.length)
            return undefined;
        const text = data.subarray(p, p + length).toString('utf8');
        p += length;
        return text;
    };
    const goVersion = read();
    const modRaw = read();
    if (!goVersion || modRaw === undefined)
        return undefined;
    const mod = modRaw.length >= 33 ? modRaw.slice(16, -16) : modRaw;
    const info = { goVersion, deps: [], settings: new Map() };
    let last;
    for (const line of mod.split('\n')) {
        const [kind, path, version, sum] = line.split('\t');
        if (kind === 'path' && path)
            info.path = path;
        else if (kind === 'build' && path) {
            const eq = path.indexOf('=');
            if (eq > 0)
                info.settings.set(path.slice(0, eq), unquoteSetting(path.slice(eq + 1)));
        }
        else if (kind === 'mod' && path)
            info.main = { path, version: version ?? '' };
        else if (kind === 'dep' && path) {
            last = { path, version: version ?? '' };
            info.deps.push({ ...last, sum });
        }
        else if (kind === '=>' && path && last) {
            // A replaced dependency: the replacement is what was built in.
            last.path = path;
            last.version = version ?? '';
            const entry = info.deps[info.deps.length - 1];
            if (entry)
                Object.assign(entry, { path, version: version ?? '', sum });
        }
    }
    return info;
}
/** Go writes a build setting's value quoted (strconv.Quote) when it holds spaces or quotes: `-ldflags="-s -X a=b"`. */
function unquoteSetting(value) {
    if (!value.startsWith('"'))
        return value;
    try {
        const text = JSON.parse(value);
        return typeof text === 'string' ? text : value;
    }
    catch {
        return value;
    }
}
/** syft's knownBuildFlagPatterns: `-X main.version=1.2.3`, `-X <module>/pkg.gitTag=v1.2.3`… */
const LDFLAGS_VERSION = [
    String.raw `\.[a-zA-Z0-9]*(?:[rR]elease)?(?:[gG]it)?(?:[bB]uild)?[vV]er(?:sion)?=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
    String.raw `\.[a-zA-Z0-9]*[tT]ag=(?:\S+\/)*(v?\d+.\d+.\d+[-\w]*)`,
];
/** The version `-ldflags -X` stamped into the main package or a package of the main module, `v`-prefixed as syft does. */
function ldflagsVersion(ldflags, mainModule) {
    if (!ldflags)
        return '';
    const owner = `(?:main|${mainModule.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')}\\/\\S*)`;
    for (const pattern of LDFLAGS_VERSION) {
        const version = new RegExp(owner + pattern).exec(ldflags)?.[1];
        if (version)
            return version.startsWith('v') ? version : `v${version}`;
    }
    return '';
}
/**
 * The main module's version. Go before 1.24 writes `(devel)` for it; as syft does, a version
 * stamped with `-ldflags -X main.version=…` comes first, else a build from a VCS checkout gets the
 * pseudo-version of its commit (`v0.0.0-<vcs.time UTC>-<12 hex of vcs.revision>`), which names
 * exactly what was built. Otherwise no version (never a made-up one).
 */
function goMainVersion(info) {
    const version = info.main?.version ?? '';
    if (version !== '(devel)')
        return version;
    const stamped = ldflagsVersion(info.settings.get('-ldflags') ?? '', info.main?.path ?? '');
    if (stamped)
        return stamped;
    const revision = info.settings.get('vcs.revision');
    const time = Date.parse(info.settings.get('vcs.time') ?? '');
    if (!revision || !/^[0-9a-f]{12,}$/.test(revision) || Number.isNaN(time))
        return '';
    const stamp = new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `v0.0.0-${stamp}-${revision.slice(0, 12)}`;
}
/** Go module path → purl namespace/name (`github.com/spf13/cobra` → `github.com/spf13` + `cobra`). */
function goRecord(path, version) {
    const slash = path.lastIndexOf('/');
    return {
        purlType: 'golang',
        namespace: slash > 0 ? path.slice(0, slash) : undefined,
        name: slash > 0 ? path.slice(slash + 1) : path,
        // `(devel)` is what Go writes for an unversioned main module: no version, never a made-up one.
        version: version === '(devel)' ? '' : version,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
;// CONCATENATED MODULE: ./actions/sbom/src/image/layers.ts







/** Files above this size are never read whole (a metadata file or jar of interest is far smaller). */
const MAX_PARSE = 512 * 1024 * 1024;
const MAX_KEEP = 64 * 1024 * 1024;
/**
 * Reads the layers in order into the final filesystem's view of the files of interest, applying
 * whiteouts as overlayfs does: `dir/.wh.name` deletes `name` (and all below it) from the lower
 * layers, `dir/.wh..wh..opq` empties `dir` of everything the lower layers put there. A file a later
 * layer deleted does not count. Each layer's uncompressed bytes must hash to its diff id.
 */
async function squash(layers, interest, what) {
    const files = new Map();
    const history = new Map();
    const unreadable = [];
    const remove = (target, layer) => {
        const prefix = `${target}/`;
        for (const [path, file] of files) {
            if (file.layer < layer && (path === target || path.startsWith(prefix))) {
                files.delete(path);
                history.get(path)?.push({ layer });
            }
        }
    };
    for (const [index, layer] of layers.entries()) {
        const tar = (0,tar_stream.extract)();
        const hash = (0,external_node_crypto_.createHash)('sha256');
        const opened = await layer.open();
        const plain = await decompressed(opened);
        const hashing = new external_node_stream_.Transform({
            transform(chunk, _enc, done) {
                hash.update(chunk);
                done(null, chunk);
            },
        });
        const reading = (async () => {
            for await (const entry of tar) {
                const header = entry.header;
                const path = normalise(header.name);
                const base = external_node_path_.posix.basename(path);
                const dir = external_node_path_.posix.dirname(path);
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
                    remove(external_node_path_.posix.join(dir, base.slice(4)), index);
                    entry.resume();
                    continue;
                }
                // A file (or link) replacing a directory hides what was below it.
                if (header.type !== 'directory')
                    remove(path, index);
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
                const chunks = [];
                for await (const chunk of entry)
                    chunks.push(chunk);
                const data = Buffer.concat(chunks);
                const found = { path, layer: index };
                if (keep)
                    found.data = data;
                if (parser) {
                    try {
                        found.parsed = await parser(data);
                    }
                    catch (error) {
                        // One unreadable jar or binary is that file's problem, not the image's.
                        unreadable.push(`${path} (layer ${index + 1}): ${error.message}`);
                    }
                }
                if (found.data !== undefined || found.parsed !== undefined)
                    files.set(path, found);
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
            await Promise.all([(0,promises_.pipeline)(plain, hashing, tar), reading]);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`${what}: layer ${index + 1} of ${layers.length} (${layer.describe}) cannot be read: ${error.message}. The image is incomplete or corrupt.`, { cause: error });
        }
        const actual = `sha256:${hash.digest('hex')}`;
        if (actual !== layer.diffId) {
            throw new errors/* ConfigurationError */.j1(`${what}: layer ${index + 1} (${layer.describe}) does not match the image config: its content hashes to ${actual}, the config says ${layer.diffId}. The image is corrupt.`);
        }
    }
    return { files, history, unreadable };
}
/** `./usr/lib/x`, `usr/lib/x/` → `/usr/lib/x`. */
function normalise(name) {
    const joined = external_node_path_.posix.normalize(`/${name}`);
    return joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
}
/** The stream decompressed by what its first bytes say it is. */
async function decompressed(stream) {
    const head = await new Promise((resolve, reject) => {
        const onReadable = () => {
            cleanup();
            resolve(stream.read());
        };
        const onEnd = () => {
            cleanup();
            resolve(null);
        };
        const onError = (error) => {
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
    const out = new external_node_stream_.PassThrough();
    if (head === null) {
        out.end();
        return out;
    }
    stream.unshift(head);
    if (head[0] === 0x1f && head[1] === 0x8b)
        return forward(stream, (0,external_node_zlib_.createGunzip)());
    if (head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd)
        return forward(stream, (0,external_node_zlib_.createZstdDecompress)());
    return forward(stream, out);
}
function forward(from, to) {
    from.on('error', (error) => to.destroy(error));
    return from.pipe(to);
}

// EXTERNAL MODULE: ./node_modules/spdx-correct/index.js
var spdx_correct = __webpack_require__(5728);
var spdx_correct_default = /*#__PURE__*/__webpack_require__.n(spdx_correct);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/expression.ts
var expression = __webpack_require__(68);
;// CONCATENATED MODULE: ./actions/sbom/src/image/os.ts


function parseOsRelease(text, source) {
    const fields = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
        if (!m)
            continue;
        let value = m[2].trim();
        if (/^(["']).*\1$/.test(value))
            value = value.slice(1, -1).replace(/\\(["'\\$`])/g, '$1');
        fields[m[1]] = value;
    }
    if (!fields.ID)
        return undefined;
    return { id: fields.ID.toLowerCase(), versionId: fields.VERSION_ID, prettyName: fields.PRETTY_NAME, source };
}
function distroQualifier(distro) {
    if (!distro)
        return undefined;
    return distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
}
/** RFC 822-style stanzas (dpkg status, Debian copyright), with the line each starts on. */
function stanzas(text) {
    const out = [];
    let fields = new Map();
    let start = 1;
    let last;
    const lines = text.split(/\r?\n/);
    for (const [i, line] of lines.entries()) {
        if (line.trim() === '') {
            if (fields.size > 0)
                out.push({ fields, line: start });
            fields = new Map();
            last = undefined;
            continue;
        }
        if (fields.size === 0)
            start = i + 1;
        if (/^\s/.test(line) && last) {
            fields.set(last, `${fields.get(last)}\n${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        last = line.slice(0, colon).trim().toLowerCase();
        fields.set(last, line.slice(colon + 1).trim());
    }
    if (fields.size > 0)
        out.push({ fields, line: start });
    return out;
}
/**
 * Dependency edges between installed packages, keyed by package key: each requirement goes to the
 * first alternative something installed is or provides. Requirements nothing installed satisfies
 * (a package's dependency removed by hand, a virtual package) are left out, never invented.
 */
function dependencyEdges(packages) {
    const byName = new Map();
    for (const p of packages)
        byName.set(p.record.name, p.key);
    for (const p of packages)
        for (const name of p.provides)
            if (!byName.has(name))
                byName.set(name, p.key);
    const edges = new Map();
    for (const p of packages) {
        const targets = new Set();
        for (const alternatives of p.depends) {
            const hit = alternatives.map((name) => byName.get(name)).find((key) => key !== undefined);
            if (hit && hit !== p.key)
                targets.add(hit);
        }
        if (targets.size > 0)
            edges.set(p.key, [...targets]);
    }
    return edges;
}
/** `libc6 (>= 2.34), libssl3 (>= 3.0.9) | libssl1.1, python3:any` → [[libc6], [libssl3, libssl1.1], [python3]]. */
function dpkgRelations(text) {
    if (!text)
        return [];
    return text
        .split(',')
        .map((group) => group
        .split('|')
        .map((alt) => alt.trim().split(/[\s(:[]/)[0])
        .filter(Boolean))
        .filter((group) => group.length > 0);
}
/** Installed packages of a dpkg status file (or a distroless status.d entry). */
function parseDpkgStatus(text, distro) {
    const out = [];
    const namespace = distro?.id ?? 'debian';
    for (const { fields, line } of stanzas(text)) {
        const name = fields.get('package');
        const version = fields.get('version');
        if (!name || !version)
            continue;
        const status = fields.get('status');
        // status.d entries have no Status: they list what is installed.
        if (status && !/\binstalled$/.test(status))
            continue;
        const arch = fields.get('architecture');
        const qualifiers = {};
        if (arch)
            qualifiers.arch = arch;
        const source = /^(\S+)(?:\s+\(([^)]+)\))?/.exec(fields.get('source') ?? '');
        if (source && source[1] !== name)
            qualifiers.upstream = source[2] ? `${source[1]}@${source[2]}` : source[1];
        else if (source?.[2])
            qualifiers.upstream = `${name}@${source[2]}`;
        const distroName = distroQualifier(distro);
        if (distroName)
            qualifiers.distro = distroName;
        const maintainer = fields
            .get('maintainer')
            ?.replace(/\s*<[^>]*>\s*/g, '')
            .trim();
        out.push({
            record: { purlType: 'deb', namespace, name, version, qualifiers, supplier: maintainer || undefined },
            key: `${name} ${version} ${arch ?? ''}`,
            line,
            depends: [...dpkgRelations(fields.get('pre-depends')), ...dpkgRelations(fields.get('depends'))],
            provides: dpkgRelations(fields.get('provides')).flat(),
        });
    }
    return out;
}
/** Alpine's /lib/apk/db/installed: `P:` name, `V:` version, `A:` arch, `L:` license, `o:` origin. */
function parseApkInstalled(text, distro, source) {
    const out = [];
    let fields = new Map();
    let start = 1;
    const flush = () => {
        const name = fields.get('P');
        const version = fields.get('V');
        if (name && version) {
            const qualifiers = {};
            const arch = fields.get('A');
            if (arch)
                qualifiers.arch = arch;
            const origin = fields.get('o');
            if (origin && origin !== name)
                qualifiers.upstream = origin;
            const distroName = distroQualifier(distro);
            if (distroName)
                qualifiers.distro = distroName;
            const license = fields.get('L');
            const maintainer = fields
                .get('m')
                ?.replace(/\s*<[^>]*>\s*/g, '')
                .trim();
            out.push({
                record: {
                    purlType: 'apk',
                    namespace: distro?.id ?? 'alpine',
                    name,
                    version,
                    qualifiers,
                    supplier: maintainer || undefined,
                    license: license ? apkLicense(license, source) : undefined,
                },
                key: `${name} ${version} ${arch ?? ''}`,
                line: start,
                // `D:so:libc.musl-x86_64.so.1 busybox>=1.36 !conflict`: conflicts are not needs.
                depends: words(fields.get('D'))
                    .filter((d) => !d.startsWith('!'))
                    .map((d) => [d.split(/[<>=~]/)[0]]),
                provides: words(fields.get('p')).map((d) => d.split('=')[0]),
            });
        }
        fields = new Map();
    };
    for (const [i, line] of text.split(/\r?\n/).entries()) {
        if (line.trim() === '') {
            flush();
            continue;
        }
        if (fields.size === 0)
            start = i + 1;
        const m = /^([A-Za-z]):(.*)$/.exec(line);
        // Repeated keys (R:, F: file lists) keep the first; only the package's own fields are read.
        if (m && !fields.has(m[1]))
            fields.set(m[1], m[2].trim());
    }
    flush();
    return out;
}
function words(text) {
    return text ? text.split(/\s+/).filter(Boolean) : [];
}
/** apk writes `MIT AND BSD-2-Clause`, or space-separated ids (`MIT BSD GPL2+`) in older packages. */
function apkLicense(text, source) {
    if ((0,expression/* parseExpression */.YK)(text))
        return { expression: text, valid: false, source };
    const parts = text.split(/\s+/).filter(Boolean);
    const mapped = parts.map((p) => spdxId(p));
    if (mapped.every((m) => m !== undefined))
        return { expression: mapped.join(' AND '), valid: false, source };
    return { expression: text, valid: false, source };
}
/** Debian short names that are not SPDX ids or that spdx-correct reads differently. */
const DEBIAN_NAMES = {
    Expat: 'MIT',
    'GPL-1+': 'GPL-1.0-or-later',
    'GPL-2+': 'GPL-2.0-or-later',
    'GPL-3+': 'GPL-3.0-or-later',
    'LGPL-2+': 'LGPL-2.0-or-later',
    'LGPL-2.1+': 'LGPL-2.1-or-later',
    'LGPL-3+': 'LGPL-3.0-or-later',
    'GFDL-1.2+': 'GFDL-1.2-or-later',
    'GFDL-1.3+': 'GFDL-1.3-or-later',
    'AGPL-3+': 'AGPL-3.0-or-later',
    'MPL-2.0+': 'MPL-2.0',
    'Apache-2': 'Apache-2.0',
    'BSD-2-clause': 'BSD-2-Clause',
    'BSD-3-clause': 'BSD-3-Clause',
    'BSD-4-clause': 'BSD-4-Clause',
    Artistic: 'Artistic-1.0-Perl',
    'Artistic-1': 'Artistic-1.0',
    'Artistic-2': 'Artistic-2.0',
    'PSF-2': 'PSF-2.0',
    Zlib: 'Zlib',
};
/** One license name as an SPDX id, when the mapping is certain. */
function spdxId(name) {
    const known = DEBIAN_NAMES[name];
    if (known)
        return known;
    const ast = (0,expression/* parseExpression */.YK)(name);
    if (ast && !('conjunction' in ast))
        return (0,expression/* render */.XX)(ast);
    // `+` means "or later" in Debian and apk; spdx-correct would drop it.
    if (name.endsWith('+'))
        return undefined;
    const fixed = spdx_correct_default()(name);
    return fixed?.toLowerCase().startsWith(name.toLowerCase().slice(0, 3)) ? fixed : undefined;
}
/**
 * The licenses a machine-readable Debian copyright file states (`License:` of the header and Files
 * paragraphs), as one AND expression when every name maps to SPDX; the names as written otherwise.
 * A free-form copyright file (no `Format:` line) states nothing we can read: undefined.
 */
function dpkgCopyrightLicense(text, source) {
    const all = stanzas(text);
    const header = all[0]?.fields;
    if (!header?.get('format')?.includes('copyright-format'))
        return undefined;
    const names = [];
    for (const { fields } of all) {
        if (!fields.has('files') && fields !== header)
            continue;
        const first = fields.get('license')?.split('\n')[0]?.trim();
        if (first && !names.includes(first))
            names.push(first);
    }
    if (names.length === 0)
        return undefined;
    const expressions = [];
    let allMapped = true;
    for (const name of names) {
        // `GPL-2+ or Artistic`, `BSD-3-clause and MIT`: the words are Debian's operators.
        const pieces = name.split(/\s+(or|and)\s+/i);
        const out = [];
        for (const [i, piece] of pieces.entries()) {
            if (i % 2 === 1) {
                out.push(piece.toUpperCase());
                continue;
            }
            const id = spdxId(piece.replace(/,$/, '').trim());
            if (!id)
                allMapped = false;
            out.push(id ?? piece);
        }
        const text = out.join(' ');
        expressions.push(pieces.length > 1 && names.length > 1 ? `(${text})` : text);
    }
    const unique = [...new Set(expressions)].sort();
    return { expression: allMapped ? unique.join(' AND ') : names.join(' AND '), valid: false, source };
}

// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/oci/reference.ts

const DOCKER_HUB = 'docker.io';
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseReference(text) {
    const original = text.trim();
    const bad = (why) => new errors/* ConfigurationError */.j1(`Image reference "${original}" is not valid: ${why}`);
    if (original === '')
        throw bad('it is empty');
    let rest = original;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw bad(`"${digest}" is not a digest (algorithm:hex)`);
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            throw bad(`"${tag}" is not a tag`);
    }
    const parts = rest.split('/');
    let registry = DOCKER_HUB;
    const first = parts[0] ?? '';
    if (parts.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
        registry = first;
        parts.shift();
        if (!/^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/.test(registry))
            throw bad(`"${registry}" is not a registry host[:port]`);
    }
    if (registry === 'index.docker.io' || registry === 'registry-1.docker.io')
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && parts.length === 1)
        parts.unshift('library');
    for (const part of parts) {
        if (!PATH_COMPONENT.test(part))
            throw bad(`"${part}" is not a repository name component (lower-case letters, digits, . _ -)`);
    }
    if (!digest && !tag)
        tag = 'latest';
    return { registry, repository: parts.join('/'), tag, digest, original };
}
/** `registry/repository[:tag][@digest]`, Docker Hub written out in full. */
function formatReference(ref) {
    return `${ref.registry}/${ref.repository}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** The host the distribution API is served from (Docker Hub's differs from its name). */
function apiHost(registry) {
    return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
}
/** Loopback registries speak plain HTTP (as Docker allows for them); everything else HTTPS. */
function isLoopback(registry) {
    const host = registry.startsWith('[') ? registry.slice(1, registry.indexOf(']')) : registry.replace(/:\d+$/, '');
    if (host === 'localhost' || host === '::1')
        return true;
    return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

;// CONCATENATED MODULE: ./shared/oci/client.ts








/**
 * A small client for the OCI distribution API (what `docker pull`/`push` speak): resolve a
 * reference to a digest, read manifests and indexes, stream blobs verified against their digest,
 * and push blobs and manifests. Auth is the registry's own challenge (Bearer token service as
 * Docker Hub, GHCR and `registry:2` with token auth do it, or Basic), with credentials given
 * explicitly or read from the Docker config's `auths`. Loopback registries use plain HTTP.
 */
const MEDIA_TYPES = {
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
};
const ACCEPT = [MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList, MEDIA_TYPES.ociManifest, MEDIA_TYPES.dockerManifest];
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
function isIndex(mediaType) {
    return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
/** `linux/arm64/v8` → Platform. */
function parsePlatform(text) {
    const [os, architecture, variant] = text.trim().split('/');
    if (!os || !architecture)
        throw new ConfigurationError(`Platform "${text}" must be os/architecture[/variant], e.g. linux/amd64`);
    return { os, architecture, variant };
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
/** The variant an architecture has when none is written, as containerd normalises it (arm64 is v8, arm v7). */
const DEFAULT_VARIANT = { arm64: 'v8', arm: 'v7', amd64: 'v1' };
/** Same variant, counting an unwritten one as the architecture's default (linux/arm64 is linux/arm64/v8). */
function sameVariant(architecture, a, b) {
    return (a || DEFAULT_VARIANT[architecture]) === (b || DEFAULT_VARIANT[architecture]);
}
/**
 * The index entry for `platform`; attestation manifests never match. A missing variant in the
 * request matches any, preferring the architecture's default (linux/arm picks arm/v7 over arm/v6).
 */
function pickPlatform(index, platform, what) {
    const candidates = index.manifests.filter((m) => m.platform && m.platform.os !== 'unknown');
    const same = candidates.filter((m) => m.platform?.os === platform.os && m.platform.architecture === platform.architecture);
    const match = platform.variant
        ? same.find((m) => sameVariant(platform.architecture, m.platform?.variant, platform.variant))
        : (same.find((m) => sameVariant(platform.architecture, m.platform?.variant, undefined)) ?? same[0]);
    if (match)
        return match;
    // An index without platforms (as skopeo writes one image into an OCI layout) has one choice.
    if (candidates.length === 0 && index.manifests.length === 1)
        return index.manifests[0];
    throw new errors/* ConfigurationError */.j1(`${what} has no ${formatPlatform(platform)} image; it has ${candidates.map((m) => formatPlatform(m.platform)).join(', ') || 'no platform-tagged images'}`);
}
/** sha256/sha512 of `data` as an OCI digest. */
function digestOf(data, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex')}`;
}
function checkDigest(digest) {
    const m = /^(sha256|sha512):([a-f0-9]+)$/.exec(digest);
    if (!m || (m[1] === 'sha256' && m[2]?.length !== 64) || (m[1] === 'sha512' && m[2]?.length !== 128))
        throw new errors/* ConfigurationError */.j1(`"${digest}" is not a sha256 or sha512 digest`);
    return { algorithm: m[1], hex: m[2] };
}
/** A pass-through stream that fails at its end when the bytes do not hash to `digest`. */
function verifying(digest, what) {
    const { algorithm } = checkDigest(digest);
    const hash = (0,external_node_crypto_.createHash)(algorithm);
    return new external_node_stream_.Transform({
        transform(chunk, _enc, done) {
            hash.update(chunk);
            done(null, chunk);
        },
        flush(done) {
            const actual = `${algorithm}:${hash.digest('hex')}`;
            done(actual === digest
                ? null
                : new errors/* OperationError */.OK(`${what} does not match its digest: expected ${digest}, got ${actual}`));
        },
    });
}
/** Credentials for `registry` from a Docker config's `auths` (base64 `user:password`); undefined when none. */
function dockerConfigCredentials(registry, file) {
    // An empty DOCKER_CONFIG is unset, as the Docker CLI treats it.
    const path = file ?? (0,external_node_path_.join)(process.env.DOCKER_CONFIG || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.docker'), 'config.json');
    if (!(0,external_node_fs_.existsSync)(path))
        return undefined;
    let config;
    try {
        config = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`Docker config ${path} is not valid JSON: ${error.message}`, {
            file: path,
        });
    }
    const keys = registry === DOCKER_HUB
        ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io', 'registry-1.docker.io']
        : [registry, `https://${registry}`, `http://${registry}`, `https://${registry}/`, `http://${registry}/`];
    for (const key of keys) {
        const entry = config.auths?.[key];
        if (!entry)
            continue;
        if (entry.auth) {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            if (colon < 0)
                throw new errors/* ConfigurationError */.j1(`Docker config ${path}: auths["${key}"].auth is not base64 of user:password`, {
                    file: path,
                });
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
        }
        if (entry.username && entry.password)
            return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/** `Bearer realm="…",service="…",scope="…"` → scheme and parameters. */
function parseChallenge(header) {
    const space = header.indexOf(' ');
    const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase();
    const params = {};
    const re = /([A-Za-z_]+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (const m of (space < 0 ? '' : header.slice(space + 1)).matchAll(re)) {
        params[m[1].toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme, params };
}
class RegistryClient {
    registry;
    base;
    credentials;
    timeoutMs;
    credentialsHint;
    /** Authorization header per scope, once a challenge has been answered. */
    authorization = new Map();
    constructor(registry, options = {}) {
        this.registry = registry;
        this.base = `${isLoopback(registry) ? 'http' : 'https'}://${apiHost(registry)}`;
        this.credentials = options.credentials ?? dockerConfigCredentials(registry, options.dockerConfig);
        // The password, and user:password, whose base64 is the Basic header and a Docker config's `auth`.
        if (this.credentials) {
            (0,secrets/* registerSecret */.cl)(this.credentials.password);
            (0,secrets/* registerSecret */.cl)(`${this.credentials.username}:${this.credentials.password}`);
        }
        this.timeoutMs = options.timeoutMs ?? 60_000;
        this.credentialsHint = options.credentialsHint ?? 'give a user name and password';
    }
    /** The digest the reference names now (an index's own digest for a multi-platform tag). */
    async resolve(ref) {
        if (ref.digest)
            return ref.digest;
        const response = await this.request(ref, 'HEAD', `/v2/${ref.repository}/manifests/${ref.tag}`, { Accept: ACCEPT.join(', ') }, 'pull');
        const header = response.headers.get('docker-content-digest');
        if (header)
            return header;
        const { raw } = await this.getRaw(ref);
        return digestOf(raw);
    }
    /** The image manifest for `platform` (linux/amd64 by default), through the index when the reference names one. */
    async getImage(ref, platform = DEFAULT_PLATFORM) {
        const first = await this.getRaw(ref);
        if (isIndex(first.mediaType)) {
            const index = first.json;
            const chosen = pickPlatform(index, platform, formatReference(ref));
            const second = await this.getRaw({ ...ref, digest: chosen.digest });
            if (isIndex(second.mediaType))
                throw new errors/* OperationError */.OK(`${formatReference(ref)}: nested indexes are not supported`);
            return {
                digest: chosen.digest,
                indexDigest: first.digest,
                mediaType: second.mediaType,
                manifest: second.json,
                platform: chosen.platform ?? platform,
            };
        }
        return {
            digest: first.digest,
            mediaType: first.mediaType,
            manifest: first.json,
            platform,
        };
    }
    /** A manifest or index as stored, verified against the digest when the reference has one. */
    async getRaw(ref) {
        return (await this.readManifest(ref, false));
    }
    /** As `getRaw`, but undefined when the registry has no manifest under that tag or digest (HTTP 404). */
    async findRaw(ref) {
        return this.readManifest(ref, true);
    }
    async readManifest(ref, allow404) {
        const reference = ref.digest ?? ref.tag ?? 'latest';
        const response = await this.request(ref, 'GET', `/v2/${ref.repository}/manifests/${reference}`, { Accept: ACCEPT.join(', ') }, 'pull', { allow404 });
        if (response.status === 404) {
            await response.body?.cancel();
            return undefined;
        }
        let raw;
        try {
            raw = Buffer.from(await response.arrayBuffer());
        }
        catch (error) {
            // Headers came, the body did not: fetch says only "terminated" or "aborted due to timeout".
            const cause = error.cause;
            throw new errors/* OperationError */.OK(error.name === 'TimeoutError'
                ? `Registry ${this.registry} stopped sending the manifest of ${formatReference(ref)}: the answer did not finish within ${this.timeoutMs / 1000} s`
                : `Registry ${this.registry} broke off the manifest of ${formatReference(ref)} (${cause?.code ?? cause?.message ?? error.message})`, { cause: error });
        }
        const digest = ref.digest ? ref.digest : (response.headers.get('docker-content-digest') ?? digestOf(raw));
        const actual = digestOf(raw, checkDigest(digest).algorithm);
        if (actual !== digest)
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} does not match its digest: expected ${digest}, got ${actual}`);
        let json;
        try {
            json = JSON.parse(raw.toString('utf8'));
        }
        catch {
            throw new errors/* OperationError */.OK(`The manifest of ${formatReference(ref)} is not JSON`);
        }
        const mediaType = String(json.mediaType ?? response.headers.get('content-type')?.split(';')[0] ?? MEDIA_TYPES.ociManifest);
        return { raw, digest, mediaType, json };
    }
    /** A whole blob, verified. For layers use `blobStream`. */
    async fetchBlob(ref, digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(ref, digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /**
     * A blob as a stream that errors at its end if the bytes do not match `digest`. A layer takes as
     * long as it takes, but the registry must answer, and then send some bytes, within the timeout:
     * one that stalls fails the run instead of hanging it.
     */
    async blobStream(ref, digest) {
        checkDigest(digest);
        const controller = new AbortController();
        const stalled = () => new DOMException(`no bytes of blob ${digest} for ${this.timeoutMs / 1000} s`, 'TimeoutError');
        let timer = setTimeout(() => controller.abort(stalled()), this.timeoutMs);
        let response;
        try {
            response = await this.request(ref, 'GET', `/v2/${ref.repository}/blobs/${digest}`, {}, 'pull', {
                signal: controller.signal,
            });
        }
        finally {
            clearTimeout(timer);
        }
        if (!response.body)
            throw new errors/* OperationError */.OK(`The registry sent no body for blob ${digest}`);
        const body = external_node_stream_.Readable.fromWeb(response.body);
        const check = verifying(digest, `Blob ${digest} of ${formatReference(ref)}`);
        const arm = () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                // A slow reader (backpressure) is not a stalled registry.
                if (check.writableNeedDrain)
                    return arm();
                controller.abort(stalled());
                check.destroy(new errors/* OperationError */.OK(`Registry ${this.registry} stopped sending blob ${digest} of ${formatReference(ref)}: ${stalled().message}`));
            }, this.timeoutMs);
        };
        arm();
        body.on('data', arm);
        check.on('close', () => clearTimeout(timer));
        body.on('error', (error) => check.destroy(error));
        return body.pipe(check);
    }
    /** Uploads a blob (monolithic POST + PUT), skipped when the registry already has it. Returns its digest. */
    async pushBlob(ref, data) {
        const digest = digestOf(data);
        const head = await this.request(ref, 'HEAD', `/v2/${ref.repository}/blobs/${digest}`, {}, 'push', {
            allow404: true,
        });
        if (head.status === 200)
            return digest;
        const start = await this.request(ref, 'POST', `/v2/${ref.repository}/blobs/uploads/`, {}, 'push');
        const location = start.headers.get('location');
        if (!location)
            throw new errors/* OperationError */.OK(`${this.registry} started an upload without a Location`);
        const url = new URL(location, this.base);
        url.searchParams.set('digest', digest);
        await this.request(ref, 'PUT', url.toString(), { 'Content-Type': 'application/octet-stream' }, 'push', { data });
        return digest;
    }
    /** Puts a manifest under a tag or its digest. Returns its digest. */
    async pushManifest(ref, reference, body, mediaType) {
        const digest = digestOf(body);
        await this.request(ref, 'PUT', `/v2/${ref.repository}/manifests/${reference}`, { 'Content-Type': mediaType }, 'push', { data: body });
        return digest;
    }
    async request(ref, method, path, headers, action, options = {}) {
        const scope = `repository:${ref.repository}:${action === 'push' ? 'pull,push' : 'pull'}`;
        const url = path.startsWith('http') ? path : `${this.base}${path}`;
        const send = async () => {
            const auth = this.authorization.get(scope);
            try {
                return await fetch(url, {
                    method,
                    headers: { ...headers, ...(auth ? { Authorization: auth } : {}) },
                    body: options.data,
                    redirect: 'follow',
                    // Blob bodies are timed by blobStream, per chunk.
                    signal: options.signal ?? AbortSignal.timeout(this.timeoutMs),
                });
            }
            catch (error) {
                if (error.name === 'TimeoutError')
                    throw new errors/* OperationError */.OK(`Registry ${this.registry} did not answer ${method} ${formatReference(ref)} within ${this.timeoutMs / 1000} s (${this.base})`, { cause: error });
                const cause = error.cause;
                throw new errors/* ConfigurationError */.j1(`Registry ${this.registry} is unreachable for ${formatReference(ref)} (${this.base}): ${cause?.code ?? cause?.message ?? error.message}`, { cause: error });
            }
        };
        let response = await send();
        if (response.status === 401 && !this.authorization.has(scope)) {
            const challenge = response.headers.get('www-authenticate');
            await response.body?.cancel();
            if (challenge) {
                await this.answer(ref, parseChallenge(challenge), scope);
                response = await send();
            }
        }
        if (response.ok || (options.allow404 && response.status === 404))
            return response;
        const text = method === 'HEAD' ? '' : await response.text().catch(() => '');
        const code = /"code"\s*:\s*"([A-Z_]+)"/.exec(text)?.[1];
        const what = `${formatReference(ref)}${path.includes('/blobs/') ? ` (blob ${path.split('/blobs/')[1]})` : ''}`;
        if (response.status === 401 || response.status === 403) {
            throw new errors/* ConfigurationError */.j1(this.credentials
                ? `Registry ${this.registry} rejected the credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): check the user name and password or token, and its ${action} permission`
                : `Registry ${this.registry} needs credentials for ${what} (HTTP ${response.status}${code ? ` ${code}` : ''}): run docker login ${this.registry} (auths in ~/.docker/config.json) or ${this.credentialsHint}`);
        }
        if (response.status === 404) {
            throw new errors/* ConfigurationError */.j1(`${what} was not found in registry ${this.registry} (HTTP 404${code ? ` ${code}` : ''})`);
        }
        throw new errors/* OperationError */.OK(`Registry ${this.registry} answered HTTP ${response.status}${code ? ` ${code}` : ''} for ${method} ${what}`);
    }
    /** Answers a 401 challenge: Basic sends the credentials; Bearer trades them (or nothing) for a token. */
    async answer(ref, challenge, scope) {
        const basic = this.credentials
            ? `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`
            : undefined;
        if (challenge.scheme === 'basic') {
            if (basic)
                this.authorization.set(scope, basic);
            return;
        }
        if (challenge.scheme !== 'bearer' || !challenge.params.realm)
            return;
        const url = new URL(challenge.params.realm);
        if (challenge.params.service)
            url.searchParams.set('service', challenge.params.service);
        url.searchParams.set('scope', challenge.params.scope && !scope.endsWith(',push') ? challenge.params.scope : scope);
        let response;
        try {
            response = await fetch(url, {
                headers: basic ? { Authorization: basic } : {},
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} of registry ${this.registry} is unreachable for ${formatReference(ref)}: ${error.message}`);
        }
        if (!response.ok) {
            throw new errors/* ConfigurationError */.j1(`Token service ${url.origin} refused ${formatReference(ref)} (HTTP ${response.status})${this.credentials ? ': the credentials were rejected' : ': credentials are needed (docker login)'}`);
        }
        // A proxy's or captive portal's HTML page instead of the token JSON is "no token", said as such.
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (typeof token !== 'string' || token === '')
            throw new errors/* OperationError */.OK(`Token service ${url.origin} of registry ${this.registry} returned no token`);
        (0,secrets/* registerSecret */.cl)(token);
        this.authorization.set(scope, `Bearer ${token}`);
    }
}

;// CONCATENATED MODULE: ./shared/oci/index.ts



;// CONCATENATED MODULE: ./actions/sbom/src/image/sources.ts










const SCHEMES = ['docker', 'registry', 'oci-dir', 'docker-archive'];
/**
 * `image` in syft's spelling: `docker:NAME`, `registry:REF`, `oci-dir:PATH`, `docker-archive:PATH`,
 * or a bare `NAME[:TAG|@DIGEST]` (the Docker daemon when it has the image, else the registry).
 */
function parseImageInput(text) {
    const m = /^([a-z][a-z-]*):(?!\d+(?:\/|$))(.*)$/.exec(text.trim());
    if (m && !(m[2] ?? '').startsWith('//')) {
        const scheme = m[1];
        if (SCHEMES.includes(scheme))
            return { scheme: scheme, value: m[2].trim() };
        // `name:tag` has no slash after the colon either: only a known scheme name, or something that
        // cannot be a tag, is taken as a scheme.
        const value = m[2];
        if (/^(oci|dir|file|podman|containerd|singularity|oci-archive|docker-daemon)$/.test(scheme) ||
            /[/\s]/.test(value) ||
            value === '') {
            throw new errors/* ConfigurationError */.j1(`Input image: unknown source scheme "${scheme}:"; use one of ${SCHEMES.map((s) => `${s}:`).join(', ')} or a bare image reference`, { input: 'image' });
        }
    }
    return { value: text.trim() };
}
/**
 * The platform Docker pulls by default on this runner: linux and the runner's CPU (linux/amd64 on
 * x64, linux/arm64 on arm64), whatever the runner's own OS, as Docker Desktop does.
 */
function runnerPlatform(arch = process.arch) {
    const map = {
        x64: { os: 'linux', architecture: 'amd64' },
        arm64: { os: 'linux', architecture: 'arm64' },
        arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
        ia32: { os: 'linux', architecture: '386' },
        ppc64: { os: 'linux', architecture: 'ppc64le' },
    };
    return map[arch] ?? { os: 'linux', architecture: arch };
}
/**
 * Opens the image. From a multi-platform index (OCI image index, Docker manifest list) the image
 * for the platform asked for, else the runner's; a platform the index lacks is a ConfigurationError
 * listing the ones it has. A single-platform image is read as it is unless a platform was asked
 * for and its config says another one: then, as syft does with --platform, it is an error.
 */
async function openImage(text, options) {
    const opened = await openAny(text, options);
    const asked = options.platform;
    if (asked && !opened.fromIndex && !platformMatches(opened.config, asked)) {
        opened.cleanup();
        throw new errors/* ConfigurationError */.j1(`${opened.scheme}:${opened.name} is a single-platform image for ${platformOf(opened.config)}, not ${formatPlatform(asked)} (input platform); leave platform empty to read it as it is, or name an image built for ${formatPlatform(asked)}`, { input: 'platform' });
    }
    const wanted = asked ?? runnerPlatform();
    if (opened.fromIndex && !platformMatches(opened.config, { os: wanted.os, architecture: wanted.architecture }))
        // As Docker does for such images: read what the index points at, and say the two disagree.
        actions_core/* warning */.$e(`${opened.scheme}:${opened.name}: the index lists this image for ${formatPlatform(wanted)} but its config says ${platformOf(opened.config)}; the SBOM records ${platformOf(opened.config)}. The index or the image build is wrong.`);
    return opened;
}
function platformMatches(config, asked) {
    return ((config.os ?? 'linux') === asked.os &&
        config.architecture === asked.architecture &&
        // A config without a variant does not contradict one asked for (stereoscope does the same).
        (!asked.variant || !config.variant || sameVariant(asked.architecture, config.variant, asked.variant)));
}
async function openAny(text, options) {
    const { scheme, value } = parseImageInput(text);
    if (value === '')
        throw new errors/* ConfigurationError */.j1(`Input image "${text}" names no image`, { input: 'image' });
    switch (scheme) {
        case 'docker-archive':
            return openDockerArchive((0,external_node_path_.resolve)(options.cwd, value), value);
        case 'oci-dir':
            return openOciDir((0,external_node_path_.resolve)(options.cwd, value), value, options);
        case 'registry':
            return openRegistry(parseReference(value), options);
        case 'docker': {
            const opened = await fromDaemon(value);
            if (!opened)
                throw new errors/* ConfigurationError */.j1(`docker:${value}: the Docker daemon has no image ${value} (${daemonProblem}); pull it first, or use registry:${value} to read it from its registry without a daemon`, { input: 'image' });
            return opened;
        }
        default: {
            const reference = parseReference(value);
            const local = await fromDaemon(value);
            // The daemon's copy is for another platform than the one asked for: the registry may have it.
            if (local && options.platform && !platformMatches(local.config, options.platform)) {
                actions_core/* info */.pq(`The Docker daemon's ${value} is ${platformOf(local.config)}; reading ${formatPlatform(options.platform)} from its registry`);
                local.cleanup();
                return openRegistry(reference, options);
            }
            return local ?? openRegistry(reference, options);
        }
    }
}
/** `docker save` of the image into a temporary archive, read as `docker-archive:`; undefined when the daemon lacks it. */
/** Why the daemon had nothing for the last name asked (no such image, no daemon, no docker CLI). */
let daemonProblem = '';
async function fromDaemon(name) {
    let inspect;
    try {
        inspect = await (0,exec/* exec */.m0)('docker', ['image', 'inspect', '--format', '{{json .}}', name], {
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 60_000,
        });
    }
    catch (error) {
        // No docker CLI: a bare name goes to the registry; docker: says why it cannot.
        daemonProblem = error.message;
        actions_core/* debug */.Yz(`docker is not usable: ${daemonProblem}`);
        return undefined;
    }
    if (inspect.exitCode !== 0) {
        daemonProblem = inspect.stderr.trim().split('\n')[0] || `docker image inspect exited with ${inspect.exitCode}`;
        return undefined;
    }
    const info = JSON.parse(inspect.stdout);
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-image-'));
    try {
        const archive = (0,external_node_path_.join)(dir, 'image.tar');
        const saved = await (0,exec/* exec */.m0)('docker', ['save', '-o', archive, name], {
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 30 * 60_000,
        });
        if (saved.exitCode !== 0)
            throw new errors/* OperationError */.OK(`docker save ${name} failed: ${saved.stderr.trim()}`);
        const opened = await openDockerArchive(archive, name);
        const reference = parseReference(name);
        const pushed = info.RepoDigests?.map((d) => d.split('@')[1]).find(Boolean);
        const inner = opened.cleanup;
        return {
            ...opened,
            scheme: 'docker',
            name,
            reference,
            digest: reference.digest ?? pushed ?? opened.digest,
            cleanup: () => {
                inner();
                (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
            },
        };
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        throw error;
    }
}
async function openRegistry(reference, options) {
    const client = new RegistryClient(reference.registry, { dockerConfig: options.dockerConfig });
    const image = await client.getImage(reference, options.platform ?? runnerPlatform());
    const configBytes = await client.fetchBlob(reference, image.manifest.config.digest);
    const config = parseJson(configBytes, `the config of ${formatReference(reference)}`);
    const diffIds = checkLayers(config, image.manifest, formatReference(reference));
    return {
        scheme: 'registry',
        name: formatReference(reference),
        reference,
        digest: image.indexDigest ?? image.digest,
        imageId: image.manifest.config.digest,
        config,
        fromIndex: image.indexDigest !== undefined,
        layers: image.manifest.layers.map((layer, i) => ({
            diffId: diffIds[i],
            describe: layer.digest,
            open: () => client.blobStream(reference, layer.digest),
        })),
        cleanup: () => { },
    };
}
/** An OCI image layout directory (`skopeo copy … oci:DIR`, `docker buildx --output type=oci,tar=false`). */
function openOciDir(dir, shown, options) {
    const what = `oci-dir:${shown}`;
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.json'))) {
        throw new errors/* ConfigurationError */.j1(`${what}: ${(0,external_node_fs_.existsSync)(dir) ? 'no index.json there, so it is not an OCI image layout' : 'no such directory'}`, { input: 'image' });
    }
    return fromLayout(dir, what, shown, 'oci-dir', options, () => { });
}
function fromLayout(dir, what, name, scheme, options, cleanup) {
    const blob = (digest) => {
        const [alg, hex] = digest.split(':');
        const path = (0,external_node_path_.join)(dir, 'blobs', alg ?? '', hex ?? '');
        if (!hex || !(0,external_node_fs_.existsSync)(path))
            throw new errors/* ConfigurationError */.j1(`${what}: blob ${digest} is missing from the layout`, { input: 'image' });
        return path;
    };
    const verified = (descriptor) => {
        const bytes = (0,external_node_fs_.readFileSync)(blob(descriptor.digest));
        if (digestOf(bytes, descriptor.digest.split(':')[0]) !== descriptor.digest)
            throw new errors/* ConfigurationError */.j1(`${what}: blob ${descriptor.digest} does not match its digest; the layout is corrupt`, { input: 'image' });
        return bytes;
    };
    const index = parseJson((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'index.json')), `${what}/index.json`);
    if (!Array.isArray(index.manifests) || index.manifests.length === 0)
        throw new errors/* ConfigurationError */.j1(`${what}: index.json lists no manifests`, { input: 'image' });
    const platform = options.platform ?? runnerPlatform();
    const single = index.manifests.length === 1;
    let descriptor = single ? index.manifests[0] : pickPlatform(index, platform, what);
    let fromIndex = !single;
    let indexDigest;
    if (isIndex(descriptor.mediaType)) {
        indexDigest = descriptor.digest;
        fromIndex = true;
        descriptor = pickPlatform(parseJson(verified(descriptor), `${what} index ${descriptor.digest}`), platform, what);
    }
    const manifest = parseJson(verified(descriptor), `${what} manifest ${descriptor.digest}`);
    const config = parseJson(verified(manifest.config), `${what} config`);
    const diffIds = checkLayers(config, manifest, what);
    const refName = descriptor.annotations?.['org.opencontainers.image.ref.name'];
    return {
        scheme,
        name: refName && scheme === 'oci-dir' ? `${name}:${refName}` : name,
        digest: indexDigest ?? descriptor.digest,
        imageId: manifest.config.digest,
        config,
        fromIndex,
        layers: manifest.layers.map((layer, i) => ({
            diffId: diffIds[i],
            describe: layer.digest,
            open: async () => {
                const check = verifying(layer.digest, `${what} layer ${layer.digest}`);
                return (0,external_node_fs_.createReadStream)(blob(layer.digest)).pipe(check);
            },
        })),
        cleanup,
    };
}
/** A `docker save` tarball: unpacked to a temporary directory, then read by its manifest.json. */
async function openDockerArchive(path, shown) {
    const what = `docker-archive:${shown}`;
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isFile())
        throw new errors/* ConfigurationError */.j1(`${what}: no such file`, { input: 'image' });
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-archive-'));
    const cleanup = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    try {
        await unpack(path, dir, what);
        const manifestPath = (0,external_node_path_.join)(dir, 'manifest.json');
        if (!(0,external_node_fs_.existsSync)(manifestPath))
            throw new errors/* ConfigurationError */.j1(`${what}: no manifest.json in the archive, so it is not a docker save archive`, {
                input: 'image',
            });
        const entries = parseJson((0,external_node_fs_.readFileSync)(manifestPath), `${what}/manifest.json`);
        const entry = entries[0];
        if (!entry || typeof entry.Config !== 'string' || !Array.isArray(entry.Layers))
            throw new errors/* ConfigurationError */.j1(`${what}: manifest.json lists no image`, { input: 'image' });
        const inside = (p) => {
            const full = (0,external_node_path_.resolve)(dir, p);
            if (!full.startsWith(`${dir}/`) || !(0,external_node_fs_.existsSync)(full))
                throw new errors/* ConfigurationError */.j1(`${what}: ${p}, named by manifest.json, is missing from the archive`, {
                    input: 'image',
                });
            return full;
        };
        const configBytes = (0,external_node_fs_.readFileSync)(inside(entry.Config));
        const config = parseJson(configBytes, `${what} config`);
        const diffIds = config.rootfs?.diff_ids ?? [];
        if (diffIds.length !== entry.Layers.length)
            throw new errors/* ConfigurationError */.j1(`${what}: the config lists ${diffIds.length} layers, manifest.json ${entry.Layers.length}`, { input: 'image' });
        // Docker 25+ also writes an OCI layout in the archive: its index names the manifest digest.
        let digest;
        if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'index.json'))) {
            const index = parseJson((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'index.json')), `${what}/index.json`);
            digest = index.manifests?.[0]?.digest;
        }
        const tag = entry.RepoTags?.[0];
        return {
            scheme: 'docker-archive',
            name: tag ?? shown,
            reference: tag ? parseReference(tag) : undefined,
            digest,
            imageId: digestOf(configBytes),
            config,
            layers: entry.Layers.map((layer, i) => ({
                diffId: diffIds[i],
                describe: layer,
                open: async () => (0,external_node_fs_.createReadStream)(inside(layer)),
            })),
            cleanup,
        };
    }
    catch (error) {
        cleanup();
        throw error;
    }
}
async function unpack(archive, dir, what) {
    const tar = (0,tar_stream.extract)();
    const writing = (async () => {
        for await (const entry of tar) {
            const name = entry.header.name;
            const target = (0,external_node_path_.resolve)(dir, name);
            if (!target.startsWith(`${dir}/`) || entry.header.type !== 'file') {
                if (entry.header.type === 'directory' && target.startsWith(`${dir}/`))
                    (0,external_node_fs_.mkdirSync)(target, { recursive: true });
                entry.resume();
                continue;
            }
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            await (0,promises_.pipeline)(entry, (0,external_node_fs_.createWriteStream)(target));
        }
    })();
    try {
        await Promise.all([(0,promises_.pipeline)((0,external_node_fs_.createReadStream)(archive), tar), writing]);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what} is not a complete tar archive (${error.message}); was it cut short?`, { input: 'image', cause: error });
    }
}
function checkLayers(config, manifest, what) {
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (!Array.isArray(manifest.layers) || diffIds.length !== manifest.layers.length)
        throw new errors/* ConfigurationError */.j1(`${what}: the manifest has ${manifest.layers?.length ?? 0} layers, the config ${diffIds.length} diff ids`, { input: 'image' });
    return diffIds;
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${what} is not valid JSON: ${error.message}`, { input: 'image' });
    }
}
function platformOf(config) {
    return formatPlatform({
        os: config.os ?? 'linux',
        architecture: config.architecture ?? 'unknown',
        variant: config.variant,
    });
}

;// CONCATENATED MODULE: ./actions/sbom/src/image/index.ts
// Container image sources (issue 18): built by a separate engineer in parallel with the sbom owner;
// do not start another implementation here.











const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];
const DPKG_STATUS = '/var/lib/dpkg/status';
const DPKG_STATUS_D = /^\/var\/lib\/dpkg\/status\.d\/[^/]+$/;
const APK_INSTALLED = ['/lib/apk/db/installed', '/usr/lib/apk/db/installed'];
const RPM_DB = /^\/(?:var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/(?:Packages|Packages\.db|rpmdb\.sqlite)$/;
const COPYRIGHT = /^\/usr\/share\/doc\/[^/]+\/copyright$/;
/** Opens the image from whichever source the input names and catalogs what its final filesystem holds. */
async function scanImage(input, options) {
    const opened = await openImage(input, { cwd: options.cwd, platform: options.platform });
    try {
        actions_core/* info */.pq(`${opened.scheme}: ${opened.name} (${platformOf(opened.config)}, ${opened.layers.length} layer${opened.layers.length === 1 ? '' : 's'}${opened.digest ? `, ${opened.digest}` : ''})`);
        const squashed = await squash(opened.layers, INTEREST, `${opened.scheme}:${opened.name}`);
        return await catalog(opened, squashed, options);
    }
    finally {
        opened.cleanup();
    }
}
const INTEREST = {
    keep: (path) => OS_RELEASE.includes(path) ||
        path === DPKG_STATUS ||
        DPKG_STATUS_D.test(path) ||
        APK_INSTALLED.includes(path) ||
        RPM_DB.test(path) ||
        COPYRIGHT.test(path) ||
        NODE_PACKAGE.test(path) ||
        PYTHON_METADATA.test(path),
    parse(path, mode, size) {
        if (JAVA_ARCHIVE.test(path))
            return (data) => parseJar(data, path);
        // Go binaries: executables large enough to be one (the smallest is over a megabyte).
        if ((mode & 0o111) !== 0 && size > 64 * 1024)
            return (data) => parseGoBuildInfo(data);
        return undefined;
    },
    history: (path) => path === DPKG_STATUS || DPKG_STATUS_D.test(path) || APK_INSTALLED.includes(path),
};
async function catalog(opened, squashed, options) {
    const { files } = squashed;
    const diffIds = opened.layers.map((l) => l.diffId);
    const distro = findDistro(files);
    const graphs = [];
    const locations = new Map();
    const evidence = new Map();
    const inferred = new Map();
    const pending = [];
    const graphFor = (file, format) => {
        const graph = {
            ecosystem: 'image',
            file,
            format,
            packages: new Map(),
            edges: new Map(),
            direct: new Map(),
            warnings: [],
        };
        const where = new Map();
        graphs.push(graph);
        pending.push({ graph, where });
        return {
            graph,
            add(id, record, layer, path) {
                if (graph.packages.has(id))
                    return;
                graph.packages.set(id, record);
                graph.direct.set(id, 'prod');
                where.set(id, { layer, path });
            },
        };
    };
    // OS packages, each attributed to the first layer of the run of layers that list it unchanged up to the top.
    // dpkg: the status file, and distroless's one-stanza-per-package status.d (read as one database).
    const statusD = [...files.keys()].filter((p) => DPKG_STATUS_D.test(p) && !p.endsWith('.md5sums')).sort();
    const dpkgDatabases = [
        [DPKG_STATUS, files.has(DPKG_STATUS) ? [DPKG_STATUS] : []],
        ['/var/lib/dpkg/status.d', statusD],
    ];
    for (const [name, paths] of dpkgDatabases) {
        if (paths.length === 0)
            continue;
        const db = graphFor(name, 'dpkg');
        const all = [];
        for (const path of paths) {
            const file = files.get(path);
            if (!file.data)
                continue;
            const packages = parseDpkgStatus(file.data.toString('utf8'), distro);
            const introduced = introducedIn(squashed, path, (text) => parseDpkgStatus(text, distro));
            for (const p of packages) {
                const copyright = files.get(`/usr/share/doc/${p.record.name.replace(/:.*$/, '')}/copyright`);
                if (copyright?.data)
                    p.record.license = dpkgCopyrightLicense(copyright.data.toString('utf8'), copyright.path);
                db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
            }
            all.push(...packages);
        }
        addEdges(db.graph, all);
        if (all.length === 0)
            db.graph.warnings.push({ message: `${name} lists no installed packages`, file: name });
    }
    for (const path of APK_INSTALLED) {
        const file = files.get(path);
        if (!file?.data)
            continue;
        const db = graphFor(path, 'apk');
        const introduced = introducedIn(squashed, path, (text) => parseApkInstalled(text, distro, path));
        const packages = parseApkInstalled(file.data.toString('utf8'), distro, path);
        for (const p of packages)
            db.add(p.key, p.record, introduced.get(p.key) ?? file.layer, path);
        addEdges(db.graph, packages);
    }
    const rpmDb = [...files.values()].filter((f) => RPM_DB.test(f.path));
    if (rpmDb.length > 0)
        await catalogRpm(rpmDb, distro, graphFor);
    // Language packages, each from the file that declares it.
    const sorted = [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    let npm;
    let python;
    let java;
    let go;
    for (const file of sorted) {
        if (file.data && NODE_PACKAGE.test(file.path)) {
            const record = parseNodePackage(file.data, file.path);
            if (!record)
                continue;
            npm ??= graphFor('node_modules/**/package.json', 'installed npm packages');
            npm.add(file.path, record, file.layer, file.path);
        }
        else if (file.data && PYTHON_METADATA.test(file.path)) {
            const record = parsePythonMetadata(file.data, file.path);
            if (!record)
                continue;
            python ??= graphFor('site-packages/*.dist-info', 'installed Python distributions');
            python.add(file.path, record, file.layer, file.path);
        }
        else if (JAVA_ARCHIVE.test(file.path) && file.parsed) {
            const jar = file.parsed;
            if (jar.packages.length > 0 || jar.problems.length > 0)
                java ??= graphFor('**/*.jar (pom.properties, MANIFEST.MF)', 'java archives');
            for (const [i, found] of jar.packages.entries()) {
                java?.add(`${file.path}#${i}`, found.record, file.layer, file.path);
                if (found.evidence)
                    inferred.set(`${file.path}#${i}`, found.evidence);
            }
            for (const problem of jar.problems.slice(0, 5))
                java?.graph.warnings.push({
                    message: `Could not read ${problem} in ${file.path} (layer ${file.layer + 1}); the packages in it are not listed`,
                    file: file.path,
                });
        }
        else if (file.parsed === 'old-format') {
            go ??= graphFor('Go binaries (build info)', 'go build info');
            go.graph.warnings.push({
                message: `${file.path} is a Go binary built before Go 1.18, whose build info is not read`,
                file: file.path,
            });
        }
        else if (file.parsed && typeof file.parsed === 'object' && 'goVersion' in file.parsed) {
            const info = file.parsed;
            go ??= graphFor('Go binaries (build info)', 'go build info');
            go.add(`${file.path}#stdlib`, goRecord('stdlib', info.goVersion.replace(/^go/, '')), file.layer, file.path);
            if (info.main)
                go.add(`${file.path}#main`, goRecord(info.main.path, goMainVersion(info)), file.layer, file.path);
            for (const dep of info.deps)
                go.add(`${file.path}#${dep.path}`, goRecord(dep.path, dep.version), file.layer, file.path);
        }
    }
    for (const { graph, where } of pending) {
        const purls = await (0,purl/* purlsOf */.yM)(graph.packages);
        for (const [id, location] of where) {
            const purl = purls.get(id);
            if (purl && !locations.has(purl))
                locations.set(purl, { ...location, diffId: diffIds[location.layer] });
            const how = inferred.get(id);
            if (purl && how && !evidence.has(purl))
                evidence.set(purl, how);
        }
    }
    if (squashed.unreadable.length > 0) {
        const first = graphs[0] ?? graphFor(opened.name, 'container image').graph;
        for (const problem of squashed.unreadable.slice(0, 20))
            first.warnings.push({
                message: `Could not read ${problem}; its packages are not listed`,
                file: problem.split(' ')[0],
            });
    }
    if (graphs.length === 0) {
        graphs.push({
            ecosystem: 'image',
            file: opened.name,
            format: 'container image',
            packages: new Map(),
            edges: new Map(),
            direct: new Map(),
            warnings: [
                {
                    message: `Found no package database (dpkg, apk, rpm) and no language packages in ${opened.name}`,
                    file: opened.name,
                },
            ],
        });
    }
    return {
        graphs,
        root: await rootOf(opened, options),
        locations,
        evidence,
        distro,
        image: {
            name: opened.name,
            digest: opened.digest,
            imageId: opened.imageId,
            platform: platformOf(opened.config),
            scheme: opened.scheme,
            layers: diffIds,
        },
    };
}
/** Package-to-package edges of an OS package database (Depends / D:), besides the image's edge to each. */
function addEdges(graph, packages) {
    for (const [from, targets] of dependencyEdges(packages)) {
        if (!graph.packages.has(from))
            continue;
        graph.edges.set(from, new Map(targets.filter((t) => graph.packages.has(t)).map((t) => [t, 'prod'])));
    }
}
/** The layer in which each package (name, version, arch) appeared and stayed, from each layer's copy of the database. */
function introducedIn(squashed, path, parse) {
    const since = new Map();
    const versions = squashed.history.get(path) ?? [];
    for (const [i, version] of versions.entries()) {
        // A layer that replaces the file records its removal, then the new copy: only the last counts.
        if (versions[i + 1]?.layer === version.layer)
            continue;
        const present = new Set(version.data ? parse(version.data.toString('utf8')).map((p) => p.key) : []);
        for (const key of [...since.keys()])
            if (!present.has(key))
                since.delete(key);
        for (const key of present)
            if (!since.has(key))
                since.set(key, version.layer);
    }
    return since;
}
function findDistro(files) {
    for (const path of OS_RELEASE) {
        let file = files.get(path);
        // /etc/os-release is usually a symlink to ../usr/lib/os-release.
        for (let hops = 0; file?.link !== undefined && hops < 5; hops++) {
            file = files.get(external_node_path_.posix.normalize(file.link.startsWith('/') ? file.link : external_node_path_.posix.join(external_node_path_.posix.dirname(file.path), file.link)));
        }
        if (file?.data) {
            const distro = parseOsRelease(file.data.toString('utf8'), path);
            if (distro)
                return distro;
        }
    }
    return undefined;
}
/** rpm packages through the `rpm` tool on this machine, reading the image's database from a copy. */
async function catalogRpm(db, distro, graphFor) {
    const path = external_node_path_.posix.dirname(db[0].path);
    const { graph, add } = graphFor(path, 'rpm');
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'paved-sbom-rpmdb-'));
    try {
        for (const f of db) {
            const target = (0,external_node_path_.join)(dir, external_node_path_.posix.basename(f.path));
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(target), { recursive: true });
            (0,external_node_fs_.writeFileSync)(target, f.data ?? Buffer.alloc(0));
        }
        const fmt = '%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\t%{LICENSE}\\t%{SOURCERPM}\\n';
        let result;
        try {
            result = await (0,exec/* exec */.m0)('rpm', ['--dbpath', dir, '-qa', '--qf', fmt], {
                quiet: true,
                ignoreReturnCode: true,
                timeoutMs: 120_000,
            });
        }
        catch {
            graph.warnings.push({
                message: `The image has an rpm database (${path}) but the rpm tool is not installed here, so its rpm packages were not read: install rpm on the runner to include them`,
                file: path,
            });
            return;
        }
        if (result.exitCode !== 0) {
            graph.warnings.push({
                message: `rpm could not read ${path}: ${result.stderr.trim().split('\n')[0]}`,
                file: path,
            });
            return;
        }
        const layer = Math.max(...db.map((f) => f.layer));
        for (const line of result.stdout.split('\n')) {
            const [name, version, epoch, arch, license, source] = line.split('\t');
            if (!name || !version)
                continue;
            const qualifiers = {};
            if (arch && arch !== '(none)')
                qualifiers.arch = arch;
            if (epoch && epoch !== '(none)')
                qualifiers.epoch = epoch;
            if (source && source !== '(none)')
                qualifiers.upstream = source;
            const d = distroQualifier(distro);
            if (d)
                qualifiers.distro = d;
            const record = {
                purlType: 'rpm',
                namespace: distro?.id,
                name,
                version,
                qualifiers,
                license: license && license !== '(none)' ? { expression: license, valid: false, source: path } : undefined,
            };
            add(`${name} ${version} ${arch}`, record, layer, path);
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/** The image itself: its name, its digest as the version, and a `pkg:oci` purl. */
async function rootOf(opened, options) {
    const version = options.version ?? opened.digest ?? opened.imageId;
    const ref = opened.reference;
    const name = options.name ??
        (ref
            ? `${ref.registry === 'docker.io' ? '' : `${ref.registry}/`}${ref.repository.replace(/^library\//, ref.registry === 'docker.io' ? '' : 'library/')}${ref.tag ? `:${ref.tag}` : ''}`
            : opened.name);
    const { PackageURL } = await __webpack_require__.e(/* import() */ 91).then(__webpack_require__.t.bind(__webpack_require__, 7091, 23));
    const qualifiers = { arch: opened.config.architecture ?? 'unknown' };
    if (ref)
        qualifiers.repository_url = `${ref.registry}/${ref.repository}`;
    if (ref?.tag)
        qualifiers.tag = ref.tag;
    const digest = opened.digest ?? opened.imageId;
    const last = ref
        ? ref.repository.split('/').pop()
        : external_node_path_.posix
            .basename(opened.name)
            .replace(/[^a-z0-9._-]+/gi, '-')
            .toLowerCase();
    const purl = new PackageURL('oci', undefined, last, digest, qualifiers, undefined).toString();
    return { name, version, purl };
}
const OS_PURL = /^pkg:(deb|apk|rpm)\//;
/** Adds where each component was found: a `paved:layer` property (CycloneDX) and sourceInfo (SPDX). */
function describeCycloneDx(doc, scanned) {
    const metadata = doc.metadata;
    if (metadata.component) {
        metadata.component.type = 'container';
        const props = [
            ...(scanned.image.digest ? [{ name: 'paved:image:digest', value: scanned.image.digest }] : []),
            { name: 'paved:image:id', value: scanned.image.imageId },
            { name: 'paved:image:platform', value: scanned.image.platform },
            ...scanned.image.layers.map((l, i) => ({ name: `paved:image:layer:${i}`, value: l })),
            ...(scanned.distro
                ? [
                    {
                        name: 'paved:image:distro',
                        value: `${scanned.distro.id}${scanned.distro.versionId ? ` ${scanned.distro.versionId}` : ''}`,
                    },
                ]
                : []),
        ];
        metadata.component.properties = props;
    }
    for (const component of doc.components ?? []) {
        // A distro package's purl namespace is the distro, not a group it belongs to (as syft writes them).
        if (OS_PURL.test(component.purl))
            delete component.group;
        const location = scanned.locations.get(component.purl);
        if (!location)
            continue;
        const properties = component.properties ?? [];
        properties.push({ name: 'paved:layer', value: location.diffId }, { name: 'paved:layer-index', value: String(location.layer) }, { name: 'paved:location', value: location.path });
        component.properties = properties;
        const how = scanned.evidence.get(component.purl);
        if (how) {
            // CycloneDX 1.6 evidence.identity: one entry per inferred field, with the method and where it was read.
            component.evidence = {
                identity: how.map((e) => ({
                    field: e.field,
                    confidence: e.confidence,
                    concludedValue: e.value,
                    methods: [
                        { technique: e.technique, confidence: e.confidence, value: `${location?.path ?? ''}: ${e.source}` },
                    ],
                })),
            };
        }
    }
}
function describeSpdx(doc, scanned) {
    const packages = doc.packages ?? [];
    const root = packages[0];
    if (root) {
        root.primaryPackagePurpose = 'CONTAINER';
        root.comment = `Container image ${scanned.image.name} (${scanned.image.platform}), image id ${scanned.image.imageId}${scanned.image.digest ? `, digest ${scanned.image.digest}` : ''}; layers ${scanned.image.layers.join(', ')}.`;
    }
    for (const pkg of packages.slice(1)) {
        const purl = pkg.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator;
        const location = purl ? scanned.locations.get(purl) : undefined;
        if (purl && OS_PURL.test(purl) && typeof pkg.name === 'string')
            pkg.name = pkg.name.slice(pkg.name.indexOf('/') + 1);
        // `comment` rather than `sourceInfo`: the validator admits only the fields the writer emits.
        if (location)
            pkg.comment = `Found in layer ${location.layer} (${location.diffId}) at ${location.path}.`;
        const how = purl ? scanned.evidence.get(purl) : undefined;
        if (how)
            pkg.comment =
                `${pkg.comment ?? ''} Identified without pom.properties: ${how.map((e) => `${e.field} ${e.value} from ${e.source}`).join('; ')}.`.trim();
    }
}


/***/ })

};
