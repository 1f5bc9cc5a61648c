export const id = 484;
export const ids = [484];
export const modules = {

/***/ 6972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ newGraph),
/* harmony export */   D$: () => (/* binding */ addDirect),
/* harmony export */   Eb: () => (/* binding */ addPackage),
/* harmony export */   G1: () => (/* binding */ position),
/* harmony export */   Is: () => (/* binding */ downloadUrl),
/* harmony export */   Pj: () => (/* binding */ directFromRoots),
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   Uj: () => (/* binding */ fromIntegrity),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   eP: () => (/* binding */ hexHash),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   rN: () => (/* binding */ addEdge),
/* harmony export */   s7: () => (/* binding */ unsupportedVersion),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   wF: () => (/* binding */ fromPrefixed),
/* harmony export */   z2: () => (/* binding */ checkHashes)
/* harmony export */ });
/* unused harmony exports HEX_LENGTH, wellFormed */
/* harmony import */ var _shared_errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2635);

function newGraph(ecosystem, file, format) {
    return { ecosystem, file, format, packages: new Map(), edges: new Map(), direct: new Map(), warnings: [] };
}
function addPackage(graph, id, record) {
    if (!graph.packages.has(id))
        graph.packages.set(id, record);
}
/** Adds an edge; a stronger kind wins when the lockfile lists the same pair twice (prod beats optional beats dev). */
function addEdge(graph, from, to, kind) {
    let out = graph.edges.get(from);
    if (!out) {
        out = new Map();
        graph.edges.set(from, out);
    }
    const had = out.get(to);
    if (!had || RANK[kind] < RANK[had])
        out.set(to, kind);
}
function addDirect(graph, to, kind) {
    const had = graph.direct.get(to);
    if (!had || RANK[kind] < RANK[had])
        graph.direct.set(to, kind);
}
const RANK = { prod: 0, peer: 1, optional: 2, dev: 3 };
/** Without a manifest saying what the project needs, the graph's roots are what nothing else depends on. */
function directFromRoots(graph) {
    if (graph.direct.size > 0)
        return;
    const targeted = new Set();
    for (const out of graph.edges.values())
        for (const to of out.keys())
            targeted.add(to);
    for (const [id, record] of graph.packages) {
        if (!targeted.has(id))
            graph.direct.set(id, record.dev ? 'dev' : record.optional ? 'optional' : 'prod');
    }
}
/** 1-based line and column of a character offset. */
function position(text, offset) {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, col: offset - start + 1 };
}
/** Line (1-based) at which `needle` first occurs, for pointing a warning at a lockfile entry. */
function lineOf(text, needle) {
    const at = text.indexOf(needle);
    return at === -1 ? undefined : position(text, at).line;
}
/** JSON.parse with the failure turned into a ConfigurationError naming file, line and column. */
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        const lc = /line (\d+) column (\d+)/.exec(message);
        const pos = /position (\d+)/.exec(message);
        const where = lc
            ? { line: Number(lc[1]), col: Number(lc[2]) }
            : pos
                ? position(text, Number(pos[1]))
                : position(text, text.length);
        throw new _shared_errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${file}:${where.line}:${where.col}: not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, { file, ...where });
    }
}
function unsupportedVersion(file, what, found, supported, line) {
    throw new _shared_errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${file}: unsupported ${what} ${found}; supported: ${supported}. Regenerate the lockfile with a supported tool version.`, { file, line, col: line ? 1 : undefined });
}
function malformed(file, message, line, col) {
    const where = line ? `:${line}${col ? `:${col}` : ''}` : '';
    throw new _shared_errors__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${file}${where}: ${message}`, { file, line, col: line ? (col ?? 1) : undefined });
}
const SRI = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };
/** Hex digits of each algorithm's digest: a value of any other length is not that algorithm's hash. */
const HEX_LENGTH = {
    MD5: 32,
    'SHA-1': 40,
    'SHA-256': 64,
    'SHA-384': 96,
    'SHA-512': 128,
};
/** Whether a hash is what its algorithm produces; `checkHashes` drops (and reports) the rest. */
function wellFormed(hash) {
    return hash.value.length === HEX_LENGTH[hash.alg] && /^[0-9a-f]+$/.test(hash.value);
}
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * Subresource-integrity strings (`sha512-<base64> sha1-<base64>`) as hex hashes. A part that is not
 * base64 comes back with an empty value and its raw text, for `checkHashes` to report and drop.
 */
function fromIntegrity(integrity) {
    if (typeof integrity !== 'string')
        return [];
    const hashes = [];
    for (const part of integrity.trim().split(/\s+/)) {
        const dash = part.indexOf('-');
        const alg = SRI[part.slice(0, dash).toLowerCase()];
        if (!alg)
            continue;
        const encoded = part.slice(dash + 1);
        const value = BASE64.test(encoded) ? Buffer.from(encoded, 'base64').toString('hex') : '';
        hashes.push(wellFormedOrRaw({ alg, value }, part));
    }
    return hashes;
}
function wellFormedOrRaw(hash, raw) {
    return wellFormed(hash) ? hash : { ...hash, raw };
}
/** A hex digest as a lockfile wrote it; kept raw when malformed, for `checkHashes` to report. */
function hexHash(alg, text) {
    return wellFormedOrRaw({ alg, value: text.toLowerCase() }, text);
}
/**
 * Drops every malformed hash a parser kept, with a warning naming the file, the line the hash is
 * written on and the package: one bad entry costs that entry's checksum, never the run.
 */
function checkHashes(graph, text, file) {
    for (const record of graph.packages.values()) {
        if (!record.hashes || record.hashes.every(wellFormed))
            continue;
        const kept = [];
        for (const hash of record.hashes) {
            if (wellFormed(hash)) {
                kept.push(hash);
                continue;
            }
            const raw = hash.raw ?? hash.value;
            const line = (raw ? lineOf(text, raw) : undefined) ?? lineOf(text, record.name);
            const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
            graph.warnings.push({
                file,
                line,
                col: line ? 1 : undefined,
                message: `${file}${line ? `:${line}` : ''}: ${record.name}@${record.version ?? '?'} has a malformed ${hash.alg} hash ${JSON.stringify(shown)} (expected ${HEX_LENGTH[hash.alg]} hex digits); the checksum is left out`,
            });
        }
        record.hashes = kept;
    }
}
/** A `<alg>:<hex>` pair as used by Python and Cargo tooling; a malformed value is kept raw for `checkHashes`. */
function fromPrefixed(text) {
    if (typeof text !== 'string')
        return undefined;
    const m = /^(sha256|sha384|sha512|sha1|md5)[:=](.*)$/i.exec(text.trim());
    if (!m)
        return undefined;
    const algs = {
        sha256: 'SHA-256',
        sha384: 'SHA-384',
        sha512: 'SHA-512',
        sha1: 'SHA-1',
        md5: 'MD5',
    };
    return wellFormedOrRaw({ alg: algs[m[1].toLowerCase()], value: m[2].toLowerCase() }, text.trim());
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
/** http(s) and git URLs only; `file:` and relative paths are not download locations. */
function downloadUrl(value) {
    const url = str(value);
    if (!url)
        return undefined;
    return /^(https?|git\+https?|git\+ssh|git|ssh):\/\//.test(url) ? url : undefined;
}


/***/ }),

/***/ 4838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_EXCLUDES: () => (/* binding */ DEFAULT_EXCLUDES),
  FORMATS: () => (/* binding */ FORMATS),
  MAVEN_CENTRAL: () => (/* binding */ MAVEN_CENTRAL),
  mavenRepositories: () => (/* binding */ mavenRepositories),
  parseInputs: () => (/* binding */ parseInputs),
  parsePlatformInput: () => (/* binding */ parsePlatformInput)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/suggest.ts
/** "Did you mean" for enums, module names and keys: the closest candidate within a small edit distance. */
function closest(word, candidates) {
    let best;
    let bestDistance = Number.POSITIVE_INFINITY;
    const limit = Math.max(2, Math.floor(word.length / 3));
    for (const candidate of candidates) {
        const d = distance(word.toLowerCase(), candidate.toLowerCase());
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    return bestDistance <= limit ? best : undefined;
}
/** Damerau-Levenshtein (optimal string alignment): a swapped pair of letters is one typo, not two. */
function distance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            const row = d[i];
            const prev = d[i - 1];
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                row[j] = Math.min(row[j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

// EXTERNAL MODULE: ./shared/yaml.ts
var yaml = __webpack_require__(7315);
;// CONCATENATED MODULE: ./shared/inputs.ts





function raw(name, options = {}) {
    const value = actions_core/* getInput */.V4(name, { trimWhitespace: true });
    if (options.required && value === '') {
        throw new errors/* ConfigurationError */.j1(`Input required and not supplied: ${name}`, { input: name });
    }
    return value;
}
function getString(name, options = {}) {
    const value = raw(name, options);
    return value === '' ? (options.default ?? '') : value;
}
/** Like getString, and masks the value in every later log line. */
function getSecret(name, options = {}) {
    const value = actions_core/* getInput */.V4(name, { trimWhitespace: false });
    if (options.required && value.trim() === '') {
        throw new errors/* ConfigurationError */.j1(`Input required and not supplied: ${name}`, { input: name });
    }
    (0,secrets/* registerSecret */.cl)(value);
    return value;
}
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);
function getBoolean(name, options = {}) {
    const value = raw(name, options).toLowerCase();
    if (value === '')
        return options.default ?? false;
    if (TRUE.has(value))
        return true;
    if (FALSE.has(value))
        return false;
    throw new errors/* ConfigurationError */.j1(`Input ${name} must be a boolean (true or false), got "${value}"`, { input: name });
}
function getInteger(name, options = {}) {
    const value = raw(name, options);
    if (value === '') {
        if (options.default === undefined)
            return Number.NaN;
        return options.default;
    }
    if (!/^-?\d+$/.test(value)) {
        throw new ConfigurationError(`Input ${name} must be a whole number, got "${value}"`, { input: name });
    }
    const n = Number(value);
    checkRange(name, n, options.min, options.max);
    return n;
}
function checkRange(name, n, min, max) {
    if (min !== undefined && n < min) {
        throw new ConfigurationError(`Input ${name} must be at least ${min}, got ${n}`, { input: name });
    }
    if (max !== undefined && n > max) {
        throw new ConfigurationError(`Input ${name} must be at most ${max}, got ${n}`, { input: name });
    }
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Parses `90s`, `5m`, `1h30m`, `250ms` or a bare number of seconds into milliseconds. */
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
    let total = 0;
    let consumed = 0;
    for (let match = re.exec(value); match; match = re.exec(value)) {
        total += Number(match[1]) * UNIT_MS[match[2]];
        consumed = re.lastIndex;
    }
    return consumed === value.length && consumed > 0 ? Math.round(total) : undefined;
}
/** A duration in milliseconds. */
function getDuration(name, options = {}) {
    const value = raw(name, options);
    if (value === '') {
        const d = options.default;
        if (d === undefined)
            return Number.NaN;
        return typeof d === 'number' ? d : parseDuration(d);
    }
    const ms = parseDuration(value);
    if (ms === undefined) {
        throw new ConfigurationError(`Input ${name} must be a duration such as 90s, 5m, 1h30m or a number of seconds, got "${value}"`, { input: name });
    }
    return ms;
}
function getEnum(name, allowed, options = {}) {
    const value = raw(name, options);
    if (value === '') {
        if (options.default === undefined) {
            throw new errors/* ConfigurationError */.j1(`Input required and not supplied: ${name} (one of ${allowed.join(', ')})`, {
                input: name,
            });
        }
        return options.default;
    }
    if (allowed.includes(value))
        return value;
    const guess = closest(value, allowed);
    throw new errors/* ConfigurationError */.j1(`Input ${name} must be one of ${allowed.join(', ')}, got "${value}"${guess ? `; did you mean "${guess}"?` : ''}`, { input: name });
}
/** A multi-line list; commas also separate items unless `commas: false`. Blank lines and `#` comments are skipped. */
function getList(name, options = {}) {
    const value = raw(name, options);
    return splitList(value, options.commas ?? true);
}
function splitList(value, commas = true) {
    return value
        .split(commas ? /[\r\n,]+/ : /\r?\n/)
        .map((item) => item.trim())
        .filter((item) => item !== '' && !item.startsWith('#'));
}
/** A YAML or JSON mapping (JSON is YAML). Errors point at the line inside the input. */
function getMapping(name, options = {}) {
    const value = raw(name, options);
    if (value === '')
        return {};
    return parseMapping(value, `input ${name}`, name);
}
function parseMapping(text, what, input) {
    const data = parseYaml(text, { what, input }).doc.toJS();
    if (data === null || data === undefined)
        return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new ConfigurationError(`${what} must be a mapping of keys to values`, { input });
    }
    return data;
}

// EXTERNAL MODULE: ./actions/sbom/src/licenses/policy.ts
var policy = __webpack_require__(36);
// EXTERNAL MODULE: ./actions/sbom/src/names.ts
var names = __webpack_require__(4195);
;// CONCATENATED MODULE: ./actions/sbom/src/inputs.ts








const FORMATS = ['spdx-json', 'cyclonedx-json'];
/** Always skipped: installed trees and VCS metadata hold copies, not the project's own lockfiles. */
const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/vendor/**', '**/.git/**'];
/** Reads and checks every input before anything is scanned or written. */
function parseInputs() {
    const path = (0,external_node_path_.resolve)(getString(names/* Inputs */.G.path, { default: '.' }));
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isDirectory()) {
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.path}: ${path} is not a directory`, { input: names/* Inputs */.G.path });
    }
    const formats = [];
    for (const item of getList(names/* Inputs */.G.formats)) {
        if (!FORMATS.includes(item)) {
            const guess = closest(item, FORMATS);
            throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.formats} must list ${FORMATS.join(' and/or ')}, got "${item}"${guess ? `; did you mean "${guess}"?` : ''}`, { input: names/* Inputs */.G.formats });
        }
        if (!formats.includes(item))
            formats.push(item);
    }
    const compareTo = getString(names/* Inputs */.G.compareTo) || undefined;
    if (compareTo && !(0,external_node_fs_.existsSync)(compareTo)) {
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.compareTo}: ${compareTo} does not exist`, { input: names/* Inputs */.G.compareTo });
    }
    const submit = getBoolean(names/* Inputs */.G.submit, { default: false });
    const githubToken = getSecret(names/* Inputs */.G.githubToken);
    if (submit && githubToken.trim() === '') {
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.submit} needs ${names/* Inputs */.G.githubToken} (the default github.token works with "permissions: contents: write")`, {
            input: names/* Inputs */.G.githubToken,
        });
    }
    const image = getString(names/* Inputs */.G.image) || undefined;
    const platform = getString(names/* Inputs */.G.platform) ? parsePlatformInput(getString(names/* Inputs */.G.platform)) : undefined;
    if (platform && !image)
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.platform} applies to a container image; give ${names/* Inputs */.G.image} too`, {
            input: names/* Inputs */.G.platform,
        });
    return {
        path,
        image,
        platform,
        formats: formats.length > 0 ? formats : [...FORMATS],
        outputDir: (0,external_node_path_.resolve)(getString(names/* Inputs */.G.outputDir, { default: '.' })),
        exclude: [...DEFAULT_EXCLUDES, ...getList(names/* Inputs */.G.exclude)],
        mavenRepositories: mavenRepositories(),
        includeDev: getBoolean(names/* Inputs */.G.includeDev, { default: true }),
        name: getString(names/* Inputs */.G.name) || undefined,
        version: getString(names/* Inputs */.G.version) || undefined,
        reproducible: getBoolean(names/* Inputs */.G.reproducible, { default: true }),
        licenses: getEnum(names/* Inputs */.G.licenses, ['auto', 'lockfile', 'none'], { default: 'auto' }),
        denyLicenses: (0,policy/* parseDenyList */.ab)(getList(names/* Inputs */.G.denyLicenses)),
        failOnUnknownLicense: getBoolean(names/* Inputs */.G.failOnUnknownLicense, { default: false }),
        compareTo,
        submit,
        githubToken,
        matrix: getString(names/* Inputs */.G.matrix) || undefined,
    };
}
/** Architecture spellings Docker and containerd accept for their canonical ones (uname, Debian). */
const ARCH_ALIASES = {
    x86_64: { architecture: 'amd64' },
    'x86-64': { architecture: 'amd64' },
    aarch64: { architecture: 'arm64' },
    armhf: { architecture: 'arm', variant: 'v7' },
    armel: { architecture: 'arm', variant: 'v6' },
    i386: { architecture: '386' },
};
/** `os/arch[/variant]` as `docker --platform` takes it: linux/amd64, linux/arm64, linux/arm/v7. */
function parsePlatformInput(text) {
    const m = /^([a-z0-9_]+)\/([a-z0-9_-]+)(?:\/([a-z0-9_.]+))?$/.exec(text.trim().toLowerCase());
    if (!m)
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.platform} must be os/architecture[/variant] as docker --platform takes it, e.g. linux/arm64 or linux/arm/v7; got "${text}"`, { input: names/* Inputs */.G.platform });
    const alias = ARCH_ALIASES[m[2]];
    return {
        os: m[1],
        architecture: alias?.architecture ?? m[2],
        variant: m[3] ?? alias?.variant,
    };
}
const MAVEN_CENTRAL = 'https://repo.maven.apache.org/maven2';
/** `maven-repositories`: http(s) base URLs, in the order they are asked; Maven Central when empty. */
function mavenRepositories() {
    const list = getList(names/* Inputs */.G.mavenRepositories);
    for (const url of list) {
        // A private repository's credentials in its URL (https://user:token@host/...): masked before
        // anything can print the URL, in the forms they travel in (percent-encoded, decoded, and
        // base64 of user:password as the Basic header carries them).
        const userinfo = /^[^:/\s]+:\/\/([^/@\s]*)@/.exec(url)?.[1];
        if (userinfo) {
            const colon = userinfo.indexOf(':');
            const decode = (text) => {
                try {
                    return decodeURIComponent(text);
                }
                catch {
                    return text;
                }
            };
            if (colon >= 0) {
                const password = userinfo.slice(colon + 1);
                (0,secrets/* registerSecret */.cl)(password);
                (0,secrets/* registerSecret */.cl)(decode(password));
            }
            (0,secrets/* registerSecret */.cl)(colon >= 0 ? `${decode(userinfo.slice(0, colon))}:${decode(userinfo.slice(colon + 1))}` : decode(userinfo));
        }
        if (!/^https?:\/\/[^\s/]+/.test(url))
            throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.mavenRepositories}: "${url}" is not an http(s) URL of a Maven repository (e.g. ${MAVEN_CENTRAL})`, { input: names/* Inputs */.G.mavenRepositories });
    }
    return list.length > 0 ? list : [MAVEN_CENTRAL];
}


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ leaves),
/* harmony export */   XX: () => (/* binding */ render),
/* harmony export */   YK: () => (/* binding */ parseExpression)
/* harmony export */ });
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3326);
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__);

/** Parses an SPDX expression; undefined when the text is not one (e.g. "BSD", "SEE LICENSE IN LICENSE.txt"). */
function parseExpression(text) {
    try {
        return spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default()(text);
    }
    catch {
        return undefined;
    }
}
/** The expression written back canonically: redundant parentheses dropped, operators upper-case. */
function render(ast, parent) {
    if ('conjunction' in ast) {
        const text = `${render(ast.left, ast.conjunction)} ${ast.conjunction.toUpperCase()} ${render(ast.right, ast.conjunction)}`;
        // AND binds tighter than OR; parentheses are needed only for an OR inside an AND.
        return parent === 'and' && ast.conjunction === 'or' ? `(${text})` : text;
    }
    return `${ast.license}${ast.plus ? '+' : ''}${ast.exception ? ` WITH ${ast.exception}` : ''}`;
}
/** Every license id mentioned, for the summary's breakdown. */
function leaves(ast) {
    return 'conjunction' in ast ? [...leaves(ast.left), ...leaves(ast.right)] : [render(ast)];
}


/***/ }),

/***/ 36:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ab: () => (/* binding */ parseDenyList),
/* harmony export */   cv: () => (/* binding */ findOffenders)
/* harmony export */ });
/* unused harmony export choicesOf */
/* harmony import */ var spdx_license_ids__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5204);
/* harmony import */ var _shared_errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4195);
/* harmony import */ var _expression__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(68);




/**
 * Parses `deny-licenses`: SPDX ids, `id+` ranges or `id WITH exception`, as spdx-satisfies
 * understands them. Checked up front so a typo fails before anything is written.
 */
function parseDenyList(items) {
    for (const item of items) {
        const ast = (0,_expression__WEBPACK_IMPORTED_MODULE_3__/* .parseExpression */ .YK)(item);
        if (!ast || 'conjunction' in ast) {
            throw new _shared_errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.denyLicenses}: "${item}" is not an SPDX license identifier (e.g. GPL-3.0-only, AGPL-3.0-or-later, GPL-2.0+); list one per line`, { input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.denyLicenses });
        }
    }
    return [...items];
}
/**
 * A component offends when every way to satisfy its expression uses a denied license (an OR offers
 * a choice, and so does an `-or-later` version):
 * `MIT OR GPL-3.0-only` passes a GPL-3.0-only denial (MIT can be chosen), `MIT AND GPL-3.0-only`
 * does not. Components without a known license are not offenders (they show in the summary).
 */
