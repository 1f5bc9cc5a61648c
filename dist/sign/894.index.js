export const id = 894;
export const ids = [894];
export const modules = {

/***/ 81513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openpgpSigner: () => (/* binding */ openpgpSigner),
/* harmony export */   readPublicKey: () => (/* binding */ readPublicKey)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4332);
/* harmony import */ var _attest_dsse__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48688);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79679);
/* harmony import */ var _verify_script__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(25736);





/**
 * OpenPGP detached signatures (`<file>.asc`) as package repositories expect them, made with
 * openpgp.js (the library ProtonMail maintains; no gpg-agent or keyring on the runner). OpenPGP
 * hashes the content together with its signature trailer, so it reads the file itself.
 */
async function openpgpSigner(options) {
    const openpgp = await __webpack_require__.e(/* import() */ 74).then(__webpack_require__.bind(__webpack_require__, 13074));
    const privateKey = await unlock(openpgp, options.privateKey, options.passphrase);
    const publicArmored = privateKey.toPublic().armor();
    const fingerprint = privateKey.getFingerprint().toUpperCase();
    const user = privateKey.getUserIDs()[0] ?? '(no user id)';
    const verifyDetached = async (data, armoredSignature) => {
        const result = await openpgp.verify({
            message: await openpgp.createMessage({ binary: data }),
            signature: await openpgp.readSignature({ armoredSignature }),
            verificationKeys: privateKey.toPublic(),
        });
        try {
            return (await result.signatures[0]?.verified) === true;
        }
        catch {
            return false;
        }
    };
    return {
        method: 'openpgp',
        identity: `${user} (${fingerprint})`,
        async signFile(request) {
            const data = request.digest.data ?? (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(request.file));
            const message = await openpgp.createMessage({ binary: data });
            const armored = await openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'armored' });
            if (!(await verifyDetached(data, armored))) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`${request.display}: the fresh OpenPGP signature does not verify`);
            }
            const path = request.outputFor('.asc');
            return { primary: path, writes: [{ path, content: armored }] };
        },
        async attest(payloadType, payload) {
            const bytes = (0,_attest_dsse__WEBPACK_IMPORTED_MODULE_4__/* .pae */ .Z)(payloadType, payload);
            const message = await openpgp.createMessage({ binary: bytes });
            const signature = await openpgp.sign({ message, signingKeys: privateKey, detached: true, format: 'binary' });
            const check = await openpgp.verify({
                message: await openpgp.createMessage({ binary: bytes }),
                signature: await openpgp.readSignature({ binarySignature: signature }),
                verificationKeys: privateKey.toPublic(),
            });
            try {
                await check.signatures[0]?.verified;
                if (!check.signatures[0])
                    throw new Error('no signature packet');
            }
            catch (error) {
                throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK(`The attestation signature does not verify with the OpenPGP key: ${error.message}`);
            }
            return JSON.stringify((0,_attest_dsse__WEBPACK_IMPORTED_MODULE_4__/* .envelope */ .R)(payloadType, payload, fingerprint, Buffer.from(signature)));
        },
        verifyScript: (dir, entries, attestation) => (0,_verify_script__WEBPACK_IMPORTED_MODULE_3__/* .openpgpScript */ .tR)(dir, publicArmored, entries, attestation),
    };
}
async function unlock(openpgp, armoredKey, passphrase) {
    let key;
    try {
        key = await openpgp.readPrivateKey({ armoredKey });
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.privateKey} is not an armored OpenPGP private key (${error.message})`, { input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.privateKey });
    }
    if (key.isDecrypted())
        return key;
    if (!passphrase) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.privateKey} is protected; set input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.passphrase}`, {
            input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.passphrase,
        });
    }
    try {
        const unlocked = await openpgp.decryptKey({ privateKey: key, passphrase });
        (0,_shared__WEBPACK_IMPORTED_MODULE_1__/* .registerSecret */ .cl)(unlocked.armor());
        return unlocked;
    }
    catch {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Could not unlock ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.privateKey}: wrong ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.passphrase}?`, {
            input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.passphrase,
        });
    }
}
async function readPublicKey(openpgp, armoredKey) {
    try {
        return await openpgp.readKey({ armoredKey });
    }
    catch (error) {
        throw new _shared__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input ${_names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.openpgpPublicKey} is not an armored OpenPGP public key (${error.message})`, { input: _names__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G.openpgpPublicKey });
    }
}


/***/ }),

