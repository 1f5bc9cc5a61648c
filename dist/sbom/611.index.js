export const id = 611;
export const ids = [611];
export const modules = {

/***/ 5611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MavenRepository: () => (/* binding */ MavenRepository),
/* harmony export */   parsePomResolved: () => (/* binding */ parsePomResolved)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9658);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(5824);
/* harmony import */ var _inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4838);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6972);






const xml = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_5__/* ["default"] */ .A({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'dependency' || name === 'exclusion',
});
/**
 * POMs by coordinates: the local repository first (`~/.m2/repository`), then each remote in order
 * (`maven-repositories`, Maven Central by default), over HTTP(S) with a timeout. Each POM is read
 * once per run; one that none has is remembered as missing, with why when a remote failed rather
 * than said "not found" (an HTTP error, no answer in time, unreachable).
 */
class MavenRepository {
    local;
    timeoutMs;
    cache = new Map();
    problems = new Map();
    /**
     * Remotes that timed out or could not be reached, with why: not asked again this run, so an
     * unreachable repository costs one timeout, not one per POM (they are read one after another).
     */
    down = new Map();
    /** Each remote as asked: without user info in the URL (fetch refuses it), which becomes Basic auth. */
    sources;
    /** The remotes as shown in messages: never with their credentials. */
    remotes;
    constructor(remotes, local = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.m2', 'repository'), timeoutMs = 15_000) {
        this.local = local;
        this.timeoutMs = timeoutMs;
        this.sources = remotes.map((remote) => {
            const url = new URL(remote.replace(/\/$/, ''));
            const user = decodeURIComponent(url.username);
            const password = decodeURIComponent(url.password);
            url.username = '';
            url.password = '';
            const base = url.toString().replace(/\/$/, '');
            return user || password
                ? { base, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` }
                : { base };
        });
        this.remotes = this.sources.map((source) => source.base);
    }
    pom(g, a, v) {
        const key = `${g}:${a}:${v}`;
        let hit = this.cache.get(key);
        if (!hit) {
            hit = this.fetch(key, `${g.replace(/\./g, '/')}/${a}/${v}/${a}-${v}.pom`);
            this.cache.set(key, hit);
        }
        return hit;
    }
    /** Where the repositories failed for `g:a:v` other than by not having it; undefined when none did. */
    problem(key) {
        return this.problems.get(key)?.join('; ');
    }
    async fetch(key, path) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.local, path), 'utf8');
        }
        catch {
            // not in the local repository
        }
        const problems = [];
        for (const { base: remote, authorization } of this.sources) {
            const down = this.down.get(remote);
            if (down) {
                problems.push(`${remote} ${down} earlier, so was not asked again`);
                continue;
            }
            try {
                const response = await fetch(`${remote}/${path}`, {
                    headers: authorization ? { Authorization: authorization } : {},
                    signal: AbortSignal.timeout(this.timeoutMs),
                });
                if (response.ok)
                    return await response.text();
                await response.body?.cancel();
                if (response.status !== 404 && response.status !== 410)
                    problems.push(`${remote} answered HTTP ${response.status}`);
            }
            catch (error) {
                const cause = error.cause?.code;
                const why = error.name === 'TimeoutError'
                    ? `did not answer within ${this.timeoutMs / 1000} s`
                    : `was unreachable (${cause ?? error.message})`;
                this.down.set(remote, why);
                problems.push(`${remote} ${why}`);
            }
        }
        if (problems.length > 0)
            this.problems.set(key, problems);
        return undefined;
    }
}
/**
 * Maven `pom.xml` resolved the way Maven does, from a repository: parent POMs (relativePath first,
 * then the repository), their properties and dependencyManagement, `import`-scoped BOMs, and the
 * transitive dependencies of compile/runtime ones (nearest version wins, exclusions and optional
 * dependencies honoured, test/provided ones of dependencies left out). A POM no repository has is
 * a warning; its dependency stays, without its own dependencies.
 */
async function parsePomResolved(text, file, manifests, repository) {
    const valid = fast_xml_parser__WEBPACK_IMPORTED_MODULE_6__/* .XMLValidator */ .iI.validate(text);
    if (valid !== true)
        (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(file, `not valid XML: ${valid.err.msg}`, valid.err.line, valid.err.col);
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .newGraph */ .BD)('maven', file, 'pom.xml (resolved)');
    /** Parent POMs and BOMs that could not be had, with why ('' when merely not found). */
    const missing = new Map();
    const warn = (message, line) => {
        graph.warnings.push({ file, line, col: line ? 1 : undefined, message });
    };
    const root = await model(readPom(text, file), repository, manifests, '', missing, 0);
    graph.projectName = root.a;
    graph.projectVersion = root.v;
    const chosen = new Map();
    let level = root.deps.map((dep) => ({ dep, kind: kindOf(dep), exclusions: dep.exclusions, managedBy: root }));
    for (let depth = 0; level.length > 0 && depth < 30; depth++) {
        const next = [];
        const resolved = await Promise.all(level.map(async (item) => {
            const ga = `${item.dep.g}:${item.dep.a}`;
            // The project's dependencyManagement governs transitive versions too; then the declaring POM's.
            const version = (depth > 0 ? root.managed.get(ga)?.v : undefined) ?? item.dep.v ?? item.managedBy.managed.get(ga)?.v;
            return { item, ga, version };
        }));
        for (const { item, ga, version } of resolved) {
            if (!version || version.includes('${')) {
                if (depth === 0)
                    warn(`${file}: ${ga} has ${version ? `an unresolved version ${version}` : 'no version'} even with the parent POMs and BOMs; left out`, (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .lineOf */ .cA)(text, `<artifactId>${item.dep.a}</artifactId>`));
                continue;
            }
            // Nearest wins: a coordinate already chosen at a shallower depth keeps its version.
            const existing = chosen.get(ga);
            const id = existing ?? `${ga}:${version}`;
            if (!existing) {
                chosen.set(ga, id);
                (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .addPackage */ .Eb)(graph, id, record(item.dep, version));
            }
            if (item.from)
                (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .addEdge */ .rN)(graph, item.from, id, item.kind);
            else
                (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .addDirect */ .D$)(graph, id, item.kind);
            if (existing || item.dep.type === 'pom')
                continue;
            const pom = await repository.pom(item.dep.g, item.dep.a, version);
            if (pom === undefined) {
                // Each coordinate is fetched once (a chosen one is not looked at again), so warned once.
                warn(`${file}: the POM of ${id} ${notHad(repository, id)}; its dependencies are missing`);
                continue;
            }
            let child;
            try {
                child = await model(readPom(pom, id), repository, undefined, '', missing, 0);
            }
            catch (error) {
                warn(`${file}: the POM of ${id} cannot be read (${error.message}); its dependencies are missing`);
                continue;
            }
            for (const dep of child.deps) {
                if (dep.optional || dep.scope === 'test' || dep.scope === 'provided' || dep.scope === 'system')
                    continue;
                if (item.exclusions.some((x) => x === `${dep.g}:${dep.a}` || x === `${dep.g}:*` || x === '*:*'))
                    continue;
                next.push({
                    from: id,
                    dep,
                    kind: item.kind === 'prod' && dep.scope === 'runtime' ? 'prod' : item.kind,
                    exclusions: [...item.exclusions, ...dep.exclusions],
                    managedBy: child,
                });
            }
        }
        level = next;
    }
    // Without them, the versions and dependencies they would have given are unknown, not wrong.
    for (const [id, why] of missing)
        warn(`${file}: the parent POM or BOM ${id} ${why || notHad(repository, id)}; the versions and dependencies it manages are unknown`);
    return graph;
}
/** Why a POM could not be had: in no repository, and why a remote failed if one did. */
function notHad(repository, id) {
    const problem = repository.problem(id);
    return `is in none of ${[repository.local, ...repository.remotes].join(', ')}${problem ? ` (${problem})` : ''}`;
}
function kindOf(dep) {
    if (dep.scope === 'test')
        return 'dev';
    if (dep.optional || dep.scope === 'provided' || dep.scope === 'system')
        return 'optional';
    return 'prod';
}
function record(dep, version) {
    const qualifiers = {};
    if (dep.type && dep.type !== 'jar' && dep.type !== 'bundle')
        qualifiers.type = dep.type;
    if (dep.classifier)
        qualifiers.classifier = dep.classifier;
    const ext = dep.type && dep.type !== 'bundle' ? dep.type : 'jar';
    return {
        purlType: 'maven',
        namespace: dep.g,
        name: dep.a,
        version,
        qualifiers: Object.keys(qualifiers).length > 0 ? qualifiers : undefined,
        downloadLocation: `${_inputs__WEBPACK_IMPORTED_MODULE_3__.MAVEN_CENTRAL}/${dep.g.replace(/\./g, '/')}/${dep.a}/${version}/${dep.a}-${version}${dep.classifier ? `-${dep.classifier}` : ''}.${ext}`,
    };
}
function readPom(text, where) {
    const doc = xml.parse(text);
    if (!(0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(doc.project))
        (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .malformed */ .Qm)(where, 'expected a <project> root element', 1, 1);
    return doc.project;
}
/**
 * The effective model of one POM: its parent chain merged (child wins), properties interpolated,
 * dependencyManagement with `import` BOMs expanded (first declaration wins, as Maven does).
 */
async function model(project, repository, manifests, dir, missing, depth) {
    const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
    /** A parent or BOM from the repositories; one they lack, or that is not a POM, is remembered in `missing`. */
    const fromRepository = async (id, g, a, v) => {
        const text = await repository.pom(g, a, v);
        if (text === undefined) {
            missing.set(id, '');
            return undefined;
        }
        try {
            return await model(readPom(text, id), repository, undefined, '', missing, depth + 1);
        }
        catch (error) {
            missing.set(id, `is not a POM (${error.message})`);
            return undefined;
        }
    };
    const parentRef = (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(project.parent) ? project.parent : undefined;
    let parent;
    if (parentRef && depth < 10) {
        const pg = str(parentRef.groupId);
        const pa = str(parentRef.artifactId);
        const pv = str(parentRef.version);
        // relativePath (default ../pom.xml) first, when it is the parent; then the repository.
        const rel = manifests ? `${dir}${str(parentRef.relativePath) ?? '../pom.xml'}` : undefined;
        const localText = rel ? manifests?.text(rel.endsWith('.xml') ? rel : `${rel}/pom.xml`) : undefined;
        const local = localText === undefined ? undefined : readPom(localText, rel);
        if (local && str(local.artifactId) === pa)
            parent = await model(local, repository, undefined, '', missing, depth + 1);
        else if (pg && pa && pv)
            parent = await fromRepository(`${pg}:${pa}:${pv}`, pg, pa, pv);
    }
    const g = str(project.groupId) ?? str(parentRef?.groupId) ?? '';
    const a = str(project.artifactId) ?? '';
    const rawVersion = str(project.version) ?? str(parentRef?.version) ?? '';
    const props = new Map(parent?.props ?? []);
    if ((0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(project.properties))
        for (const [k, v] of Object.entries(project.properties))
            if (typeof v === 'string')
                props.set(k, v);
    for (const [k, v] of [
        ['project.groupId', g],
        ['project.artifactId', a],
        ['project.version', rawVersion],
        ['pom.version', rawVersion],
        ['version', rawVersion],
        ['project.parent.groupId', str(parentRef?.groupId)],
        ['project.parent.version', str(parentRef?.version)],
    ])
        if (v)
            props.set(k, v);
    const interpolate = (value) => {
        let out = str(value);
        for (let i = 0; out?.includes('${') && i < 10; i++)
            out = out.replace(/\$\{([^}]+)\}/g, (m, key) => props.get(key) ?? m);
        return out;
    };
    const deps = (list) => {
        const items = (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(list) && Array.isArray(list.dependency) ? list.dependency : [];
        return items.filter(_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4).map((d) => ({
            g: interpolate(d.groupId) ?? '',
            a: interpolate(d.artifactId) ?? '',
            v: interpolate(d.version),
            scope: interpolate(d.scope) ?? 'compile',
            type: interpolate(d.type),
            classifier: interpolate(d.classifier),
            optional: interpolate(d.optional) === 'true',
            exclusions: ((0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(d.exclusions) && Array.isArray(d.exclusions.exclusion) ? d.exclusions.exclusion : [])
                .filter(_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)
                .map((x) => `${interpolate(x.groupId) ?? '*'}:${interpolate(x.artifactId) ?? '*'}`),
        }));
    };
    const managed = new Map();
    const management = (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .isRecord */ .u4)(project.dependencyManagement) ? project.dependencyManagement.dependencies : undefined;
    for (const dep of deps(management)) {
        const ga = `${dep.g}:${dep.a}`;
        if (dep.scope === 'import' && dep.v) {
            const imported = await fromRepository(`${ga}:${dep.v}`, dep.g, dep.a, dep.v);
            for (const [k, d] of imported?.managed ?? [])
                if (!managed.has(k))
                    managed.set(k, d);
        }
        else if (!managed.has(ga))
            managed.set(ga, dep);
    }
    // The parent's management comes after the child's own (child wins).
    for (const [k, d] of parent?.managed ?? [])
        if (!managed.has(k))
            managed.set(k, d);
    const own = deps(project.dependencies);
    // A dependency without version or scope takes them from dependencyManagement.
    for (const dep of own) {
        const m = managed.get(`${dep.g}:${dep.a}`);
        if (!m)
            continue;
        dep.v ??= m.v;
        if (dep.scope === 'compile' && m.scope !== 'compile' && m.scope !== 'import')
            dep.scope = m.scope;
        if (dep.exclusions.length === 0)
            dep.exclusions = m.exclusions;
    }
    // Inherited dependencies (a parent's <dependencies>) apply to the child.
    const inherited = (parent?.deps ?? []).filter((d) => !own.some((o) => o.g === d.g && o.a === d.a));
    return { g, a, v: interpolate(rawVersion) ?? rawVersion, props, managed, deps: [...own, ...inherited] };
}


/***/ })

};