async function findOffenders(components, deny) {
    if (deny.length === 0)
        return [];
    // Loaded only when there is a policy to check: it carries the SPDX license ranges.
    const { default: satisfies } = await __webpack_require__.e(/* import() */ 131).then(__webpack_require__.t.bind(__webpack_require__, 5131, 23));
    const offenders = [];
    for (const component of components) {
        const license = component.license;
        if (!license?.valid)
            continue;
        const ast = (0,_expression__WEBPACK_IMPORTED_MODULE_3__/* .parseExpression */ .YK)(license.expression);
        if (!ast)
            continue;
        const denied = new Set();
        if (isDenied(ast, deny, denied, satisfies))
            offenders.push({ component, expression: license.expression, denied: [...denied].sort() });
    }
    return offenders;
}
function isDenied(ast, deny, hits, satisfies) {
    if ('conjunction' in ast) {
        const left = isDenied(ast.left, deny, hits, satisfies);
        const right = isDenied(ast.right, deny, hits, satisfies);
        return ast.conjunction === 'and' ? left || right : left && right;
    }
    const leaf = `${ast.license}${ast.plus ? '+' : ''}${ast.exception ? ` WITH ${ast.exception}` : ''}`;
    // `X-or-later` (or `X+`) lets the recipient pick X or any later version: it offends only when
    // every one of those choices is denied (denying GPL-3.0-only leaves GPL-2.0-or-later's 2.0).
    const denied = choicesOf(ast).every((choice) => deny.some((d) => matches(choice, d, satisfies)));
    if (denied)
        hits.add(leaf);
    return denied;
}
function matches(choice, denied, satisfies) {
    try {
        return satisfies(choice, [denied]);
    }
    catch {
        return choice === denied;
    }
}
/** The licenses a leaf lets one choose between: itself, or each version from X on for `X-or-later` / `X+`. */
function choicesOf(leaf) {
    const exception = leaf.exception ? ` WITH ${leaf.exception}` : '';
    const later = leaf.plus === true || leaf.license.endsWith('-or-later');
    if (!later)
        return [`${leaf.license}${exception}`];
    const base = leaf.license.replace(/-or-later$/, '');
    const m = /^(.+?)-(\d+(?:\.\d+)*)(-only)?$/.exec(base);
    if (!m)
        return [`${leaf.license}${exception}`];
    const family = m[1];
    const from = versionKey(m[2]);
    const versions = new Map();
    const pattern = new RegExp(`^${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+(?:\\.\\d+)*)(-only)?$`);
    for (const id of spdx_license_ids__WEBPACK_IMPORTED_MODULE_0__) {
        const v = pattern.exec(id);
        if (!v || compareVersions(versionKey(v[1]), from) < 0)
            continue;
        // GNU licenses name each version `-only`; others (Apache-2.0, MPL-2.0) just the version.
        if (v[2] || !versions.has(v[1]))
            versions.set(v[1], id);
    }
    return versions.size > 0 ? [...versions.values()].map((id) => `${id}${exception}`) : [`${leaf.license}${exception}`];
}
function versionKey(text) {
    return text.split('.').map(Number);
}
function compareVersions(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const d = (a[i] ?? 0) - (b[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}


/***/ }),

/***/ 5357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ licenseText)
/* harmony export */ });
/* harmony import */ var _ecosystems_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/** `license` as a string, the legacy `{type}` object, or the legacy `licenses: [{type}]` array (joined with OR). */
function licenseText(value) {
    if (typeof value === 'string')
        return value.trim() || undefined;
    if ((0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(value))
        return (0,_ecosystems_common__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(value.type);
    if (Array.isArray(value)) {
        const parts = value.map((v) => licenseText(v)).filter((v) => v !== undefined);
        if (parts.length === 0)
            return undefined;
        return parts.length === 1 ? parts[0] : parts.map((p) => (/\s/.test(p) ? `(${p})` : p)).join(' OR ');
    }
    return undefined;
}


/***/ }),

/***/ 8484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/secrets.ts
var secrets = __webpack_require__(5931);
;// CONCATENATED MODULE: ./shared/annotations.ts


/**
 * The annotation budget. GitHub shows 10 error and 10 warning annotations per step and silently
 * drops the rest, so a run with 1,704 denied components or 40 failed hosts would show 10 of them
 * and lose the count. Actions queue annotations here with a rank; `flushAnnotations` (run by
 * `runAction` once the step is done) emits the most important first, at most what is left of the
 * step's 10 (annotations already written directly count), and the last one says how many more
 * there are and where to read them. The ones left out still go to the log, grouped.
 */
const ANNOTATION_LIMIT = 10;
const pending = [];
let seq = 0;
/**
 * Queues an annotation. Higher `rank` is shown first; equal ranks keep their order.
 * `properties` point at the file and line, as for core.error.
 */
function annotate(kind, message, properties = {}, rank = 0) {
    // The title and file are shown too: a host name or a URL with a token in it is redacted like the message.
    const { title, file } = properties;
    const shown = { ...properties, title: title && (0,secrets/* redact */.E$)(title), file: file && (0,secrets/* redact */.E$)(file) };
    pending.push({ kind, message: (0,secrets/* redact */.E$)(message), properties: shown, rank, seq: seq++ });
}
const annotations_annotations = {
    error: (message, properties, rank) => annotate('error', message, properties, rank),
    warning: (message, properties, rank) => annotate('warning', message, properties, rank),
    notice: (message, properties, rank) => annotate('notice', message, properties, rank),
};
const EMIT = { error: actions_core/* error */.z3, warning: actions_core/* warning */.$e, notice: actions_core/* notice */.lm };
const NOUN = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    notice: ['notice', 'notices'],
};
/** Emits the queued annotations within the budget; where the rest are read (default the job summary). */
function flushAnnotations(where = 'the job summary') {
    for (const kind of ['error', 'warning', 'notice']) {
        const items = pending.filter((p) => p.kind === kind).sort((a, b) => b.rank - a.rank || a.seq - b.seq);
        if (items.length === 0)
            continue;
        const room = Math.max(0, ANNOTATION_LIMIT - actions_core/* annotationsIssued */.Co(kind));
        const shown = items.length <= room ? items.length : room;
        items.slice(0, shown).forEach((item, i) => {
            const last = i === shown - 1 && shown < items.length;
            const [one, many] = NOUN[kind];
            const more = items.length - shown;
            const message = last
                ? `${item.message}\n… and ${more} more ${more === 1 ? one : many}: see ${where} (${items.length} ${many} in total)`
                : item.message;
            EMIT[kind](message, item.properties);
        });
        if (shown < items.length) {
            actions_core/* startGroup */.Oh(`${items.length - shown} more ${NOUN[kind][1]} (GitHub shows ${ANNOTATION_LIMIT} per step)`);
            for (const item of items.slice(shown))
                actions_core/* info */.pq(`${kind}: ${where1(item)}${item.message}`);
            actions_core/* endGroup */.N4();
        }
    }
    pending.length = 0;
}
function where1(item) {
    const { file, startLine } = item.properties;
    return file ? `${file}${startLine ? `:${startLine}` : ''}: ` : '';
}
/** For tests: forget queued annotations and start a new step's budget. */
function clearAnnotations() {
    pending.length = 0;
    core.resetAnnotationsIssued();
}

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./shared/exec.ts
var exec = __webpack_require__(3497);
;// CONCATENATED MODULE: ./shared/logging.ts



/** A `::group::` around `fn`; groups cannot nest on the runner, so callers keep them flat. */
async function group(title, fn) {
    return actions_core/* group */.Os((0,secrets/* redact */.E$)(title), fn);
}
/**
 * Log lines tagged with their source (`[web-1] [install] …`), so interleaved parallel work stays readable.
 * A warning is logged in place and queued as an annotation: 40 hosts warning at once become the
 * step's first 10 annotations, the last one counting the rest (shared/annotations).
 */
function prefixed(prefix) {
    const tag = prefix ? `[${prefix}] ` : '';
    return {
        info: (m) => core.info(redact(`${tag}${m}`)),
        warning: (m) => {
            core.info(redact(`${tag}warning: ${m}`));
            annotations.warning(`${tag}${m}`);
        },
        debug: (m) => core.debug(redact(`${tag}${m}`)),
    };
}
/**
 * Collects lines for one unit of work (a host) and prints them as one group at the end:
 * the runner cannot show concurrent groups, so parallel work is buffered, then grouped.
 */