/***/ 25736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aV: () => (/* binding */ x509Script),
/* harmony export */   ne: () => (/* binding */ keyScript),
/* harmony export */   tR: () => (/* binding */ openpgpScript)
/* harmony export */ });
/* harmony import */ var _methods_output__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60337);

/**
 * DSSE check in plain sh: each line's payloadType, payload and signature are cut out with cut, the
 * PAE bytes ("DSSEv1 <len> <type> <len> <payload>") are rebuilt with printf and cat, the method's
 * `dsse_sig_ok pae sig` checks the signature, and each signed file's sha256 must be a subject of the
 * statement. The field positions fit the envelope this action writes (one signature, compact JSON).
 */
function attestationCheck(dir, attestation, entries) {
    if (!attestation)
        return '';
    const files = entries.map((e) => `"$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)})"`).join(' ');
    return String.raw `
check_attestation() {
  att=$1; shift
  lines=$(sed -n '$=' "$att" 2>/dev/null)
  if [ -z "$lines" ]; then echo "FAILED  $att: missing or empty"; failed=1; return; fi
  n=0
  while [ "$n" -lt "$lines" ]; do
    n=$((n + 1))
    # {"payloadType":"T","payload":"P","signatures":[{"keyid":"K","sig":"S"}]}: fields between quotes, cut in linear time.
    sed -n "$n"p "$att" > "$work/line"
    field() { cut -d'"' -f"$1" "$work/line" | tr -d '\n'; }
    type=$(field 4)
    field 8 > "$work/payload.b64"
    field 18 > "$work/dsse.sig.b64"
    if [ "$(field 2)" != payloadType ] || [ "$(field 6)" != payload ] || [ "$(field 16)" != sig ] || [ -z "$type" ] ||
      [ ! -s "$work/payload.b64" ] || ! b64d "$work/payload.b64" "$work/payload" || ! b64d "$work/dsse.sig.b64" "$work/dsse.sig"; then
      echo "FAILED  $att line $n: not a DSSE envelope"; failed=1; return
    fi
    { printf 'DSSEv1 %s %s %s ' "$(printf '%s' "$type" | wc -c | tr -d ' ')" "$type" "$(wc -c < "$work/payload" | tr -d ' ')"; cat "$work/payload"; } > "$work/pae"
    if ! dsse_sig_ok "$work/pae" "$work/dsse.sig"; then
      echo "FAILED  $att line $n: the DSSE signature does not verify (statement modified, or another signer)"; failed=1; return
    fi
    for f in "$@"; do
      hex=$(sha256hex "$f")
      if ! grep -qF "\"digest\":{\"sha256\":\"$hex\"}" "$work/payload"; then
        echo "FAILED  $att line $n: $f (sha256 $hex) is not a subject of the statement"; failed=1; return
      fi
    done
  done
  echo "OK      $att ($lines signed statement(s) covering every file)"
}
check_attestation "$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, attestation)})" ${files}
`;
}
/** base64 decoding and sha256 with openssl, for the key and x509 scripts. */
const OPENSSL_HELPERS = `b64d() { openssl base64 -d -A -in "$1" -out "$2" 2>/dev/null; }
# From stdin: with the name on the command line, a newline in it splits the output line (sha256sum also prefixes a \\).
sha256hex() { openssl dgst -sha256 -r < "$1" | cut -d' ' -f1; }
`;
const HEADER = (what) => `#!/bin/sh
# Offline verification of ${what}, written by the Paved sign action.
# Usage: sh verify.sh   (exit 0 when every signature verifies)
# EXPECT_FINGERPRINT=<sha256 hex>  fail unless the signer has this fingerprint (printed below).
set -u
cd "$(dirname "$0")" || exit 2
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
failed=0
why=
report() { if [ "$1" -eq 0 ]; then echo "OK      $2"; else echo "FAILED  $2\${3:+: $3}"; failed=1; fi; }
# A file at its path relative to this script, or beside the script when the release was downloaded flat.
here() { if [ -e "$1" ]; then printf '%s' "$1"; elif [ -e "$(basename "$1")" ]; then basename "$1"; else printf '%s' "$1"; fi; }
norm_fp() { printf '%s' "$1" | tr -d ': \\n' | tr 'ABCDEF' 'abcdef'; }
# Succeeds when EXPECT_FINGERPRINT is unset or equals $1; otherwise sets why.
fp_ok() {
  [ -z "\${EXPECT_FINGERPRINT:-}" ] && return 0
  [ "$(norm_fp "$EXPECT_FINGERPRINT")" = "$(norm_fp "$1")" ] && return 0
  why="signed by $(norm_fp "$1"), not EXPECT_FINGERPRINT $(norm_fp "$EXPECT_FINGERPRINT")"; return 1
}
`;
const FOOTER = `
if [ "$failed" -ne 0 ]; then echo "verification FAILED" >&2; exit 1; fi
echo "all signatures verified"
`;
function heredoc(target, text) {
    return `cat > ${target} <<'PAVED_EOF'\n${text.trim()}\nPAVED_EOF\n`;
}
function keyScript(dir, kind, publicPem, entries, attestation) {
    const check = kind === 'ed25519'
        ? `openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$2" -sigfile "$work/sig" >/dev/null 2>&1`
        : `openssl dgst -sha256 -verify "$key" -signature "$work/sig" "$2" >/dev/null 2>&1`;
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); sig_ok "$s" "$f"; report $? "$f" "$why"`);
    return `${HEADER('cosign-style key signatures (.sig)')}${heredoc('"$work/key.pem"', publicPem)}key=\${PUBLIC_KEY:-"$work/key.pem"}
