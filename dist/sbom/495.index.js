export const id = 495;
export const ids = [495];
export const modules = {

/***/ 2495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseYarn: () => (/* binding */ parseYarn)
});

// EXTERNAL MODULE: ./shared/yaml.ts
var yaml = __webpack_require__(7315);
// EXTERNAL MODULE: ./actions/sbom/src/model/purl.ts
var purl = __webpack_require__(7572);
// EXTERNAL MODULE: ./actions/sbom/src/ecosystems/common.ts
var common = __webpack_require__(6972);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
;// CONCATENATED MODULE: ./actions/sbom/src/ecosystems/workspaces.ts


/** Expands package.json `workspaces` (an array, or `{packages: [...]}`) into directories. */
function workspaceDirs(manifest, reader) {
    const spec = manifest.workspaces;
    const patterns = Array.isArray(spec) ? spec : (0,common/* isRecord */.u4)(spec) && Array.isArray(spec.packages) ? spec.packages : [];
    const dirs = new Set();
    for (const pattern of patterns) {
        if (typeof pattern !== 'string')
            continue;
        for (const dir of expand(pattern.replace(/^\.\//, '').replace(/\/$/, ''), reader))
            dirs.add(dir);
    }
    return [...dirs].sort();
}
function expand(pattern, reader) {
    let current = [''];
    for (const segment of pattern.split('/')) {
        const next = [];
        for (const base of current) {
            if (!/[*?[{]/.test(segment))
                next.push(base ? `${base}/${segment}` : segment);
            else
                for (const name of reader.dirs(base || '.'))
                    if ((0,esm.minimatch)(name, segment === '**' ? '*' : segment))
                        next.push(base ? `${base}/${name}` : name);
        }
        current = next;
    }
    return current.filter((dir) => reader(`${dir}/package.json`) !== undefined);
}

;// CONCATENATED MODULE: ./actions/sbom/src/ecosystems/yarn.ts




// Yarn 2 wrote 4, Yarn 3 5–6, Yarn 4.0–4.13 8, 4.14 9 and 4.15 onwards 10 (each checked with the
// real CLI); the entries' shape has not changed in a way this parser reads.
const BERRY_VERSIONS = [4, 5, 6, 7, 8, 9, 10];
/** `yarn.lock` from Yarn 1 (its own line format) or Yarn 2–4 ("berry", YAML with `__metadata`). */
function parseYarn(text, file, manifests) {
    if (/^__metadata:/m.test(text))
        return parseBerry(text, file, manifests);
    return parseClassic(text, file, manifests);
}
/** Splits `@scope/name@range` (or `name@npm:range`) at the `@` that ends the name. */
function splitDescriptor(descriptor) {
    const at = descriptor.indexOf('@', 1);
    return at === -1 ? [descriptor, ''] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}
function unquote(text) {
    const t = text.trim();
    return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
function parseClassic(text, file, manifests) {
    const header = /^# yarn lockfile v(\d+)/m.exec(text);
    if (header && header[1] !== '1') {
        (0,common/* unsupportedVersion */.s7)(file, 'yarn lockfile version', `v${header[1]}`, 'yarn lockfile v1 (Yarn 1) and __metadata versions 4–10 (Yarn 2–4)', (0,common/* lineOf */.cA)(text, '# yarn lockfile'));
    }
    const graph = (0,common/* newGraph */.BD)('yarn', file, 'yarn v1');
    const entries = new Map();
    const byDescriptor = new Map();
    const lines = text.split('\n');
    let current;
    let currentMap;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        if (raw.trim() === '' || raw.trimStart().startsWith('#'))
            continue;
        const indent = raw.length - raw.trimStart().length;
        const line = raw.trim();
        if (indent === 0) {
            if (!line.endsWith(':'))
                (0,common/* malformed */.Qm)(file, `expected "<package>@<range>:" to start an entry, got ${JSON.stringify(line.slice(0, 60))}`, i + 1, 1);
            const keys = splitKeys(line.slice(0, -1));
            const id = keys[0];
            current = { line: i + 1, fields: new Map(), maps: new Map() };
            entries.set(id, current);
            for (const key of keys)
                byDescriptor.set(key, id);
            currentMap = undefined;
        }
        else if (!current) {
            (0,common/* malformed */.Qm)(file, 'indented line before any entry', i + 1, indent + 1);
        }
        else if (indent === 2) {
            if (line.endsWith(':')) {
                currentMap = new Map();
                current.maps.set(line.slice(0, -1), currentMap);
            }
            else {
                const [key, value] = splitPair(line, file, i + 1, indent);
                current.fields.set(key, value);
                currentMap = undefined;
            }
        }
        else {
            if (!currentMap)
                (0,common/* malformed */.Qm)(file, `unexpected indentation (${indent} spaces)`, i + 1, indent + 1);
            const [key, value] = splitPair(line, file, i + 1, indent);
            currentMap.set(key, value);
        }
    }
    for (const [id, entry] of entries) {
        const [name] = splitDescriptor(id);
        const version = entry.fields.get('version');
        if (!version)
            (0,common/* malformed */.Qm)(file, `entry "${id}" has no version`, entry.line, 1);
        const resolved = entry.fields.get('resolved');
        const hashes = (0,common/* fromIntegrity */.Uj)(entry.fields.get('integrity'));
        const sha1 = resolved ? /#([0-9a-f]{40})$/.exec(resolved) : null;
        if (sha1 && !hashes.some((h) => h.alg === 'SHA-1'))
            hashes.push({ alg: 'SHA-1', value: sha1[1] });
        // An aliased install (`alias@npm:real@^1`) is the real package.
        const alias = /^npm:((?:@[^/]+\/)?[^@]+)@/.exec(splitDescriptor(id)[1]);
        (0,common/* addPackage */.Eb)(graph, id, {
            purlType: 'npm',
            ...(0,purl/* npmName */.Ln)(alias ? alias[1] : name),
            version,
            hashes,
            downloadLocation: (0,common/* downloadUrl */.Is)(resolved?.replace(/#[0-9a-f]{40}$/, '')),
            installPath: `node_modules/${name}`,
        });
    }
    const overridden = resolutionsOf(manifests);
    for (const [id, entry] of entries) {
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['optionalDependencies', 'optional'],
        ]) {
            for (const [name, range] of entry.maps.get(field) ?? []) {
                const target = byDescriptor.get(`${name}@${range}`) ?? overridden(name, (r) => byDescriptor.get(`${name}@${r}`));
                if (target)
                    (0,common/* addEdge */.rN)(graph, id, target, kind);
                else if (kind !== 'optional')
                    graph.warnings.push({
                        file,
                        line: entry.line,
                        message: `${id} depends on ${name}@${range}, which the lockfile does not contain`,
                    });
            }
        }
    }
    projectRoots(graph, manifests, (name, range) => byDescriptor.get(`${name}@${range}`));
    return graph;
}
function splitKeys(text) {
    const keys = [];
    const re = /\s*("(?:[^"\\]|\\.)*"|[^,]+)\s*(?:,|$)/gy;
    for (let m = re.exec(text); m && m[0] !== ''; m = re.exec(text))
        keys.push(unquote(m[1]));
    return keys;
}
function splitPair(line, file, lineNo, indent) {
    const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(line);
    if (!m)
        (0,common/* malformed */.Qm)(file, `expected "<key> <value>", got ${JSON.stringify(line.slice(0, 60))}`, lineNo, indent + 1);
    return [unquote(m[1]), unquote(m[2])];
}
// --- Yarn 2–4 ------------------------------------------------------------------------------------
function parseBerry(text, file, manifests) {
    const { doc } = (0,yaml/* parseYaml */.h)(text, { what: file, file, uniqueKeys: false });
    const data = doc.toJS();
    if (!(0,common/* isRecord */.u4)(data) || !(0,common/* isRecord */.u4)(data.__metadata))
        (0,common/* malformed */.Qm)(file, 'missing __metadata', 1, 1);
    const version = Number(data.__metadata.version);
    if (!BERRY_VERSIONS.includes(version)) {
        (0,common/* unsupportedVersion */.s7)(file, 'yarn __metadata version', String(data.__metadata.version), `${BERRY_VERSIONS.join(', ')} (Yarn 2–4) and yarn lockfile v1`, (0,common/* lineOf */.cA)(text, 'version:'));
    }
    const graph = (0,common/* newGraph */.BD)('yarn', file, `yarn berry ${version}`);
    const byDescriptor = new Map();
    const entries = new Map();
    for (const [key, value] of Object.entries(data)) {
        if (key === '__metadata' || !(0,common/* isRecord */.u4)(value))
            continue;
        const descriptors = key.split(',').map((d) => d.trim());
        const id = descriptors[0];
        entries.set(id, value);
        for (const d of descriptors)
            byDescriptor.set(d, id);
    }
    const exact = (name, range) => byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
    const overridden = resolutionsOf(manifests);
    const lookup = (name, range) => exact(name, range) ?? overridden(name, (r) => exact(name, r));
    for (const [id, entry] of entries) {
        const resolution = (0,common/* str */.gx)(entry.resolution) ?? id;
        const [name, reference] = splitDescriptor(resolution);
        const version = (0,common/* str */.gx)(entry.version) ?? (entry.version === undefined ? '' : String(entry.version));
        const workspace = reference.startsWith('workspace:');
        const npm = reference.startsWith('npm:');
        (0,common/* addPackage */.Eb)(graph, id, {
            purlType: 'npm',
            ...(0,purl/* npmName */.Ln)(name),
            version: workspace && version === '0.0.0-use.local' ? manifestVersion(manifests, reference) : version,
            // Berry's `checksum` hashes Yarn's own zip archive, not the registry tarball: not a package checksum.
            hashes: [],
            downloadLocation: npm ? registryUrl(name, reference.slice(4)) : (0,common/* downloadUrl */.Is)(reference.replace(/#commit=/, '#')),
            project: workspace,
            installPath: workspace ? reference.slice('workspace:'.length) : `node_modules/${name}`,
        });
    }
    for (const [id, entry] of entries) {
        const kinds = workspaceKinds(graph, id, manifests);
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['peerDependencies', 'peer'],
        ]) {
            if (!(0,common/* isRecord */.u4)(entry[field]))
                continue;
            for (const [name, range] of Object.entries(entry[field])) {
                const target = lookup(name, String(range));
                const meta = (0,common/* isRecord */.u4)(entry.dependenciesMeta) ? entry.dependenciesMeta[name] : undefined;
                if (target)
                    (0,common/* addEdge */.rN)(graph, id, target, kinds?.get(name) ?? kind);
                else if (kind === 'prod' && !((0,common/* isRecord */.u4)(meta) && meta.optional === true))
                    graph.warnings.push({
                        file,
                        line: (0,common/* lineOf */.cA)(text, `${id}`),
                        message: `${id} depends on ${name}@${String(range)}, which the lockfile does not contain`,
                    });
            }
        }
    }
    for (const [id, record] of graph.packages) {
        if (record.project && record.installPath === '.') {
            graph.projectName = graph.projectName ?? `${record.namespace ? `${record.namespace}/` : ''}${record.name}`;
            // Berry writes `0.0.0-use.local` for workspaces: the version is package.json's.
            graph.projectVersion ??= record.version || undefined;
            for (const [to, kind] of graph.edges.get(id) ?? [])
                (0,common/* addDirect */.D$)(graph, to, kind);
        }
        else if (record.project)
            (0,common/* addDirect */.D$)(graph, id, 'prod');
    }
    (0,common/* directFromRoots */.Pj)(graph);
    return graph;
}
/**
 * package.json `resolutions` (`"foo"`, `"**\/foo"`, `"parent/foo"`, `"foo@^1"` → range): the
 * lockfile records the overriding descriptor, while dependents still ask for their own range.
 * The lookup tries each override for the dependency's name, so those edges are kept.
 */
function resolutionsOf(manifests) {
    const field = manifests('package.json')?.resolutions;
    const byName = new Map();
    if ((0,common/* isRecord */.u4)(field)) {
        for (const [pattern, range] of Object.entries(field)) {
            const m = /(?:^|\/)((?:@[^/]+\/)?[^/@]+)(?:@[^/]*)?$/.exec(pattern);
            if (!m || typeof range !== 'string')
                continue;
            byName.set(m[1], [...(byName.get(m[1]) ?? []), range]);
        }
    }
    return (name, find) => {
        for (const range of byName.get(name) ?? []) {
            const found = find(range);
            if (found)
                return found;
        }
        return undefined;
    };
}
function registryUrl(name, version) {
    if (!/^\d/.test(version))
        return undefined;
    const base = name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
    return `https://registry.yarnpkg.com/${name}/-/${base}-${version}.tgz`;
}
function manifestVersion(manifests, reference) {
    const dir = reference.slice('workspace:'.length);
    const version = (0,common/* str */.gx)(manifests(`${dir}/package.json`)?.version);
    return version ?? '';
}
/** A workspace's package.json says which of its dependencies are dev; the berry lockfile does not. */
function workspaceKinds(graph, id, manifests) {
    const record = graph.packages.get(id);
    if (!record?.project || record.installPath === undefined)
        return undefined;
    const manifest = manifests(`${record.installPath}/package.json`);
    if (!manifest)
        return undefined;
    const kinds = new Map();
    for (const name of Object.keys((0,common/* isRecord */.u4)(manifest.devDependencies) ? manifest.devDependencies : {}))
        kinds.set(name, 'dev');
    for (const name of Object.keys((0,common/* isRecord */.u4)(manifest.optionalDependencies) ? manifest.optionalDependencies : {}))
        kinds.set(name, 'optional');
    for (const name of Object.keys((0,common/* isRecord */.u4)(manifest.dependencies) ? manifest.dependencies : {}))
        kinds.set(name, 'prod');
    return kinds;
}
/**
 * Yarn 1 does not record the project or its workspaces in the lockfile: their package.json files
 * do. Each workspace becomes a project component, the root's dependencies become direct ones.
 */
function projectRoots(graph, manifests, lookup) {
    const root = manifests('package.json');
    if (!root) {
        (0,common/* directFromRoots */.Pj)(graph);
        return;
    }
    graph.projectName = (0,common/* str */.gx)(root.name);
    graph.projectVersion = (0,common/* str */.gx)(root.version);
    const link = (manifest, from) => {
        for (const [field, kind] of [
            ['dependencies', 'prod'],
            ['optionalDependencies', 'optional'],
            ['devDependencies', 'dev'],
        ]) {
            if (!(0,common/* isRecord */.u4)(manifest[field]))
                continue;
            for (const [name, range] of Object.entries(manifest[field])) {
                const target = lookup(name, String(range));
                if (!target)
                    continue;
                if (from === undefined)
                    (0,common/* addDirect */.D$)(graph, target, kind);
                else
                    (0,common/* addEdge */.rN)(graph, from, target, kind);
            }
        }
    };
    link(root, undefined);
    for (const dir of workspaceDirs(root, manifests)) {
        const manifest = manifests(`${dir}/package.json`);
        const name = (0,common/* str */.gx)(manifest?.name);
        if (!manifest || !name)
            continue;
        const id = `workspace:${dir}`;
        (0,common/* addPackage */.Eb)(graph, id, {
            purlType: 'npm',
            ...(0,purl/* npmName */.Ln)(name),
            version: (0,common/* str */.gx)(manifest.version) ?? '',
            project: true,
            installPath: dir,
        });
        (0,common/* addDirect */.D$)(graph, id, 'prod');
        link(manifest, id);
    }
    if (graph.direct.size === 0)
        (0,common/* directFromRoots */.Pj)(graph);
}


/***/ })

};