class BufferedGroup {
    title;
    lines = [];
    constructor(title) {
        this.title = title;
    }
    info(message) {
        this.lines.push(redact(message));
    }
    warning(message) {
        annotations.warning(`${this.title}: ${message}`);
        this.lines.push(redact(`warning: ${message}`));
    }
    debug(message) {
        core.debug(redact(`${this.title}: ${message}`));
    }
    flush() {
        core.startGroup(redact(this.title));
        for (const line of this.lines)
            core.info(line);
        core.endGroup();
        this.lines.length = 0;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./shared/telemetry.ts



/**
 * The telemetry hook of the core library. Every Paved action bundle includes this file, so it
 * must stay free when the user has not consented: it reads environment variables and returns.
 * No file is opened, nothing is imported lazily, no clock beyond what the caller already took.
 *
 * How consent reaches here: the `telemetry` action's main step decides (consent: granted, the
 * current policy version, no DO_NOT_TRACK, no fork PR) and, only then, exports for the rest of
 * the job PAVED_TELEMETRY_POLICY (the data-policy version) and PAVED_TELEMETRY_JOURNAL (a file
 * under RUNNER_TEMP). This file appends one JSON line per event to that journal; the telemetry
 * action's post step reads it at the end of the job and exports it over OTLP. See TELEMETRY.md.
 *
 * API (both are safe to call anywhere, never throw, and cost one env read without consent):
 *
 *   recordActionRun(run: ActionRun)
 *     Called by shared/run-action.ts once per action run. Actions do not call it themselves.
 *     The telemetry action's own runs are not recorded.
 *
 *   recordDeployment(deployment: DeploymentRecord)
 *     For an action that deploys (runbook): call it once per deployment, after it finished,
 *     successful or not. It feeds the DORA metrics: deployment frequency (count per
 *     environment), lead time (finishedAt minus the commit time of the deployed revision) and
 *     change failure rate (result 'failure' among deployments).
 *       recordDeployment({
 *         action: 'runbook',
 *         environment: 'production',      // optional; only well-known names are sent in clear
 *         result: 'success' | 'failure',
 *         startedAt: Date | number,       // epoch ms
 *         finishedAt: Date | number,
 *         commitTimestamp?: Date | number // optional: else the post step reads it from the
 *                                         // event payload (head_commit) or `git show` of GITHUB_SHA
 *       });
 *
 *   nameActionRun(name, { deployment? })
 *     Optional, for an action whose commands are worth telling apart: called once the inputs are
 *     parsed, it names the run that runAction records, `<action>.<command>` (e.g. `db2.upgrade`).
 *     With `deployment: true` the run is also recorded as a deployment (same times and outcome;
 *     its environment is the telemetry step's `environment` input).
 *
 *   telemetryOptOut(env) / journalPath(env)
 *     The gate itself, exported for the telemetry action and tests.
 *
 * Integrity: with consent the telemetry step also exports PAVED_TELEMETRY_KEY, a random per-job
 * key it keeps in its own step state too; each line is signed with HMAC-SHA256 under it, and the
 * export drops lines whose signature does not verify against the state's copy, so a line appended
 * by anything but a Paved step (a script, another tool, a journal restored from elsewhere) is
 * never sent.
 *
 * What is written is only ever: action name, Paved version, times, outcome, error class and,
 * for deployments, the environment name and result. Never messages, paths, inputs or values.
 */
/** Bumped whenever what Paved collects changes, so that existing consents lapse (TELEMETRY.md). */
const TELEMETRY_POLICY_VERSION = 1;
const TELEMETRY_ENV = {
    journal: 'PAVED_TELEMETRY_JOURNAL',
    policy: 'PAVED_TELEMETRY_POLICY',
    key: 'PAVED_TELEMETRY_KEY',
};
const ERROR_CLASSES = new Set(['ConfigurationError', 'OperationError', 'InternalError']);
/** An action, or an action and its command: `sbom`, `db2.upgrade`. */
const NAME = /^[a-z][a-z0-9-]{0,39}(\.[a-z][a-z0-9-]{0,39})?$/;
const VERSION_TEXT = /^[0-9A-Za-z.+-]{1,40}$/;
const ENVIRONMENT = /^[A-Za-z0-9 _./-]{1,100}$/;
/** Why telemetry is off regardless of consent, or undefined. The user's environment always wins. */
function telemetryOptOut(env = process.env) {
    const dnt = (env.DO_NOT_TRACK ?? '').trim().toLowerCase();
    // consoledonottrack.com: any value but empty or 0 means "do not track"; we read it generously.
    if (dnt !== '' && dnt !== '0' && dnt !== 'false')
        return `DO_NOT_TRACK=${env.DO_NOT_TRACK}`;
    const paved = (env.PAVED_TELEMETRY ?? '').trim().toLowerCase();
    if (['off', 'false', '0', 'no', 'disabled'].includes(paved))
        return `PAVED_TELEMETRY=${env.PAVED_TELEMETRY}`;
    return undefined;
}
/**
 * The journal to append to, or undefined when nothing may be recorded. The file must lie under
 * RUNNER_TEMP: a variable pointing elsewhere is ignored, so the hook never writes outside the job's
 * scratch space whatever the environment says.
 */
function journalPath(env = process.env) {
    const file = env[TELEMETRY_ENV.journal];
    if (!file)
        return undefined;
    if (env[TELEMETRY_ENV.policy] !== String(TELEMETRY_POLICY_VERSION))
        return undefined;
    if (telemetryOptOut(env) !== undefined)
        return undefined;
    const temp = env.RUNNER_TEMP;
    if (!temp || !(0,external_node_path_.isAbsolute)(file))
        return undefined;
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(temp), (0,external_node_path_.resolve)(file));
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return file;
}
let runName;
function nameActionRun(name, options = {}) {
    runName = { name, deployment: options.deployment === true };
}
async function recordActionRun(run) {
    const named = runName;
    runName = undefined;
    const file = journalPath();
    // The telemetry action's own steps are the measurement, not the measured.
    if (file === undefined || run.action === 'telemetry')
        return;
    const action = named?.name.startsWith(`${run.action}.`) ? named.name : run.action;
    append(file, {
        kind: 'run',
        action: NAME.test(action) ? action : 'unknown',
        version: VERSION_TEXT.test(run.version) ? run.version : 'unknown',
        startedAt: Date.now() - Math.max(0, Math.round(run.durationMs)),
        durationMs: Math.max(0, Math.round(run.durationMs)),
        outcome: run.outcome === 'success' ? 'success' : 'failure',
        errorClass: run.errorClass === undefined ? undefined : ERROR_CLASSES.has(run.errorClass) ? run.errorClass : 'InternalError',
    });
    if (named?.deployment && action === named.name) {
        const finishedAt = Date.now();
        recordDeployment({
            action,
            result: run.outcome,
            startedAt: finishedAt - Math.max(0, Math.round(run.durationMs)),
            finishedAt,
        });
    }
}
function recordDeployment(deployment) {
    const file = journalPath();
    if (file === undefined)
        return;
    const startedAt = epoch(deployment.startedAt);
    const finishedAt = epoch(deployment.finishedAt);
    if (startedAt === undefined || finishedAt === undefined)
        return;
    const environment = deployment.environment?.trim();
    append(file, {
        kind: 'deployment',
        action: deployment.action && NAME.test(deployment.action) ? deployment.action : 'unknown',
        environment: environment && ENVIRONMENT.test(environment) ? environment : undefined,
        result: deployment.result === 'success' ? 'success' : 'failure',
        startedAt,
        finishedAt: Math.max(startedAt, finishedAt),
        commitTimestamp: deployment.commitTimestamp === undefined ? undefined : epoch(deployment.commitTimestamp),
    });
}
function epoch(value) {
    const ms = value instanceof Date ? value.getTime() : value;
    return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : undefined;
}
/**
 * The journal line: the entry's JSON, signed with the job's key when there is one. The telemetry
 * action also writes lines of its own kinds (any JSON object) through it.
 */
function journalLine(entry, key) {
    const json = JSON.stringify(entry);
    if (!key)
        return json;
    const mac = (0,external_node_crypto_.createHmac)('sha256', key).update(json).digest('hex');
    return `${json.slice(0, -1)},"mac":"${mac}"}`;
}
function append(file, entry) {
    try {
        // One short line in a single write: appends from sequential steps never interleave.
        (0,external_node_fs_.appendFileSync)(file, `${journalLine(entry, process.env[TELEMETRY_ENV.key])}\n`, { encoding: 'utf8', mode: 0o600 });
    }
    catch {
        // Telemetry never breaks an action: a journal that cannot be written is simply not written.
    }
}

// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(4402);
;// CONCATENATED MODULE: ./shared/run-action.ts






/**
 * The last catch of every action. A user's mistake becomes one annotation pointing at the file
 * and line to fix; a bug becomes a failure with its stack folded in a group for the report.
 * Either way the step fails with "<action>: <message>" and exit code 1.
 */
async function runAction(name, fn) {
    const started = performance.now();
    let failure;
    // Node exits 0 when the event loop empties, even with `fn` still awaiting a promise nothing will
    // settle (a socket closed with no listener left to say so). A step must never pass that way.
    const stalled = () => {
        report(name, new Error('stopped before finishing: it was waiting for an event that can no longer happen (a bug)'));
        flushAnnotations();
    };
    process.once('beforeExit', stalled);
    try {
        await fn();
    }
    catch (error) {
        failure = error;
        report(name, error);
    }
    finally {
        process.off('beforeExit', stalled);
    }
    flushAnnotations();
    try {
        await recordActionRun({
            action: name,
            version: version/* VERSION */.x,
            durationMs: Math.round(performance.now() - started),
            outcome: failure === undefined ? 'success' : 'failure',
            errorClass: failure === undefined ? undefined : (0,errors/* errorClass */.PC)(failure),
        });
    }
    catch (error) {
        actions_core/* debug */.Yz(`telemetry hook failed: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}
function report(name, error) {
    const message = (0,secrets/* redact */.E$)(`${name}: ${(0,errors/* errorMessage */.gJ)(error)}`);
    if ((0,errors/* isConfigurationError */.p0)(error)) {
        const { file, line, col } = error.location;
        if (file) {
            actions_core/* error */.z3(message, { file, startLine: line, startColumn: col, title: `${name}: configuration error` });
            process.exitCode = actions_core/* ExitCode */.yU.Failure;
            return;
        }
        actions_core/* setFailed */.C1(message);
        return;
    }
    actions_core/* setFailed */.C1(message);
    if (error instanceof Error && error.stack && error.name !== 'OperationError' && error.name !== 'ExecError') {
        actions_core/* startGroup */.Oh('Stack trace (an internal error: please report it with this trace)');
        actions_core/* info */.pq((0,secrets/* redact */.E$)(error.stack));
        actions_core/* endGroup */.N4();
    }
}

// EXTERNAL MODULE: ./actions/sbom/src/ecosystems/common.ts
var common = __webpack_require__(6972);
;// CONCATENATED MODULE: ./actions/sbom/src/ecosystems/manifest.ts



function manifestReader(dir) {
    const text = (relative) => {
        try {
            return (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, relative), 'utf8');
        }
        catch {
            return undefined;
        }
    };
    const json = ((relative) => {
        const body = text(relative);
        if (body === undefined)
            return undefined;
        try {
            const data = JSON.parse(body);
            return (0,common/* isRecord */.u4)(data) ? data : undefined;
        }
        catch {
            // A broken manifest beside a good lockfile: the lockfile still describes what is installed.
            return undefined;
        }
    });
    json.text = text;
    json.path = dir.split(external_node_path_.sep).join('/');
    json.dirs = (relative) => {
        try {
            return (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, relative), { withFileTypes: true })
                .filter((d) => d.isDirectory() && d.name !== 'node_modules' && !d.name.startsWith('.'))
                .map((d) => d.name)
                .sort();
        }
        catch {
            return [];
        }
    };
    return json;
}

;// CONCATENATED MODULE: ./actions/sbom/src/ecosystems/detect.ts





const KINDS = [
    { ecosystem: 'npm', match: 'npm-shrinkwrap.json', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(84), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 5116))).parseNpm },
    { ecosystem: 'npm', match: 'package-lock.json', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(84), __webpack_require__.e(116)]).then(__webpack_require__.bind(__webpack_require__, 5116))).parseNpm },
    { ecosystem: 'yarn', match: 'yarn.lock', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(138), __webpack_require__.e(495)]).then(__webpack_require__.bind(__webpack_require__, 2495))).parseYarn },
    { ecosystem: 'pnpm', match: 'pnpm-lock.yaml', load: async () => (await __webpack_require__.e(/* import() */ 716).then(__webpack_require__.bind(__webpack_require__, 9716))).parsePnpm },
    { ecosystem: 'poetry', match: 'poetry.lock', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(47)]).then(__webpack_require__.bind(__webpack_require__, 2047))).parsePoetry },
    { ecosystem: 'pipenv', match: 'Pipfile.lock', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(47)]).then(__webpack_require__.bind(__webpack_require__, 2047))).parsePipenv },
    { ecosystem: 'uv', match: 'uv.lock', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(47)]).then(__webpack_require__.bind(__webpack_require__, 2047))).parseUv },
    {
        ecosystem: 'pip',
        match: /^(requirements([-_.][\w.-]*)?|[\w.-]+[-_]requirements)\.txt$/,
        load: async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(47)]).then(__webpack_require__.bind(__webpack_require__, 2047))).parseRequirements,
    },
    { ecosystem: 'gomod', match: 'go.mod', load: async () => (await __webpack_require__.e(/* import() */ 95).then(__webpack_require__.bind(__webpack_require__, 6095))).parseGoMod },
    { ecosystem: 'cargo', match: 'Cargo.lock', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(985)]).then(__webpack_require__.bind(__webpack_require__, 6985))).parseCargo },
    {
        ecosystem: 'maven',
        match: 'pom.xml',
        // Parents, BOMs and transitive dependencies come from ~/.m2/repository, then maven-repositories.
        load: async () => {
            const { MavenRepository, parsePomResolved } = await Promise.all(/* import() */[__webpack_require__.e(893), __webpack_require__.e(611)]).then(__webpack_require__.bind(__webpack_require__, 5611));
            const repository = new MavenRepository((await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4838))).mavenRepositories());
            return (text, file, manifests) => parsePomResolved(text, file, manifests, repository);
        },
    },
    { ecosystem: 'gradle', match: 'gradle.lockfile', load: async () => (await __webpack_require__.e(/* import() */ 194).then(__webpack_require__.bind(__webpack_require__, 6194))).parseGradleLock },
    { ecosystem: 'bundler', match: 'Gemfile.lock', load: async () => (await __webpack_require__.e(/* import() */ 704).then(__webpack_require__.bind(__webpack_require__, 9323))).parseGemfileLock },
    { ecosystem: 'composer', match: 'composer.lock', load: async () => (await __webpack_require__.e(/* import() */ 735).then(__webpack_require__.bind(__webpack_require__, 7735))).parseComposer },
    { ecosystem: 'nuget', match: 'packages.lock.json', load: async () => (await __webpack_require__.e(/* import() */ 770).then(__webpack_require__.bind(__webpack_require__, 3770))).parseNuget },
    { ecosystem: 'swift', match: 'Package.resolved', load: async () => (await __webpack_require__.e(/* import() */ 558).then(__webpack_require__.bind(__webpack_require__, 3558))).parseSwift },
    { ecosystem: 'pub', match: 'pubspec.lock', load: async () => (await __webpack_require__.e(/* import() */ 554).then(__webpack_require__.bind(__webpack_require__, 7554))).parsePub },
    { ecosystem: 'hex', match: 'mix.lock', load: async () => (await __webpack_require__.e(/* import() */ 656).then(__webpack_require__.bind(__webpack_require__, 9656))).parseMixLock },
    { ecosystem: 'cocoapods', match: 'Podfile.lock', load: async () => (await __webpack_require__.e(/* import() */ 634).then(__webpack_require__.bind(__webpack_require__, 7253))).parsePodfileLock },
    { ecosystem: 'conan', match: 'conan.lock', load: async () => (await __webpack_require__.e(/* import() */ 494).then(__webpack_require__.bind(__webpack_require__, 494))).parseConanLock },
];
/** What the "nothing found" error lists. */
const LOOKED_FOR = [
    ...KINDS.map((k) => (typeof k.match === 'string' ? k.match : 'requirements*.txt')),
    'requirements/*.txt',
];
function kindOf(name) {
    return KINDS.find((k) => (typeof k.match === 'string' ? k.match === name : k.match.test(name)));
}
/** Manifests whose lockfile is missing: what the "nothing found" error points at. */
const MANIFESTS = new Set([
    'package.json',
    'pyproject.toml',
    'Pipfile',
    'Cargo.toml',
    'Gemfile',
    'composer.json',
    'build.gradle',
    'build.gradle.kts',
    'Package.swift',
    'pubspec.yaml',
    'mix.exs',
    'Podfile',
    'conanfile.txt',
    'conanfile.py',
]);
async function findUnlockedManifests(root, exclude, cwd) {
    return walkFiles(root, await excluder(exclude), (name) => MANIFESTS.has(name)).map((path) => displayPath(path, cwd));
}
/** Walks `root` for lockfiles, skipping excluded directories without descending into them. */
async function findLockfiles(root, exclude, cwd) {
    const found = [];
    const pip = KINDS.find((k) => k.ecosystem === 'pip');
    const byContent = new Set();
    const paths = walkFiles(root, await excluder(exclude), (name, siblings, dir) => {
        // npm itself ignores package-lock.json when npm-shrinkwrap.json is present.
        if (name === 'package-lock.json' && siblings.has('npm-shrinkwrap.json'))
            return false;
        if (kindOf(name) !== undefined)
            return true;
        // pip-tools / uv pip compile outputs live in requirements/*.txt (main.txt, dev.txt): taken
        // when their content is pinned requirements, not on the name alone.
        if (REQUIREMENTS_DIRS.has((0,external_node_path_.basename)(dir)) && name.endsWith('.txt') && pinnedRequirements((0,external_node_path_.join)(dir, name))) {
            byContent.add((0,external_node_path_.join)(dir, name));
            return true;
        }
        return false;
    });
    for (const path of paths)
        found.push({
            path,
            display: displayPath(path, cwd),
            kind: byContent.has(path) ? pip : kindOf((0,external_node_path_.basename)(path)),
        });
    return found;
}
/** Folders pip-tools and uv users keep compiled requirement sets in. */
const REQUIREMENTS_DIRS = new Set(['requirements', 'requirements.d', 'reqs', 'deps']);
/** A pip-compile / uv header, or at least one `name==version` line: a pinned requirements file. */
function pinnedRequirements(path) {
    let head;
    try {
        head = (0,external_node_fs_.readFileSync)(path, 'utf8').slice(0, 64 * 1024);
    }
    catch {
        return false;
    }
    return (/^#\s+(This file is autogenerated by pip-compile|uv pip compile)/m.test(head) ||
        /^[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?\s*===?\s*[^\s=]/m.test(head));
}
/** Files under `root` (sorted, depth-first) that `want` accepts, never entering an excluded directory. */
// `**` + `/<name>/` + `**`, the shape of the default excludes: a plain directory name at any depth.
const ANY_DEPTH_DIR = /^\*\*\/([A-Za-z0-9_][A-Za-z0-9._-]*|\.[A-Za-z0-9_][A-Za-z0-9._-]*)\/\*\*$/;
// Whether a path (relative to the root, `/`-separated) is excluded: it, or it as a directory,
// matches a pattern. Any-depth directory patterns (the defaults) reduce to "some segment is <name>",
// exactly what minimatch answers for them (unit-tested); minimatch is loaded only for other patterns.
async function excluder(patterns) {
    const names = new Set();
    const globs = [];
    for (const pattern of patterns) {
        const plain = ANY_DEPTH_DIR.exec(pattern);
        if (plain)
            names.add(plain[1]);
        else
            globs.push(pattern);
    }
    // Compiled once: the walk tests every directory entry against every pattern.
    const matchers = globs.length > 0
        ? await __webpack_require__.e(/* import() */ 138).then(__webpack_require__.bind(__webpack_require__, 1138)).then(({ Minimatch }) => globs.map((g) => new Minimatch(g, { dot: true })))
        : [];
    return (rel) => (names.size > 0 && rel.split('/').some((segment) => names.has(segment))) ||
        matchers.some((m) => m.match(rel) || m.match(`${rel}/`));
}
function walkFiles(root, excluded, want) {
    const out = [];
    const walk = (dir) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true });
        }
        catch {
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        const names = new Set(entries.map((e) => e.name));
        for (const entry of entries) {
            const full = (0,external_node_path_.join)(dir, entry.name);
            const rel = (0,external_node_path_.relative)(root, full).split(external_node_path_.sep).join('/');
            if (entry.isDirectory()) {
                if (!excluded(rel) && !excluded(`${rel}/x`))
                    walk(full);
            }
            else if (entry.isFile() && want(entry.name, names, dir) && !excluded(rel))
                out.push(full);
        }
    };
    walk(root);
    return out;
}
function displayPath(path, cwd) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    return (rel.startsWith('..') ? path : rel).split(external_node_path_.sep).join('/');
}
/** Written by a tool that always ends it with a newline: one that does not was cut short. */
const TOOL_WRITTEN = new Set(['yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'uv.lock', 'Cargo.lock', 'Gemfile.lock']);
/**
 * One lockfile's graph. An empty file is a warning and no packages (never a silently empty SBOM);
 * a tool-written file that stops mid-line is a warning at that line; bad hashes are dropped.
 */
async function readOne(parse, text, item) {
    const display = item.display;
    if (text.trim() === '') {
        const graph = (0,common/* newGraph */.BD)(item.kind.ecosystem, display, 'empty');
        graph.warnings.push({
            file: display,
            line: 1,
            col: 1,
            message: `${display}:1: the file is empty, so no packages were read from it; regenerate it with its package manager`,
        });
        return graph;
    }
    const graph = await parse(text, display, manifestReader((0,external_node_path_.dirname)(item.path)));
    const name = (0,external_node_path_.basename)(item.path);
    if (TOOL_WRITTEN.has(name) && !text.endsWith('\n')) {
        const line = text.split('\n').length;
        graph.warnings.push({
            file: display,
            line,
            col: 1,
            message: `${display}:${line}: the last line has no line end, so the file looks cut short (${name} files always end with one); packages after it are missing - regenerate it`,
        });
    }
    (0,common/* checkHashes */.z2)(graph, text, display);
    for (const record of graph.packages.values()) {
        if (record.version !== '')
            continue;
        const who = record.namespace ? `${record.namespace}/${record.name}` : record.name;
        const line = (0,common/* lineOf */.cA)(text, who);
        graph.warnings.push({
            file: display,
            line,
            col: line ? 1 : undefined,
            message: `${display}${line ? `:${line}` : ''}: ${who} has no version in ${name}${record.project ? ' or its manifest' : ''}; it is written without one (NOASSERTION in SPDX, no version in CycloneDX and its purl) rather than a made-up one, and counts as missing in the NTIA table`,
        });
    }
    return graph;
}
/** Parses each lockfile; a parser's ConfigurationError already names the file, line and column. */
async function parseLockfiles(found, cwd, root) {
    const graphs = [];
    for (const item of found) {
        const parse = await item.kind.load();
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(item.path, 'utf8');
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`${item.display}: cannot read: ${error.message}`, { file: item.display });
        }
        if (text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        const graph = await readOne(parse, text, item);
        const dir = displayPath((0,external_node_path_.dirname)(item.path), cwd);
        // What the SBOM records is relative to the scanned directory, so it reads the same on any machine;
        // annotations (warnings, errors) keep paths relative to the workspace, where GitHub shows them.
        const content = (0,external_node_path_.relative)(root, item.path).split(external_node_path_.sep).join('/');
        for (const record of graph.packages.values()) {
            // Install paths are relative to the lockfile; make them relative to the working directory.
            if (record.installPath !== undefined)
                record.installPath = dir === '' ? record.installPath : `${dir}/${record.installPath}`;
            if (record.license?.source === item.display)
                record.license.source = content;
        }
        graph.file = content;
        graph.display = item.display;
        graphs.push(graph);
    }
    return graphs;
}

// EXTERNAL MODULE: ./actions/sbom/src/inputs.ts + 2 modules
var inputs = __webpack_require__(4838);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/policy.ts
var policy = __webpack_require__(36);
// EXTERNAL MODULE: ./actions/sbom/src/licenses/expression.ts
var expression = __webpack_require__(68);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./actions/sbom/src/model/purl.ts
var purl = __webpack_require__(7572);
;// CONCATENATED MODULE: ./actions/sbom/src/licenses/installed.ts




/**
 * Licenses the lockfile does not state, read offline from what the checkout already has: Python
 * `site-packages/*.dist-info/METADATA` (a virtualenv in the project, or $VIRTUAL_ENV), the Cargo
 * registry's unpacked crates (`$CARGO_HOME/registry/src/<index>/<name>-<version>/Cargo.toml`) and
 * Bundler's installed gemspecs (`vendor/bundle/ruby/<v>/specifications/<name>-<version>.gemspec`).
 * Each directory is listed once; a package matches only on its exact name and version. The
 * recorded source says which file it came from (relative to the scan root when inside it).
 */
class InstalledMetadata {
    root;
    env;
    pythonIndex;
    cargoDirs;
    gemDirs;
    constructor(root, env = process.env) {
        this.root = root;
        this.env = env;
    }
    licenseOf(component) {
        switch (component.purlType) {
            case 'pypi':
                return this.python(component);
            case 'cargo':
                return this.cargo(component);
            case 'gem':
                return this.gem(component);
            default:
                return undefined;
        }
    }
    source(path, cache) {
        const rel = (0,external_node_path_.relative)(this.root, path);
        return rel.startsWith('..') ? `${cache}: ${path.split(external_node_path_.sep).slice(-3).join('/')}` : rel.split(external_node_path_.sep).join('/');
    }
    // --- Python ------------------------------------------------------------------------------------
    python(component) {
        this.pythonIndex ??= this.indexSitePackages();
        const dir = this.pythonIndex.get(`${(0,purl/* pep503 */.g9)(component.name)}@${component.version}`);
        if (!dir)
            return undefined;
        const file = (0,external_node_path_.join)(dir, 'METADATA');
        const text = read(file);
        if (text === undefined)
            return undefined;
        const license = pythonLicense(text);
        return license ? { expression: license, valid: false, source: this.source(file, 'site-packages') } : undefined;
    }
    indexSitePackages() {
        const index = new Map();
        const roots = [this.env.VIRTUAL_ENV, ...['.venv', 'venv', 'env', '.tox'].map((d) => (0,external_node_path_.join)(this.root, d))];
        for (const venv of roots) {
            if (!venv)
                continue;
            for (const lib of ['lib', 'lib64', 'Lib']) {
                const pythons = list((0,external_node_path_.join)(venv, lib));
                // Windows venvs have Lib/site-packages directly; POSIX ones lib/pythonX.Y/site-packages.
                const sites = [(0,external_node_path_.join)(venv, lib, 'site-packages'), ...pythons.map((p) => (0,external_node_path_.join)(venv, lib, p, 'site-packages'))];
                for (const site of sites)
                    for (const entry of list(site)) {
                        const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
                        if (m)
                            index.set(`${(0,purl/* pep503 */.g9)(m[1])}@${m[2]}`, (0,external_node_path_.join)(site, entry));
                    }
            }
        }
        return index;
    }
    // --- Cargo -------------------------------------------------------------------------------------
    cargo(component) {
        if (!this.cargoDirs) {
            const home = this.env.CARGO_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cargo');
            this.cargoDirs = list((0,external_node_path_.join)(home, 'registry', 'src')).map((index) => (0,external_node_path_.join)(home, 'registry', 'src', index));
            this.cargoDirs.push((0,external_node_path_.join)(this.root, 'vendor'));
        }
        for (const dir of this.cargoDirs) {
            for (const candidate of [`${component.name}-${component.version}`, component.name]) {
                const file = (0,external_node_path_.join)(dir, candidate, 'Cargo.toml');
                const text = read(file);
                if (text === undefined)
                    continue;
                // `cargo vendor` keeps one version per name: the version must match too.
                const version = /^version\s*=\s*"([^"]+)"/m.exec(text)?.[1];
                if (version !== component.version)
                    continue;
                const license = /^license\s*=\s*"([^"]+)"/m.exec(text)?.[1];
                if (license)
                    return { expression: license, valid: false, source: this.source(file, 'cargo registry') };
            }
        }
        return undefined;
    }
    // --- Ruby --------------------------------------------------------------------------------------
    gem(component) {
        if (!this.gemDirs) {
            const bundle = (0,external_node_path_.join)(this.root, 'vendor', 'bundle', 'ruby');
            this.gemDirs = list(bundle).map((v) => (0,external_node_path_.join)(bundle, v, 'specifications'));
        }
        const platform = component.qualifiers?.platform ? `-${component.qualifiers.platform}` : '';
        for (const dir of this.gemDirs) {
            const file = (0,external_node_path_.join)(dir, `${component.name}-${component.version}${platform}.gemspec`);
            const text = read(file);
            if (text === undefined)
                continue;
            // `s.licenses = ["MIT".freeze, "Ruby".freeze]` (several mean "any of", as RubyGems documents).
            const m = /\.licenses?\s*=\s*\[?([^\n\]]*)/.exec(text);
            const ids = m ? [...m[1].matchAll(/"([^"]+)"/g)].map((x) => x[1]) : [];
            if (ids.length > 0)
                return { expression: ids.join(' OR '), valid: false, source: this.source(file, 'gem specifications') };
        }
        return undefined;
    }
}
/** PEP 639 `License-Expression`, else a one-line `License`, else the most specific license classifier. */
function pythonLicense(metadata) {
    const head = metadata.split(/\r?\n\r?\n/, 1)[0] ?? '';
    const expression = /^License-Expression:\s*(.+)$/m.exec(head)?.[1]?.trim();
    if (expression)
        return expression;
    const license = /^License:\s*(.+)$/m.exec(head)?.[1]?.trim();
    // Some projects paste the whole license text here (continuation lines follow); only a name is useful.
    const continued = license !== undefined && /^License:.*\r?\n[ \t]+\S/m.test(head);
    if (license && !continued && license.length <= 80 && !/^UNKNOWN$/i.test(license))
        return license;
    const classifiers = [...head.matchAll(/^Classifier:\s*License :: (.+)$/gm)].map((m) => m[1].trim());
    const named = classifiers.map((c) => c.split(' :: ').pop()).filter((c) => c !== 'OSI Approved');
    return named.length > 0 ? named.join(' OR ') : undefined;
}
function list(dir) {
    try {
        return (0,external_node_fs_.readdirSync)((0,external_node_path_.resolve)(dir)).sort();
    }
    catch {
        return [];
    }
}
function read(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./actions/sbom/src/licenses/text.ts
var licenses_text = __webpack_require__(5357);
;// CONCATENATED MODULE: ./actions/sbom/src/licenses/resolve.ts





/**
 * Settles each component's license: `auto` fills the gaps the lockfile leaves from installed
 * package metadata (node_modules/<name>/package.json, vendor/<name>/composer.json), accepting a
 * file only when its name and version match the component; `none` records NOASSERTION throughout.
 * The expression is then parsed: a valid one is written canonically, anything else is kept verbatim
 * and marked invalid so the writers emit it as a named (non-SPDX) license.
 */
async function resolveLicenses(components, mode, cwd, root) {
    let correct;
    const metadata = new InstalledMetadata((0,external_node_path_.resolve)(cwd, root));
    const dirs = new Map();
    // A large lockfile states a few dozen distinct license texts: each is parsed once.
    const parsed = new Map();
    for (const component of components) {
        if (mode === 'none') {
            component.license = undefined;
            continue;
        }
        if (!component.license && mode === 'auto')
            component.license = installed(component, cwd, root, dirs) ?? metadata.licenseOf(component);
        const license = component.license;
        if (license) {
            let result = parsed.get(license.expression);
            if (!result) {
                let ast = (0,expression/* parseExpression */.YK)(license.expression);
                let normalised;
                if (!ast) {
                    // "GPLv3", "Apache 2", "MIT License": spdx-correct (the npm ecosystem's own normaliser),
                    // loaded only when some license is not SPDX already, and taken only when unambiguous.
                    correct ??= (await __webpack_require__.e(/* import() */ 728).then(__webpack_require__.t.bind(__webpack_require__, 5728, 23))).default;
                    const fix = correct;
                    normalised =
                        unambiguous(license.expression, fix(license.expression)) ??
                            // "MIT License OR Apache Software License" (classifiers): each choice on its own.
                            eachOf(license.expression, (part) => unambiguous(part, fix(part)));
                    if (normalised)
                        ast = (0,expression/* parseExpression */.YK)(normalised);
                }
                result = ast
                    ? {
                        expression: (0,expression/* render */.XX)(ast),
                        valid: true,
                        ids: [...new Set((0,expression/* leaves */.FQ)(ast))],
                        normalisedFrom: normalised && license.expression,
                    }
                    : { expression: license.expression, valid: false, ids: undefined };
                parsed.set(license.expression, result);
            }
            component.license = result.valid
                ? {
                    ...license,
                    expression: result.expression,
                    valid: true,
                    ids: result.ids,
                    ...(result.normalisedFrom ? { normalisedFrom: result.normalisedFrom } : {}),
                }
                : { ...license, valid: false };
        }
    }
}
/**
 * spdx-correct's answer when the text pins it down: a version in the answer must be the one the
 * text states ("GPLv3" → GPL-3.0-or-later yes, "BSD" → BSD-2-Clause or "LGPL" → LGPL-3.0 no: those
 * guess a version or variant the text never gave).
 */
function unambiguous(text, corrected) {
    if (!corrected)
        return undefined;
    const stated = /\d+/.exec(text)?.[0];
    const chosen = /\d+/.exec(corrected)?.[0];
    if (chosen !== undefined && stated !== chosen)
        return undefined;
    return corrected;
}
function eachOf(text, fix) {
    const parts = text.split(/\s+OR\s+/);
    if (parts.length < 2)
        return undefined;
    const fixed = parts.map(fix);
    return fixed.every((f) => f !== undefined)
        ? fixed.map((f) => (/\s/.test(f) ? `(${f})` : f)).join(' OR ')
        : undefined;
}
const lockDirs = new Map();
/** Where a lockfile's packages are installed, relative to the working directory; computed once per lockfile. */
function lockfileDirs(file, cwd, root) {
    const key = `${cwd}\0${root}\0${file}`;
    let dirs = lockDirs.get(key);
    if (dirs === undefined) {
        const dir = (0,external_node_path_.relative)(cwd, (0,external_node_path_.join)(root, file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.'));
        dirs = { nodeModules: (0,external_node_path_.join)(dir, 'node_modules'), vendor: (0,external_node_path_.join)(dir, 'vendor') };
        lockDirs.set(key, dirs);
    }
    return dirs;
}
function installed(component, cwd, root, dirs) {
    // Most CI checkouts have nothing installed: one stat per lockfile directory, not one failed read per package.
    const present = (dir) => {
        let known = dirs.get(dir);
        if (known === undefined) {
            known = (0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, dir));
            dirs.set(dir, known);
        }
        return known;
    };
    const candidates = [];
    const full = component.namespace ? `${component.namespace}/${component.name}` : component.name;
    if (component.purlType === 'npm' && component.installPath) {
        const at = component.installPath.indexOf('node_modules');
        if (at !== -1 && present(component.installPath.slice(0, at + 'node_modules'.length)))
            candidates.push((0,external_node_path_.join)(component.installPath, 'package.json'));
    }
    for (const file of component.files) {
        // component.files are relative to the scanned root; candidates are relative to the working directory.
        const dirs = lockfileDirs(file, cwd, root);
        if (component.purlType === 'npm' && present(dirs.nodeModules))
            candidates.push((0,external_node_path_.join)(dirs.nodeModules, full, 'package.json'));
        if (component.purlType === 'composer' && present(dirs.vendor))
            candidates.push((0,external_node_path_.join)(dirs.vendor, full, 'composer.json'));
    }
    for (const candidate of new Set(candidates)) {
        let data;
        try {
            data = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, candidate), 'utf8'));
        }
        catch {
            continue;
        }
        if (typeof data.name !== 'string' || data.name.toLowerCase() !== full.toLowerCase())
            continue;
        if (component.purlType === 'npm' && data.version !== component.version)
            continue;
        const text = (0,licenses_text/* licenseText */.B)(data.license) ?? (0,licenses_text/* licenseText */.B)(data.licenses);
        if (text)
            return { expression: text, valid: false, source: (0,external_node_path_.relative)(root, (0,external_node_path_.resolve)(cwd, candidate)).split(external_node_path_.sep).join('/') };
    }
    return undefined;
}