if [ ! -s "$key" ]; then echo "PUBLIC_KEY $key: no such file" >&2; exit 2; fi
fingerprint=$(openssl pkey -pubin -in "$key" -outform DER 2>/dev/null | openssl dgst -sha256 -r | cut -d' ' -f1)
echo "public key sha256 fingerprint: $fingerprint"
if ! fp_ok "$fingerprint"; then echo "FAILED  public key: $why" >&2; exit 1; fi
# cosign's .sig is base64 text; openssl wants the raw DER.
sig_ok() {
  why=
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  if ! openssl base64 -d -A -in "$1" -out "$work/sig" 2>/dev/null || [ ! -s "$work/sig" ]; then why="no signature at $1"; return 1; fi
  ${check} || { why="signature does not match the file and public key"; return 1; }
}
${lines.join('\n')}
${attestation ? `${OPENSSL_HELPERS}${dsseKeyCheck(kind)}${attestationCheck(dir, attestation, entries)}` : ''}${FOOTER}`;
}
function dsseKeyCheck(kind) {
    return kind === 'ed25519'
        ? 'dsse_sig_ok() { openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$1" -sigfile "$2" >/dev/null 2>&1; }\n'
        : 'dsse_sig_ok() { openssl dgst -sha256 -verify "$key" -signature "$2" "$1" >/dev/null 2>&1; }\n';
}
/**
 * `chainPem` is the signing certificate first, then the rest of the chain. Each .p7s is checked in
 * three steps, so a failure says which: the signature over the file (`cms -verify -noverify`), the
 * chain from the certificates it carries to the anchor (`openssl verify`, no purpose), and the
 * certificate's purpose (extendedKeyUsage codeSigning or any, keyUsage digitalSignature when present),
 * which OpenSSL 3.0 has no `-purpose` for. `caPem` is the chain's root when the signer gave one;
 * without it the consumer must bring CA_FILE, and the script says so instead of failing every file.
 */
function x509Script(dir, caPem, entries, attestation, chainPem = '', chainEnd = '') {
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); cms_ok "$s" "$f"; report $? "$f" "$why"`);
    const anchor = caPem
        ? `${heredoc('"$work/ca.pem"', caPem)}ca=\${CA_FILE:-"$work/ca.pem"}
`
        : `ca=\${CA_FILE:-}
if [ -z "$ca" ]; then
  echo "no trust anchor: the signing chain stops below ${chainEnd.replace(/["$`\\]/g, '')} and embeds no root certificate; set CA_FILE to the root certificate you trust" >&2
  exit 2
fi
`;
    return `${HEADER('X.509 detached CMS signatures (.p7s)')}${anchor}if [ ! -s "$ca" ]; then echo "CA_FILE $ca: no such file" >&2; exit 2; fi
