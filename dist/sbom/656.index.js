export const id = 656;
export const ids = [656];
export const modules = {

/***/ 9656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseMixLock: () => (/* binding */ parseMixLock),
/* harmony export */   readTerm: () => (/* binding */ readTerm)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6972);

/**
 * Elixir `mix.lock`: a map from app name to `{:hex, :name, "version", "inner", [managers],
 * [{:dep, "req", [hex: :dep, repo: "hexpm", optional: bool]}], "repo", "outer"}` or
 * `{:git, "url", "sha", opts}`. Read with a small reader for the literal subset mix writes
 * (never evaluated). Hex packages are `pkg:hex/<name>@<version>` (a private organisation's repo
 * `hexpm:org` becomes the namespace); git dependencies are `pkg:github/...` or `pkg:generic/...`.
 */
function parseMixLock(text, file, manifests) {
    const root = readTerm(text, file);
    if (!(root instanceof Map))
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'expected %{...} at the top', 1, 1);
    const graph = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .newGraph */ .BD)('hex', file, 'mix.lock');
    const deps = new Map();
    for (const [app, value] of root) {
        const t = value && typeof value === 'object' && 'tuple' in value ? value.tuple : undefined;
        const kind = t && atom(t[0]);
        if (kind === 'hex' && t) {
            const name = atom(t[1]) ?? app;
            const version = typeof t[2] === 'string' ? t[2] : '';
            const repo = typeof t[6] === 'string' ? t[6] : 'hexpm';
            const outer = typeof t[7] === 'string' ? t[7] : undefined;
            const record = {
                purlType: 'hex',
                namespace: repo.startsWith('hexpm:') ? repo.slice('hexpm:'.length) : undefined,
                name,
                version,
                // The outer checksum is the SHA-256 of the package tarball (what `mix hex.audit` checks).
                hashes: outer ? [(0,_common__WEBPACK_IMPORTED_MODULE_0__/* .hexHash */ .eP)('SHA-256', outer)] : [],
                downloadLocation: repo === 'hexpm' ? `https://repo.hex.pm/tarballs/${name}-${version}.tar` : undefined,
            };
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, app, record);
            deps.set(app, Array.isArray(t[5]) ? t[5] : []);
        }
        else if (kind === 'git' && t) {
            const url = typeof t[1] === 'string' ? t[1] : '';
            const sha = typeof t[2] === 'string' ? t[2] : '';
            const gh = /github\.com[/:]([^/]+)\/(.+?)(?:\.git)?$/.exec(url);
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addPackage */ .Eb)(graph, app, {
                purlType: gh ? 'github' : 'generic',
                namespace: gh?.[1],
                name: gh ? gh[2] : app,
                version: sha,
                qualifiers: gh ? undefined : { vcs_url: `git+${url}@${sha}` },
                downloadLocation: /^https?:\/\//.test(url) ? url : undefined,
            });
        }
        else {
            graph.warnings.push({
                file,
                line: lineAt(text, `"${app}"`),
                message: `${file}: ${app} is a ${kind ?? 'non-tuple'} dependency this reader does not know; left out`,
            });
        }
    }
    for (const [app, list] of deps) {
        for (const dep of list) {
            const t = dep && typeof dep === 'object' && 'tuple' in dep ? dep.tuple : undefined;
            const name = t && atom(t[0]);
            if (!name || !graph.packages.has(name))
                continue;
            const opts = Array.isArray(t[2]) ? t[2] : [];
            const optional = opts.some((o) => o && typeof o === 'object' && 'tuple' in o && atom(o.tuple[0]) === 'optional' && o.tuple[1] === true);
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addEdge */ .rN)(graph, app, name, optional ? 'optional' : 'prod');
        }
    }
    // mix.exs `deps` names the direct ones (`{:jason, "~> 1.0", only: :test}` is dev).
    const mixExs = manifests.text('mix.exs');
    if (mixExs) {
        for (const m of mixExs.matchAll(/\{\s*:([a-z0-9_]+)\s*,([^}]*)\}/g)) {
            const app = m[1];
            if (!graph.packages.has(app))
                continue;
            const only = /only:\s*(\[[^\]]*\]|:\w+)/.exec(m[2])?.[1] ?? '';
            (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .addDirect */ .D$)(graph, app, only && !/:prod\b/.test(only) ? 'dev' : 'prod');
        }
        graph.projectName = /app:\s*:([a-z0-9_]+)/.exec(mixExs)?.[1];
        graph.projectVersion = /version:\s*"([^"]+)"/.exec(mixExs)?.[1];
    }
    (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .directFromRoots */ .Pj)(graph);
    return graph;
}
function atom(t) {
    return t && typeof t === 'object' && 'atom' in t ? t.atom : undefined;
}
function lineAt(text, needle) {
    const at = text.indexOf(needle);
    return at === -1 ? undefined : (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .position */ .G1)(text, at).line;
}
/** Reads the literal Elixir subset mix.lock uses; anything else is a positioned error. */
function readTerm(text, file) {
    let i = 0;
    const fail = (what) => {
        const { line, col } = (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .position */ .G1)(text, i);
        (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `${what} in Elixir term`, line, col);
    };
    const ws = () => {
        while (i < text.length) {
            const c = text[i];
            if (c === '#')
                while (i < text.length && text[i] !== '\n')
                    i++;
            else if (/\s/.test(c))
                i++;
            else
                break;
        }
    };
    const str = () => {
        i++;
        let out = '';
        while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\')
                i++;
            out += text[i++];
        }
        if (i >= text.length)
            fail('unterminated string');
        i++;
        return out;
    };
    const seq = (close) => {
        const items = [];
        ws();
        while (text[i] !== close) {
            // `key: value` keyword pairs become {key, value} tuples, as Elixir reads them.
            const kw = /^([a-z_][a-zA-Z0-9_?!]*):\s/.exec(text.slice(i, i + 64));
            if (kw) {
                i += kw[1].length + 1;
                items.push({ tuple: [{ atom: kw[1] }, value()] });
            }
            else
                items.push(value());
            ws();
            if (text[i] === ',')
                i++;
            else if (text[i] !== close)
                fail(`expected "," or "${close}"`);
            ws();
        }
        i++;
        return items;
    };
    const value = () => {
        ws();
        const c = text[i];
        if (c === '"')
            return str();
        if (c === '[') {
            i++;
            return seq(']');
        }
        if (c === '{') {
            i++;
            return { tuple: seq('}') };
        }
        if (c === '%' && text[i + 1] === '{') {
            i += 2;
            const map = new Map();
            ws();
            while (text[i] !== '}') {
                let key;
                if (text[i] === '"') {
                    key = str();
                    ws();
                    if (text[i] === ':')
                        i++;
                    else if (text.startsWith('=>', i))
                        i += 2;
                    else
                        fail('expected ":" or "=>" after a map key');
                }
                else {
                    const m = /^([a-z_][a-zA-Z0-9_]*):/.exec(text.slice(i, i + 64));
                    if (!m)
                        fail('expected a map key');
                    key = m[1];
                    i += key.length + 1;
                }
                map.set(key, value());
                ws();
                if (text[i] === ',')
                    i++;
                ws();
            }
            i++;
            return map;
        }
        if (c === ':') {
            const m = /^:("?)([^\s,\]}"]+)\1/.exec(text.slice(i, i + 256));
            if (!m)
                fail('bad atom');
            i += m[0].length;
            return { atom: m[2] };
        }
        const word = /^(true|false|nil|-?\d+(?:\.\d+)?)/.exec(text.slice(i, i + 64));
        if (word) {
            i += word[1].length;
            const w = word[1];
            return w === 'true' ? true : w === 'false' ? false : w === 'nil' ? null : Number(w);
        }
        return fail(`unexpected ${c === undefined ? 'end of file' : JSON.stringify(c)}`);
    };
    const result = value();
    ws();
    if (i < text.length)
        fail('trailing text');
    return result;
}


/***/ })

};