// EXTERNAL MODULE: ./actions/sbom/src/model/build.ts
var build = __webpack_require__(8509);
// EXTERNAL MODULE: ./actions/sbom/src/names.ts
var names = __webpack_require__(4195);
;// CONCATENATED MODULE: ./actions/sbom/src/output/identity.ts


/**
 * A digest of everything the SBOM says (root, components with hashes, licenses and scopes, edges),
 * so that the CycloneDX serial number and the SPDX namespace are the same for the same content and
 * different for different content, without a random UUID making every run differ.
 */
function contentDigest(graph) {
    // One string hashed once: thousands of small update() calls cost more than the hashing.
    const parts = [`${graph.root.name}\0${graph.root.version}\0${graph.root.purl ?? ''}\n`];
    for (const c of graph.components) {
        let hashes = '';
        for (const h of c.hashes ?? [])
            hashes += `${hashes ? ',' : ''}${h.alg}:${h.value}`;
        parts.push(`${c.purl}\0${c.dev}\0${c.optional}\0${c.license?.expression ?? ''}\0${c.license?.source ?? ''}\0${c.downloadLocation ?? ''}\0${hashes}\n`);
    }
    for (const [from, to] of graph.dependencies)
        parts.push(`${from}>${to.join(',')}\n`);
    return (0,external_node_crypto_.hash)('sha256', parts.join(''), 'hex');
}
/** An RFC 4122 version-5-shaped UUID from a hex digest (name-based, so deterministic). */
function uuidFrom(hex, salt) {
    const bytes = (0,external_node_crypto_.createHash)('sha1').update(`${salt}:${hex}`).digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const h = bytes.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/**
 * The creation time written into both documents. Reproducible runs take SOURCE_DATE_EPOCH (the
 * reproducible-builds convention) or the checked-out commit's time, so a rebuild of the same
 * commit yields the same bytes; only without either does the wall clock leak in.
 */
async function creationTime(reproducible, dir) {
    if (reproducible) {
        const epoch = process.env.SOURCE_DATE_EPOCH?.trim();
        if (epoch && /^\d+$/.test(epoch))
            return { iso: iso(Number(epoch) * 1000), source: 'SOURCE_DATE_EPOCH' };
        const git = await (0,exec/* exec */.m0)('git', ['log', '-1', '--format=%ct'], {
            cwd: dir,
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 10_000,
        }).catch(() => undefined);
        const seconds = git?.exitCode === 0 ? git.stdout.trim() : '';
        if (/^\d+$/.test(seconds))
            return { iso: iso(Number(seconds) * 1000), source: 'git commit' };
    }
    return { iso: iso(Date.now()), source: 'clock' };
}
function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./actions/sbom/src/output/memory.ts


/** Below this many components the heap stays small and a full collection would only cost time. */
const LARGE_GRAPH = 10_000;
let collector;
/**
 * A full garbage collection now, at a phase boundary where what the previous phase allocated (the
 * lockfile text, its parsed JSON, the per-lockfile graphs, a finished document) has just become
 * garbage. V8 sizes its next collection from the last one, so a 60,000-entry lockfile otherwise
 * reaches ~350 MB of mostly dead heap (and ~500-600 MB RSS on a busy machine) before the first
 * full collection; collecting at the boundaries keeps the peak near the live data (~100-190 MB).
 * Only for large graphs. `gc` is taken from a fresh context with --expose-gc set just for that
 * (the documented way to reach it without a command-line flag), and never put on globalThis.
 */
function collectGarbage(components) {
    if (components < LARGE_GRAPH)
        return;
    if (collector === undefined) {
        try {
            (0,external_node_v8_.setFlagsFromString)('--expose-gc');
            collector = (0,external_node_vm_.runInNewContext)('gc');
            (0,external_node_v8_.setFlagsFromString)('--no-expose-gc');
        }
        catch {
            collector = null;
        }
    }
    collector?.();
}

;// CONCATENATED MODULE: ./actions/sbom/src/output/stream.ts

/** Array items stringified per native JSON.stringify call: large enough that the per-call cost vanishes. */
const SLICE = 512;
/** Text buffered before a write: the largest string that exists at once is about this big. */
const CHUNK = 1 << 20;
/**
 * Up to this many items in the top-level arrays, the document is stringified in one native call
 * (a few MB of text): re-indenting slices costs more than that string. Above it, slices.
 */
const WHOLE = 20_000;
/**
 * Writes `value` as `JSON.stringify(value, null, 2)` followed by a newline, byte for byte, without
 * ever holding the whole text: the top-level object is walked key by key and each array is
 * stringified natively SLICE items at a time, re-indented to where it sits, into a 1 MiB buffer that
 * is flushed as it fills. A 60,000-component document never exists as one 60 MB string (and its
 * copy in the write call) in memory, and a small one costs a handful of native calls.
 * Re-indenting by replacing newlines is exact because JSON.stringify escapes every newline inside
 * strings: each raw newline in its output is structure.
 * Returns the number of bytes written. `whole` is the WHOLE threshold (tests set 0 to slice everything).
 */
function writeJsonFile(path, value, whole = WHOLE) {
    const fd = (0,external_node_fs_.openSync)(path, 'w');
    let buffer = '';
    let bytes = 0;
    const flush = () => {
        if (buffer === '')
            return;
        bytes += (0,external_node_fs_.writeSync)(fd, buffer);
        buffer = '';
    };
    const emit = (text) => {
        buffer += text;
        if (buffer.length >= CHUNK)
            flush();
    };
    /** `text` from JSON.stringify(…, null, 2), placed at `indent`. */
    const indented = (text, indent) => (indent ? text.replaceAll('\n', `\n${indent}`) : text);
    const array = (items, indent) => {
        if (items.length === 0) {
            emit('[]');
            return;
        }
        emit('[');
        for (let start = 0; start < items.length; start += SLICE) {
            // "[\n  a,\n  b\n]" → "\n  a,\n  b": the items with their separators, as the whole array would have them.
            const text = JSON.stringify(items.length <= SLICE ? items : items.slice(start, start + SLICE), null, 2);
            emit(`${start === 0 ? '' : ','}${indented(text.slice(1, -2), indent)}`);
        }
        emit(`\n${indent}]`);
    };
    const plain = (v) => v !== null && typeof v === 'object' && typeof v.toJSON !== 'function';
    try {
        if (small(value, whole))
            emit(JSON.stringify(value, null, 2) ?? 'null');
        else if (Array.isArray(value))
            array(value, '');
        else if (plain(value)) {
            let first = true;
            for (const [key, item] of Object.entries(value)) {
                if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
                    continue;
                emit(`${first ? '{' : ','}\n  ${JSON.stringify(key)}: `);
                first = false;
                if (Array.isArray(item))
                    array(item, '  ');
                else
                    emit(indented(JSON.stringify(item, null, 2), '  '));
            }
            emit(first ? '{}' : '\n}');
        }
        else
            emit(JSON.stringify(value, null, 2) ?? 'null');
        emit('\n');
        flush();
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
    return bytes;
}
/** Whether `value`'s top-level arrays hold at most `whole` items in all. */
function small(value, whole) {
    if (Array.isArray(value))
        return value.length <= whole;
    if (value === null || typeof value !== 'object')
        return true;
    let items = 0;
    for (const item of Object.values(value))
        if (Array.isArray(item))
            items += item.length;
    return items <= whole;
}

// EXTERNAL MODULE: ./actions/sbom/src/submit/submit.ts + 1 modules
var submit_submit = __webpack_require__(4235);
;// CONCATENATED MODULE: ./actions/sbom/src/main.ts


















function run() {
    return runAction('sbom', generateSboms).then(exitWhenFlushed);
}
/**
 * Everything is written and reported, and the exit code set: end now. Left to itself, Node would
 * first run the incremental GC that the ~50 MB heap of a large run has started, ~15 ms spent
 * tidying memory about to be freed. stdout and stderr are drained first (pipes are asynchronous
 * on some platforms), and bundles always run as their own process (runner, dispatcher, CLI).
 */
function exitWhenFlushed() {
    return new Promise(() => {
        process.stdout.write('', () => process.stderr.write('', () => process.exit()));
    });
}
async function generateSboms() {
    const started = performance.now();
    // Per-phase wall time, logged at the end: where a slow run spent its time.
    const phases = [];
    let mark = started;
    const phase = (name) => {
        const now = performance.now();
        phases.push([name, Math.round(now - mark)]);
        mark = now;
    };
    const options = (0,inputs.parseInputs)();
    const cwd = process.cwd();
    const scanned = displayPath(options.path, cwd) || '.';
    // Submission needs the runner's environment: check it before doing any work.
    const job = options.submit ? (0,submit_submit/* jobContext */.R)(scanned, options.matrix) : undefined;
    const image = options.image
        ? await group(`Read image ${options.image}`, async () => (await Promise.all(/* import() */[__webpack_require__.e(13), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 9691))).scanImage(options.image, {
            cwd,
            platform: options.platform,
            name: options.name,
            version: options.version,
        }))
        : undefined;
    const found = image ? [] : await findLockfiles(options.path, options.exclude, cwd);
    if (!image && found.length === 0) {
        const unlocked = await findUnlockedManifests(options.path, options.exclude, cwd);
        const hint = unlocked.length > 0
            ? ` Found ${unlocked.slice(0, 5).join(', ')} without a lockfile: an SBOM needs resolved versions, so generate and commit the lockfile (e.g. npm install --package-lock-only, poetry lock, cargo generate-lockfile, bundle lock, composer update --lock).`
            : ` Commit a lockfile or point the ${names/* Inputs */.G.path} input at the project.`;
        throw new errors/* ConfigurationError */.j1(`No lockfile found under ${scanned}. Looked for: ${LOOKED_FOR.join(', ')} (skipping ${options.exclude.join(', ')}).${hint}`, { input: names/* Inputs */.G.path });
    }
    phase('find');
    const graphs = image?.graphs ??
        (await group(`Read ${found.length} lockfile${found.length === 1 ? '' : 's'}`, async () => {
            const parsed = await parseLockfiles(found, cwd, options.path);
            for (const g of parsed)
                actions_core/* info */.pq(`${g.file}: ${g.ecosystem} (${g.format}), ${g.packages.size} packages`);
            return parsed;
        }));
    const root = image?.root ?? (await rootComponent(options, graphs));
    // The lockfile texts and their parsed JSON are garbage now; the graphs are what is left.
    collectGarbage(graphs.reduce((n, g) => n + g.packages.size, 0));
    phase('parse');
    const graph = await (0,build/* buildGraph */.Z)(graphs, { root, includeDev: options.includeDev });
    // The per-lockfile graphs are merged: let them go before the documents are built (large lockfiles).
    graphs.length = 0;
    collectGarbage(graph.components.length);
    for (const w of graph.warnings)
        annotations_annotations.warning(w.message, { file: w.file, startLine: w.line, startColumn: w.col, title: 'sbom' });
    if (graph.components.length === 0) {
        actions_core/* warning */.$e(`The SBOM has no components: ${graph.sources.map((s) => `${s.display} (${s.format})`).join(', ')} ${graph.sources.length === 1 ? 'lists' : 'list'} no packages${options.includeDev ? '' : ` outside development dependencies (${names/* Inputs */.G.includeDev} is false)`}.`, { title: 'sbom' });
    }
    phase('graph');
    await resolveLicenses(graph.components, options.licenses, cwd, options.path);
    const offenders = await (0,policy/* findOffenders */.cv)(graph.components, options.denyLicenses);
    const timestamp = await creationTime(options.reproducible, options.path);
    if (options.reproducible && timestamp.source === 'clock') {
        actions_core/* notice */.lm('No SOURCE_DATE_EPOCH and no git commit: the SBOM timestamp is the current time, so reruns will differ in that field.');
    }
    const digest = contentDigest(graph);
    const base = fileBase(root.name);
    phase('licenses');
    const documents = await group('Generate and validate', () => generate(graph, options, timestamp.iso, digest, base, image));
    phase('generate+validate');
    // The documents are on disk: what the summary and submission add starts from the graph alone.
    collectGarbage(graph.components.length);
    (0,external_node_fs_.mkdirSync)(options.outputDir, { recursive: true });
    const written = [];
    for (const doc of documents) {
        const target = (0,external_node_path_.join)(options.outputDir, doc.file);
        // Write-then-rename: a reader never sees half a document.
        (0,external_node_fs_.renameSync)(doc.temp, target);
        const shown = displayPath(target, cwd);
        written.push({ format: doc.format, path: shown, bytes: doc.bytes });
        actions_core/* setOutput */.uH(doc.format === 'spdx-json' ? names/* Outputs */.t.spdxFile : names/* Outputs */.t.cyclonedxFile, shown);
        actions_core/* info */.pq(`Wrote ${shown} (${doc.format}, ${doc.bytes} bytes)`);
    }
    actions_core/* setOutput */.uH(names/* Outputs */.t.components, String(graph.components.length));
    let diff;
    if (options.compareTo) {
        const { diffAgainst } = await __webpack_require__.e(/* import() */ 916).then(__webpack_require__.bind(__webpack_require__, 8916));
        diff = diffAgainst(options.compareTo, displayPath(options.compareTo, cwd), graph.components);
        actions_core/* setOutput */.uH(names/* Outputs */.t.diff, JSON.stringify(diff));
        actions_core/* info */.pq(`Compared with ${diff.against}: ${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`);
    }
    let submitted;
    if (job) {
        const { submitSnapshot } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 4235));
        submitted = await group('Submit to the dependency graph', () => submitSnapshot(graph, job, options.githubToken, timestamp.iso));
    }
    const { ntiaCoverage } = await __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 6022));
    const { buildSummary } = await __webpack_require__.e(/* import() */ 323).then(__webpack_require__.bind(__webpack_require__, 1323));
    phase('write+diff+submit');
    buildSummary({
        graph,
        files: written,
        coverage: ntiaCoverage(graph, timestamp.source),
        timestamp: `${timestamp.iso} (${timestamp.source})`,
        durationMs: Math.round(performance.now() - started),
        offenders,
        diff,
        submitted,
    }).write();
    phase('summary');
    // performance.now() counts from process start, so `started` is the time Node took to load us.
    actions_core/* info */.pq(`Done in ${Math.round(performance.now() - started)} ms after ${Math.round(started)} ms of start-up (${phases.map(([n, ms]) => `${n} ${ms}`).join(', ')})`);
    const unknown = options.failOnUnknownLicense ? graph.components.filter((c) => c.license && !c.license.valid) : [];
    if (unknown.length > 0) {
        for (const c of unknown.slice(0, 50))
            annotations_annotations.error(`${c.purl} states the license "${c.license?.expression}", which is not an SPDX expression (${names/* Inputs */.G.failOnUnknownLicense} is true)`, { file: c.license?.source, title: 'sbom: unknown license' });
    }
    if (offenders.length > 0 || unknown.length > 0) {
        const shown = new Map(graph.sources.map((s) => [s.file, s.display]));
        for (const o of offenders) {
            annotations_annotations.error(`${o.component.purl} is licensed ${o.expression}, denied by ${names/* Inputs */.G.denyLicenses} (${o.denied.join(', ')})`, {
                file: shown.get(o.component.files[0] ?? ''),
                title: 'sbom: denied license',
            }, 
            // Direct dependencies first: they are the ones the project can drop or replace itself.
            o.component.direct ? 1 : 0);
        }
        const denied = offenders.length > 0
            ? `${offenders.length} component${offenders.length === 1 ? '' : 's'} with denied licenses: ${offenders
                .slice(0, 10)
                .map((o) => `${o.component.purl} (${o.expression})`)
                .join(', ')}${offenders.length > 10 ? ', …' : ''}. `
            : '';
        const unstated = unknown.length > 0
            ? `${unknown.length} component${unknown.length === 1 ? '' : 's'} with a license that is not an SPDX expression: ${unknown
                .slice(0, 10)
                .map((c) => `${c.purl} ("${c.license?.expression}")`)
                .join(', ')}${unknown.length > 10 ? ', …' : ''}. `
            : '';
        throw new errors/* OperationError */.OK(`${denied}${unstated}The SBOM files were written for inspection.`);
    }
}
/**
 * Both documents are rendered and validated before either is put in place: a schema failure leaves
 * nothing behind. Each is streamed to a temporary file as soon as it is validated, and dropped,
 * so a 60,000-component graph never has both documents (or their text) in memory at once.
 */
