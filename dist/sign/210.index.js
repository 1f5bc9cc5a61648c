export const id = 210;
export const ids = [210];
export const modules = {

/***/ 99210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uploadToGitHub: () => (/* binding */ uploadToGitHub)
/* harmony export */ });
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4332);
/* harmony import */ var _shared_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12813);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79679);



/**
 * GitHub's attestation store: each keyless attestation bundle is posted to
 * `POST /repos/{owner}/{repo}/attestations` with body `{ "bundle": <Sigstore bundle> }`, exactly as
 * actions/attest does (https://docs.github.com/en/rest/repos/attestations), so `gh attestation verify`
 * and the repository's Attestations page find them. The job needs `permissions: attestations: write`
 * (and `id-token: write` for the keyless signature itself). Octokit gives the retries, the API base
 * URL of GitHub Enterprise Server (GITHUB_API_URL) and the error shapes.
 */
async function uploadToGitHub(bundles, token, env = process.env, 
/** Per request, body included: fetch's own limits are 300 s for the headers and 300 s more for the body. */
timeoutMs = 60_000) {
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner, repo] = repository.split('/');
    if (!owner || !repo) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.attest}: github needs GITHUB_REPOSITORY (owner/repo) from the run`, {
            input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.attest,
        });
    }
    if (!token) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.attest}: github needs input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.githubToken}`, {
            input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.githubToken,
        });
    }
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 60891));
    const octokit = new Octokit({
        auth: token,
        baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        userAgent: 'paved-sign',
        log: { debug: () => undefined, info: () => undefined, warn: _shared_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e, error: _shared_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e },
    });
    const ids = [];
    for (const bundle of bundles) {
        const api = env.GITHUB_API_URL || 'https://api.github.com';
        const deadline = AbortSignal.timeout(timeoutMs);
        let response;
        try {
            response = await octokit.request('POST /repos/{owner}/{repo}/attestations', {
                owner,
                repo,
                bundle: JSON.parse(bundle),
                request: { signal: deadline },
            });
        }
        catch (error) {
            if (deadline.aborted)
                throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`Could not store the attestation in ${repository}'s attestations: no answer from ${api} within ${timeoutMs / 1000} s`);
            const status = error.status;
            const hint = status === 403 || status === 401
                ? '; the job needs "permissions: attestations: write" (and a token for this repository)'
                : status === 404
                    ? `; is ${repository} the repository, and are attestations available for it (public, or a plan that includes them)?`
                    : '';
            throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`Could not store the attestation in ${repository}'s attestations (HTTP ${status ?? '?'}: ${error.message})${hint}`);
        }
        // Octokit resolves a 2xx whose body broke off (cut short, or stalled past the deadline) with
        // empty data: that is no id, and no proof the attestation was stored.
        const id = response.data?.id;
        if (typeof id !== 'number')
            throw new _shared__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(`${api} answered HTTP ${response.status} to storing the attestation in ${repository}'s attestations, but its body ${deadline.aborted ? `did not finish within ${timeoutMs / 1000} s` : 'was cut short or holds no attestation id'}: it may not be stored`);
        ids.push(id);
    }
    return ids;
}


/***/ })

};