echo "trust anchor: $(openssl x509 -in "$ca" -noout -subject -fingerprint -sha256 2>/dev/null | tr '\\n' ' ')"
code_signing() {
  ext=$(openssl x509 -in "$1" -noout -ext extendedKeyUsage,keyUsage 2>/dev/null)
  printf '%s\\n' "$ext" | grep -q -e 'Code Signing' -e 'Any Extended Key Usage' || return 1
  if printf '%s\\n' "$ext" | grep -q '^X509v3 Key Usage'; then
    printf '%s\\n' "$ext" | sed -n '/^X509v3 Key Usage/{n;p;}' | grep -q 'Digital Signature' || return 1
  fi
}
cms_ok() {
  why=
  rm -f "$work/signer.pem" "$work/certs.pem"
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  if [ ! -f "$1" ]; then why="no signature at $1"; return 1; fi
  if ! openssl cms -verify -binary -inform DER -in "$1" -content "$2" -noverify -signer "$work/signer.pem" -out /dev/null >/dev/null 2>&1; then
    why="the signature does not match the file (modified after signing?)"; return 1
  fi
  openssl pkcs7 -inform DER -in "$1" -print_certs -out "$work/certs.pem" >/dev/null 2>&1
  if ! openssl verify -CAfile "$ca" -untrusted "$work/certs.pem" "$work/signer.pem" >/dev/null 2>&1; then
    why="the signing certificate does not chain to $ca, or is not valid now"; return 1
  fi
  if ! code_signing "$work/signer.pem"; then
    why="the signing certificate is not for code signing (needs extendedKeyUsage codeSigning and keyUsage digitalSignature)"; return 1
  fi
  fp_ok "$(openssl x509 -in "$work/signer.pem" -noout -fingerprint -sha256 | cut -d= -f2)"
}
${lines.join('\n')}
${attestation
        ? `${OPENSSL_HELPERS}${heredoc('"$work/chain.pem"', chainPem)}openssl x509 -in "$work/chain.pem" -out "$work/dsse-signer.pem" 2>/dev/null
dsse_sig_ok() {
  openssl verify -CAfile "$ca" -untrusted "$work/chain.pem" "$work/dsse-signer.pem" >/dev/null 2>&1 &&
    code_signing "$work/dsse-signer.pem" &&
    openssl x509 -in "$work/dsse-signer.pem" -pubkey -noout > "$work/signer.pub" 2>/dev/null &&
    openssl dgst -sha256 -verify "$work/signer.pub" -signature "$2" "$1" >/dev/null 2>&1
}
${attestationCheck(dir, attestation, entries)}`
        : ''}${FOOTER}`;
}
function openpgpScript(dir, armoredPublicKey, entries, attestation) {
    const lines = entries.map((e) => `f=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.file)}); s=$(here ${(0,_methods_output__WEBPACK_IMPORTED_MODULE_0__/* .scriptPath */ .VA)(dir, e.signature)}); pgp_ok "$s" "$f"; report $? "$f" "$why"`);
    // --no-autostart: verifying needs no gpg-agent, and a consumer's machine may have none (or a broken one).
    return `${HEADER('OpenPGP detached signatures (.asc)')}${heredoc('"$work/key.asc"', armoredPublicKey)}mkdir -m 700 "$work/gnupg"
gpgv() { gpg --homedir "$work/gnupg" --no-autostart --batch --no-auto-key-retrieve "$@"; }
gpgv --quiet --import "\${PUBLIC_KEY_ASC:-$work/key.asc}" 2>/dev/null || { echo "could not import the public key" >&2; exit 2; }
echo "signing key: $(gpgv --with-colons --fingerprint 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}')"
pgp_ok() {
  why=
  if [ ! -f "$2" ]; then why="no such file (looked beside this script too)"; return 1; fi
  status=$(gpgv --status-fd 1 --verify "$1" "$2" 2>/dev/null | grep '^\\[GNUPG:\\] VALIDSIG')
  if [ -z "$status" ]; then why="no valid signature by the public key"; return 1; fi
  # VALIDSIG <fpr> ... <primary key fpr>: the last field names the key, as EXPECT_FINGERPRINT does.
  fp_ok "$(printf '%s' "$status" | awk '{print $NF}')"
}
${lines.join('\n')}
${attestation ? `${GPG_HELPERS}${attestationCheck(dir, attestation, entries)}` : ''}${FOOTER}`;
}
/**
 * Without openssl: base64 from coreutils (or openssl when present), sha256sum or shasum. The DSSE
 * signature is a binary OpenPGP signature; wrapped in ASCII armor, gpg checks it like the files'.
 */
const GPG_HELPERS = String.raw `b64d() { { base64 -d < "$1" 2>/dev/null || openssl base64 -d -A -in "$1" 2>/dev/null; } > "$2"; }
sha256hex() { { sha256sum < "$1" 2>/dev/null || shasum -a 256 < "$1"; } | cut -d' ' -f1; }
dsse_sig_ok() {
  { echo '-----BEGIN PGP SIGNATURE-----'; echo; fold -w 64 "$2.b64"; echo; echo '-----END PGP SIGNATURE-----'; } > "$2.asc"
  gpgv --status-fd 1 --verify "$2.asc" "$1" 2>/dev/null | grep -q '^\[GNUPG:\] VALIDSIG'
}
`;


/***/ })

};