async function generate(graph, options, created, digest, base, image) {
    const documents = [];
    const problems = [];
    (0,external_node_fs_.mkdirSync)(options.outputDir, { recursive: true });
    const stage = (format, file, doc) => {
        const temp = (0,external_node_path_.join)(options.outputDir, `${file}.${process.pid}.tmp`);
        return { format, file, temp, bytes: writeJsonFile(temp, doc) };
    };
    // Large graphs: start each document from a heap holding only the graph (see collectGarbage).
    collectGarbage(graph.components.length);
    if (options.formats.includes('spdx-json')) {
        const { toSpdx } = await __webpack_require__.e(/* import() */ 204).then(__webpack_require__.bind(__webpack_require__, 3823));
        const { validateSpdx } = await __webpack_require__.e(/* import() */ 51).then(__webpack_require__.bind(__webpack_require__, 5051));
        const doc = toSpdx(graph, { created, digest, namespaceUuid: uuidFrom(digest, 'spdx') });
        if (image)
            (await Promise.all(/* import() */[__webpack_require__.e(13), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 9691))).describeSpdx(doc, image);
        for (const v of await validateSpdx(doc))
            problems.push(`SPDX ${v.path}: ${v.message}`);
        documents.push(stage('spdx-json', `${base}.spdx.json`, doc));
        actions_core/* info */.pq(`SPDX 2.3: ${graph.components.length + 1} packages, valid against the SPDX 2.3 schema and spec rules`);
    }
    collectGarbage(graph.components.length);
    if (options.formats.includes('cyclonedx-json')) {
        const { toCycloneDx } = await __webpack_require__.e(/* import() */ 218).then(__webpack_require__.bind(__webpack_require__, 9218));
        const { validateCycloneDx } = await __webpack_require__.e(/* import() */ 635).then(__webpack_require__.bind(__webpack_require__, 635));
        const doc = toCycloneDx(graph, { created, serialUuid: uuidFrom(digest, 'cyclonedx') });
        if (image)
            (await Promise.all(/* import() */[__webpack_require__.e(13), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 9691))).describeCycloneDx(doc, image);
        for (const v of await validateCycloneDx(doc))
            problems.push(`CycloneDX ${v.path}: ${v.message}`);
        documents.push(stage('cyclonedx-json', `${base}.cdx.json`, doc));
        actions_core/* info */.pq(`CycloneDX 1.6: ${graph.components.length} components, valid against the CycloneDX 1.6 schema`);
    }
    if (problems.length > 0) {
        for (const d of documents)
            (0,external_node_fs_.rmSync)(d.temp, { force: true });
        // Our output failing its schema is our bug, never the user's: say so, and write nothing.
        throw new Error(`generated SBOM failed validation (please report this):\n${problems.slice(0, 20).join('\n')}`);
    }
    return documents;
}
/** Root name/version: the inputs, else the manifest/lockfile at the top of `path`, else the directory and git. */
async function rootComponent(options, graphs) {
    // Only a lockfile at the top of `path` names the whole thing; nested ones are parts of it.
    const named = graphs.find((g) => g.projectName && !g.file.includes('/'));
    const name = options.name ?? named?.projectName ?? (0,external_node_path_.basename)(options.path);
    let version = options.version ?? (named?.projectName === name ? named?.projectVersion : undefined);
    if (!version) {
        const git = await (0,exec/* exec */.m0)('git', ['rev-parse', '--short=12', 'HEAD'], {
            cwd: options.path,
            quiet: true,
            ignoreReturnCode: true,
            timeoutMs: 10_000,
        }).catch(() => undefined);
        version = git?.exitCode === 0 && git.stdout.trim() ? git.stdout.trim() : 'unversioned';
    }
    return { name, version };
}
/** `@scope/name` → `scope-name`: a file name with no directories in it. */
function fileBase(name) {
    return (name
        .replace(/^@/, '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^[-.]+/, '') || 'sbom');
}


/***/ }),

/***/ 8509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ compare),
/* harmony export */   Z: () => (/* binding */ buildGraph)
/* harmony export */ });
/* harmony import */ var _purl__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7572);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8860);


/**
 * Merges every lockfile's graph into one: one component per purl (a package version seen in two
 * lockfiles, or twice in one through pnpm peer variants or yarn patches, is still one component),
 * edges re-keyed to purls, scopes computed from reachability, and nothing dangling.
 */
async function buildGraph(graphs, options) {
    const purlMaps = await Promise.all(graphs.map((g) => (0,_purl__WEBPACK_IMPORTED_MODULE_0__/* .purlsOf */ .yM)(g.packages)));
    const components = new Map();
    const edges = new Map();
    const rootEdges = new Set();
    const warnings = [];
    const sources = [];
    for (const [index, graph] of graphs.entries()) {
        warnings.push(...graph.warnings);
        const purls = purlMaps[index];
        const scopes = scopesOf(graph);
        const seen = new Set();
        for (const [id, record] of graph.packages) {
            const purl = purls.get(id);
            seen.add(purl);
            const scope = scopes.get(id) ?? { dev: false, optional: false };
            const existing = components.get(purl);
            if (!existing) {
                components.set(purl, {
                    ...record,
                    purl,
                    hashes: dedupeHashes(record.hashes ?? []),
                    ecosystems: [graph.ecosystem],
                    files: [graph.file],
                    dev: scope.dev,
                    optional: scope.optional,
                    direct: false,
                });
                continue;
            }
            merge(existing, record, graph, scope);
        }
        sources.push({
            file: graph.file,
            display: graph.display ?? graph.file,
            ecosystem: graph.ecosystem,
            format: graph.format,
            components: seen.size,
        });
        for (const [from, targets] of graph.edges) {
            const fromPurl = purls.get(from);
            if (!fromPurl)
                continue;
            let set = edges.get(fromPurl);
            for (const to of targets.keys()) {
                const toPurl = purls.get(to);
                // A pnpm peer variant or a yarn patch of the same version collapses onto its own purl.
                if (!toPurl || toPurl === fromPurl)
                    continue;
                if (!set) {
                    set = new Set();
                    edges.set(fromPurl, set);
                }
                set.add(toPurl);
            }
        }
        for (const id of graph.direct.keys()) {
            const purl = purls.get(id);
            if (!purl)
                continue;
            rootEdges.add(purl);
            const component = components.get(purl);
            if (!graph.packages.get(id)?.indirect)
                component.direct = true;
        }
    }
    if (!options.includeDev) {
        for (const [purl, component] of components)
            if (component.dev)
                components.delete(purl);
    }
    const sorted = [...components.values()].sort((a, b) => compare(a.purl, b.purl));
    const dependencies = new Map();
    dependencies.set(_types__WEBPACK_IMPORTED_MODULE_1__/* .ROOT_REF */ .l, [...rootEdges].filter((p) => components.has(p)).sort(compare));
    for (const component of sorted) {
        const targets = edges.get(component.purl);
        const list = targets ? [...targets].filter((p) => components.has(p)).sort(compare) : [];
        dependencies.set(component.purl, list);
        // Most components come from one lockfile and carry one hash: nothing to dedupe or sort.
        if (component.ecosystems.length > 1)
            component.ecosystems = [...new Set(component.ecosystems)].sort(compare);
        if (component.files.length > 1)
            component.files = [...new Set(component.files)].sort(compare);
        component.hashes ??= [];
        if (component.hashes.length > 1)
            component.hashes.sort((a, b) => compare(a.alg, b.alg));
    }
    // The same conflict under two install paths (nested copies of one package) is one warning.
    const seenWarnings = new Set();
    const unique = warnings.filter((w) => !seenWarnings.has(w.message) && seenWarnings.add(w.message));
    return { root: options.root, components: sorted, dependencies, sources, warnings: unique };
}
function merge(existing, record, graph, scope) {
    existing.ecosystems.push(graph.ecosystem);
    existing.files.push(graph.file);
    existing.hashes = dedupeHashes([...(existing.hashes ?? []), ...(record.hashes ?? [])]);
    existing.downloadLocation ??= record.downloadLocation;
    if (!existing.license || (!existing.license.valid && record.license?.valid))
        existing.license = record.license;
    existing.supplier ??= record.supplier;
    existing.installPath ??= record.installPath;
    existing.project = existing.project || record.project;
    // Needed at runtime anywhere means needed at runtime.
    existing.dev = existing.dev && scope.dev;
    existing.optional = existing.optional && scope.optional;
}
/** One value per algorithm; two lockfiles disagreeing keep the first seen (sorted later). */
function dedupeHashes(hashes) {
    if (hashes.length < 2)
        return [...hashes];
    const byAlg = new Map();
    for (const hash of hashes)
        if (!byAlg.has(hash.alg))
            byAlg.set(hash.alg, hash);
    return [...byAlg.values()];
}
/**
 * Dev/optional per package. A lockfile that states it (npm's `dev`/`optional` flags, pnpm v6's
 * `dev`) is taken at its word; otherwise a package is dev when no production path from the project
 * reaches it, and optional when every production path to it crosses an optional edge.
 */
function scopesOf(graph) {
    // Walked only when some package leaves a flag unstated: npm lockfiles state both for every package.
    let runtime;
    let required;
    let anyReach;
    const scopes = new Map();
    for (const [id, record] of graph.packages) {
        let dev = record.dev;
        let optional = record.optional;
        if (dev === undefined || optional === undefined)
            runtime ??= reach(graph, ['prod', 'peer', 'optional'], ['prod', 'peer', 'optional']);
        if (dev === undefined) {
            anyReach ??= reach(graph, ['prod', 'peer', 'optional', 'dev'], ['prod', 'peer', 'optional', 'dev']);
            dev = anyReach.has(id) ? !runtime.has(id) : false;
        }
        if (optional === undefined) {
            required ??= reach(graph, ['prod', 'peer'], ['prod', 'peer']);
            optional = runtime.has(id) && !required.has(id);
        }
        scopes.set(id, { dev, optional });
    }
    return scopes;
}
function reach(graph, directKinds, edgeKinds) {
    const seen = new Set();
    const stack = [];
    for (const [id, kind] of graph.direct)
        if (directKinds.includes(kind))
            stack.push(id);
    for (const [id, record] of graph.packages)
        if (record.project)
            stack.push(id);
    while (stack.length > 0) {
        const id = stack.pop();
        if (seen.has(id))
            continue;
        seen.add(id);
        const out = graph.edges.get(id);
        if (!out)
            continue;
        for (const [to, kind] of out)
            if (edgeKinds.includes(kind) && !seen.has(to))
                stack.push(to);
    }
    return seen;
}
/** Code-unit order: the same on every machine and locale, which localeCompare is not. */
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 7572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ln: () => (/* binding */ npmName),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   g9: () => (/* binding */ pep503),
/* harmony export */   yM: () => (/* binding */ purlsOf)
/* harmony export */ });
/* unused harmony exports fast, libraryEncoder */
/**
 * Types whose canonical form packageurl-js reaches by lower-casing alone (npm, composer) or by
 * nothing at all (cargo, gem), and which it validates no further. For them, a name, namespace and
 * version made only of characters percent-encoding leaves alone are written directly; see `fast`.
 */
const SIMPLE = {
    npm: true,
    composer: true,
    cargo: false,
    gem: false,
};
// Unreserved in RFC 3986 and untouched by encodeURIComponent and trim; the version may add `+`
// (packageurl-js re-instates it after encoding) and the npm namespace a leading `@` (→ `%40`).
const SAFE = /^[A-Za-z0-9._~-]+$/;
const SAFE_VERSION = /^[A-Za-z0-9._~+-]+$/;
/**
 * The purl packageurl-js would write, for the records that need no more than `SIMPLE` says;
 * undefined for anything else (qualifiers, other types, characters that need encoding). The unit
 * tests hold this to packageurl-js's output for every fixture's packages and odd names.
 */
function fast(record) {
    const lower = SIMPLE[record.purlType];
    if (lower === undefined || !SAFE.test(record.name) || !SAFE_VERSION.test(record.version))
        return undefined;
    if ((record.qualifiers && Object.keys(record.qualifiers).length > 0) || record.subpath)
        return undefined;
    const name = lower ? record.name.toLowerCase() : record.name;
    const ns = record.namespace;
    if (ns === undefined || ns === '')
        return `pkg:${record.purlType}/${name}@${record.version}`;
    let namespace;
    if (ns.charCodeAt(0) === 64 /* @ */ && record.purlType === 'npm') {
        const scope = ns.slice(1);
        if (!SAFE.test(scope))
            return undefined;
        namespace = `%40${scope.toLowerCase()}`;
    }
    else {
        if (!SAFE.test(ns))
            return undefined;
        namespace = lower ? ns.toLowerCase() : ns;
    }
    return `pkg:${record.purlType}/${namespace}/${name}@${record.version}`;
}
let library;
/**
 * The canonical purl of each package, keyed like the input. packageurl-js does the type-specific
 * normalisation (npm and PyPI names lower-cased, PyPI `_` → `-`) and encodes an npm scope as
 * `%40scope` exactly once; we never concatenate a purl that needs encoding or normalisation by
 * hand, so nothing can encode twice. The library (and the ICU collator it builds on load, ~10 ms)
 * is loaded only when some package is outside the `fast` path: a large npm lockfile never needs it.
 */
async function purlsOf(packages) {
    const purls = new Map();
    const rest = [];
    for (const [id, record] of packages) {
        const purl = fast(record);
        if (purl !== undefined)
            purls.set(id, purl);
        else
            rest.push([id, record]);
    }
    if (rest.length > 0) {
        library ??= __webpack_require__.e(/* import() */ 91).then(__webpack_require__.t.bind(__webpack_require__, 7091, 23)).then(libraryEncoder);
        const encode = await library;
        for (const [id, record] of rest)
            purls.set(id, encode(record));
    }
    return purls;
}
/** packageurl-js itself, for the records `fast` does not cover (and for the tests to compare with). */
function libraryEncoder({ PackageURL }) {
    return (record) => {
        const qualifiers = record.qualifiers && Object.keys(record.qualifiers).length > 0 ? record.qualifiers : undefined;
        return new PackageURL(record.purlType, record.namespace ?? undefined, record.name, 
        // No version is no version: never a made-up one a scanner would match against every advisory.
        record.version || undefined, qualifiers, record.subpath).toString();
    };
}
/** Splits `@scope/name` into the purl namespace and name. */
function npmName(full) {
    if (full.startsWith('@')) {
        const slash = full.indexOf('/');
        if (slash > 0)
            return { namespace: full.slice(0, slash), name: full.slice(slash + 1) };
    }
    return { name: full };
}
/** A package's display name in its ecosystem's own spelling (`@scope/name`, `group:artifact`). */
function displayName(record) {
    if (!record.namespace)
        return record.name;
    switch (record.purlType) {
        case 'maven':
            return `${record.namespace}:${record.name}`;
        default:
            return `${record.namespace}/${record.name}`;
    }
}
/** PEP 503 normalised name: the identity PyPI and every Python lockfile agree on. */
function pep503(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}


/***/ }),

/***/ 8860:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ ROOT_REF)
/* harmony export */ });
/** The key under which the root component's own edges are kept. */
const ROOT_REF = '#root';


/***/ }),

/***/ 4195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ Inputs),
/* harmony export */   t: () => (/* binding */ Outputs)
/* harmony export */ });
const Inputs = {
    path: 'path',
    image: 'image',
    platform: 'platform',
    formats: 'formats',
    outputDir: 'output-dir',
    exclude: 'exclude',
    mavenRepositories: 'maven-repositories',
    includeDev: 'include-dev',
    name: 'name',
    version: 'version',
    reproducible: 'reproducible',
    licenses: 'licenses',
    denyLicenses: 'deny-licenses',
    failOnUnknownLicense: 'fail-on-unknown-license',
    compareTo: 'compare-to',
    submit: 'submit',
    githubToken: 'github-token',
    matrix: 'matrix',
};
const Outputs = {
    spdxFile: 'spdx-file',
    cyclonedxFile: 'cyclonedx-file',
    components: 'components',
    diff: 'diff',
};


/***/ }),

/***/ 4235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ jobContext),
  submitSnapshot: () => (/* binding */ submitSnapshot)
});

// EXTERNAL MODULE: ./shared/actions-core.ts
var actions_core = __webpack_require__(2813);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(2635);
// EXTERNAL MODULE: ./actions/sbom/src/names.ts
var names = __webpack_require__(4195);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./shared/version.ts
var version = __webpack_require__(4402);
// EXTERNAL MODULE: ./actions/sbom/src/model/types.ts
var types = __webpack_require__(8860);
;// CONCATENATED MODULE: ./actions/sbom/src/submit/snapshot.ts




/**
 * A snapshot stays the current one for its correlator until a newer snapshot with the same
 * correlator replaces it. Workflow + job alone would let matrix entries (or two sbom steps in one
 * job) overwrite each other's dependencies, so the matrix values and the scanned path are folded in.
 */
function correlator(context) {
    const parts = ['paved-sbom', context.workflow, context.job];
    const matrix = context.matrix?.trim();
    if (matrix && matrix !== 'null' && matrix !== '{}' && matrix !== '') {
        parts.push((0,external_node_crypto_.createHash)('sha256').update(canonicalJson(matrix)).digest('hex').slice(0, 12));
    }
    if (context.path !== '.' && context.path !== '')
        parts.push(context.path);
    return parts.join(' / ');
}
function canonicalJson(text) {
    try {
        const sort = (v) => Array.isArray(v)
            ? v.map(sort)
            : v && typeof v === 'object'
                ? Object.fromEntries(Object.entries(v)
                    .sort(([a], [b]) => (a < b ? -1 : 1))
                    .map(([k, x]) => [k, sort(x)]))
                : v;
        return JSON.stringify(sort(JSON.parse(text)));
    }
    catch {
        return text;
    }
}
/** The dependency-submission API body: one manifest per lockfile, packages keyed by purl. */
function snapshotBody(graph, context, scanned) {
    // Direct means: needed by the project itself, or by one of its workspace members.
    const direct = new Set(graph.dependencies.get(types/* ROOT_REF */.l) ?? []);
    for (const c of graph.components)
        if (c.project)
            for (const to of graph.dependencies.get(c.purl) ?? [])
                direct.add(to);
    const manifests = {};
    for (const source of graph.sources) {
        const resolved = {};
        for (const c of graph.components) {
            if (!c.files.includes(source.file) || c.project)
                continue;
            resolved[c.purl] = {
                package_url: c.purl,
                relationship: direct.has(c.purl) && !c.indirect ? 'direct' : 'indirect',
                scope: c.dev ? 'development' : 'runtime',
                dependencies: graph.dependencies.get(c.purl) ?? [],
            };
        }
        // GitHub links the manifest at source_location from the repository root; source.file is
        // relative to the scanned path, so the path input is put in front (unless it is outside).
        const location = context.path === '.' || context.path === '' || (0,external_node_path_.isAbsolute)(context.path)
            ? source.file
            : external_node_path_.posix.join(context.path, source.file);
        manifests[location] = { name: location, file: { source_location: location }, resolved };
    }
    return {
        version: 0,
        sha: context.sha,
        ref: context.ref,
        job: { correlator: correlator(context), id: context.runId },
        detector: {
            name: 'paved-sbom',
            version: version/* VERSION */.x,
            url: `${context.serverUrl}/${context.actionRepository || 'paved-dev/paved'}`,
        },
        scanned,
        manifests,
    };
}

;// CONCATENATED MODULE: ./actions/sbom/src/submit/submit.ts




/** The runner's environment for the snapshot; checked before anything is generated. */
function jobContext(path, matrix) {
    const env = process.env;
    const missing = [
        'GITHUB_REPOSITORY',
        'GITHUB_SHA',
        'GITHUB_REF',
        'GITHUB_RUN_ID',
        'GITHUB_WORKFLOW',
        'GITHUB_JOB',
    ].filter((k) => !env[k]);
    if (missing.length > 0) {
        throw new errors/* ConfigurationError */.j1(`Input ${names/* Inputs */.G.submit}: needs the GitHub Actions environment; ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set`, {
            input: names/* Inputs */.G.submit,
        });
    }
    return {
        repository: env.GITHUB_REPOSITORY,
        sha: env.GITHUB_SHA,
        ref: env.GITHUB_REF,
        runId: env.GITHUB_RUN_ID,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        actionRepository: env.GITHUB_ACTION_REPOSITORY || undefined,
        matrix,
        path,
    };
}
/** POST /repos/{owner}/{repo}/dependency-graph/snapshots through Octokit (loaded only when submitting). */
async function submitSnapshot(graph, context, token, scanned, 
/** Body included: fetch's own limits are 300 s for the headers and 300 s more for the body. */
timeoutMs = 60_000) {
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891));
    const [owner, repo] = context.repository.split('/');
    const body = snapshotBody(graph, context, scanned);
    const api = process.env.GITHUB_API_URL || 'https://api.github.com';
    const octokit = new Octokit({ auth: token, baseUrl: api, userAgent: 'paved-sbom', request: { retries: 0 } });
    const deadline = AbortSignal.timeout(timeoutMs);
    let response;
    try {
        response = await octokit.request('POST /repos/{owner}/{repo}/dependency-graph/snapshots', {
            owner,
            repo,
            ...body,
            request: { signal: deadline },
        });
    }
    catch (error) {
        if (deadline.aborted)
            throw new errors/* OperationError */.OK(`dependency submission failed: no answer from ${api} within ${timeoutMs / 1000} s`);
        const status = error.status;
        const hint = status === 403 || status === 404
            ? ' (the token needs "contents: write"; on pull requests from forks GitHub gives a read-only token)'
            : '';
        throw new errors/* OperationError */.OK(`dependency submission failed${status ? ` with HTTP ${status}` : ''}: ${error.message}${hint}`);
    }
    // Octokit resolves a 2xx whose body broke off (cut short, or stalled past the deadline) with
    // text instead of the JSON answer: no proof the snapshot was accepted.
    if (typeof response.data !== 'object' || response.data === null)
        throw new errors/* OperationError */.OK(`dependency submission failed: ${api} answered HTTP ${response.status} but its body ${deadline.aborted ? `did not finish within ${timeoutMs / 1000} s` : 'was cut short or is not JSON'}`);
    const data = response.data;
    actions_core/* info */.pq(`Dependency snapshot ${data.id ?? ''} accepted (${data.result ?? response.status}${data.message ? `: ${data.message}` : ''})`);
    return {
        id: data.id,
        correlator: body.job.correlator,
        manifests: Object.keys(body.manifests).length,
    };
}


/***/ }),

/***/ 2813:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   Co: () => (/* binding */ annotationsIssued),
/* harmony export */   N4: () => (/* binding */ endGroup),
/* harmony export */   Oh: () => (/* binding */ startGroup),
/* harmony export */   Os: () => (/* binding */ group),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput),
/* harmony export */   yU: () => (/* binding */ ExitCode),
/* harmony export */   z3: () => (/* binding */ error)
/* harmony export */ });
/* unused harmony exports issueCommand, exportVariable, saveState, getState, resetAnnotationsIssued, getIDToken */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The runner protocol Paved's actions speak, with @actions/core's API and byte-identical output
 * (test/core/actions-core.test.ts runs both side by side). Why not @actions/core itself:
 * bundled, it evaluates its HTTP client (undici) at start-up, ~45 ms on every step of every job,
 * for the one call that needs it (getIDToken), which here loads @actions/core on demand.
 */
var ExitCode;
(function (ExitCode) {
    ExitCode[ExitCode["Success"] = 0] = "Success";
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function toCommandValue(input) {
    if (input === null || input === undefined)
        return '';
    if (typeof input === 'string' || input instanceof String)
        return input;
    return JSON.stringify(input);
}
function escapeData(s) {
    return toCommandValue(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function issueCommand(command, properties, message) {
    let text = `::${command}`;
    const props = Object.entries(properties)
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`);
    if (props.length)
        text += ` ${props.join(',')}`;
    process.stdout.write(`${text}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function fileCommand(name, message) {
    const file = process.env[`GITHUB_${name}`];
    if (!file)
        return false;
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`Missing file at path: ${file}`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, `${message}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, { encoding: 'utf8' });
    return true;
}
function keyValue(key, value) {
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    const converted = toCommandValue(value);
    if (key.includes(delimiter))
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    if (converted.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${converted}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}`;
}
function getInput(name, options) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options?.required && !value)
        throw new Error(`Input required and not supplied: ${name}`);
    return options?.trimWhitespace === false ? value : value.trim();
}
function setOutput(name, value) {
    if (fileCommand('OUTPUT', keyValue(name, value)))
        return;
    process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
function exportVariable(name, value) {
    const converted = toCommandValue(value);
    process.env[name] = converted;
    if (fileCommand('ENV', keyValue(name, value)))
        return;
    issueCommand('set-env', { name }, converted);
}
function saveState(name, value) {
    if (fileCommand('STATE', keyValue(name, value)))
        return;
    issueCommand('save-state', { name }, toCommandValue(value));
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
const issued = { error: 0, warning: 0, notice: 0 };
/** Annotations of a kind written so far by this process (GitHub shows 10 per kind per step). */
function annotationsIssued(kind) {
    return issued[kind];
}
/** For tests: a new step's budget. */
function resetAnnotationsIssued() {
    issued.error = issued.warning = issued.notice = 0;
}
function annotation(kind, message, properties = {}) {
    issued[kind]++;
    const props = Object.keys(properties).length
        ? {
            title: properties.title,
            file: properties.file,
            line: properties.startLine,
            endLine: properties.endLine,
            col: properties.startColumn,
            endColumn: properties.endColumn,
        }
        : {};
    issueCommand(kind, props, message instanceof Error ? message.toString() : message);
}
function error(message, properties) {
    annotation('error', message, properties);
}
function warning(message, properties) {
    annotation('warning', message, properties);
}
function notice(message, properties) {
    annotation('notice', message, properties);
}
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
function startGroup(name) {
    issueCommand('group', {}, name);
}
function endGroup() {
    issueCommand('endgroup', {}, '');
}
async function group(name, fn) {
    startGroup(name);
    try {
        return await fn();
    }
    finally {
        endGroup();
    }
}
/** The OIDC token for keyless signing: the one call that needs an HTTP client, loaded here only. */
async function getIDToken(audience) {
    const core = await __webpack_require__.e(/* import() */ 421).then(__webpack_require__.bind(__webpack_require__, 6421));
    return core.getIDToken(audience);
}


/***/ }),

/***/ 2635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   PC: () => (/* binding */ errorClass),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p0: () => (/* binding */ isConfigurationError)
/* harmony export */ });
class ConfigurationError extends Error {
    name = 'ConfigurationError';
    location;
    /** The action input the problem came from, when there is one. */
    input;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        const { file, line, col, input } = options;
        this.location = { file, line, col };
        this.input = input;
    }
}
/** A run that cannot continue for a reason outside the user's config and our code (host down, registry 500). */
class OperationError extends Error {
    name = 'OperationError';
}
function isConfigurationError(error) {
    return error instanceof ConfigurationError || error?.name === 'ConfigurationError';
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return String(error);
}
/** Class name sent by telemetry: never the message, which may hold paths or values. */
function errorClass(error) {
    if (isConfigurationError(error))
        return 'ConfigurationError';
    if (error instanceof OperationError)
        return 'OperationError';
    return 'InternalError';
}


/***/ }),

/***/ 3497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m0: () => (/* binding */ exec)
/* harmony export */ });
/* unused harmony exports shellQuote, commandLine, ExecError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2813);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2635);
/* harmony import */ var _secrets__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5931);






/**
 * How long the pipes are read once the program has exited. What it wrote is already in them, so
 * this is only ever reached when a background child it left (`server &`, a daemon that kept its
 * inherited descriptors) still holds them: waiting for that child to end could be for ever.
 */
const EXITED_PIPES_GRACE_MS = 1000;
/** POSIX shell single-quoting (bare when only safe characters): the one quoting Paved writes. */
function shellQuote(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function commandLine(command, args) {
    return [command, ...args].map(shellQuote).join(' ');
}
async function exec(command, args = [], options = {}) {
    const line = (0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(commandLine(command, args));
    if (!options.quiet)
        _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`${options.prefix ?? ''}[command] ${line}`);
    const started = performance.now();
    const env = { ...process.env };
    for (const [key, value] of Object.entries(options.env ?? {})) {
        if (value === undefined)
            delete env[key];
        else
            env[key] = value;
    }
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
                cwd: options.cwd,
                env,
                stdio: ['pipe', 'pipe', 'pipe'],
                detached: true,
            });
        }
        catch (error) {
            reject(new _errors__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK(`Could not start ${command}: ${error.message}`));
            return;
        }
        const out = [];
        const err = [];
        let timedOut = false;
        let settled = false;
        const kill = () => {
            try {
                if (child.pid)
                    process.kill(-child.pid, 'SIGTERM');
            }
            catch {
                child.kill('SIGTERM');
            }
            setTimeout(() => {
                try {
                    if (child.pid)
                        process.kill(-child.pid, 'SIGKILL');
                }
                catch {
                    /* already gone */
                }
            }, 2000).unref();
        };
        const timer = options.timeoutMs && options.timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                kill();
            }, options.timeoutMs)
            : undefined;
        const onAbort = () => kill();
        options.signal?.addEventListener('abort', onAbort, { once: true });
        // Lines are decoded with a streaming UTF-8 decoder: a multi-byte character split across two
        // chunks (docker pull/build output arrives in arbitrary pieces) is joined, not replaced by
        // U+FFFD, and the last line is logged at exit even without a trailing newline.
        const streamer = (sink, log) => {
            const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_2__.StringDecoder('utf8');
            let partial = '';
            const emit = (l) => log(`${options.prefix ?? ''}${(0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)(l)}`);
            return {
                data: (chunk) => {
                    sink.push(chunk);
                    if (!options.stream)
                        return;
                    const lines = (partial + decoder.write(chunk)).split(/\r?\n/);
                    partial = lines.pop() ?? '';
                    for (const l of lines)
                        emit(l);
                },
                flush: () => {
                    if (!options.stream)
                        return;
                    const rest = partial + decoder.end();
                    partial = '';
                    if (rest !== '')
                        emit(rest.replace(/\r$/, ''));
                },
            };
        };
        const stdout = streamer(out, _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq);
        const stderr = streamer(err, _actions_core__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq);
        child.stdout?.on('data', stdout.data);
        child.stderr?.on('data', stderr.data);
        child.on('error', (error) => {
            if (settled)
                return;
            settled = true;
            if (timer)
                clearTimeout(timer);
            const code = error.code;
            reject(new _errors__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK(code === 'ENOENT'
                ? `${command} is not installed or not on PATH`
                : `Could not run ${command}: ${error.message}`));
        });
        let drain;
        child.on('exit', () => {
            // setImmediate: one more poll phase reads whatever is still in the pipes before they are
            // closed, even if a busy event loop only comes back to this timer late.
            const close = () => {
                child.stdin?.destroy();
                child.stdout?.destroy();
                child.stderr?.destroy();
            };
            drain = setTimeout(() => setImmediate(close), EXITED_PIPES_GRACE_MS);
        });
        child.on('close', (code, signal) => {
            clearTimeout(drain);
            if (settled)
                return;
            settled = true;
            stdout.flush();
            stderr.flush();
            if (timer)
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            const result = {
                command: line,
                exitCode: code ?? (signal ? 128 + (node_os__WEBPACK_IMPORTED_MODULE_1__.constants.signals[signal] ?? 0) : 1),
                signal: signal ?? undefined,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                durationMs: performance.now() - started,
                timedOut,
            };
            if (timedOut) {
                reject(new _errors__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK(`${line} timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)}s`));
                return;
            }
            if (options.signal?.aborted) {
                reject(new _errors__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK(`${line} was cancelled`));
                return;
            }
            if (result.exitCode !== 0 && !options.ignoreReturnCode) {
                reject(new ExecError(result));
                return;
            }
            resolve(result);
        });
        if (child.stdin) {
            child.stdin.on('error', () => {
                /* the program may exit before reading its input; its exit code tells the story */
            });
            child.stdin.end(options.input ?? '');
        }
    });
}
class ExecError extends _errors__WEBPACK_IMPORTED_MODULE_4__/* .OperationError */ .OK {
    result;
    constructor(result) {
        const tail = (0,_secrets__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)((result.stderr.trim() || result.stdout.trim()).split('\n').slice(-5).join('\n'));
        const how = result.signal ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`;
        super(`${result.command} ${how}${tail ? `: ${tail}` : ''}`);
        this.result = result;
    }
}


/***/ }),

/***/ 5931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   cl: () => (/* binding */ registerSecret)
/* harmony export */ });
/* unused harmony exports encodings, containsSecret, clearSecrets */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2813);

/**
 * The runner masks what core.setSecret registered, but only in its own log; our CLI, job summary
 * and report files are written by us, so we keep the same list and redact with it ourselves.
 *
 * A secret reaches our output in more forms than its raw text: a JSON report escapes `"` and `\`,
 * a command line shell-quotes it, a URL percent-encodes it, a script base64-encodes it. Each
 * registered value is therefore also registered in every encoding we (or a task) may write it in,
 * so one redact pass covers them all before anything is written.
 */
const secrets = new Set();
/** Longest first, so a secret containing another is replaced whole; rebuilt when the set grows. */
let ordered;
/** The forms a value takes in what we write: raw, JSON-escaped, shell-quoted, URL-encoded, base64. */
function encodings(value) {
    const forms = new Set([value]);
    forms.add(JSON.stringify(value).slice(1, -1));
    // Inside '…' (POSIX quoting of a value with a quote) and inside "…" (\ " $ ` escaped).
    forms.add(value.replace(/'/g, `'\\''`));
    forms.add(value.replace(/(["\\$`])/g, '\\$1'));
    forms.add(encodeURIComponent(value));
    forms.add(encodeURIComponent(value).replace(/%20/g, '+'));
    // Base64, standard and URL-safe: the value alone (without padding), and the value inside a longer
    // encoded text (`Basic base64(user:pass)`, a base64 config file). There each 4 characters encode 3
    // bytes, so the characters depend on where the value starts (offset 0, 1 or 2 in its group: the
    // bytes sharing a group with what comes before are dropped) and the last one on what follows
    // (dropped too), as the runner's own masker does.
    const bytes = Buffer.from(value, 'utf8');
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
    for (const shift of [0, 1, 2]) {
        const tail = bytes.subarray(shift);
        if (tail.length === 0)
            continue;
        const keep = Math.floor((tail.length * 8) / 6);
        forms.add(tail.toString('base64').slice(0, keep));
        forms.add(tail.toString('base64url').slice(0, keep));
    }
    return [...forms];
}
function registerSecret(value) {
    if (!value)
        return;
    for (const candidate of [value, ...value.split(/\r?\n/).map((line) => line.trim())]) {
        for (const form of encodings(candidate)) {
            // Masking very short strings would blank out ordinary words everywhere.
            if (form.length < 3 || secrets.has(form))
                continue;
            secrets.add(form);
            ordered = undefined;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(form);
        }
    }
}
function redact(text) {
    if (secrets.size === 0 || !text)
        return text;
    ordered ??= [...secrets].sort((a, b) => b.length - a.length);
    let out = text;
    for (const secret of ordered) {
        if (out.includes(secret))
            out = out.split(secret).join('***');
    }
    return out;
}
/** Whether `text` holds a registered secret in any of its encodings. */
function containsSecret(text) {
    if (secrets.size === 0 || !text)
        return false;
    for (const secret of secrets)
        if (text.includes(secret))
            return true;
    return false;
}
/** For tests: forget registered secrets between cases. */
function clearSecrets() {
    secrets.clear();
    ordered = undefined;
}


/***/ }),

/***/ 4402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The Paved release, sent by telemetry and shown in summaries; test/core/metadata.test.ts keeps it equal to package.json. */
const VERSION = '0.1.0';


/***/ }),

/***/ 7315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2635);


function parseYaml(text, source) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: source.uniqueKeys ?? true });
    const first = doc.errors[0];
    if (first) {
        const { line, col } = lines.linePos(first.pos[0]);
        const message = first.message.split('\n')[0] ?? first.message;
        // Without a file the annotation has nowhere to point, so the position goes into the text.
        const where = source.file ? '' : ` (line ${line}, column ${col})`;
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source.what} is not valid YAML${where}: ${message}`, {
            file: source.file,
            line: source.file ? line : undefined,
            col: source.file ? col : undefined,
            input: source.input,
        });
    }
    return { doc, lines };
}


/***/ })

};
