export const id = 943;
export const ids = [943];
export const modules = {

/***/ 40943:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AbstractCryptoEngine: () => (/* binding */ AbstractCryptoEngine),
  AccessDescription: () => (/* binding */ AccessDescription),
  Accuracy: () => (/* binding */ Accuracy),
  AlgorithmIdentifier: () => (/* binding */ AlgorithmIdentifier),
  AltName: () => (/* binding */ AltName),
  ArgumentError: () => (/* binding */ ArgumentError),
  AsnError: () => (/* binding */ AsnError),
  AttCertValidityPeriod: () => (/* binding */ AttCertValidityPeriod),
  Attribute: () => (/* binding */ Attribute),
  AttributeCertificateInfoV1: () => (/* binding */ AttributeCertificateInfoV1),
  AttributeCertificateInfoV2: () => (/* binding */ AttributeCertificateInfoV2),
  AttributeCertificateV1: () => (/* binding */ AttributeCertificateV1),
  AttributeCertificateV2: () => (/* binding */ AttributeCertificateV2),
  AttributeTypeAndValue: () => (/* binding */ AttributeTypeAndValue),
  AuthenticatedSafe: () => (/* binding */ AuthenticatedSafe),
  AuthorityKeyIdentifier: () => (/* binding */ AuthorityKeyIdentifier),
  BasicConstraints: () => (/* binding */ BasicConstraints),
  BasicOCSPResponse: () => (/* binding */ BasicOCSPResponse),
  CAVersion: () => (/* binding */ CAVersion),
  CRLBag: () => (/* binding */ CRLBag),
  CRLDistributionPoints: () => (/* binding */ CRLDistributionPoints),
  CertBag: () => (/* binding */ CertBag),
  CertID: () => (/* binding */ CertID),
  Certificate: () => (/* binding */ Certificate),
  CertificateChainValidationEngine: () => (/* binding */ CertificateChainValidationEngine),
  CertificatePolicies: () => (/* binding */ CertificatePolicies),
  CertificateRevocationList: () => (/* binding */ CertificateRevocationList),
  CertificateSet: () => (/* binding */ CertificateSet),
  CertificateTemplate: () => (/* binding */ CertificateTemplate),
  CertificationRequest: () => (/* binding */ CertificationRequest),
  ChainValidationCode: () => (/* binding */ ChainValidationCode),
  ChainValidationError: () => (/* binding */ ChainValidationError),
  ContentInfo: () => (/* binding */ ContentInfo),
  CryptoEngine: () => (/* binding */ CryptoEngine),
  DigestInfo: () => (/* binding */ DigestInfo),
  DistributionPoint: () => (/* binding */ DistributionPoint),
  ECCCMSSharedInfo: () => (/* binding */ ECCCMSSharedInfo),
  ECNamedCurves: () => (/* binding */ ECNamedCurves),
  ECPrivateKey: () => (/* binding */ ECPrivateKey),
  ECPublicKey: () => (/* binding */ ECPublicKey),
  EncapsulatedContentInfo: () => (/* binding */ EncapsulatedContentInfo),
  EncryptedContentInfo: () => (/* binding */ EncryptedContentInfo),
  EncryptedData: () => (/* binding */ EncryptedData),
  EnvelopedData: () => (/* binding */ EnvelopedData),
  ExtKeyUsage: () => (/* binding */ ExtKeyUsage),
  Extension: () => (/* binding */ Extension),
  ExtensionValueFactory: () => (/* binding */ ExtensionValueFactory),
  Extensions: () => (/* binding */ Extensions),
  GeneralName: () => (/* binding */ GeneralName),
  GeneralNames: () => (/* binding */ GeneralNames),
  GeneralSubtree: () => (/* binding */ GeneralSubtree),
  HASHED_MESSAGE: () => (/* binding */ HASHED_MESSAGE),
  HASH_ALGORITHM: () => (/* binding */ HASH_ALGORITHM),
  Holder: () => (/* binding */ Holder),
  InfoAccess: () => (/* binding */ InfoAccess),
  IssuerAndSerialNumber: () => (/* binding */ IssuerAndSerialNumber),
  IssuerSerial: () => (/* binding */ IssuerSerial),
  IssuingDistributionPoint: () => (/* binding */ IssuingDistributionPoint),
  KEKIdentifier: () => (/* binding */ KEKIdentifier),
  KEKRecipientInfo: () => (/* binding */ KEKRecipientInfo),
  KeyAgreeRecipientIdentifier: () => (/* binding */ KeyAgreeRecipientIdentifier),
  KeyAgreeRecipientInfo: () => (/* binding */ KeyAgreeRecipientInfo),
  KeyBag: () => (/* binding */ KeyBag),
  KeyTransRecipientInfo: () => (/* binding */ KeyTransRecipientInfo),
  MICROS: () => (/* binding */ MICROS),
  MILLIS: () => (/* binding */ MILLIS),
  MacData: () => (/* binding */ MacData),
  MessageImprint: () => (/* binding */ MessageImprint),
  NameConstraints: () => (/* binding */ NameConstraints),
  OCSPRequest: () => (/* binding */ OCSPRequest),
  OCSPResponse: () => (/* binding */ OCSPResponse),
  ObjectDigestInfo: () => (/* binding */ ObjectDigestInfo),
  OriginatorIdentifierOrKey: () => (/* binding */ OriginatorIdentifierOrKey),
  OriginatorInfo: () => (/* binding */ OriginatorInfo),
  OriginatorPublicKey: () => (/* binding */ OriginatorPublicKey),
  OtherCertificateFormat: () => (/* binding */ OtherCertificateFormat),
  OtherKeyAttribute: () => (/* binding */ OtherKeyAttribute),
  OtherPrimeInfo: () => (/* binding */ OtherPrimeInfo),
  OtherRecipientInfo: () => (/* binding */ OtherRecipientInfo),
  OtherRevocationInfoFormat: () => (/* binding */ OtherRevocationInfoFormat),
  PBES2Params: () => (/* binding */ PBES2Params),
  PBKDF2Params: () => (/* binding */ PBKDF2Params),
  PFX: () => (/* binding */ PFX),
  PKCS8ShroudedKeyBag: () => (/* binding */ PKCS8ShroudedKeyBag),
  PKIStatus: () => (/* binding */ PKIStatus),
  PKIStatusInfo: () => (/* binding */ PKIStatusInfo),
  POLICY_IDENTIFIER: () => (/* binding */ POLICY_IDENTIFIER),
  POLICY_QUALIFIERS: () => (/* binding */ POLICY_QUALIFIERS),
  ParameterError: () => (/* binding */ ParameterError),
  PasswordRecipientinfo: () => (/* binding */ PasswordRecipientinfo),
  PkiObject: () => (/* binding */ PkiObject),
  PolicyConstraints: () => (/* binding */ PolicyConstraints),
  PolicyInformation: () => (/* binding */ PolicyInformation),
  PolicyMapping: () => (/* binding */ PolicyMapping),
  PolicyMappings: () => (/* binding */ PolicyMappings),
  PolicyQualifierInfo: () => (/* binding */ PolicyQualifierInfo),
  PrivateKeyInfo: () => (/* binding */ PrivateKeyInfo),
  PrivateKeyUsagePeriod: () => (/* binding */ PrivateKeyUsagePeriod),
  PublicKeyInfo: () => (/* binding */ PublicKeyInfo),
  QCStatement: () => (/* binding */ QCStatement),
  QCStatements: () => (/* binding */ QCStatements),
  RDN: () => (/* binding */ RDN),
  RSAESOAEPParams: () => (/* binding */ RSAESOAEPParams),
  RSAPrivateKey: () => (/* binding */ RSAPrivateKey),
  RSAPublicKey: () => (/* binding */ RSAPublicKey),
  RSASSAPSSParams: () => (/* binding */ RSASSAPSSParams),
  RecipientEncryptedKey: () => (/* binding */ RecipientEncryptedKey),
  RecipientEncryptedKeys: () => (/* binding */ RecipientEncryptedKeys),
  RecipientIdentifier: () => (/* binding */ RecipientIdentifier),
  RecipientInfo: () => (/* binding */ RecipientInfo),
  RecipientKeyIdentifier: () => (/* binding */ RecipientKeyIdentifier),
  RelativeDistinguishedNames: () => (/* binding */ RelativeDistinguishedNames),
  Request: () => (/* binding */ Request),
  ResponseBytes: () => (/* binding */ ResponseBytes),
  ResponseData: () => (/* binding */ ResponseData),
  RevocationInfoChoices: () => (/* binding */ RevocationInfoChoices),
  RevokedCertificate: () => (/* binding */ RevokedCertificate),
  SECONDS: () => (/* binding */ SECONDS),
  SafeBag: () => (/* binding */ SafeBag),
  SafeBagValueFactory: () => (/* binding */ SafeBagValueFactory),
  SafeContents: () => (/* binding */ SafeContents),
  SecretBag: () => (/* binding */ SecretBag),
  Signature: () => (/* binding */ Signature),
  SignedAndUnsignedAttributes: () => (/* binding */ SignedAndUnsignedAttributes),
  SignedCertificateTimestamp: () => (/* binding */ SignedCertificateTimestamp),
  SignedCertificateTimestampList: () => (/* binding */ SignedCertificateTimestampList),
  SignedData: () => (/* binding */ SignedData),
  SignedDataVerifyError: () => (/* binding */ SignedDataVerifyError),
  SignerInfo: () => (/* binding */ SignerInfo),
  SingleResponse: () => (/* binding */ SingleResponse),
  SubjectDirectoryAttributes: () => (/* binding */ SubjectDirectoryAttributes),
  TBSRequest: () => (/* binding */ TBSRequest),
  TSTInfo: () => (/* binding */ TSTInfo),
  TYPE: () => (/* binding */ TYPE),
  TYPE_AND_VALUES: () => (/* binding */ TYPE_AND_VALUES),
  Time: () => (/* binding */ Time),
  TimeStampReq: () => (/* binding */ TimeStampReq),
  TimeStampResp: () => (/* binding */ TimeStampResp),
  TimeType: () => (/* binding */ TimeType),
  V2Form: () => (/* binding */ V2Form),
  VALUE: () => (/* binding */ VALUE),
  VALUE_BEFORE_DECODE: () => (/* binding */ VALUE_BEFORE_DECODE),
  checkCA: () => (/* binding */ checkCA),
  createCMSECDSASignature: () => (/* binding */ createCMSECDSASignature),
  createECDSASignatureFromCMS: () => (/* binding */ createECDSASignatureFromCMS),
  engine: () => (/* binding */ engine),
  getAlgorithmByOID: () => (/* binding */ getAlgorithmByOID),
  getAlgorithmParameters: () => (/* binding */ getAlgorithmParameters),
  getCrypto: () => (/* binding */ getCrypto),
  getEngine: () => (/* binding */ getEngine),
  getHashAlgorithm: () => (/* binding */ getHashAlgorithm),
  getOIDByAlgorithm: () => (/* binding */ getOIDByAlgorithm),
  getRandomValues: () => (/* binding */ getRandomValues),
  id_AnyPolicy: () => (/* binding */ id_AnyPolicy),
  id_AuthorityInfoAccess: () => (/* binding */ id_AuthorityInfoAccess),
  id_AuthorityKeyIdentifier: () => (/* binding */ id_AuthorityKeyIdentifier),
  id_BaseCRLNumber: () => (/* binding */ id_BaseCRLNumber),
  id_BasicConstraints: () => (/* binding */ id_BasicConstraints),
  id_CRLBag_X509CRL: () => (/* binding */ id_CRLBag_X509CRL),
  id_CRLDistributionPoints: () => (/* binding */ id_CRLDistributionPoints),
  id_CRLNumber: () => (/* binding */ id_CRLNumber),
  id_CRLReason: () => (/* binding */ id_CRLReason),
  id_CertBag_AttributeCertificate: () => (/* binding */ id_CertBag_AttributeCertificate),
  id_CertBag_SDSICertificate: () => (/* binding */ id_CertBag_SDSICertificate),
  id_CertBag_X509Certificate: () => (/* binding */ id_CertBag_X509Certificate),
  id_CertificateIssuer: () => (/* binding */ id_CertificateIssuer),
  id_CertificatePolicies: () => (/* binding */ id_CertificatePolicies),
  id_ContentType_Data: () => (/* binding */ id_ContentType_Data),
  id_ContentType_EncryptedData: () => (/* binding */ id_ContentType_EncryptedData),
  id_ContentType_EnvelopedData: () => (/* binding */ id_ContentType_EnvelopedData),
  id_ContentType_SignedData: () => (/* binding */ id_ContentType_SignedData),
  id_ExtKeyUsage: () => (/* binding */ id_ExtKeyUsage),
  id_FreshestCRL: () => (/* binding */ id_FreshestCRL),
  id_InhibitAnyPolicy: () => (/* binding */ id_InhibitAnyPolicy),
  id_InvalidityDate: () => (/* binding */ id_InvalidityDate),
  id_IssuerAltName: () => (/* binding */ id_IssuerAltName),
  id_IssuingDistributionPoint: () => (/* binding */ id_IssuingDistributionPoint),
  id_KeyUsage: () => (/* binding */ id_KeyUsage),
  id_MicrosoftAppPolicies: () => (/* binding */ id_MicrosoftAppPolicies),
  id_MicrosoftCaVersion: () => (/* binding */ id_MicrosoftCaVersion),
  id_MicrosoftCertTemplateV1: () => (/* binding */ id_MicrosoftCertTemplateV1),
  id_MicrosoftCertTemplateV2: () => (/* binding */ id_MicrosoftCertTemplateV2),
  id_MicrosoftPrevCaCertHash: () => (/* binding */ id_MicrosoftPrevCaCertHash),
  id_NameConstraints: () => (/* binding */ id_NameConstraints),
  id_PKIX_OCSP_Basic: () => (/* binding */ id_PKIX_OCSP_Basic),
  id_PolicyConstraints: () => (/* binding */ id_PolicyConstraints),
  id_PolicyMappings: () => (/* binding */ id_PolicyMappings),
  id_PrivateKeyUsagePeriod: () => (/* binding */ id_PrivateKeyUsagePeriod),
  id_QCStatements: () => (/* binding */ id_QCStatements),
  id_SignedCertificateTimestampList: () => (/* binding */ id_SignedCertificateTimestampList),
  id_SubjectAltName: () => (/* binding */ id_SubjectAltName),
  id_SubjectDirectoryAttributes: () => (/* binding */ id_SubjectDirectoryAttributes),
  id_SubjectInfoAccess: () => (/* binding */ id_SubjectInfoAccess),
  id_SubjectKeyIdentifier: () => (/* binding */ id_SubjectKeyIdentifier),
  id_ad: () => (/* binding */ id_ad),
  id_ad_caIssuers: () => (/* binding */ id_ad_caIssuers),
  id_ad_ocsp: () => (/* binding */ id_ad_ocsp),
  id_eContentType_TSTInfo: () => (/* binding */ id_eContentType_TSTInfo),
  id_pkix: () => (/* binding */ id_pkix),
  id_sha1: () => (/* binding */ id_sha1),
  id_sha256: () => (/* binding */ id_sha256),
  id_sha384: () => (/* binding */ id_sha384),
  id_sha512: () => (/* binding */ id_sha512),
  kdf: () => (/* binding */ kdf),
  setEngine: () => (/* binding */ setEngine),
  stringPrep: () => (/* binding */ stringPrep),
  verifySCTsForCertificate: () => (/* binding */ verifySCTsForCertificate)
});

// EXTERNAL MODULE: ./node_modules/asn1js/build/index.js + 3 modules
var build = __webpack_require__(84723);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/encoding/hex.js
var hex = __webpack_require__(2052);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/_virtual/_rolldown/runtime.js
var runtime = __webpack_require__(44777);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/bytes/buffer-source.js
var buffer_source = __webpack_require__(32139);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/encoding/binary.js
var binary = __webpack_require__(35580);
;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/encoding/base64.js



//#region src/encoding/base64.ts
var base64_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	base64: () => base64,
	decode: () => decode,
	encode: () => encode,
	is: () => is,
	normalize: () => normalize,
	pad: () => pad
});
const BASE64_REGEX = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function nodeBuffer() {
	return globalThis.Buffer;
}
function normalize(text) {
	return text.replace(/[\n\r\t ]/g, "");
}
function pad(text) {
	const remainder = text.length % 4;
	return remainder ? text + "=".repeat(4 - remainder) : text;
}
function is(text) {
	if (typeof text !== "string") return false;
	const normalized = normalize(text);
	return normalized === "" || BASE64_REGEX.test(normalized);
}
function encode(data, _options) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const buffer = nodeBuffer();
	if (buffer) return buffer.from(bytes).toString("base64");
	return btoa((0,binary/* encode */.lF)(bytes));
}
function decode(text, _options) {
	const normalized = normalize(text);
	if (!is(normalized)) throw new TypeError("Input is not valid Base64 text");
	const buffer = nodeBuffer();
	if (buffer) return new Uint8Array(buffer.from(normalized, "base64"));
	return (0,binary/* decode */.D4)(atob(normalized));
}
const base64 = {
	encode,
	decode,
	is,
	normalize,
	pad
};
//#endregion


;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/encoding/base64url.js


//#region src/encoding/base64url.ts
var base64url_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	base64url: () => base64url,
	decode: () => base64url_decode,
	encode: () => base64url_encode,
	is: () => base64url_is,
	normalize: () => base64url_normalize
});
const BASE64URL_REGEX = /^[A-Za-z0-9_-]*$/;
const PADDED_BASE64URL_REGEX = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}==|[A-Za-z0-9_-]{3}=)?$/;
function base64url_normalize(text) {
	return text.replace(/[\n\r\t ]/g, "");
}
function base64url_is(text, options = {}) {
	if (typeof text !== "string") return false;
	const normalized = base64url_normalize(text);
	return BASE64URL_REGEX.test(normalized) || !!options.allowPadding && PADDED_BASE64URL_REGEX.test(normalized);
}
function base64url_encode(data, _options) {
	return base64.encode(data).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/g, "");
}
function base64url_decode(text, options = {}) {
	const normalized = base64url_normalize(text);
	if (!base64url_is(normalized, options)) throw new TypeError("Input is not valid Base64Url text");
	return base64.decode(base64.pad(normalized.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/")));
}
const base64url = {
	encode: base64url_encode,
	decode: base64url_decode,
	is: base64url_is,
	normalize: base64url_normalize
};
//#endregion


// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/bytes.js + 3 modules
var bytes = __webpack_require__(33340);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/integer/uint.js
var uint = __webpack_require__(16492);
;// CONCATENATED MODULE: ./node_modules/bytestreamjs/build/byte_stream.js
//#region src/byte_stream.ts
var ByteStream = class ByteStream {
	_buffer;
	_view;
	constructor(parameters = {}) {
		if ("view" in parameters) this.fromUint8Array(parameters.view);
		else if ("buffer" in parameters) this.fromArrayBuffer(parameters.buffer);
		else if ("string" in parameters) this.fromString(parameters.string);
		else if ("hexstring" in parameters) this.fromHexString(parameters.hexstring);
		else if ("length" in parameters && parameters.length > 0) {
			this.length = parameters.length;
			if (parameters.stub) for (let i = 0; i < this._view.length; i++) this._view[i] = parameters.stub;
		} else this.length = 0;
	}
	set buffer(value) {
		this._buffer = value;
		this._view = new Uint8Array(this._buffer);
	}
	get buffer() {
		return this._buffer;
	}
	set view(value) {
		this._buffer = new ArrayBuffer(value.length);
		this._view = new Uint8Array(this._buffer);
		this._view.set(value);
	}
	get view() {
		return this._view;
	}
	get length() {
		return this.view.byteLength;
	}
	set length(value) {
		this._buffer = new ArrayBuffer(value);
		this._view = new Uint8Array(this._buffer);
	}
	clear() {
		this._buffer = /* @__PURE__ */ new ArrayBuffer(0);
		this._view = new Uint8Array(this._buffer);
	}
	fromArrayBuffer(array) {
		this._buffer = array;
		this._view = new Uint8Array(this._buffer);
	}
	fromUint8Array(array) {
		this.fromArrayBuffer(new Uint8Array(array).buffer);
	}
	fromString(string) {
		const stringLength = string.length;
		this.length = stringLength;
		for (let i = 0; i < stringLength; i++) this.view[i] = string.charCodeAt(i);
	}
	toString(start = 0, length = this.view.length - start) {
		let result = "";
		if (start >= this.view.length || start < 0) start = 0;
		if (length >= this.view.length || length < 0) length = this.view.length - start;
		for (let i = start; i < start + length; i++) result += String.fromCharCode(this.view[i]);
		return result;
	}
	fromHexString(hexString) {
		const stringLength = hexString.length;
		this.buffer = /* @__PURE__ */ new ArrayBuffer(stringLength >> 1);
		this.view = new Uint8Array(this.buffer);
		const hexMap = /* @__PURE__ */ new Map();
		hexMap.set("0", 0);
		hexMap.set("1", 1);
		hexMap.set("2", 2);
		hexMap.set("3", 3);
		hexMap.set("4", 4);
		hexMap.set("5", 5);
		hexMap.set("6", 6);
		hexMap.set("7", 7);
		hexMap.set("8", 8);
		hexMap.set("9", 9);
		hexMap.set("A", 10);
		hexMap.set("a", 10);
		hexMap.set("B", 11);
		hexMap.set("b", 11);
		hexMap.set("C", 12);
		hexMap.set("c", 12);
		hexMap.set("D", 13);
		hexMap.set("d", 13);
		hexMap.set("E", 14);
		hexMap.set("e", 14);
		hexMap.set("F", 15);
		hexMap.set("f", 15);
		let j = 0;
		let temp = 0;
		for (let i = 0; i < stringLength; i++) if (!(i % 2)) temp = hexMap.get(hexString.charAt(i)) << 4;
		else {
			temp |= hexMap.get(hexString.charAt(i));
			this.view[j] = temp;
			j++;
		}
	}
	toHexString(start = 0, length = this.view.length - start) {
		let result = "";
		if (start >= this.view.length || start < 0) start = 0;
		if (length >= this.view.length || length < 0) length = this.view.length - start;
		for (let i = start; i < start + length; i++) {
			const str = this.view[i].toString(16).toUpperCase();
			result = result + (str.length == 1 ? "0" : "") + str;
		}
		return result;
	}
	copy(start = 0, length = this.length - start) {
		if (!start && !this.length) return new ByteStream();
		if (start < 0 || start > this.length - 1) throw new Error(`Wrong start position: ${start}`);
		return new ByteStream({ buffer: this._buffer.slice(start, start + length) });
	}
	slice(start = 0, end = this.length) {
		if (!start && !this.length) return new ByteStream();
		if (start < 0 || start > this.length - 1) throw new Error(`Wrong start position: ${start}`);
		return new ByteStream({ buffer: this._buffer.slice(start, end) });
	}
	realloc(size) {
		const buffer = new ArrayBuffer(size);
		const view = new Uint8Array(buffer);
		if (size > this._view.length) view.set(this._view);
		else view.set(new Uint8Array(this._buffer, 0, size));
		this._buffer = buffer;
		this._view = new Uint8Array(this._buffer);
	}
	append(stream) {
		const initialSize = this.length;
		const streamViewLength = stream.length;
		const subarrayView = stream._view.subarray();
		this.realloc(initialSize + streamViewLength);
		this._view.set(subarrayView, initialSize);
	}
	insert(stream, start = 0, length = this.length - start) {
		if (start > this.length - 1) return false;
		if (length > this.length - start) length = this.length - start;
		if (length > stream.length) length = stream.length;
		if (length == stream.length) this._view.set(stream._view, start);
		else this._view.set(stream._view.subarray(0, length), start);
		return true;
	}
	isEqual(stream) {
		if (this.length != stream.length) return false;
		for (let i = 0; i < stream.length; i++) if (this.view[i] != stream.view[i]) return false;
		return true;
	}
	isEqualView(view) {
		if (view.length != this.view.length) return false;
		for (let i = 0; i < view.length; i++) if (this.view[i] != view[i]) return false;
		return true;
	}
	findPattern(pattern, start_, length_, backward_) {
		const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		const patternLength = pattern.length;
		if (patternLength > length) return -1;
		const patternArray = [];
		for (let i = 0; i < patternLength; i++) patternArray.push(pattern.view[i]);
		for (let i = 0; i <= length - patternLength; i++) {
			let equal = true;
			const equalStart = backward ? start - patternLength - i : start + i;
			for (let j = 0; j < patternLength; j++) if (this.view[j + equalStart] != patternArray[j]) {
				equal = false;
				break;
			}
			if (equal) return backward ? start - patternLength - i : start + patternLength + i;
		}
		return -1;
	}
	findFirstIn(patterns, start_, length_, backward_) {
		const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		const result = {
			id: -1,
			position: backward ? 0 : start + length,
			length: 0
		};
		for (let i = 0; i < patterns.length; i++) {
			const position = this.findPattern(patterns[i], start, length, backward);
			if (position != -1) {
				let valid = false;
				const patternLength = patterns[i].length;
				if (backward) {
					if (position - patternLength >= result.position - result.length) valid = true;
				} else if (position - patternLength <= result.position - result.length) valid = true;
				if (valid) {
					result.position = position;
					result.id = i;
					result.length = patternLength;
				}
			}
		}
		return result;
	}
	findAllIn(patterns, start_, length_) {
		let { start, length } = this.prepareFindParameters(start_, length_);
		const result = [];
		let patternFound = {
			id: -1,
			position: start
		};
		do {
			const position = patternFound.position;
			patternFound = this.findFirstIn(patterns, patternFound.position, length);
			if (patternFound.id == -1) break;
			length -= patternFound.position - position;
			result.push({
				id: patternFound.id,
				position: patternFound.position
			});
		} while (true);
		return result;
	}
	findAllPatternIn(pattern, start_, length_) {
		const { start, length } = this.prepareFindParameters(start_, length_);
		const result = [];
		const patternLength = pattern.length;
		if (patternLength > length) return -1;
		const patternArray = Array.from(pattern.view);
		for (let i = 0; i <= length - patternLength; i++) {
			let equal = true;
			const equalStart = start + i;
			for (let j = 0; j < patternLength; j++) if (this.view[j + equalStart] != patternArray[j]) {
				equal = false;
				break;
			}
			if (equal) {
				result.push(start + patternLength + i);
				i += patternLength - 1;
			}
		}
		return result;
	}
	findFirstNotIn(patterns, start_, length_, backward_) {
		let { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		const result = {
			left: {
				id: -1,
				position: start
			},
			right: {
				id: -1,
				position: 0
			},
			value: new ByteStream()
		};
		let currentLength = length;
		while (currentLength > 0) {
			result.right = this.findFirstIn(patterns, backward ? start - length + currentLength : start + length - currentLength, currentLength, backward);
			if (result.right.id == -1) {
				length = currentLength;
				if (backward) start -= length;
				else start = result.left.position;
				result.value = new ByteStream({ buffer: this._buffer.slice(start, start + length) });
				break;
			}
			if (result.right.position != (backward ? result.left.position - patterns[result.right.id].length : result.left.position + patterns[result.right.id].length)) {
				if (backward) {
					start = result.right.position + patterns[result.right.id].length;
					length = result.left.position - result.right.position - patterns[result.right.id].length;
				} else {
					start = result.left.position;
					length = result.right.position - result.left.position - patterns[result.right.id].length;
				}
				result.value = new ByteStream({ buffer: this._buffer.slice(start, start + length) });
				break;
			}
			result.left = result.right;
			currentLength -= patterns[result.right.id].length;
		}
		if (backward) {
			const temp = result.right;
			result.right = result.left;
			result.left = temp;
		}
		return result;
	}
	findAllNotIn(patterns, start_, length_) {
		let { start, length } = this.prepareFindParameters(start_, length_);
		const result = [];
		let patternFound = {
			left: {
				id: -1,
				position: start
			},
			right: {
				id: -1,
				position: start
			},
			value: new ByteStream()
		};
		do {
			const position = patternFound.right.position;
			patternFound = this.findFirstNotIn(patterns, patternFound.right.position, length);
			length -= patternFound.right.position - position;
			result.push({
				left: {
					id: patternFound.left.id,
					position: patternFound.left.position
				},
				right: {
					id: patternFound.right.id,
					position: patternFound.right.position
				},
				value: patternFound.value
			});
		} while (patternFound.right.id != -1);
		return result;
	}
	findFirstSequence(patterns, start_, length_, backward_) {
		let { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		const firstIn = this.skipNotPatterns(patterns, start, length, backward);
		if (firstIn == -1) return {
			position: -1,
			value: new ByteStream()
		};
		const firstNotIn = this.skipPatterns(patterns, firstIn, length - (backward ? start - firstIn : firstIn - start), backward);
		if (backward) {
			start = firstNotIn;
			length = firstIn - firstNotIn;
		} else {
			start = firstIn;
			length = firstNotIn - firstIn;
		}
		return {
			position: firstNotIn,
			value: new ByteStream({ buffer: this._buffer.slice(start, start + length) })
		};
	}
	findAllSequences(patterns, start_, length_) {
		let { start, length } = this.prepareFindParameters(start_, length_);
		const result = [];
		let patternFound = {
			position: start,
			value: new ByteStream()
		};
		do {
			const position = patternFound.position;
			patternFound = this.findFirstSequence(patterns, patternFound.position, length);
			if (patternFound.position != -1) {
				length -= patternFound.position - position;
				result.push({
					position: patternFound.position,
					value: patternFound.value
				});
			}
		} while (patternFound.position != -1);
		return result;
	}
	findPairedPatterns(leftPattern, rightPattern, start_, length_) {
		const result = [];
		if (leftPattern.isEqual(rightPattern)) return result;
		const { start, length } = this.prepareFindParameters(start_, length_);
		let currentPositionLeft = 0;
		const leftPatterns = this.findAllPatternIn(leftPattern, start, length);
		if (!Array.isArray(leftPatterns) || leftPatterns.length == 0) return result;
		const rightPatterns = this.findAllPatternIn(rightPattern, start, length);
		if (!Array.isArray(rightPatterns) || rightPatterns.length == 0) return result;
		while (currentPositionLeft < leftPatterns.length) {
			if (rightPatterns.length == 0) break;
			if (leftPatterns[0] == rightPatterns[0]) {
				result.push({
					left: leftPatterns[0],
					right: rightPatterns[0]
				});
				leftPatterns.splice(0, 1);
				rightPatterns.splice(0, 1);
				continue;
			}
			if (leftPatterns[currentPositionLeft] > rightPatterns[0]) break;
			while (leftPatterns[currentPositionLeft] < rightPatterns[0]) {
				currentPositionLeft++;
				if (currentPositionLeft >= leftPatterns.length) break;
			}
			result.push({
				left: leftPatterns[currentPositionLeft - 1],
				right: rightPatterns[0]
			});
			leftPatterns.splice(currentPositionLeft - 1, 1);
			rightPatterns.splice(0, 1);
			currentPositionLeft = 0;
		}
		result.sort((a, b) => a.left - b.left);
		return result;
	}
	findPairedArrays(inputLeftPatterns, inputRightPatterns, start_, length_) {
		const { start, length } = this.prepareFindParameters(start_, length_);
		const result = [];
		let currentPositionLeft = 0;
		const leftPatterns = this.findAllIn(inputLeftPatterns, start, length);
		if (leftPatterns.length == 0) return result;
		const rightPatterns = this.findAllIn(inputRightPatterns, start, length);
		if (rightPatterns.length == 0) return result;
		while (currentPositionLeft < leftPatterns.length) {
			if (rightPatterns.length == 0) break;
			if (leftPatterns[0].position == rightPatterns[0].position) {
				result.push({
					left: leftPatterns[0],
					right: rightPatterns[0]
				});
				leftPatterns.splice(0, 1);
				rightPatterns.splice(0, 1);
				continue;
			}
			if (leftPatterns[currentPositionLeft].position > rightPatterns[0].position) break;
			while (leftPatterns[currentPositionLeft].position < rightPatterns[0].position) {
				currentPositionLeft++;
				if (currentPositionLeft >= leftPatterns.length) break;
			}
			result.push({
				left: leftPatterns[currentPositionLeft - 1],
				right: rightPatterns[0]
			});
			leftPatterns.splice(currentPositionLeft - 1, 1);
			rightPatterns.splice(0, 1);
			currentPositionLeft = 0;
		}
		result.sort((a, b) => a.left.position - b.left.position);
		return result;
	}
	replacePattern(searchPattern, replacePattern, start_, length_, findAllResult = null) {
		let result = [];
		let i;
		const output = {
			status: -1,
			searchPatternPositions: [],
			replacePatternPositions: []
		};
		const { start, length } = this.prepareFindParameters(start_, length_);
		if (findAllResult == null) {
			result = this.findAllIn([searchPattern], start, length);
			if (result.length == 0) return output;
		} else result = findAllResult;
		output.searchPatternPositions.push(...Array.from(result, (element) => element.position));
		const patternDifference = searchPattern.length - replacePattern.length;
		const changedBuffer = new ArrayBuffer(this.view.length - result.length * patternDifference);
		const changedView = new Uint8Array(changedBuffer);
		changedView.set(new Uint8Array(this.buffer, 0, start));
		for (i = 0; i < result.length; i++) {
			const currentPosition = i == 0 ? start : result[i - 1].position;
			changedView.set(new Uint8Array(this.buffer, currentPosition, result[i].position - searchPattern.length - currentPosition), currentPosition - i * patternDifference);
			changedView.set(replacePattern.view, result[i].position - searchPattern.length - i * patternDifference);
			output.replacePatternPositions.push(result[i].position - searchPattern.length - i * patternDifference);
		}
		i--;
		changedView.set(new Uint8Array(this.buffer, result[i].position, this.length - result[i].position), result[i].position - searchPattern.length + replacePattern.length - i * patternDifference);
		this.buffer = changedBuffer;
		this.view = new Uint8Array(this.buffer);
		output.status = 1;
		return output;
	}
	skipPatterns(patterns, start_, length_, backward_) {
		const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		let result = start;
		for (let k = 0; k < patterns.length; k++) {
			const patternLength = patterns[k].length;
			const equalStart = backward ? result - patternLength : result;
			let equal = true;
			for (let j = 0; j < patternLength; j++) if (this.view[j + equalStart] != patterns[k].view[j]) {
				equal = false;
				break;
			}
			if (equal) {
				k = -1;
				if (backward) {
					result -= patternLength;
					if (result <= 0) return result;
				} else {
					result += patternLength;
					if (result >= start + length) return result;
				}
			}
		}
		return result;
	}
	skipNotPatterns(patterns, start_, length_, backward_) {
		const { start, length, backward } = this.prepareFindParameters(start_, length_, backward_);
		let result = -1;
		for (let i = 0; i < length; i++) {
			for (let k = 0; k < patterns.length; k++) {
				const patternLength = patterns[k].length;
				const equalStart = backward ? start - i - patternLength : start + i;
				let equal = true;
				for (let j = 0; j < patternLength; j++) if (this.view[j + equalStart] != patterns[k].view[j]) {
					equal = false;
					break;
				}
				if (equal) {
					result = backward ? start - i : start + i;
					break;
				}
			}
			if (result != -1) break;
		}
		return result;
	}
	prepareFindParameters(start = null, length = null, backward = false) {
		if (start === null) start = backward ? this.length : 0;
		if (start > this.length) start = this.length;
		if (backward) {
			if (length === null) length = start;
			if (length > start) length = start;
		} else {
			if (length === null) length = this.length - start;
			if (length > this.length - start) length = this.length - start;
		}
		return {
			start,
			length,
			backward
		};
	}
};
//#endregion


;// CONCATENATED MODULE: ./node_modules/bytestreamjs/build/seq_stream.js

//#region src/seq_stream.ts
const pow2_24 = 16777216;
var SeqStream = class SeqStream {
	static APPEND_BLOCK = 1e3;
	_stream = new ByteStream();
	_length = 0;
	_start = 0;
	backward = false;
	appendBlock = 0;
	prevLength = 0;
	prevStart = 0;
	constructor(parameters = {}) {
		if ("view" in parameters) this.stream = new ByteStream({ view: parameters.view });
		else if ("buffer" in parameters) this.stream = new ByteStream({ buffer: parameters.buffer });
		else if ("string" in parameters) this.stream = new ByteStream({ string: parameters.string });
		else if ("hexstring" in parameters) this.stream = new ByteStream({ hexstring: parameters.hexstring });
		else if ("stream" in parameters) this.stream = parameters.stream.slice();
		else this.stream = new ByteStream();
		if ("backward" in parameters && parameters.backward) {
			this.backward = parameters.backward;
			this._start = this.stream.length;
		}
		if ("length" in parameters && parameters.length > 0) this._length = parameters.length;
		if ("start" in parameters && parameters.start && parameters.start > 0) this._start = parameters.start;
		if ("appendBlock" in parameters && parameters.appendBlock && parameters.appendBlock > 0) this.appendBlock = parameters.appendBlock;
	}
	set stream(value) {
		this._stream = value;
		this.prevLength = this._length;
		this._length = value.length;
		this.prevStart = this._start;
		this._start = 0;
	}
	get stream() {
		return this._stream;
	}
	set length(value) {
		this.prevLength = this._length;
		this._length = value;
	}
	get length() {
		if (this.appendBlock) return this.start;
		return this._length;
	}
	set start(value) {
		if (value > this.stream.length) return;
		this.prevStart = this._start;
		this.prevLength = this._length;
		this._length -= this.backward ? this._start - value : value - this._start;
		this._start = value;
	}
	get start() {
		return this._start;
	}
	get buffer() {
		return this._stream.buffer.slice(0, this._length);
	}
	resetPosition() {
		this._start = this.prevStart;
		this._length = this.prevLength;
	}
	findPattern(pattern, gap = null) {
		if (gap == null || gap > this.length) gap = this.length;
		const result = this.stream.findPattern(pattern, this.start, this.length, this.backward);
		if (result == -1) return result;
		if (this.backward) {
			if (result < this.start - pattern.length - gap) return -1;
		} else if (result > this.start + pattern.length + gap) return -1;
		this.start = result;
		return result;
	}
	findFirstIn(patterns, gap = null) {
		if (gap == null || gap > this.length) gap = this.length;
		const result = this.stream.findFirstIn(patterns, this.start, this.length, this.backward);
		if (result.id == -1) return result;
		if (this.backward) {
			if (result.position < this.start - patterns[result.id].length - gap) return {
				id: -1,
				position: this.backward ? 0 : this.start + this.length
			};
		} else if (result.position > this.start + patterns[result.id].length + gap) return {
			id: -1,
			position: this.backward ? 0 : this.start + this.length
		};
		this.start = result.position;
		return result;
	}
	findAllIn(patterns) {
		const start = this.backward ? this.start - this.length : this.start;
		return this.stream.findAllIn(patterns, start, this.length);
	}
	findFirstNotIn(patterns, gap = null) {
		if (gap == null || gap > this._length) gap = this._length;
		const result = this._stream.findFirstNotIn(patterns, this._start, this._length, this.backward);
		if (result.left.id == -1 && result.right.id == -1) return result;
		if (this.backward) {
			if (result.right.id != -1) {
				if (result.right.position < this._start - patterns[result.right.id].length - gap) return {
					left: {
						id: -1,
						position: this._start
					},
					right: {
						id: -1,
						position: 0
					},
					value: new ByteStream()
				};
			}
		} else if (result.left.id != -1) {
			if (result.left.position > this._start + patterns[result.left.id].length + gap) return {
				left: {
					id: -1,
					position: this._start
				},
				right: {
					id: -1,
					position: 0
				},
				value: new ByteStream()
			};
		}
		if (this.backward) {
			if (result.left.id == -1) this.start = 0;
			else this.start = result.left.position;
		} else if (result.right.id == -1) this.start = this._start + this._length;
		else this.start = result.right.position;
		return result;
	}
	findAllNotIn(patterns) {
		const start = this.backward ? this._start - this._length : this._start;
		return this._stream.findAllNotIn(patterns, start, this._length);
	}
	findFirstSequence(patterns, length = null, gap = null) {
		if (length == null || length > this._length) length = this._length;
		if (gap == null || gap > length) gap = length;
		const result = this._stream.findFirstSequence(patterns, this._start, length, this.backward);
		if (result.value.length == 0) return result;
		if (this.backward) {
			if (result.position < this._start - result.value.length - gap) return {
				position: -1,
				value: new ByteStream()
			};
		} else if (result.position > this._start + result.value.length + gap) return {
			position: -1,
			value: new ByteStream()
		};
		this.start = result.position;
		return result;
	}
	findAllSequences(patterns) {
		const start = this.backward ? this.start - this.length : this.start;
		return this.stream.findAllSequences(patterns, start, this.length);
	}
	findPairedPatterns(leftPattern, rightPattern, gap = null) {
		if (gap == null || gap > this.length) gap = this.length;
		const start = this.backward ? this.start - this.length : this.start;
		const result = this.stream.findPairedPatterns(leftPattern, rightPattern, start, this.length);
		if (result.length) {
			if (this.backward) {
				if (result[0].right < this.start - rightPattern.length - gap) return [];
			} else if (result[0].left > this.start + leftPattern.length + gap) return [];
		}
		return result;
	}
	findPairedArrays(leftPatterns, rightPatterns, gap = null) {
		if (gap == null || gap > this.length) gap = this.length;
		const start = this.backward ? this.start - this.length : this.start;
		const result = this.stream.findPairedArrays(leftPatterns, rightPatterns, start, this.length);
		if (result.length) {
			if (this.backward) {
				if (result[0].right.position < this.start - rightPatterns[result[0].right.id].length - gap) return [];
			} else if (result[0].left.position > this.start + leftPatterns[result[0].left.id].length + gap) return [];
		}
		return result;
	}
	replacePattern(searchPattern, replacePattern) {
		const start = this.backward ? this.start - this.length : this.start;
		return this.stream.replacePattern(searchPattern, replacePattern, start, this.length);
	}
	skipPatterns(patterns) {
		const result = this.stream.skipPatterns(patterns, this.start, this.length, this.backward);
		this.start = result;
		return result;
	}
	skipNotPatterns(patterns) {
		const result = this.stream.skipNotPatterns(patterns, this.start, this.length, this.backward);
		if (result == -1) return -1;
		this.start = result;
		return result;
	}
	append(stream) {
		this.beforeAppend(stream.length);
		this._stream.view.set(stream.view, this._start);
		this._length += stream.length * 2;
		this.start = this._start + stream.length;
		this.prevLength -= stream.length * 2;
	}
	appendView(view) {
		this.beforeAppend(view.length);
		this._stream.view.set(view, this._start);
		this._length += view.length * 2;
		this.start = this._start + view.length;
		this.prevLength -= view.length * 2;
	}
	appendChar(char) {
		this.beforeAppend(1);
		this._stream.view[this._start] = char;
		this._length += 2;
		this.start = this._start + 1;
		this.prevLength -= 2;
	}
	appendUint16(number) {
		this.beforeAppend(2);
		const value = new Uint16Array([number]);
		const view = new Uint8Array(value.buffer);
		this.stream.view[this._start] = view[1];
		this._stream.view[this._start + 1] = view[0];
		this._length += 4;
		this.start = this._start + 2;
		this.prevLength -= 4;
	}
	appendUint24(number) {
		this.beforeAppend(3);
		const value = new Uint32Array([number]);
		const view = new Uint8Array(value.buffer);
		this._stream.view[this._start] = view[2];
		this._stream.view[this._start + 1] = view[1];
		this._stream.view[this._start + 2] = view[0];
		this._length += 6;
		this.start = this._start + 3;
		this.prevLength -= 6;
	}
	appendUint32(number) {
		this.beforeAppend(4);
		const value = new Uint32Array([number]);
		const view = new Uint8Array(value.buffer);
		this._stream.view[this._start] = view[3];
		this._stream.view[this._start + 1] = view[2];
		this._stream.view[this._start + 2] = view[1];
		this._stream.view[this._start + 3] = view[0];
		this._length += 8;
		this.start = this._start + 4;
		this.prevLength -= 8;
	}
	appendInt16(number) {
		this.beforeAppend(2);
		const value = new Int16Array([number]);
		const view = new Uint8Array(value.buffer);
		this._stream.view[this._start] = view[1];
		this._stream.view[this._start + 1] = view[0];
		this._length += 4;
		this.start = this._start + 2;
		this.prevLength -= 4;
	}
	appendInt32(number) {
		this.beforeAppend(4);
		const value = new Int32Array([number]);
		const view = new Uint8Array(value.buffer);
		this._stream.view[this._start] = view[3];
		this._stream.view[this._start + 1] = view[2];
		this._stream.view[this._start + 2] = view[1];
		this._stream.view[this._start + 3] = view[0];
		this._length += 8;
		this.start = this._start + 4;
		this.prevLength -= 8;
	}
	getBlock(size, changeLength = true) {
		if (this._length <= 0) return /* @__PURE__ */ new Uint8Array(0);
		if (this._length < size) size = this._length;
		let result;
		if (this.backward) {
			const view = this._stream.view.subarray(this._length - size, this._length);
			result = new Uint8Array(size);
			for (let i = 0; i < size; i++) result[size - 1 - i] = view[i];
		} else result = this._stream.view.subarray(this._start, this._start + size);
		if (changeLength) this.start += this.backward ? -1 * size : size;
		return result;
	}
	getUint16(changeLength = true) {
		const block = this.getBlock(2, changeLength);
		if (block.length < 2) return 0;
		return block[0] << 8 | block[1];
	}
	getInt16(changeLength = true) {
		const num = this.getUint16(changeLength);
		const negative = 32768;
		if (num & negative) return -(negative - (num ^ negative));
		return num;
	}
	getUint24(changeLength = true) {
		const block = this.getBlock(4, changeLength);
		if (block.length < 3) return 0;
		return block[0] << 16 | block[1] << 8 | block[2];
	}
	getUint32(changeLength = true) {
		const block = this.getBlock(4, changeLength);
		if (block.length < 4) return 0;
		return block[0] * pow2_24 + (block[1] << 16) + (block[2] << 8) + block[3];
	}
	getInt32(changeLength = true) {
		const num = this.getUint32(changeLength);
		const negative = 2147483648;
		if (num & negative) return -(negative - (num ^ negative));
		return num;
	}
	beforeAppend(size) {
		if (this._start + size > this._stream.length) {
			if (size > this.appendBlock) this.appendBlock = size + SeqStream.APPEND_BLOCK;
			this._stream.realloc(this._stream.length + this.appendBlock);
		}
	}
};
//#endregion


// EXTERNAL MODULE: ./node_modules/@noble/hashes/_md.js
var _md = __webpack_require__(99792);
// EXTERNAL MODULE: ./node_modules/@noble/hashes/utils.js
var utils = __webpack_require__(42565);
;// CONCATENATED MODULE: ./node_modules/@noble/hashes/legacy.js
/**

SHA1 (RFC 3174), MD5 (RFC 1321), and RIPEMD160 legacy, weak hash functions.
RFC 2286 only covers HMAC-RIPEMD160 wrapper material and test vectors,
not the base RIPEMD-160 compression spec.
Don't use them in a new protocol. What "weak" means:

- Collisions can be made with 2^18 effort in MD5, 2^60 in SHA1, 2^80 in RIPEMD160.
- No practical pre-image attacks (only theoretical, 2^123.4)
- HMAC seems kinda ok: https://www.rfc-editor.org/rfc/rfc6151
 * @module
 */


/** Initial SHA-1 state from RFC 3174 §6.1. */
const SHA1_IV = /* @__PURE__ */ Uint32Array.from([
    0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0,
]);
// Reusable 80-word SHA-1 message schedule buffer.
const SHA1_W = /* @__PURE__ */ new Uint32Array(80);
/** Internal SHA1 legacy hash class. */
class _SHA1 extends _md/* HashMD */.ol {
    A = SHA1_IV[0] | 0;
    B = SHA1_IV[1] | 0;
    C = SHA1_IV[2] | 0;
    D = SHA1_IV[3] | 0;
    E = SHA1_IV[4] | 0;
    constructor() {
        super(64, 20, 8, false);
    }
    get() {
        const { A, B, C, D, E } = this;
        return [A, B, C, D, E];
    }
    set(A, B, C, D, E) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
        this.E = E | 0;
    }
    _cloneInto(to) {
        (to ||= new this.constructor()).set(...this.get());
        return this._cloneIntoMeta(to);
    }
    process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
            SHA1_W[i] = view.getUint32(offset, false);
        for (let i = 16; i < 80; i++)
            SHA1_W[i] = (0,utils/* rotl */.aZ)(SHA1_W[i - 3] ^ SHA1_W[i - 8] ^ SHA1_W[i - 14] ^ SHA1_W[i - 16], 1);
        // Compression function main loop, 80 rounds
        let { A, B, C, D, E } = this;
        for (let i = 0; i < 80; i++) {
            let F, K;
            if (i < 20) {
                F = (0,_md/* Chi */.r9)(B, C, D);
                K = 0x5a827999;
            }
            else if (i < 40) {
                F = B ^ C ^ D;
                K = 0x6ed9eba1;
            }
            else if (i < 60) {
                F = (0,_md/* Maj */.TQ)(B, C, D);
                K = 0x8f1bbcdc;
            }
            else {
                F = B ^ C ^ D;
                K = 0xca62c1d6;
            }
            const T = ((0,utils/* rotl */.aZ)(A, 5) + F + E + K + SHA1_W[i]) | 0;
            E = D;
            D = C;
            C = (0,utils/* rotl */.aZ)(B, 30);
            B = A;
            A = T;
        }
        // Add the compressed chunk to the current hash value
        A = (A + this.A) | 0;
        B = (B + this.B) | 0;
        C = (C + this.C) | 0;
        D = (D + this.D) | 0;
        E = (E + this.E) | 0;
        this.set(A, B, C, D, E);
    }
    roundClean() {
        (0,utils/* clean */.uH)(SHA1_W);
    }
    destroy() {
        // HashMD callers route post-destroy usability through `destroyed`; zeroizing alone still leaves
        // update()/digest() callable on reused instances.
        this.destroyed = true;
        this.set(0, 0, 0, 0, 0);
        (0,utils/* clean */.uH)(this.buffer);
    }
}
/**
 * SHA1 (RFC 3174) legacy hash function. It was cryptographically broken.
 * @param msg - message bytes to hash
 * @param opts - Reserved hash options.
 * @returns Digest bytes.
 * @example
 * Hash a message with SHA1.
 * ```ts
 * sha1(new Uint8Array([97, 98, 99]));
 * ```
 */
const sha1 = /* @__PURE__ */ (0,utils/* createHasher */.qj)(() => new _SHA1());
/** RFC 1321 `T[i]` uses `floor(2^32 * abs(sin(i)))`; this is the shared `2^32` scale factor. */
const p32 = /* @__PURE__ */ Math.pow(2, 32);
/** RFC 1321 `T[1..64]` table. */
const K = /* @__PURE__ */ Array.from({ length: 64 }, (_, i) => Math.floor(p32 * Math.abs(Math.sin(i + 1))));
/** MD5 initial state from RFC 1321, stored as 4 u32 words. */
const MD5_IV = /* @__PURE__ */ SHA1_IV.slice(0, 4);
// Reusable 16-word MD5 message block buffer.
const MD5_W = /* @__PURE__ */ new Uint32Array(16);
// RFC 1321 §3.4 per-round rotate amounts, flattened to 64 entries so the round loop
// avoids allocating a 4-element array literal every round (measured ~5% of md5).
const MD5_SHIFTS = /* @__PURE__ */ (() => {
    const S = [
        [7, 12, 17, 22],
        [5, 9, 14, 20],
        [4, 11, 16, 23],
        [6, 10, 15, 21],
    ];
    return Uint8Array.from({ length: 64 }, (_, i) => S[Math.floor(i / 16)][i % 4]);
})();
/** Internal MD5 legacy hash class. */
class _MD5 extends _md/* HashMD */.ol {
    A = MD5_IV[0] | 0;
    B = MD5_IV[1] | 0;
    C = MD5_IV[2] | 0;
    D = MD5_IV[3] | 0;
    constructor() {
        super(64, 16, 8, true);
    }
    get() {
        const { A, B, C, D } = this;
        return [A, B, C, D];
    }
    set(A, B, C, D) {
        this.A = A | 0;
        this.B = B | 0;
        this.C = C | 0;
        this.D = D | 0;
    }
    _cloneInto(to) {
        (to ||= new this.constructor()).set(...this.get());
        return this._cloneIntoMeta(to);
    }
    process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
            MD5_W[i] = view.getUint32(offset, true);
        // Compression function main loop, 64 rounds
        let { A, B, C, D } = this;
        for (let i = 0; i < 64; i++) {
            let F, g;
            if (i < 16) {
                F = (0,_md/* Chi */.r9)(B, C, D);
                g = i;
            }
            else if (i < 32) {
                // RFC 1321 round 2 uses G(B,C,D) = (B & D) | (C & ~D), which is `Chi(D, B, C)`.
                F = (0,_md/* Chi */.r9)(D, B, C);
                g = (5 * i + 1) % 16;
            }
            else if (i < 48) {
                F = B ^ C ^ D;
                g = (3 * i + 5) % 16;
            }
            else {
                F = C ^ (B | ~D);
                g = (7 * i) % 16;
            }
            F = F + A + K[i] + MD5_W[g];
            A = D;
            D = C;
            C = B;
            B = B + (0,utils/* rotl */.aZ)(F, MD5_SHIFTS[i]);
        }
        // Add the compressed chunk to the current hash value
        A = (A + this.A) | 0;
        B = (B + this.B) | 0;
        C = (C + this.C) | 0;
        D = (D + this.D) | 0;
        this.set(A, B, C, D);
    }
    roundClean() {
        (0,utils/* clean */.uH)(MD5_W);
    }
    destroy() {
        // HashMD callers route post-destroy usability through `destroyed`; zeroizing alone still leaves
        // update()/digest() callable on reused instances.
        this.destroyed = true;
        this.set(0, 0, 0, 0);
        (0,utils/* clean */.uH)(this.buffer);
    }
}
/**
 * MD5 (RFC 1321) legacy hash function. It was cryptographically broken.
 * MD5 architecture is similar to SHA1, with some differences:
 * - Reduced output length: 16 bytes (128 bit) instead of 20
 * - 64 rounds, instead of 80
 * - Little-endian: could be faster, but will require more code
 * - Non-linear index selection: huge speed-up for unroll
 * - Per round constants: more memory accesses, additional speed-up for unroll
 * @param msg - message bytes to hash
 * @param opts - Reserved hash options.
 * @returns Digest bytes.
 * @example
 * Hash a message with MD5.
 * ```ts
 * md5(new Uint8Array([97, 98, 99]));
 * ```
 */
const md5 = /* @__PURE__ */ (/* unused pure expression or super */ null && (createHasher(() => new _MD5())));
// RIPEMD-160
// Permutation repeatedly applied to derive the later RIPEMD-160 message-order tables.
const Rho160 = /* @__PURE__ */ Uint8Array.from([
    7, 4, 13, 1, 10, 6, 15, 3, 12, 0, 9, 5, 2, 14, 11, 8,
]);
const Id160 = /* @__PURE__ */ (() => Uint8Array.from(new Array(16).fill(0).map((_, i) => i)))();
const Pi160 = /* @__PURE__ */ (() => Id160.map((i) => (9 * i + 5) % 16))();
// Five left/right message-word orderings for the RIPEMD-160 dual-lane rounds.
const idxLR = /* @__PURE__ */ (() => {
    const L = [Id160];
    const R = [Pi160];
    const res = [L, R];
    for (let i = 0; i < 4; i++)
        for (let j of res)
            j.push(j[i].map((k) => Rho160[k]));
    return res;
})();
const idxL = /* @__PURE__ */ (() => idxLR[0])();
const idxR = /* @__PURE__ */ (() => idxLR[1])();
// const [idxL, idxR] = idxLR;
// Base per-group shift table before the left/right message-order permutations are applied.
const shifts160 = /* @__PURE__ */ [
    [11, 14, 15, 12, 5, 8, 7, 9, 11, 13, 14, 15, 6, 7, 9, 8],
    [12, 13, 11, 15, 6, 9, 9, 7, 12, 15, 11, 13, 7, 8, 7, 7],
    [13, 15, 14, 11, 7, 7, 6, 8, 13, 14, 13, 12, 5, 5, 6, 9],
    [14, 11, 12, 14, 8, 6, 5, 5, 15, 12, 15, 14, 9, 9, 8, 6],
    [15, 12, 13, 13, 9, 5, 8, 6, 14, 11, 12, 11, 8, 6, 5, 5],
].map((i) => Uint8Array.from(i));
const shiftsL160 = /* @__PURE__ */ idxL.map((idx, i) => idx.map((j) => shifts160[i][j]));
const shiftsR160 = /* @__PURE__ */ idxR.map((idx, i) => idx.map((j) => shifts160[i][j]));
// Five left-lane additive constants for RIPEMD-160.
const Kl160 = /* @__PURE__ */ Uint32Array.from([
    0x00000000, 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xa953fd4e,
]);
// Five right-lane additive constants for RIPEMD-160.
const Kr160 = /* @__PURE__ */ Uint32Array.from([
    0x50a28be6, 0x5c4dd124, 0x6d703ef3, 0x7a6d76e9, 0x00000000,
]);
// Called `f()` in the spec; valid `group` values are 0..4, and out-of-range
// inputs currently fall through to the group-4 branch.
function ripemd_f(group, x, y, z) {
    if (group === 0)
        return x ^ y ^ z;
    if (group === 1)
        return (x & y) | (~x & z);
    if (group === 2)
        return (x | ~y) ^ z;
    if (group === 3)
        return (x & z) | (y & ~z);
    return x ^ (y | ~z);
}
// Reusable 16-word RIPEMD-160 message block buffer.
const BUF_160 = /* @__PURE__ */ new Uint32Array(16);
/**
 * Internal RIPEMD-160 legacy hash class.
 * RFC 2286 only adds HMAC-RIPEMD160 material, not the core hash specification.
 */
class _RIPEMD160 extends _md/* HashMD */.ol {
    h0 = 0x67452301 | 0;
    h1 = 0xefcdab89 | 0;
    h2 = 0x98badcfe | 0;
    h3 = 0x10325476 | 0;
    h4 = 0xc3d2e1f0 | 0;
    constructor() {
        super(64, 20, 8, true);
    }
    get() {
        const { h0, h1, h2, h3, h4 } = this;
        return [h0, h1, h2, h3, h4];
    }
    set(h0, h1, h2, h3, h4) {
        this.h0 = h0 | 0;
        this.h1 = h1 | 0;
        this.h2 = h2 | 0;
        this.h3 = h3 | 0;
        this.h4 = h4 | 0;
    }
    _cloneInto(to) {
        (to ||= new this.constructor()).set(...this.get());
        return this._cloneIntoMeta(to);
    }
    process(view, offset) {
        for (let i = 0; i < 16; i++, offset += 4)
            BUF_160[i] = view.getUint32(offset, true);
        // prettier-ignore
        let al = this.h0 | 0, ar = al, bl = this.h1 | 0, br = bl, cl = this.h2 | 0, cr = cl, dl = this.h3 | 0, dr = dl, el = this.h4 | 0, er = el;
        // Instead of iterating 0 to 80, we split it into 5 groups
        // And use the groups in constants, functions, etc. Much simpler
        for (let group = 0; group < 5; group++) {
            const rGroup = 4 - group;
            const hbl = Kl160[group], hbr = Kr160[group]; // prettier-ignore
            const rl = idxL[group], rr = idxR[group]; // prettier-ignore
            const sl = shiftsL160[group], sr = shiftsR160[group]; // prettier-ignore
            for (let i = 0; i < 16; i++) {
                const tl = ((0,utils/* rotl */.aZ)(al + ripemd_f(group, bl, cl, dl) + BUF_160[rl[i]] + hbl, sl[i]) + el) | 0;
                al = el, el = dl, dl = (0,utils/* rotl */.aZ)(cl, 10) | 0, cl = bl, bl = tl; // prettier-ignore
            }
            // 2 loops are 10% faster
            for (let i = 0; i < 16; i++) {
                const tr = ((0,utils/* rotl */.aZ)(ar + ripemd_f(rGroup, br, cr, dr) + BUF_160[rr[i]] + hbr, sr[i]) + er) | 0;
                ar = er, er = dr, dr = (0,utils/* rotl */.aZ)(cr, 10) | 0, cr = br, br = tr; // prettier-ignore
            }
        }
        // Add the compressed chunk to the current hash value
        // Final recombination cross-adds the left/right lane accumulators into the next h0..h4 order.
        this.set((this.h1 + cl + dr) | 0, (this.h2 + dl + er) | 0, (this.h3 + el + ar) | 0, (this.h4 + al + br) | 0, (this.h0 + bl + cr) | 0);
    }
    roundClean() {
        (0,utils/* clean */.uH)(BUF_160);
    }
    destroy() {
        this.destroyed = true;
        (0,utils/* clean */.uH)(this.buffer);
        this.set(0, 0, 0, 0, 0);
    }
}
/**
 * RIPEMD-160 - a legacy hash function from 1990s.
 * RFC 2286 only covers HMAC-RIPEMD160 test material; the links below point
 * at the base RIPEMD-160 references.
 * * {@link https://homes.esat.kuleuven.be/~bosselae/ripemd160.html}
 * * {@link https://homes.esat.kuleuven.be/~bosselae/ripemd160/pdf/AB-9601/AB-9601.pdf}
 * @param msg - message bytes to hash
 * @param opts - Reserved hash options.
 * @returns Digest bytes.
 * @example
 * Hash a message with RIPEMD-160.
 * ```ts
 * ripemd160(new Uint8Array([97, 98, 99]));
 * ```
 */
const ripemd160 = /* @__PURE__ */ (/* unused pure expression or super */ null && (createHasher(() => new _RIPEMD160())));

// EXTERNAL MODULE: ./node_modules/@noble/hashes/sha2.js
var sha2 = __webpack_require__(35514);
;// CONCATENATED MODULE: ./node_modules/pkijs/build/index.js
/*!
 * Copyright (c) 2014, GlobalSign
 * Copyright (c) 2015-2019, Peculiar Ventures
 * All rights reserved.
 * 
 * Author 2014-2019, Yury Strozhevsky
 * 
 * Redistribution and use in source and binary forms, with or without modification,
 * are permitted provided that the following conditions are met:
 * 
 * * Redistributions of source code must retain the above copyright notice, this
 *   list of conditions and the following disclaimer.
 * 
 * * Redistributions in binary form must reproduce the above copyright notice, this
 *   list of conditions and the following disclaimer in the documentation and/or
 *   other materials provided with the distribution.
 * 
 * * Neither the name of the {organization} nor the names of its
 *   contributors may be used to endorse or promote products derived from
 *   this software without specific prior written permission.
 * 
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR
 * ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
 * (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
 * LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON
 * ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
 * SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * 
 */





//#region src/constants.ts
const EMPTY_BUFFER = /* @__PURE__ */ new ArrayBuffer(0);
//#endregion
//#region src/errors/ArgumentError.ts
var ArgumentError = class ArgumentError extends TypeError {
	constructor(..._args) {
		super(..._args);
		this.name = ArgumentError.NAME;
	}
	static {
		this.NAME = "ArgumentError";
	}
	static isType(value, type) {
		if (typeof type === "string") {
			if (type === "Array" && Array.isArray(value)) return true;
			else if (type === "ArrayBuffer" && value instanceof ArrayBuffer) return true;
			else if (type === "ArrayBufferView" && ArrayBuffer.isView(value)) return true;
			else if (typeof value === type) return true;
		} else if (value instanceof type) return true;
		return false;
	}
	static assert(value, name, ...types) {
		for (const type of types) if (this.isType(value, type)) return;
		const typeNames = types.map((o) => o instanceof Function && "name" in o ? o.name : `${o}`);
		throw new ArgumentError(`Parameter '${name}' is not of type ${typeNames.length > 1 ? `(${typeNames.join(" or ")})` : typeNames[0]}`);
	}
};
//#endregion
//#region src/errors/ParameterError.ts
var ParameterError = class ParameterError extends TypeError {
	static {
		this.NAME = "ParameterError";
	}
	static assert(...args) {
		let target = null;
		let params;
		let fields;
		if (typeof args[0] === "string") {
			target = args[0];
			params = args[1];
			fields = args.slice(2);
		} else {
			params = args[0];
			fields = args.slice(1);
		}
		ArgumentError.assert(params, "parameters", "object");
		for (const field of fields) {
			const value = params[field];
			if (value === void 0 || value === null) throw new ParameterError(field, target);
		}
	}
	static assertEmpty(value, name, target) {
		if (value === void 0 || value === null) throw new ParameterError(name, target);
	}
	constructor(field, target = null, message) {
		super();
		this.name = ParameterError.NAME;
		this.field = field;
		if (target) this.target = target;
		if (message) this.message = message;
		else this.message = `Absent mandatory parameter '${field}' ${target ? ` in '${target}'` : ""}`;
	}
};
//#endregion
//#region src/errors/AsnError.ts
var AsnError = class AsnError extends Error {
	static assertSchema(asn1, target) {
		if (!asn1.verified) throw new Error(`Object's schema was not verified against input data for ${target}`);
	}
	static assert(asn, target) {
		if (asn.offset === -1) throw new AsnError(`Error during parsing of ASN.1 data. Data is not correct for '${target}'.`);
	}
	constructor(message) {
		super(message);
		this.name = "AsnError";
	}
};
//#endregion
//#region src/PkiObject.ts
var PkiObject = class {
	static {
		this.CLASS_NAME = "PkiObject";
	}
	static blockName() {
		return this.CLASS_NAME;
	}
	static fromBER(raw) {
		const asn1 = build.fromBER(raw);
		AsnError.assert(asn1, this.name);
		try {
			return new this({ schema: asn1.result });
		} catch (e) {
			throw new AsnError(`Cannot create '${this.CLASS_NAME}' from ASN.1 object`);
		}
	}
	static defaultValues(memberName) {
		throw new Error(`Invalid member name for ${this.CLASS_NAME} class: ${memberName}`);
	}
	static schema(parameters = {}) {
		throw new Error(`Method '${this.CLASS_NAME}.schema' should be overridden`);
	}
	get className() {
		return this.constructor.CLASS_NAME;
	}
	toString(encoding = "hex") {
		let schema;
		try {
			schema = this.toSchema();
		} catch {
			schema = this.toSchema(true);
		}
		const ber = schema.toBER();
		switch (encoding.toLowerCase()) {
			case "hex": return hex/* hex_exports */.KF.encode(ber);
			case "base64": return base64_exports.encode(ber);
			case "base64url": return base64url_exports.encode(ber);
			default: throw new Error(`Unknown type of encoding '${encoding}'`);
		}
	}
};
//#endregion
//#region src/Helpers.ts
function stringPrep(inputString) {
	let isSpace = false;
	let cutResult = "";
	const result = inputString.trim();
	for (let i = 0; i < result.length; i++) if (result.charCodeAt(i) === 32) {
		if (isSpace === false) isSpace = true;
	} else {
		if (isSpace) {
			cutResult += " ";
			isSpace = false;
		}
		cutResult += result[i];
	}
	return cutResult.toLowerCase();
}
//#endregion
//#region src/AttributeTypeAndValue.ts
const TYPE$5 = "type";
const VALUE$6 = "value";
var AttributeTypeAndValue = class AttributeTypeAndValue extends PkiObject {
	static {
		this.CLASS_NAME = "AttributeTypeAndValue";
	}
	constructor(parameters = {}) {
		super();
		this.type = parameters[TYPE$5] ?? AttributeTypeAndValue.defaultValues(TYPE$5);
		this.value = parameters[VALUE$6] ?? AttributeTypeAndValue.defaultValues(VALUE$6);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE$5: return "";
			case VALUE$6: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.type || "" }), new build.Any({ name: names.value || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of [TYPE$5, "typeValue"]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttributeTypeAndValue.schema({ names: {
			type: TYPE$5,
			value: "typeValue"
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.type = asn1.result.type.valueBlock.toString();
		this.value = asn1.result.typeValue;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.type }), this.value] });
	}
	toJSON() {
		const _object = { type: this.type };
		if (Object.keys(this.value).length !== 0) _object.value = this.value.toJSON();
		else _object.value = this.value;
		return _object;
	}
	isEqual(compareTo) {
		const stringBlockNames = [
			build.Utf8String.blockName(),
			build.BmpString.blockName(),
			build.UniversalString.blockName(),
			build.NumericString.blockName(),
			build.PrintableString.blockName(),
			build.TeletexString.blockName(),
			build.VideotexString.blockName(),
			build.IA5String.blockName(),
			build.GraphicString.blockName(),
			build.VisibleString.blockName(),
			build.GeneralString.blockName(),
			build.CharacterString.blockName()
		];
		if (compareTo instanceof ArrayBuffer) return bytes/* bytes_exports */.EH.equal(this.value.valueBeforeDecodeView, compareTo);
		if (compareTo.constructor.blockName() === AttributeTypeAndValue.blockName()) {
			if (this.type !== compareTo.type) return false;
			const isStringPair = [false, false];
			const thisName = this.value.constructor.blockName();
			for (const name of stringBlockNames) {
				if (thisName === name) isStringPair[0] = true;
				if (compareTo.value.constructor.blockName() === name) isStringPair[1] = true;
			}
			if (isStringPair[0] !== isStringPair[1]) return false;
			if (isStringPair[0] && isStringPair[1]) {
				const value1 = stringPrep(this.value.valueBlock.value);
				const value2 = stringPrep(compareTo.value.valueBlock.value);
				if (value1.localeCompare(value2) !== 0) return false;
			} else if (!bytes/* bytes_exports */.EH.equal(this.value.valueBeforeDecodeView, compareTo.value.valueBeforeDecodeView)) return false;
			return true;
		}
		return false;
	}
};
//#endregion
//#region src/RelativeDistinguishedNames.ts
const TYPE_AND_VALUES = "typesAndValues";
const VALUE_BEFORE_DECODE = "valueBeforeDecode";
const RDN = "RDN";
var RelativeDistinguishedNames = class RelativeDistinguishedNames extends PkiObject {
	static {
		this.CLASS_NAME = "RelativeDistinguishedNames";
	}
	constructor(parameters = {}) {
		super();
		this.typesAndValues = parameters["typesAndValues"] ?? RelativeDistinguishedNames.defaultValues("typesAndValues");
		this.valueBeforeDecode = parameters["valueBeforeDecode"] ?? RelativeDistinguishedNames.defaultValues("valueBeforeDecode");
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE_AND_VALUES: return [];
			case VALUE_BEFORE_DECODE: return EMPTY_BUFFER;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TYPE_AND_VALUES: return memberValue.length === 0;
			case VALUE_BEFORE_DECODE: return memberValue.byteLength === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.repeatedSequence || "",
				value: new build.Set({ value: [new build.Repeated({
					name: names.repeatedSet || "",
					value: AttributeTypeAndValue.schema(names.typeAndValue || {})
				})] })
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of ["RDN", TYPE_AND_VALUES]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RelativeDistinguishedNames.schema({ names: {
			blockName: "RDN",
			repeatedSet: TYPE_AND_VALUES
		} }));
		AsnError.assertSchema(asn1, this.className);
		if ("typesAndValues" in asn1.result) this.typesAndValues = Array.from(asn1.result.typesAndValues, (element) => new AttributeTypeAndValue({ schema: element }));
		this.valueBeforeDecode = asn1.result.RDN.valueBeforeDecodeView.slice().buffer;
	}
	toSchema() {
		if (this.valueBeforeDecode.byteLength === 0) return new build.Sequence({ value: [new build.Set({ value: Array.from(this.typesAndValues, (o) => o.toSchema()) })] });
		const asn1 = build.fromBER(this.valueBeforeDecode);
		AsnError.assert(asn1, "RelativeDistinguishedNames");
		if (!(asn1.result instanceof build.Sequence)) throw new Error("ASN.1 result should be SEQUENCE");
		return asn1.result;
	}
	toJSON() {
		return { typesAndValues: Array.from(this.typesAndValues, (o) => o.toJSON()) };
	}
	isEqual(compareTo) {
		if (compareTo instanceof RelativeDistinguishedNames) {
			if (this.typesAndValues.length !== compareTo.typesAndValues.length) return false;
			for (const [index, typeAndValue] of this.typesAndValues.entries()) if (typeAndValue.isEqual(compareTo.typesAndValues[index]) === false) return false;
			return true;
		}
		if (compareTo instanceof ArrayBuffer) return bytes/* bytes_exports */.EH.equal(this.valueBeforeDecode, compareTo);
		return false;
	}
};
//#endregion
//#region src/GeneralName.ts
const TYPE = "type";
const VALUE = "value";
function builtInStandardAttributes(parameters = {}, optional = false) {
	const names = parameters.names ?? {};
	return new build.Sequence({
		optional,
		value: [
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 2,
					tagNumber: 1
				},
				name: names.country_name || "",
				value: [new build.Choice({ value: [new build.NumericString(), new build.PrintableString()] })]
			}),
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 2,
					tagNumber: 2
				},
				name: names.administration_domain_name || "",
				value: [new build.Choice({ value: [new build.NumericString(), new build.PrintableString()] })]
			}),
			new build.Primitive({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				name: names.network_address || "",
				isHexOnly: true
			}),
			new build.Primitive({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				name: names.terminal_identifier || "",
				isHexOnly: true
			}),
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				},
				name: names.private_domain_name || "",
				value: [new build.Choice({ value: [new build.NumericString(), new build.PrintableString()] })]
			}),
			new build.Primitive({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 3
				},
				name: names.organization_name || "",
				isHexOnly: true
			}),
			new build.Primitive({
				optional: true,
				name: names.numeric_user_identifier || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 4
				},
				isHexOnly: true
			}),
			new build.Constructed({
				optional: true,
				name: names.personal_name || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 5
				},
				value: [
					new build.Primitive({
						idBlock: {
							tagClass: 3,
							tagNumber: 0
						},
						isHexOnly: true
					}),
					new build.Primitive({
						optional: true,
						idBlock: {
							tagClass: 3,
							tagNumber: 1
						},
						isHexOnly: true
					}),
					new build.Primitive({
						optional: true,
						idBlock: {
							tagClass: 3,
							tagNumber: 2
						},
						isHexOnly: true
					}),
					new build.Primitive({
						optional: true,
						idBlock: {
							tagClass: 3,
							tagNumber: 3
						},
						isHexOnly: true
					})
				]
			}),
			new build.Constructed({
				optional: true,
				name: names.organizational_unit_names || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 6
				},
				value: [new build.Repeated({ value: new build.PrintableString() })]
			})
		]
	});
}
function builtInDomainDefinedAttributes(optional = false) {
	return new build.Sequence({
		optional,
		value: [new build.PrintableString(), new build.PrintableString()]
	});
}
function extensionAttributes(optional = false) {
	return new build.Set({
		optional,
		value: [new build.Primitive({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			isHexOnly: true
		}), new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [new build.Any()]
		})]
	});
}
var GeneralName = class GeneralName extends PkiObject {
	static {
		this.CLASS_NAME = "GeneralName";
	}
	constructor(parameters = {}) {
		super();
		this.type = parameters["type"] ?? GeneralName.defaultValues("type");
		this.value = parameters["value"] ?? GeneralName.defaultValues("value");
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE: return 9;
			case VALUE: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TYPE: return memberValue === GeneralName.defaultValues(memberName);
			case VALUE: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Choice({ value: [
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				name: names.blockName || "",
				value: [new build.ObjectIdentifier(), new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Any()]
				})]
			}),
			new build.Primitive({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				}
			}),
			new build.Primitive({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				}
			}),
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 3
				},
				name: names.blockName || "",
				value: [
					builtInStandardAttributes(names.builtInStandardAttributes || {}, false),
					builtInDomainDefinedAttributes(true),
					extensionAttributes(true)
				]
			}),
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 4
				},
				name: names.blockName || "",
				value: [RelativeDistinguishedNames.schema(names.directoryName || {})]
			}),
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 5
				},
				name: names.blockName || "",
				value: [new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Choice({ value: [
						new build.TeletexString(),
						new build.PrintableString(),
						new build.UniversalString(),
						new build.Utf8String(),
						new build.BmpString()
					] })]
				}), new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Choice({ value: [
						new build.TeletexString(),
						new build.PrintableString(),
						new build.UniversalString(),
						new build.Utf8String(),
						new build.BmpString()
					] })]
				})]
			}),
			new build.Primitive({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 6
				}
			}),
			new build.Primitive({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 7
				}
			}),
			new build.Primitive({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 8
				}
			})
		] });
	}
	fromSchema(schema) {
		for (const prop of [
			"blockName",
			"otherName",
			"rfc822Name",
			"dNSName",
			"x400Address",
			"directoryName",
			"ediPartyName",
			"uniformResourceIdentifier",
			"iPAddress",
			"registeredID"
		]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, GeneralName.schema({ names: {
			blockName: "blockName",
			otherName: "otherName",
			rfc822Name: "rfc822Name",
			dNSName: "dNSName",
			x400Address: "x400Address",
			directoryName: { names: { blockName: "directoryName" } },
			ediPartyName: "ediPartyName",
			uniformResourceIdentifier: "uniformResourceIdentifier",
			iPAddress: "iPAddress",
			registeredID: "registeredID"
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.type = asn1.result.blockName.idBlock.tagNumber;
		switch (this.type) {
			case 0:
				this.value = asn1.result.blockName;
				break;
			case 1:
			case 2:
			case 6:
				{
					const value = asn1.result.blockName;
					value.idBlock.tagClass = 1;
					value.idBlock.tagNumber = 22;
					const valueBER = value.toBER(false);
					const asnValue = build.fromBER(valueBER);
					AsnError.assert(asnValue, "GeneralName value");
					this.value = asnValue.result.valueBlock.value;
				}
				break;
			case 3:
				this.value = asn1.result.blockName;
				break;
			case 4:
				this.value = new RelativeDistinguishedNames({ schema: asn1.result.directoryName });
				break;
			case 5:
				this.value = asn1.result.ediPartyName;
				break;
			case 7:
				this.value = new build.OctetString({ valueHex: asn1.result.blockName.valueBlock.valueHex });
				break;
			case 8: {
				const value = asn1.result.blockName;
				value.idBlock.tagClass = 1;
				value.idBlock.tagNumber = 6;
				const valueBER = value.toBER(false);
				const asnValue = build.fromBER(valueBER);
				AsnError.assert(asnValue, "GeneralName registeredID");
				this.value = asnValue.result.valueBlock.toString();
			}
		}
	}
	toSchema() {
		switch (this.type) {
			case 0:
			case 3:
			case 5: return new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: this.type
				},
				value: [this.value]
			});
			case 1:
			case 2:
			case 6: {
				const value = new build.IA5String({ value: this.value });
				value.idBlock.tagClass = 3;
				value.idBlock.tagNumber = this.type;
				return value;
			}
			case 4: return new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 4
				},
				value: [this.value.toSchema()]
			});
			case 7: {
				const value = this.value;
				value.idBlock.tagClass = 3;
				value.idBlock.tagNumber = this.type;
				return value;
			}
			case 8: {
				const value = new build.ObjectIdentifier({ value: this.value });
				value.idBlock.tagClass = 3;
				value.idBlock.tagNumber = this.type;
				return value;
			}
			default: return GeneralName.schema();
		}
	}
	toJSON() {
		const _object = {
			type: this.type,
			value: ""
		};
		if (typeof this.value === "string") _object.value = this.value;
		else try {
			_object.value = this.value.toJSON();
		} catch {}
		return _object;
	}
};
//#endregion
//#region src/AccessDescription.ts
const ACCESS_METHOD = "accessMethod";
const ACCESS_LOCATION = "accessLocation";
const CLEAR_PROPS$95 = [ACCESS_METHOD, ACCESS_LOCATION];
var AccessDescription = class AccessDescription extends PkiObject {
	static {
		this.CLASS_NAME = "AccessDescription";
	}
	constructor(parameters = {}) {
		super();
		this.accessMethod = parameters[ACCESS_METHOD] ?? AccessDescription.defaultValues(ACCESS_METHOD);
		this.accessLocation = parameters[ACCESS_LOCATION] ?? AccessDescription.defaultValues(ACCESS_LOCATION);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ACCESS_METHOD: return "";
			case ACCESS_LOCATION: return new GeneralName();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.accessMethod || "" }), GeneralName.schema(names.accessLocation || {})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$95) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AccessDescription.schema({ names: {
			accessMethod: ACCESS_METHOD,
			accessLocation: { names: { blockName: ACCESS_LOCATION } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.accessMethod = asn1.result.accessMethod.valueBlock.toString();
		this.accessLocation = new GeneralName({ schema: asn1.result.accessLocation });
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.accessMethod }), this.accessLocation.toSchema()] });
	}
	toJSON() {
		return {
			accessMethod: this.accessMethod,
			accessLocation: this.accessLocation.toJSON()
		};
	}
};
//#endregion
//#region src/Accuracy.ts
const SECONDS = "seconds";
const MILLIS = "millis";
const MICROS = "micros";
var Accuracy = class Accuracy extends PkiObject {
	static {
		this.CLASS_NAME = "Accuracy";
	}
	constructor(parameters = {}) {
		super();
		if ("seconds" in parameters) this.seconds = parameters["seconds"] ?? Accuracy.defaultValues("seconds");
		if ("millis" in parameters) this.millis = parameters["millis"] ?? Accuracy.defaultValues("millis");
		if ("micros" in parameters) this.micros = parameters["micros"] ?? Accuracy.defaultValues("micros");
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SECONDS:
			case MILLIS:
			case MICROS: return 0;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SECONDS:
			case MILLIS:
			case MICROS: return memberValue === Accuracy.defaultValues(memberName);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			optional: true,
			value: [
				new build.Integer({
					optional: true,
					name: names.seconds || ""
				}),
				new build.Primitive({
					name: names.millis || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					}
				}),
				new build.Primitive({
					name: names.micros || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					}
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of [
			SECONDS,
			MILLIS,
			MICROS
		]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Accuracy.schema({ names: {
			seconds: SECONDS,
			millis: MILLIS,
			micros: MICROS
		} }));
		AsnError.assertSchema(asn1, this.className);
		if ("seconds" in asn1.result) this.seconds = asn1.result.seconds.valueBlock.valueDec;
		if ("millis" in asn1.result) {
			const intMillis = new build.Integer({ valueHex: asn1.result.millis.valueBlock.valueHex });
			this.millis = intMillis.valueBlock.valueDec;
		}
		if ("micros" in asn1.result) {
			const intMicros = new build.Integer({ valueHex: asn1.result.micros.valueBlock.valueHex });
			this.micros = intMicros.valueBlock.valueDec;
		}
	}
	toSchema() {
		const outputArray = [];
		if (this.seconds !== void 0) outputArray.push(new build.Integer({ value: this.seconds }));
		if (this.millis !== void 0) {
			const intMillis = new build.Integer({ value: this.millis });
			outputArray.push(new build.Primitive({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				valueHex: intMillis.valueBlock.valueHexView
			}));
		}
		if (this.micros !== void 0) {
			const intMicros = new build.Integer({ value: this.micros });
			outputArray.push(new build.Primitive({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				valueHex: intMicros.valueBlock.valueHexView
			}));
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const _object = {};
		if (this.seconds !== void 0) _object.seconds = this.seconds;
		if (this.millis !== void 0) _object.millis = this.millis;
		if (this.micros !== void 0) _object.micros = this.micros;
		return _object;
	}
};
//#endregion
//#region src/AlgorithmIdentifier.ts
const ALGORITHM_ID = "algorithmId";
const ALGORITHM_PARAMS = "algorithmParams";
const ALGORITHM$2 = "algorithm";
const PARAMS = "params";
const CLEAR_PROPS$94 = [ALGORITHM$2, PARAMS];
var AlgorithmIdentifier = class AlgorithmIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "AlgorithmIdentifier";
	}
	constructor(parameters = {}) {
		super();
		this.algorithmId = parameters[ALGORITHM_ID] ?? AlgorithmIdentifier.defaultValues(ALGORITHM_ID);
		if (ALGORITHM_PARAMS in parameters) this.algorithmParams = parameters[ALGORITHM_PARAMS] ?? AlgorithmIdentifier.defaultValues(ALGORITHM_PARAMS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ALGORITHM_ID: return "";
			case ALGORITHM_PARAMS: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ALGORITHM_ID: return memberValue === "";
			case ALGORITHM_PARAMS: return memberValue instanceof build.Any;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			optional: names.optional || false,
			value: [new build.ObjectIdentifier({ name: names.algorithmIdentifier || "" }), new build.Any({
				name: names.algorithmParams || "",
				optional: true
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$94) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AlgorithmIdentifier.schema({ names: {
			algorithmIdentifier: ALGORITHM$2,
			algorithmParams: PARAMS
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.algorithmId = asn1.result.algorithm.valueBlock.toString();
		if (PARAMS in asn1.result) this.algorithmParams = asn1.result.params;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.algorithmId }));
		if (this.algorithmParams && !(this.algorithmParams instanceof build.Any)) outputArray.push(this.algorithmParams);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = { algorithmId: this.algorithmId };
		if (this.algorithmParams && !(this.algorithmParams instanceof build.Any)) object.algorithmParams = this.algorithmParams.toJSON();
		return object;
	}
	isEqual(algorithmIdentifier) {
		if (!(algorithmIdentifier instanceof AlgorithmIdentifier)) return false;
		if (this.algorithmId !== algorithmIdentifier.algorithmId) return false;
		if (this.algorithmParams) {
			if (algorithmIdentifier.algorithmParams) return JSON.stringify(this.algorithmParams) === JSON.stringify(algorithmIdentifier.algorithmParams);
			return false;
		}
		if (algorithmIdentifier.algorithmParams) return false;
		return true;
	}
};
//#endregion
//#region src/AltName.ts
const ALT_NAMES = "altNames";
const CLEAR_PROPS$93 = [ALT_NAMES];
var AltName = class AltName extends PkiObject {
	static {
		this.CLASS_NAME = "AltName";
	}
	constructor(parameters = {}) {
		super();
		this.altNames = parameters[ALT_NAMES] ?? AltName.defaultValues(ALT_NAMES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ALT_NAMES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.altNames || "",
				value: GeneralName.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$93) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AltName.schema({ names: { altNames: ALT_NAMES } }));
		AsnError.assertSchema(asn1, this.className);
		if (ALT_NAMES in asn1.result) this.altNames = Array.from(asn1.result.altNames, (element) => new GeneralName({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.altNames, (o) => o.toSchema()) });
	}
	toJSON() {
		return { altNames: Array.from(this.altNames, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/Attribute.ts
const TYPE$4 = "type";
const VALUES$1 = "values";
const CLEAR_PROPS$92 = [TYPE$4, VALUES$1];
var Attribute = class Attribute extends PkiObject {
	static {
		this.CLASS_NAME = "Attribute";
	}
	constructor(parameters = {}) {
		super();
		this.type = parameters[TYPE$4] ?? Attribute.defaultValues(TYPE$4);
		this.values = parameters[VALUES$1] ?? Attribute.defaultValues(VALUES$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE$4: return "";
			case VALUES$1: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TYPE$4: return memberValue === "";
			case VALUES$1: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.type || "" }), new build.Set({
				name: names.setName || "",
				value: [new build.Repeated({
					name: names.values || "",
					value: new build.Any()
				})]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$92) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Attribute.schema({ names: {
			type: TYPE$4,
			values: VALUES$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.type = asn1.result.type.valueBlock.toString();
		this.values = asn1.result.values;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.type }), new build.Set({ value: this.values })] });
	}
	toJSON() {
		return {
			type: this.type,
			values: Array.from(this.values, (o) => o.toJSON())
		};
	}
};
//#endregion
//#region src/AttributeCertificateV1/AttCertValidityPeriod.ts
const NOT_BEFORE_TIME = "notBeforeTime";
const NOT_AFTER_TIME = "notAfterTime";
const CLEAR_PROPS$91 = [NOT_BEFORE_TIME, NOT_AFTER_TIME];
var AttCertValidityPeriod = class AttCertValidityPeriod extends PkiObject {
	static {
		this.CLASS_NAME = "AttCertValidityPeriod";
	}
	constructor(parameters = {}) {
		super();
		this.notBeforeTime = parameters[NOT_BEFORE_TIME] ?? AttCertValidityPeriod.defaultValues(NOT_BEFORE_TIME);
		this.notAfterTime = parameters[NOT_AFTER_TIME] ?? AttCertValidityPeriod.defaultValues(NOT_AFTER_TIME);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case NOT_BEFORE_TIME:
			case NOT_AFTER_TIME: return new Date(0, 0, 0);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.GeneralizedTime({ name: names.notBeforeTime || "" }), new build.GeneralizedTime({ name: names.notAfterTime || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$91) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttCertValidityPeriod.schema({ names: {
			notBeforeTime: NOT_BEFORE_TIME,
			notAfterTime: NOT_AFTER_TIME
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.notBeforeTime = asn1.result.notBeforeTime.toDate();
		this.notAfterTime = asn1.result.notAfterTime.toDate();
	}
	toSchema() {
		return new build.Sequence({ value: [new build.GeneralizedTime({ valueDate: this.notBeforeTime }), new build.GeneralizedTime({ valueDate: this.notAfterTime })] });
	}
	toJSON() {
		return {
			notBeforeTime: this.notBeforeTime,
			notAfterTime: this.notAfterTime
		};
	}
};
//#endregion
//#region src/GeneralNames.ts
const NAMES = "names";
const GENERAL_NAMES = "generalNames";
var GeneralNames = class GeneralNames extends PkiObject {
	static {
		this.CLASS_NAME = "GeneralNames";
	}
	constructor(parameters = {}) {
		super();
		this.names = parameters[NAMES] ?? GeneralNames.defaultValues(NAMES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case "names": return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}, optional = false) {
		const names = parameters[NAMES] ?? {};
		return new build.Sequence({
			optional,
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.generalNames || "",
				value: GeneralName.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [NAMES, GENERAL_NAMES]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, GeneralNames.schema({ names: {
			blockName: NAMES,
			generalNames: GENERAL_NAMES
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.names = Array.from(asn1.result.generalNames, (element) => new GeneralName({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.names, (o) => o.toSchema()) });
	}
	toJSON() {
		return { names: Array.from(this.names, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/ObjectIdentifiers.ts
const id_SubjectDirectoryAttributes = "2.5.29.9";
const id_SubjectKeyIdentifier = "2.5.29.14";
const id_KeyUsage = "2.5.29.15";
const id_PrivateKeyUsagePeriod = "2.5.29.16";
const id_SubjectAltName = "2.5.29.17";
const id_IssuerAltName = "2.5.29.18";
const id_BasicConstraints = "2.5.29.19";
const id_CRLNumber = "2.5.29.20";
const id_BaseCRLNumber = "2.5.29.27";
const id_CRLReason = "2.5.29.21";
const id_InvalidityDate = "2.5.29.24";
const id_IssuingDistributionPoint = "2.5.29.28";
const id_CertificateIssuer = "2.5.29.29";
const id_NameConstraints = "2.5.29.30";
const id_CRLDistributionPoints = "2.5.29.31";
const id_FreshestCRL = "2.5.29.46";
const id_CertificatePolicies = "2.5.29.32";
const id_AnyPolicy = "2.5.29.32.0";
const id_MicrosoftAppPolicies = "1.3.6.1.4.1.311.21.10";
const id_PolicyMappings = "2.5.29.33";
const id_AuthorityKeyIdentifier = "2.5.29.35";
const id_PolicyConstraints = "2.5.29.36";
const id_ExtKeyUsage = "2.5.29.37";
const id_InhibitAnyPolicy = "2.5.29.54";
const id_AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";
const id_SubjectInfoAccess = "1.3.6.1.5.5.7.1.11";
const id_SignedCertificateTimestampList = "1.3.6.1.4.1.11129.2.4.2";
const id_MicrosoftCertTemplateV1 = "1.3.6.1.4.1.311.20.2";
const id_MicrosoftPrevCaCertHash = "1.3.6.1.4.1.311.21.2";
const id_MicrosoftCertTemplateV2 = "1.3.6.1.4.1.311.21.7";
const id_MicrosoftCaVersion = "1.3.6.1.4.1.311.21.1";
const id_QCStatements = "1.3.6.1.5.5.7.1.3";
const id_ContentType_Data = "1.2.840.113549.1.7.1";
const id_ContentType_SignedData = "1.2.840.113549.1.7.2";
const id_ContentType_EnvelopedData = "1.2.840.113549.1.7.3";
const id_ContentType_EncryptedData = "1.2.840.113549.1.7.6";
const id_eContentType_TSTInfo = "1.2.840.113549.1.9.16.1.4";
const id_CertBag_X509Certificate = "1.2.840.113549.1.9.22.1";
const id_CertBag_SDSICertificate = "1.2.840.113549.1.9.22.2";
const id_CertBag_AttributeCertificate = "1.2.840.113549.1.9.22.3";
const id_CRLBag_X509CRL = "1.2.840.113549.1.9.23.1";
const id_pkix = "1.3.6.1.5.5.7";
const id_ad = `${id_pkix}.48`;
const id_PKIX_OCSP_Basic = `${id_ad}.1.1`;
const id_ad_caIssuers = `${id_ad}.2`;
const id_ad_ocsp = `${id_ad}.1`;
const id_sha1 = "1.3.14.3.2.26";
const id_sha256 = "2.16.840.1.101.3.4.2.1";
const id_sha384 = "2.16.840.1.101.3.4.2.2";
const id_sha512 = "2.16.840.1.101.3.4.2.3";
//#endregion
//#region src/AuthorityKeyIdentifier.ts
const KEY_IDENTIFIER$1 = "keyIdentifier";
const AUTHORITY_CERT_ISSUER = "authorityCertIssuer";
const AUTHORITY_CERT_SERIAL_NUMBER = "authorityCertSerialNumber";
const CLEAR_PROPS$90 = [
	KEY_IDENTIFIER$1,
	AUTHORITY_CERT_ISSUER,
	AUTHORITY_CERT_SERIAL_NUMBER
];
var AuthorityKeyIdentifier = class AuthorityKeyIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "AuthorityKeyIdentifier";
	}
	constructor(parameters = {}) {
		super();
		if (KEY_IDENTIFIER$1 in parameters) this.keyIdentifier = parameters[KEY_IDENTIFIER$1] ?? AuthorityKeyIdentifier.defaultValues(KEY_IDENTIFIER$1);
		if (AUTHORITY_CERT_ISSUER in parameters) this.authorityCertIssuer = parameters[AUTHORITY_CERT_ISSUER] ?? AuthorityKeyIdentifier.defaultValues(AUTHORITY_CERT_ISSUER);
		if (AUTHORITY_CERT_SERIAL_NUMBER in parameters) this.authorityCertSerialNumber = parameters[AUTHORITY_CERT_SERIAL_NUMBER] ?? AuthorityKeyIdentifier.defaultValues(AUTHORITY_CERT_SERIAL_NUMBER);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_IDENTIFIER$1: return new build.OctetString();
			case AUTHORITY_CERT_ISSUER: return [];
			case AUTHORITY_CERT_SERIAL_NUMBER: return new build.Integer();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Primitive({
					name: names.keyIdentifier || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					}
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Repeated({
						name: names.authorityCertIssuer || "",
						value: GeneralName.schema()
					})]
				}),
				new build.Primitive({
					name: names.authorityCertSerialNumber || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					}
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$90) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AuthorityKeyIdentifier.schema({ names: {
			keyIdentifier: KEY_IDENTIFIER$1,
			authorityCertIssuer: AUTHORITY_CERT_ISSUER,
			authorityCertSerialNumber: AUTHORITY_CERT_SERIAL_NUMBER
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (KEY_IDENTIFIER$1 in asn1.result) this.keyIdentifier = new build.OctetString({ valueHex: asn1.result.keyIdentifier.valueBlock.valueHex });
		if (AUTHORITY_CERT_ISSUER in asn1.result) this.authorityCertIssuer = Array.from(asn1.result.authorityCertIssuer, (o) => new GeneralName({ schema: o }));
		if (AUTHORITY_CERT_SERIAL_NUMBER in asn1.result) this.authorityCertSerialNumber = new build.Integer({ valueHex: asn1.result.authorityCertSerialNumber.valueBlock.valueHex });
	}
	toSchema() {
		const outputArray = [];
		if (this.keyIdentifier) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			valueHex: this.keyIdentifier.valueBlock.valueHexView
		}));
		if (this.authorityCertIssuer) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.authorityCertIssuer, (o) => o.toSchema())
		}));
		if (this.authorityCertSerialNumber) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			valueHex: this.authorityCertSerialNumber.valueBlock.valueHexView
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = {};
		if (this.keyIdentifier) object.keyIdentifier = this.keyIdentifier.toJSON();
		if (this.authorityCertIssuer) object.authorityCertIssuer = Array.from(this.authorityCertIssuer, (o) => o.toJSON());
		if (this.authorityCertSerialNumber) object.authorityCertSerialNumber = this.authorityCertSerialNumber.toJSON();
		return object;
	}
};
//#endregion
//#region src/BasicConstraints.ts
const PATH_LENGTH_CONSTRAINT = "pathLenConstraint";
const CA = "cA";
var BasicConstraints = class BasicConstraints extends PkiObject {
	static {
		this.CLASS_NAME = "BasicConstraints";
	}
	constructor(parameters = {}) {
		super();
		this.cA = parameters[CA] ?? false;
		if (PATH_LENGTH_CONSTRAINT in parameters) this.pathLenConstraint = parameters[PATH_LENGTH_CONSTRAINT] ?? 0;
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CA: return false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Boolean({
				optional: true,
				name: names.cA || ""
			}), new build.Integer({
				optional: true,
				name: names.pathLenConstraint || ""
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [CA, PATH_LENGTH_CONSTRAINT]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, BasicConstraints.schema({ names: {
			cA: CA,
			pathLenConstraint: PATH_LENGTH_CONSTRAINT
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (CA in asn1.result) this.cA = asn1.result.cA.valueBlock.value;
		if (PATH_LENGTH_CONSTRAINT in asn1.result) {
			if (asn1.result.pathLenConstraint.valueBlock.isHexOnly) this.pathLenConstraint = asn1.result.pathLenConstraint;
			else this.pathLenConstraint = asn1.result.pathLenConstraint.valueBlock.valueDec;
		}
	}
	toSchema() {
		const outputArray = [];
		if (this.cA !== BasicConstraints.defaultValues(CA)) outputArray.push(new build.Boolean({ value: this.cA }));
		if (PATH_LENGTH_CONSTRAINT in this) {
			if (this.pathLenConstraint instanceof build.Integer) outputArray.push(this.pathLenConstraint);
			else outputArray.push(new build.Integer({ value: this.pathLenConstraint }));
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = {};
		if (this.cA !== BasicConstraints.defaultValues(CA)) object.cA = this.cA;
		if (PATH_LENGTH_CONSTRAINT in this) {
			if (this.pathLenConstraint instanceof build.Integer) object.pathLenConstraint = this.pathLenConstraint.toJSON();
			else object.pathLenConstraint = this.pathLenConstraint;
		}
		return object;
	}
};
//#endregion
//#region src/CAVersion.ts
const CERTIFICATE_INDEX = "certificateIndex";
const KEY_INDEX = "keyIndex";
var CAVersion = class CAVersion extends PkiObject {
	static {
		this.CLASS_NAME = "CAVersion";
	}
	constructor(parameters = {}) {
		super();
		this.certificateIndex = parameters[CERTIFICATE_INDEX] ?? CAVersion.defaultValues(CERTIFICATE_INDEX);
		this.keyIndex = parameters[KEY_INDEX] ?? CAVersion.defaultValues(KEY_INDEX);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERTIFICATE_INDEX:
			case KEY_INDEX: return 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema() {
		return new build.Integer();
	}
	fromSchema(schema) {
		if (schema.constructor.blockName() !== build.Integer.blockName()) throw new Error("Object's schema was not verified against input data for CAVersion");
		let value = schema.valueBlock.valueHex.slice(0);
		const valueView = new Uint8Array(value);
		switch (true) {
			case value.byteLength < 4:
				{
					const tempValue = /* @__PURE__ */ new ArrayBuffer(4);
					new Uint8Array(tempValue).set(valueView, 4 - value.byteLength);
					value = tempValue.slice(0);
				}
				break;
			case value.byteLength > 4: {
				const tempValue = /* @__PURE__ */ new ArrayBuffer(4);
				new Uint8Array(tempValue).set(valueView.slice(0, 4));
				value = tempValue.slice(0);
			}
		}
		const keyIndexBuffer = value.slice(0, 2);
		const keyIndexView8 = new Uint8Array(keyIndexBuffer);
		let temp = keyIndexView8[0];
		keyIndexView8[0] = keyIndexView8[1];
		keyIndexView8[1] = temp;
		const keyIndexView16 = new Uint16Array(keyIndexBuffer);
		this.keyIndex = keyIndexView16[0];
		const certificateIndexBuffer = value.slice(2);
		const certificateIndexView8 = new Uint8Array(certificateIndexBuffer);
		temp = certificateIndexView8[0];
		certificateIndexView8[0] = certificateIndexView8[1];
		certificateIndexView8[1] = temp;
		const certificateIndexView16 = new Uint16Array(certificateIndexBuffer);
		this.certificateIndex = certificateIndexView16[0];
	}
	toSchema() {
		const certificateIndexBuffer = /* @__PURE__ */ new ArrayBuffer(2);
		const certificateIndexView = new Uint16Array(certificateIndexBuffer);
		certificateIndexView[0] = this.certificateIndex;
		const certificateIndexView8 = new Uint8Array(certificateIndexBuffer);
		let temp = certificateIndexView8[0];
		certificateIndexView8[0] = certificateIndexView8[1];
		certificateIndexView8[1] = temp;
		const keyIndexBuffer = /* @__PURE__ */ new ArrayBuffer(2);
		const keyIndexView = new Uint16Array(keyIndexBuffer);
		keyIndexView[0] = this.keyIndex;
		const keyIndexView8 = new Uint8Array(keyIndexBuffer);
		temp = keyIndexView8[0];
		keyIndexView8[0] = keyIndexView8[1];
		keyIndexView8[1] = temp;
		return new build.Integer({ valueHex: bytes/* bytes_exports */.EH.concat(keyIndexBuffer, certificateIndexBuffer) });
	}
	toJSON() {
		return {
			certificateIndex: this.certificateIndex,
			keyIndex: this.keyIndex
		};
	}
};
//#endregion
//#region src/PolicyQualifierInfo.ts
const POLICY_QUALIFIER_ID = "policyQualifierId";
const QUALIFIER = "qualifier";
const CLEAR_PROPS$89 = [POLICY_QUALIFIER_ID, QUALIFIER];
var PolicyQualifierInfo = class PolicyQualifierInfo extends PkiObject {
	static {
		this.CLASS_NAME = "PolicyQualifierInfo";
	}
	constructor(parameters = {}) {
		super();
		this.policyQualifierId = parameters[POLICY_QUALIFIER_ID] ?? PolicyQualifierInfo.defaultValues(POLICY_QUALIFIER_ID);
		this.qualifier = parameters[QUALIFIER] ?? PolicyQualifierInfo.defaultValues(QUALIFIER);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case POLICY_QUALIFIER_ID: return "";
			case QUALIFIER: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.policyQualifierId || "" }), new build.Any({ name: names.qualifier || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$89) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PolicyQualifierInfo.schema({ names: {
			policyQualifierId: POLICY_QUALIFIER_ID,
			qualifier: QUALIFIER
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.policyQualifierId = asn1.result.policyQualifierId.valueBlock.toString();
		this.qualifier = asn1.result.qualifier;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.policyQualifierId }), this.qualifier] });
	}
	toJSON() {
		return {
			policyQualifierId: this.policyQualifierId,
			qualifier: this.qualifier.toJSON()
		};
	}
};
//#endregion
//#region src/PolicyInformation.ts
const POLICY_IDENTIFIER = "policyIdentifier";
const POLICY_QUALIFIERS = "policyQualifiers";
const CLEAR_PROPS$88 = [POLICY_IDENTIFIER, POLICY_QUALIFIERS];
var PolicyInformation = class PolicyInformation extends PkiObject {
	static {
		this.CLASS_NAME = "PolicyInformation";
	}
	constructor(parameters = {}) {
		super();
		this.policyIdentifier = parameters["policyIdentifier"] ?? PolicyInformation.defaultValues("policyIdentifier");
		if ("policyQualifiers" in parameters) this.policyQualifiers = parameters["policyQualifiers"] ?? PolicyInformation.defaultValues("policyQualifiers");
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case POLICY_IDENTIFIER: return "";
			case POLICY_QUALIFIERS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.policyIdentifier || "" }), new build.Sequence({
				optional: true,
				value: [new build.Repeated({
					name: names.policyQualifiers || "",
					value: PolicyQualifierInfo.schema()
				})]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$88) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PolicyInformation.schema({ names: {
			policyIdentifier: POLICY_IDENTIFIER,
			policyQualifiers: POLICY_QUALIFIERS
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.policyIdentifier = asn1.result.policyIdentifier.valueBlock.toString();
		if ("policyQualifiers" in asn1.result) this.policyQualifiers = Array.from(asn1.result.policyQualifiers, (element) => new PolicyQualifierInfo({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.policyIdentifier }));
		if (this.policyQualifiers) outputArray.push(new build.Sequence({ value: Array.from(this.policyQualifiers, (o) => o.toSchema()) }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { policyIdentifier: this.policyIdentifier };
		if (this.policyQualifiers) res.policyQualifiers = Array.from(this.policyQualifiers, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/CertificatePolicies.ts
const CERTIFICATE_POLICIES = "certificatePolicies";
const CLEAR_PROPS$87 = [CERTIFICATE_POLICIES];
var CertificatePolicies = class CertificatePolicies extends PkiObject {
	static {
		this.CLASS_NAME = "CertificatePolicies";
	}
	constructor(parameters = {}) {
		super();
		this.certificatePolicies = parameters[CERTIFICATE_POLICIES] ?? CertificatePolicies.defaultValues(CERTIFICATE_POLICIES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERTIFICATE_POLICIES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.certificatePolicies || "",
				value: PolicyInformation.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$87) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertificatePolicies.schema({ names: { certificatePolicies: CERTIFICATE_POLICIES } }));
		AsnError.assertSchema(asn1, this.className);
		this.certificatePolicies = Array.from(asn1.result.certificatePolicies, (element) => new PolicyInformation({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.certificatePolicies, (o) => o.toSchema()) });
	}
	toJSON() {
		return { certificatePolicies: Array.from(this.certificatePolicies, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/CertificateTemplate.ts
const TEMPLATE_ID = "templateID";
const TEMPLATE_MAJOR_VERSION = "templateMajorVersion";
const TEMPLATE_MINOR_VERSION = "templateMinorVersion";
const CLEAR_PROPS$86 = [
	TEMPLATE_ID,
	TEMPLATE_MAJOR_VERSION,
	TEMPLATE_MINOR_VERSION
];
var CertificateTemplate = class CertificateTemplate extends PkiObject {
	constructor(parameters = {}) {
		super();
		this.templateID = parameters[TEMPLATE_ID] ?? CertificateTemplate.defaultValues(TEMPLATE_ID);
		if (TEMPLATE_MAJOR_VERSION in parameters) this.templateMajorVersion = parameters[TEMPLATE_MAJOR_VERSION] ?? CertificateTemplate.defaultValues(TEMPLATE_MAJOR_VERSION);
		if (TEMPLATE_MINOR_VERSION in parameters) this.templateMinorVersion = parameters[TEMPLATE_MINOR_VERSION] ?? CertificateTemplate.defaultValues(TEMPLATE_MINOR_VERSION);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TEMPLATE_ID: return "";
			case TEMPLATE_MAJOR_VERSION:
			case TEMPLATE_MINOR_VERSION: return 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.ObjectIdentifier({ name: names.templateID || "" }),
				new build.Integer({
					name: names.templateMajorVersion || "",
					optional: true
				}),
				new build.Integer({
					name: names.templateMinorVersion || "",
					optional: true
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$86) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertificateTemplate.schema({ names: {
			templateID: TEMPLATE_ID,
			templateMajorVersion: TEMPLATE_MAJOR_VERSION,
			templateMinorVersion: TEMPLATE_MINOR_VERSION
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.templateID = asn1.result.templateID.valueBlock.toString();
		if (TEMPLATE_MAJOR_VERSION in asn1.result) this.templateMajorVersion = asn1.result.templateMajorVersion.valueBlock.valueDec;
		if (TEMPLATE_MINOR_VERSION in asn1.result) this.templateMinorVersion = asn1.result.templateMinorVersion.valueBlock.valueDec;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.templateID }));
		if (TEMPLATE_MAJOR_VERSION in this) outputArray.push(new build.Integer({ value: this.templateMajorVersion }));
		if (TEMPLATE_MINOR_VERSION in this) outputArray.push(new build.Integer({ value: this.templateMinorVersion }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { templateID: this.templateID };
		if (TEMPLATE_MAJOR_VERSION in this) res.templateMajorVersion = this.templateMajorVersion;
		if (TEMPLATE_MINOR_VERSION in this) res.templateMinorVersion = this.templateMinorVersion;
		return res;
	}
};
//#endregion
//#region src/DistributionPoint.ts
const DISTRIBUTION_POINT$1 = "distributionPoint";
const DISTRIBUTION_POINT_NAMES$1 = "distributionPointNames";
const REASONS = "reasons";
const CRL_ISSUER = "cRLIssuer";
const CRL_ISSUER_NAMES = "cRLIssuerNames";
const CLEAR_PROPS$85 = [
	DISTRIBUTION_POINT$1,
	DISTRIBUTION_POINT_NAMES$1,
	REASONS,
	CRL_ISSUER,
	CRL_ISSUER_NAMES
];
var DistributionPoint = class DistributionPoint extends PkiObject {
	static {
		this.CLASS_NAME = "DistributionPoint";
	}
	constructor(parameters = {}) {
		super();
		if (DISTRIBUTION_POINT$1 in parameters) this.distributionPoint = parameters[DISTRIBUTION_POINT$1] ?? DistributionPoint.defaultValues(DISTRIBUTION_POINT$1);
		if (REASONS in parameters) this.reasons = parameters[REASONS] ?? DistributionPoint.defaultValues(REASONS);
		if (CRL_ISSUER in parameters) this.cRLIssuer = parameters[CRL_ISSUER] ?? DistributionPoint.defaultValues(CRL_ISSUER);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case DISTRIBUTION_POINT$1: return [];
			case REASONS: return new build.BitString();
			case CRL_ISSUER: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Choice({ value: [new build.Constructed({
						name: names.distributionPoint || "",
						optional: true,
						idBlock: {
							tagClass: 3,
							tagNumber: 0
						},
						value: [new build.Repeated({
							name: names.distributionPointNames || "",
							value: GeneralName.schema()
						})]
					}), new build.Constructed({
						name: names.distributionPoint || "",
						optional: true,
						idBlock: {
							tagClass: 3,
							tagNumber: 1
						},
						value: RelativeDistinguishedNames.schema().valueBlock.value
					})] })]
				}),
				new build.Primitive({
					name: names.reasons || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					}
				}),
				new build.Constructed({
					name: names.cRLIssuer || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: [new build.Repeated({
						name: names.cRLIssuerNames || "",
						value: GeneralName.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$85) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, DistributionPoint.schema({ names: {
			distributionPoint: DISTRIBUTION_POINT$1,
			distributionPointNames: DISTRIBUTION_POINT_NAMES$1,
			reasons: REASONS,
			cRLIssuer: CRL_ISSUER,
			cRLIssuerNames: CRL_ISSUER_NAMES
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (DISTRIBUTION_POINT$1 in asn1.result) {
			if (asn1.result.distributionPoint.idBlock.tagNumber === 0) this.distributionPoint = Array.from(asn1.result.distributionPointNames, (element) => new GeneralName({ schema: element }));
			if (asn1.result.distributionPoint.idBlock.tagNumber === 1) this.distributionPoint = new RelativeDistinguishedNames({ schema: new build.Sequence({ value: asn1.result.distributionPoint.valueBlock.value }) });
		}
		if (REASONS in asn1.result) this.reasons = new build.BitString({ valueHex: asn1.result.reasons.valueBlock.valueHex });
		if (CRL_ISSUER in asn1.result) this.cRLIssuer = Array.from(asn1.result.cRLIssuerNames, (element) => new GeneralName({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		if (this.distributionPoint) {
			let internalValue;
			if (this.distributionPoint instanceof Array) internalValue = new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: Array.from(this.distributionPoint, (o) => o.toSchema())
			});
			else internalValue = new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [this.distributionPoint.toSchema()]
			});
			outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [internalValue]
			}));
		}
		if (this.reasons) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			valueHex: this.reasons.valueBlock.valueHexView
		}));
		if (this.cRLIssuer) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			value: Array.from(this.cRLIssuer, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = {};
		if (this.distributionPoint) {
			if (this.distributionPoint instanceof Array) object.distributionPoint = Array.from(this.distributionPoint, (o) => o.toJSON());
			else object.distributionPoint = this.distributionPoint.toJSON();
		}
		if (this.reasons) object.reasons = this.reasons.toJSON();
		if (this.cRLIssuer) object.cRLIssuer = Array.from(this.cRLIssuer, (o) => o.toJSON());
		return object;
	}
};
//#endregion
//#region src/CRLDistributionPoints.ts
const DISTRIBUTION_POINTS = "distributionPoints";
const CLEAR_PROPS$84 = [DISTRIBUTION_POINTS];
var CRLDistributionPoints = class CRLDistributionPoints extends PkiObject {
	static {
		this.CLASS_NAME = "CRLDistributionPoints";
	}
	constructor(parameters = {}) {
		super();
		this.distributionPoints = parameters[DISTRIBUTION_POINTS] ?? CRLDistributionPoints.defaultValues(DISTRIBUTION_POINTS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case DISTRIBUTION_POINTS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.distributionPoints || "",
				value: DistributionPoint.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$84) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CRLDistributionPoints.schema({ names: { distributionPoints: DISTRIBUTION_POINTS } }));
		AsnError.assertSchema(asn1, this.className);
		this.distributionPoints = Array.from(asn1.result.distributionPoints, (element) => new DistributionPoint({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.distributionPoints, (o) => o.toSchema()) });
	}
	toJSON() {
		return { distributionPoints: Array.from(this.distributionPoints, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/ExtKeyUsage.ts
const KEY_PURPOSES = "keyPurposes";
const CLEAR_PROPS$83 = [KEY_PURPOSES];
var ExtKeyUsage = class ExtKeyUsage extends PkiObject {
	static {
		this.CLASS_NAME = "ExtKeyUsage";
	}
	constructor(parameters = {}) {
		super();
		this.keyPurposes = parameters[KEY_PURPOSES] ?? ExtKeyUsage.defaultValues(KEY_PURPOSES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_PURPOSES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.keyPurposes || "",
				value: new build.ObjectIdentifier()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$83) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ExtKeyUsage.schema({ names: { keyPurposes: KEY_PURPOSES } }));
		AsnError.assertSchema(asn1, this.className);
		this.keyPurposes = Array.from(asn1.result.keyPurposes, (element) => element.valueBlock.toString());
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.keyPurposes, (element) => new build.ObjectIdentifier({ value: element })) });
	}
	toJSON() {
		return { keyPurposes: Array.from(this.keyPurposes) };
	}
};
//#endregion
//#region src/InfoAccess.ts
const ACCESS_DESCRIPTIONS = "accessDescriptions";
var InfoAccess = class InfoAccess extends PkiObject {
	static {
		this.CLASS_NAME = "InfoAccess";
	}
	constructor(parameters = {}) {
		super();
		this.accessDescriptions = parameters[ACCESS_DESCRIPTIONS] ?? InfoAccess.defaultValues(ACCESS_DESCRIPTIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ACCESS_DESCRIPTIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.accessDescriptions || "",
				value: AccessDescription.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [ACCESS_DESCRIPTIONS]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, InfoAccess.schema({ names: { accessDescriptions: ACCESS_DESCRIPTIONS } }));
		AsnError.assertSchema(asn1, this.className);
		this.accessDescriptions = Array.from(asn1.result.accessDescriptions, (element) => new AccessDescription({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.accessDescriptions, (o) => o.toSchema()) });
	}
	toJSON() {
		return { accessDescriptions: Array.from(this.accessDescriptions, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/IssuingDistributionPoint.ts
const DISTRIBUTION_POINT = "distributionPoint";
const DISTRIBUTION_POINT_NAMES = "distributionPointNames";
const ONLY_CONTAINS_USER_CERTS = "onlyContainsUserCerts";
const ONLY_CONTAINS_CA_CERTS = "onlyContainsCACerts";
const ONLY_SOME_REASON = "onlySomeReasons";
const INDIRECT_CRL = "indirectCRL";
const ONLY_CONTAINS_ATTRIBUTE_CERTS = "onlyContainsAttributeCerts";
const CLEAR_PROPS$82 = [
	DISTRIBUTION_POINT,
	DISTRIBUTION_POINT_NAMES,
	ONLY_CONTAINS_USER_CERTS,
	ONLY_CONTAINS_CA_CERTS,
	ONLY_SOME_REASON,
	INDIRECT_CRL,
	ONLY_CONTAINS_ATTRIBUTE_CERTS
];
var IssuingDistributionPoint = class IssuingDistributionPoint extends PkiObject {
	static {
		this.CLASS_NAME = "IssuingDistributionPoint";
	}
	constructor(parameters = {}) {
		super();
		if (DISTRIBUTION_POINT in parameters) this.distributionPoint = parameters[DISTRIBUTION_POINT] ?? IssuingDistributionPoint.defaultValues(DISTRIBUTION_POINT);
		this.onlyContainsUserCerts = parameters[ONLY_CONTAINS_USER_CERTS] ?? IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS);
		this.onlyContainsCACerts = parameters[ONLY_CONTAINS_CA_CERTS] ?? IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS);
		if (ONLY_SOME_REASON in parameters) this.onlySomeReasons = parameters[ONLY_SOME_REASON] ?? IssuingDistributionPoint.defaultValues(ONLY_SOME_REASON);
		this.indirectCRL = parameters[INDIRECT_CRL] ?? IssuingDistributionPoint.defaultValues(INDIRECT_CRL);
		this.onlyContainsAttributeCerts = parameters[ONLY_CONTAINS_ATTRIBUTE_CERTS] ?? IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case DISTRIBUTION_POINT: return [];
			case ONLY_CONTAINS_USER_CERTS: return false;
			case ONLY_CONTAINS_CA_CERTS: return false;
			case ONLY_SOME_REASON: return 0;
			case INDIRECT_CRL: return false;
			case ONLY_CONTAINS_ATTRIBUTE_CERTS: return false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Choice({ value: [new build.Constructed({
						name: names.distributionPoint || "",
						idBlock: {
							tagClass: 3,
							tagNumber: 0
						},
						value: [new build.Repeated({
							name: names.distributionPointNames || "",
							value: GeneralName.schema()
						})]
					}), new build.Constructed({
						name: names.distributionPoint || "",
						idBlock: {
							tagClass: 3,
							tagNumber: 1
						},
						value: RelativeDistinguishedNames.schema().valueBlock.value
					})] })]
				}),
				new build.Primitive({
					name: names.onlyContainsUserCerts || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					}
				}),
				new build.Primitive({
					name: names.onlyContainsCACerts || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					}
				}),
				new build.Primitive({
					name: names.onlySomeReasons || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 3
					}
				}),
				new build.Primitive({
					name: names.indirectCRL || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 4
					}
				}),
				new build.Primitive({
					name: names.onlyContainsAttributeCerts || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 5
					}
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$82) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, IssuingDistributionPoint.schema({ names: {
			distributionPoint: DISTRIBUTION_POINT,
			distributionPointNames: DISTRIBUTION_POINT_NAMES,
			onlyContainsUserCerts: ONLY_CONTAINS_USER_CERTS,
			onlyContainsCACerts: ONLY_CONTAINS_CA_CERTS,
			onlySomeReasons: ONLY_SOME_REASON,
			indirectCRL: INDIRECT_CRL,
			onlyContainsAttributeCerts: ONLY_CONTAINS_ATTRIBUTE_CERTS
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (DISTRIBUTION_POINT in asn1.result) switch (true) {
			case asn1.result.distributionPoint.idBlock.tagNumber === 0:
				this.distributionPoint = Array.from(asn1.result.distributionPointNames, (element) => new GeneralName({ schema: element }));
				break;
			case asn1.result.distributionPoint.idBlock.tagNumber === 1:
				this.distributionPoint = new RelativeDistinguishedNames({ schema: new build.Sequence({ value: asn1.result.distributionPoint.valueBlock.value }) });
				break;
			default: throw new Error("Unknown tagNumber for distributionPoint: {$asn1.result.distributionPoint.idBlock.tagNumber}");
		}
		if (ONLY_CONTAINS_USER_CERTS in asn1.result) {
			const view = new Uint8Array(asn1.result.onlyContainsUserCerts.valueBlock.valueHex);
			this.onlyContainsUserCerts = view[0] !== 0;
		}
		if (ONLY_CONTAINS_CA_CERTS in asn1.result) {
			const view = new Uint8Array(asn1.result.onlyContainsCACerts.valueBlock.valueHex);
			this.onlyContainsCACerts = view[0] !== 0;
		}
		if (ONLY_SOME_REASON in asn1.result) {
			const view = new Uint8Array(asn1.result.onlySomeReasons.valueBlock.valueHex);
			this.onlySomeReasons = view[0];
		}
		if (INDIRECT_CRL in asn1.result) {
			const view = new Uint8Array(asn1.result.indirectCRL.valueBlock.valueHex);
			this.indirectCRL = view[0] !== 0;
		}
		if (ONLY_CONTAINS_ATTRIBUTE_CERTS in asn1.result) {
			const view = new Uint8Array(asn1.result.onlyContainsAttributeCerts.valueBlock.valueHex);
			this.onlyContainsAttributeCerts = view[0] !== 0;
		}
	}
	toSchema() {
		const outputArray = [];
		if (this.distributionPoint) {
			let value;
			if (this.distributionPoint instanceof Array) value = new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: Array.from(this.distributionPoint, (o) => o.toSchema())
			});
			else {
				value = this.distributionPoint.toSchema();
				value.idBlock.tagClass = 3;
				value.idBlock.tagNumber = 1;
			}
			outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [value]
			}));
		}
		if (this.onlyContainsUserCerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS)) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			valueHex: new Uint8Array([255]).buffer
		}));
		if (this.onlyContainsCACerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS)) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			valueHex: new Uint8Array([255]).buffer
		}));
		if (this.onlySomeReasons !== void 0) {
			const buffer = /* @__PURE__ */ new ArrayBuffer(1);
			const view = new Uint8Array(buffer);
			view[0] = this.onlySomeReasons;
			outputArray.push(new build.Primitive({
				idBlock: {
					tagClass: 3,
					tagNumber: 3
				},
				valueHex: buffer
			}));
		}
		if (this.indirectCRL !== IssuingDistributionPoint.defaultValues(INDIRECT_CRL)) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 4
			},
			valueHex: new Uint8Array([255]).buffer
		}));
		if (this.onlyContainsAttributeCerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS)) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 5
			},
			valueHex: new Uint8Array([255]).buffer
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const obj = {};
		if (this.distributionPoint) {
			if (this.distributionPoint instanceof Array) obj.distributionPoint = Array.from(this.distributionPoint, (o) => o.toJSON());
			else obj.distributionPoint = this.distributionPoint.toJSON();
		}
		if (this.onlyContainsUserCerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_USER_CERTS)) obj.onlyContainsUserCerts = this.onlyContainsUserCerts;
		if (this.onlyContainsCACerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_CA_CERTS)) obj.onlyContainsCACerts = this.onlyContainsCACerts;
		if (ONLY_SOME_REASON in this) obj.onlySomeReasons = this.onlySomeReasons;
		if (this.indirectCRL !== IssuingDistributionPoint.defaultValues(INDIRECT_CRL)) obj.indirectCRL = this.indirectCRL;
		if (this.onlyContainsAttributeCerts !== IssuingDistributionPoint.defaultValues(ONLY_CONTAINS_ATTRIBUTE_CERTS)) obj.onlyContainsAttributeCerts = this.onlyContainsAttributeCerts;
		return obj;
	}
};
//#endregion
//#region src/GeneralSubtree.ts
const BASE = "base";
const MINIMUM = "minimum";
const MAXIMUM = "maximum";
const CLEAR_PROPS$81 = [
	BASE,
	MINIMUM,
	MAXIMUM
];
var GeneralSubtree = class GeneralSubtree extends PkiObject {
	static {
		this.CLASS_NAME = "GeneralSubtree";
	}
	constructor(parameters = {}) {
		super();
		this.base = parameters[BASE] ?? GeneralSubtree.defaultValues(BASE);
		this.minimum = parameters[MINIMUM] ?? GeneralSubtree.defaultValues(MINIMUM);
		if (MAXIMUM in parameters) this.maximum = parameters[MAXIMUM] ?? GeneralSubtree.defaultValues(MAXIMUM);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case BASE: return new GeneralName();
			case MINIMUM: return 0;
			case MAXIMUM: return 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				GeneralName.schema(names.base || {}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Integer({ name: names.minimum || "" })]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Integer({ name: names.maximum || "" })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$81) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, GeneralSubtree.schema({ names: {
			base: { names: { blockName: BASE } },
			minimum: MINIMUM,
			maximum: MAXIMUM
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.base = new GeneralName({ schema: asn1.result.base });
		if (MINIMUM in asn1.result) {
			if (asn1.result.minimum.valueBlock.isHexOnly) this.minimum = asn1.result.minimum;
			else this.minimum = asn1.result.minimum.valueBlock.valueDec;
		}
		if (MAXIMUM in asn1.result) {
			if (asn1.result.maximum.valueBlock.isHexOnly) this.maximum = asn1.result.maximum;
			else this.maximum = asn1.result.maximum.valueBlock.valueDec;
		}
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.base.toSchema());
		if (this.minimum !== 0) {
			let valueMinimum = 0;
			if (this.minimum instanceof build.Integer) valueMinimum = this.minimum;
			else valueMinimum = new build.Integer({ value: this.minimum });
			outputArray.push(new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [valueMinimum]
			}));
		}
		if (MAXIMUM in this) {
			let valueMaximum = 0;
			if (this.maximum instanceof build.Integer) valueMaximum = this.maximum;
			else valueMaximum = new build.Integer({ value: this.maximum });
			outputArray.push(new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [valueMaximum]
			}));
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { base: this.base.toJSON() };
		if (this.minimum !== 0) {
			if (typeof this.minimum === "number") res.minimum = this.minimum;
			else res.minimum = this.minimum.toJSON();
		}
		if (this.maximum !== void 0) {
			if (typeof this.maximum === "number") res.maximum = this.maximum;
			else res.maximum = this.maximum.toJSON();
		}
		return res;
	}
};
//#endregion
//#region src/NameConstraints.ts
const PERMITTED_SUBTREES = "permittedSubtrees";
const EXCLUDED_SUBTREES = "excludedSubtrees";
const CLEAR_PROPS$80 = [PERMITTED_SUBTREES, EXCLUDED_SUBTREES];
var NameConstraints = class NameConstraints extends PkiObject {
	static {
		this.CLASS_NAME = "NameConstraints";
	}
	constructor(parameters = {}) {
		super();
		if (PERMITTED_SUBTREES in parameters) this.permittedSubtrees = parameters[PERMITTED_SUBTREES] ?? NameConstraints.defaultValues(PERMITTED_SUBTREES);
		if (EXCLUDED_SUBTREES in parameters) this.excludedSubtrees = parameters[EXCLUDED_SUBTREES] ?? NameConstraints.defaultValues(EXCLUDED_SUBTREES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case PERMITTED_SUBTREES:
			case EXCLUDED_SUBTREES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Repeated({
					name: names.permittedSubtrees || "",
					value: GeneralSubtree.schema()
				})]
			}), new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [new build.Repeated({
					name: names.excludedSubtrees || "",
					value: GeneralSubtree.schema()
				})]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$80) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, NameConstraints.schema({ names: {
			permittedSubtrees: PERMITTED_SUBTREES,
			excludedSubtrees: EXCLUDED_SUBTREES
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (PERMITTED_SUBTREES in asn1.result) this.permittedSubtrees = Array.from(asn1.result.permittedSubtrees, (element) => new GeneralSubtree({ schema: element }));
		if (EXCLUDED_SUBTREES in asn1.result) this.excludedSubtrees = Array.from(asn1.result.excludedSubtrees, (element) => new GeneralSubtree({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		if (this.permittedSubtrees) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: Array.from(this.permittedSubtrees, (o) => o.toSchema())
		}));
		if (this.excludedSubtrees) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.excludedSubtrees, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = {};
		if (this.permittedSubtrees) object.permittedSubtrees = Array.from(this.permittedSubtrees, (o) => o.toJSON());
		if (this.excludedSubtrees) object.excludedSubtrees = Array.from(this.excludedSubtrees, (o) => o.toJSON());
		return object;
	}
};
//#endregion
//#region src/PolicyConstraints.ts
const REQUIRE_EXPLICIT_POLICY = "requireExplicitPolicy";
const INHIBIT_POLICY_MAPPING = "inhibitPolicyMapping";
const CLEAR_PROPS$79 = [REQUIRE_EXPLICIT_POLICY, INHIBIT_POLICY_MAPPING];
var PolicyConstraints = class PolicyConstraints extends PkiObject {
	static {
		this.CLASS_NAME = "PolicyConstraints";
	}
	constructor(parameters = {}) {
		super();
		if (REQUIRE_EXPLICIT_POLICY in parameters) this.requireExplicitPolicy = parameters[REQUIRE_EXPLICIT_POLICY] ?? PolicyConstraints.defaultValues(REQUIRE_EXPLICIT_POLICY);
		if (INHIBIT_POLICY_MAPPING in parameters) this.inhibitPolicyMapping = parameters[INHIBIT_POLICY_MAPPING] ?? PolicyConstraints.defaultValues(INHIBIT_POLICY_MAPPING);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case REQUIRE_EXPLICIT_POLICY: return 0;
			case INHIBIT_POLICY_MAPPING: return 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Primitive({
				name: names.requireExplicitPolicy || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				}
			}), new build.Primitive({
				name: names.inhibitPolicyMapping || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				}
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$79) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PolicyConstraints.schema({ names: {
			requireExplicitPolicy: REQUIRE_EXPLICIT_POLICY,
			inhibitPolicyMapping: INHIBIT_POLICY_MAPPING
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (REQUIRE_EXPLICIT_POLICY in asn1.result) {
			const field1 = asn1.result.requireExplicitPolicy;
			field1.idBlock.tagClass = 1;
			field1.idBlock.tagNumber = 2;
			const ber1 = field1.toBER(false);
			const int1 = build.fromBER(ber1);
			AsnError.assert(int1, "Integer");
			this.requireExplicitPolicy = int1.result.valueBlock.valueDec;
		}
		if (INHIBIT_POLICY_MAPPING in asn1.result) {
			const field2 = asn1.result.inhibitPolicyMapping;
			field2.idBlock.tagClass = 1;
			field2.idBlock.tagNumber = 2;
			const ber2 = field2.toBER(false);
			const int2 = build.fromBER(ber2);
			AsnError.assert(int2, "Integer");
			this.inhibitPolicyMapping = int2.result.valueBlock.valueDec;
		}
	}
	toSchema() {
		const outputArray = [];
		if (REQUIRE_EXPLICIT_POLICY in this) {
			const int1 = new build.Integer({ value: this.requireExplicitPolicy });
			int1.idBlock.tagClass = 3;
			int1.idBlock.tagNumber = 0;
			outputArray.push(int1);
		}
		if (INHIBIT_POLICY_MAPPING in this) {
			const int2 = new build.Integer({ value: this.inhibitPolicyMapping });
			int2.idBlock.tagClass = 3;
			int2.idBlock.tagNumber = 1;
			outputArray.push(int2);
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {};
		if (REQUIRE_EXPLICIT_POLICY in this) res.requireExplicitPolicy = this.requireExplicitPolicy;
		if (INHIBIT_POLICY_MAPPING in this) res.inhibitPolicyMapping = this.inhibitPolicyMapping;
		return res;
	}
};
//#endregion
//#region src/PolicyMapping.ts
const ISSUER_DOMAIN_POLICY = "issuerDomainPolicy";
const SUBJECT_DOMAIN_POLICY = "subjectDomainPolicy";
const CLEAR_PROPS$78 = [ISSUER_DOMAIN_POLICY, SUBJECT_DOMAIN_POLICY];
var PolicyMapping = class PolicyMapping extends PkiObject {
	static {
		this.CLASS_NAME = "PolicyMapping";
	}
	constructor(parameters = {}) {
		super();
		this.issuerDomainPolicy = parameters[ISSUER_DOMAIN_POLICY] ?? PolicyMapping.defaultValues(ISSUER_DOMAIN_POLICY);
		this.subjectDomainPolicy = parameters[SUBJECT_DOMAIN_POLICY] ?? PolicyMapping.defaultValues(SUBJECT_DOMAIN_POLICY);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ISSUER_DOMAIN_POLICY: return "";
			case SUBJECT_DOMAIN_POLICY: return "";
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.issuerDomainPolicy || "" }), new build.ObjectIdentifier({ name: names.subjectDomainPolicy || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$78) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PolicyMapping.schema({ names: {
			issuerDomainPolicy: ISSUER_DOMAIN_POLICY,
			subjectDomainPolicy: SUBJECT_DOMAIN_POLICY
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.issuerDomainPolicy = asn1.result.issuerDomainPolicy.valueBlock.toString();
		this.subjectDomainPolicy = asn1.result.subjectDomainPolicy.valueBlock.toString();
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.issuerDomainPolicy }), new build.ObjectIdentifier({ value: this.subjectDomainPolicy })] });
	}
	toJSON() {
		return {
			issuerDomainPolicy: this.issuerDomainPolicy,
			subjectDomainPolicy: this.subjectDomainPolicy
		};
	}
};
//#endregion
//#region src/PolicyMappings.ts
const MAPPINGS = "mappings";
const CLEAR_PROPS$77 = [MAPPINGS];
var PolicyMappings = class PolicyMappings extends PkiObject {
	static {
		this.CLASS_NAME = "PolicyMappings";
	}
	constructor(parameters = {}) {
		super();
		this.mappings = parameters[MAPPINGS] ?? PolicyMappings.defaultValues(MAPPINGS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case MAPPINGS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.mappings || "",
				value: PolicyMapping.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$77) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PolicyMappings.schema({ names: { mappings: MAPPINGS } }));
		AsnError.assertSchema(asn1, this.className);
		this.mappings = Array.from(asn1.result.mappings, (element) => new PolicyMapping({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.mappings, (o) => o.toSchema()) });
	}
	toJSON() {
		return { mappings: Array.from(this.mappings, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/PrivateKeyUsagePeriod.ts
const NOT_BEFORE$1 = "notBefore";
const NOT_AFTER$1 = "notAfter";
const CLEAR_PROPS$76 = [NOT_BEFORE$1, NOT_AFTER$1];
var PrivateKeyUsagePeriod = class PrivateKeyUsagePeriod extends PkiObject {
	static {
		this.CLASS_NAME = "PrivateKeyUsagePeriod";
	}
	constructor(parameters = {}) {
		super();
		if (NOT_BEFORE$1 in parameters) this.notBefore = parameters[NOT_BEFORE$1] ?? PrivateKeyUsagePeriod.defaultValues(NOT_BEFORE$1);
		if (NOT_AFTER$1 in parameters) this.notAfter = parameters[NOT_AFTER$1] ?? PrivateKeyUsagePeriod.defaultValues(NOT_AFTER$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case NOT_BEFORE$1: return /* @__PURE__ */ new Date();
			case NOT_AFTER$1: return /* @__PURE__ */ new Date();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Primitive({
				name: names.notBefore || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				}
			}), new build.Primitive({
				name: names.notAfter || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				}
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$76) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PrivateKeyUsagePeriod.schema({ names: {
			notBefore: NOT_BEFORE$1,
			notAfter: NOT_AFTER$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (NOT_BEFORE$1 in asn1.result) {
			const localNotBefore = new build.GeneralizedTime();
			localNotBefore.fromBuffer(asn1.result.notBefore.valueBlock.valueHex);
			this.notBefore = localNotBefore.toDate();
		}
		if (NOT_AFTER$1 in asn1.result) {
			const localNotAfter = new build.GeneralizedTime({ valueHex: asn1.result.notAfter.valueBlock.valueHex });
			localNotAfter.fromBuffer(asn1.result.notAfter.valueBlock.valueHex);
			this.notAfter = localNotAfter.toDate();
		}
	}
	toSchema() {
		const outputArray = [];
		if (NOT_BEFORE$1 in this) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			valueHex: new build.GeneralizedTime({ valueDate: this.notBefore }).valueBlock.valueHexView
		}));
		if (NOT_AFTER$1 in this) outputArray.push(new build.Primitive({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			valueHex: new build.GeneralizedTime({ valueDate: this.notAfter }).valueBlock.valueHexView
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {};
		if (this.notBefore) res.notBefore = this.notBefore;
		if (this.notAfter) res.notAfter = this.notAfter;
		return res;
	}
};
//#endregion
//#region src/QCStatements.ts
const ID = "id";
const TYPE$3 = "type";
const VALUES = "values";
const QC_STATEMENT_CLEAR_PROPS = [ID, TYPE$3];
const QC_STATEMENTS_CLEAR_PROPS = [VALUES];
var QCStatement = class QCStatement extends PkiObject {
	static {
		this.CLASS_NAME = "QCStatement";
	}
	constructor(parameters = {}) {
		super();
		this.id = parameters[ID] ?? QCStatement.defaultValues(ID);
		if (TYPE$3 in parameters) this.type = parameters[TYPE$3] ?? QCStatement.defaultValues(TYPE$3);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ID: return "";
			case TYPE$3: return new build.Null();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ID: return memberValue === "";
			case TYPE$3: return memberValue instanceof build.Null;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.id || "" }), new build.Any({
				name: names.type || "",
				optional: true
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of QC_STATEMENT_CLEAR_PROPS) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, QCStatement.schema({ names: {
			id: ID,
			type: TYPE$3
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.id = asn1.result.id.valueBlock.toString();
		if (TYPE$3 in asn1.result) this.type = asn1.result.type;
	}
	toSchema() {
		const value = [new build.ObjectIdentifier({ value: this.id })];
		if (TYPE$3 in this) value.push(this.type);
		return new build.Sequence({ value });
	}
	toJSON() {
		const object = { id: this.id };
		if (this.type) object.type = this.type.toJSON();
		return object;
	}
};
var QCStatements = class QCStatements extends PkiObject {
	static {
		this.CLASS_NAME = "QCStatements";
	}
	constructor(parameters = {}) {
		super();
		this.values = parameters[VALUES] ?? QCStatements.defaultValues(VALUES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VALUES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VALUES: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.values || "",
				value: QCStatement.schema(names.value || {})
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of QC_STATEMENTS_CLEAR_PROPS) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, QCStatements.schema({ names: { values: VALUES } }));
		AsnError.assertSchema(asn1, this.className);
		this.values = Array.from(asn1.result.values, (element) => new QCStatement({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.values, (o) => o.toSchema()) });
	}
	toJSON() {
		return { values: Array.from(this.values, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/ECNamedCurves.ts
var ECNamedCurves = class {
	static {
		this.namedCurves = {};
	}
	static register(name, id, size) {
		this.namedCurves[name.toLowerCase()] = this.namedCurves[id] = {
			name,
			id,
			size
		};
	}
	static find(nameOrId) {
		return this.namedCurves[nameOrId.toLowerCase()] || null;
	}
	static {
		this.register("P-256", "1.2.840.10045.3.1.7", 32);
		this.register("P-384", "1.3.132.0.34", 48);
		this.register("P-521", "1.3.132.0.35", 66);
		this.register("brainpoolP256r1", "1.3.36.3.3.2.8.1.1.7", 32);
		this.register("brainpoolP384r1", "1.3.36.3.3.2.8.1.1.11", 48);
		this.register("brainpoolP512r1", "1.3.36.3.3.2.8.1.1.13", 64);
	}
};
//#endregion
//#region src/ECPublicKey.ts
const X = "x";
const Y = "y";
const NAMED_CURVE$1 = "namedCurve";
var ECPublicKey = class ECPublicKey extends PkiObject {
	static {
		this.CLASS_NAME = "ECPublicKey";
	}
	constructor(parameters = {}) {
		super();
		this.x = parameters[X] ?? ECPublicKey.defaultValues(X);
		this.y = parameters[Y] ?? ECPublicKey.defaultValues(Y);
		this.namedCurve = parameters[NAMED_CURVE$1] ?? ECPublicKey.defaultValues(NAMED_CURVE$1);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case X:
			case Y: return EMPTY_BUFFER;
			case NAMED_CURVE$1: return "";
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case X:
			case Y: return memberValue instanceof ArrayBuffer && bytes/* bytes_exports */.EH.equal(memberValue, ECPublicKey.defaultValues(memberName));
			case NAMED_CURVE$1: return typeof memberValue === "string" && memberValue === ECPublicKey.defaultValues(memberName);
			default: return super.defaultValues(memberName);
		}
	}
	static schema() {
		return new build.RawData();
	}
	fromSchema(schema1) {
		const view = (0,buffer_source/* toUint8Array */.Fo)(schema1);
		if (view[0] !== 4) throw new Error("Object's schema was not verified against input data for ECPublicKey");
		const namedCurve = ECNamedCurves.find(this.namedCurve);
		if (!namedCurve) throw new Error(`Incorrect curve OID: ${this.namedCurve}`);
		const coordinateLength = namedCurve.size;
		if (view.byteLength !== coordinateLength * 2 + 1) throw new Error("Object's schema was not verified against input data for ECPublicKey");
		this.namedCurve = namedCurve.name;
		this.x = view.slice(1, coordinateLength + 1).buffer;
		this.y = view.slice(1 + coordinateLength, coordinateLength * 2 + 1).buffer;
	}
	toSchema() {
		return new build.RawData({ data: bytes/* bytes_exports */.EH.concat(new Uint8Array([4]), this.x, this.y) });
	}
	toJSON() {
		const namedCurve = ECNamedCurves.find(this.namedCurve);
		return {
			crv: namedCurve ? namedCurve.name : this.namedCurve,
			x: base64url_exports.encode(this.x),
			y: base64url_exports.encode(this.y)
		};
	}
	fromJSON(json) {
		ParameterError.assert("json", json, "crv", "x", "y");
		let coordinateLength = 0;
		const namedCurve = ECNamedCurves.find(json.crv);
		if (namedCurve) {
			this.namedCurve = namedCurve.id;
			coordinateLength = namedCurve.size;
		}
		const xConvertBuffer = base64url_exports.decode(json.x, { allowPadding: true });
		if (xConvertBuffer.byteLength < coordinateLength) {
			this.x = new ArrayBuffer(coordinateLength);
			const view = new Uint8Array(this.x);
			const convertBufferView = new Uint8Array(xConvertBuffer);
			view.set(convertBufferView, 1);
		} else this.x = xConvertBuffer.slice(0, coordinateLength).buffer;
		const yConvertBuffer = base64url_exports.decode(json.y, { allowPadding: true });
		if (yConvertBuffer.byteLength < coordinateLength) {
			this.y = new ArrayBuffer(coordinateLength);
			const view = new Uint8Array(this.y);
			const convertBufferView = new Uint8Array(yConvertBuffer);
			view.set(convertBufferView, 1);
		} else this.y = yConvertBuffer.slice(0, coordinateLength).buffer;
	}
};
//#endregion
//#region src/RSAPublicKey.ts
const MODULUS$1 = "modulus";
const PUBLIC_EXPONENT$1 = "publicExponent";
const CLEAR_PROPS$75 = [MODULUS$1, PUBLIC_EXPONENT$1];
var RSAPublicKey = class RSAPublicKey extends PkiObject {
	static {
		this.CLASS_NAME = "RSAPublicKey";
	}
	constructor(parameters = {}) {
		super();
		this.modulus = parameters[MODULUS$1] ?? RSAPublicKey.defaultValues(MODULUS$1);
		this.publicExponent = parameters[PUBLIC_EXPONENT$1] ?? RSAPublicKey.defaultValues(PUBLIC_EXPONENT$1);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case MODULUS$1: return new build.Integer();
			case PUBLIC_EXPONENT$1: return new build.Integer();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Integer({ name: names.modulus || "" }), new build.Integer({ name: names.publicExponent || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$75) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RSAPublicKey.schema({ names: {
			modulus: MODULUS$1,
			publicExponent: PUBLIC_EXPONENT$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.modulus = asn1.result.modulus.convertFromDER(256);
		this.publicExponent = asn1.result.publicExponent.convertFromDER();
	}
	toSchema() {
		return new build.Sequence({ value: [this.modulus.convertToDER(), this.publicExponent.convertToDER()] });
	}
	toJSON() {
		return {
			n: base64url_exports.encode(this.modulus.valueBlock.valueHexView),
			e: base64url_exports.encode(this.publicExponent.valueBlock.valueHexView)
		};
	}
	fromJSON(json) {
		ParameterError.assert("json", json, "n", "e");
		this.modulus = new build.Integer({ valueHex: base64url_exports.decode(json.n, { allowPadding: true }) });
		this.publicExponent = new build.Integer({ valueHex: base64url_exports.decode(json.e, { allowPadding: true }) });
	}
};
//#endregion
//#region src/PublicKeyInfo.ts
const ALGORITHM$1 = "algorithm";
const SUBJECT_PUBLIC_KEY = "subjectPublicKey";
const CLEAR_PROPS$74 = [ALGORITHM$1, SUBJECT_PUBLIC_KEY];
var PublicKeyInfo = class PublicKeyInfo extends PkiObject {
	static {
		this.CLASS_NAME = "PublicKeyInfo";
	}
	get parsedKey() {
		if (this._parsedKey === void 0) {
			switch (this.algorithm.algorithmId) {
				case "1.2.840.10045.2.1":
					if ("algorithmParams" in this.algorithm) {
						if (this.algorithm.algorithmParams.constructor.blockName() === build.ObjectIdentifier.blockName()) try {
							this._parsedKey = new ECPublicKey({
								namedCurve: this.algorithm.algorithmParams.valueBlock.toString(),
								schema: this.subjectPublicKey.valueBlock.valueHexView
							});
						} catch {}
					}
					break;
				case "1.2.840.113549.1.1.1":
				case "1.2.840.113549.1.1.10": {
					const publicKeyASN1 = build.fromBER(this.subjectPublicKey.valueBlock.valueHexView);
					if (publicKeyASN1.offset !== -1) try {
						this._parsedKey = new RSAPublicKey({ schema: publicKeyASN1.result });
					} catch {}
				}
			}
			this._parsedKey ||= null;
		}
		return this._parsedKey || void 0;
	}
	set parsedKey(value) {
		this._parsedKey = value;
	}
	constructor(parameters = {}) {
		super();
		this.algorithm = parameters[ALGORITHM$1] ?? PublicKeyInfo.defaultValues(ALGORITHM$1);
		this.subjectPublicKey = parameters[SUBJECT_PUBLIC_KEY] ?? PublicKeyInfo.defaultValues(SUBJECT_PUBLIC_KEY);
		const parsedKey = parameters.parsedKey ?? null;
		if (parsedKey) this.parsedKey = parsedKey;
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ALGORITHM$1: return new AlgorithmIdentifier();
			case SUBJECT_PUBLIC_KEY: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.algorithm || {}), new build.BitString({ name: names.subjectPublicKey || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$74) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PublicKeyInfo.schema({ names: {
			algorithm: { names: { blockName: ALGORITHM$1 } },
			subjectPublicKey: SUBJECT_PUBLIC_KEY
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.algorithm = new AlgorithmIdentifier({ schema: asn1.result.algorithm });
		this.subjectPublicKey = asn1.result.subjectPublicKey;
	}
	toSchema() {
		return new build.Sequence({ value: [this.algorithm.toSchema(), this.subjectPublicKey] });
	}
	toJSON() {
		if (!this.parsedKey) return {
			algorithm: this.algorithm.toJSON(),
			subjectPublicKey: this.subjectPublicKey.toJSON()
		};
		const jwk = {};
		switch (this.algorithm.algorithmId) {
			case "1.2.840.10045.2.1":
				jwk.kty = "EC";
				break;
			case "1.2.840.113549.1.1.1":
			case "1.2.840.113549.1.1.10": jwk.kty = "RSA";
		}
		const publicKeyJWK = this.parsedKey.toJSON();
		Object.assign(jwk, publicKeyJWK);
		return jwk;
	}
	fromJSON(json) {
		if ("kty" in json) {
			switch (json.kty.toUpperCase()) {
				case "EC":
					this.parsedKey = new ECPublicKey({ json });
					this.algorithm = new AlgorithmIdentifier({
						algorithmId: "1.2.840.10045.2.1",
						algorithmParams: new build.ObjectIdentifier({ value: this.parsedKey.namedCurve })
					});
					break;
				case "RSA":
					this.parsedKey = new RSAPublicKey({ json });
					this.algorithm = new AlgorithmIdentifier({
						algorithmId: "1.2.840.113549.1.1.1",
						algorithmParams: new build.Null()
					});
					break;
				default: throw new Error(`Invalid value for "kty" parameter: ${json.kty}`);
			}
			this.subjectPublicKey = new build.BitString({ valueHex: this.parsedKey.toSchema().toBER(false) });
		}
	}
	async importKey(publicKey, crypto = getCrypto(true)) {
		try {
			if (!publicKey) throw new Error("Need to provide publicKey input parameter");
			const exportedKey = await crypto.exportKey("spki", publicKey);
			const asn1 = build.fromBER(exportedKey);
			try {
				this.fromSchema(asn1.result);
			} catch {
				throw new Error("Error during initializing object from schema");
			}
		} catch (e) {
			const message = e instanceof Error ? e.message : `${e}`;
			throw new Error(`Error during exporting public key: ${message}`);
		}
	}
};
//#endregion
//#region src/ECPrivateKey.ts
const VERSION$21 = "version";
const PRIVATE_KEY$1 = "privateKey";
const NAMED_CURVE = "namedCurve";
const PUBLIC_KEY$1 = "publicKey";
const CLEAR_PROPS$73 = [
	VERSION$21,
	PRIVATE_KEY$1,
	NAMED_CURVE,
	PUBLIC_KEY$1
];
var ECPrivateKey = class ECPrivateKey extends PkiObject {
	static {
		this.CLASS_NAME = "ECPrivateKey";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$21] ?? ECPrivateKey.defaultValues(VERSION$21);
		this.privateKey = parameters[PRIVATE_KEY$1] ?? ECPrivateKey.defaultValues(PRIVATE_KEY$1);
		if (NAMED_CURVE in parameters) this.namedCurve = parameters[NAMED_CURVE] ?? ECPrivateKey.defaultValues(NAMED_CURVE);
		if (PUBLIC_KEY$1 in parameters) this.publicKey = parameters[PUBLIC_KEY$1] ?? ECPrivateKey.defaultValues(PUBLIC_KEY$1);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$21: return 1;
			case PRIVATE_KEY$1: return new build.OctetString();
			case NAMED_CURVE: return "";
			case PUBLIC_KEY$1: return new ECPublicKey();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$21: return memberValue === ECPrivateKey.defaultValues(memberName);
			case PRIVATE_KEY$1: return memberValue.isEqual(ECPrivateKey.defaultValues(memberName));
			case NAMED_CURVE: return memberValue === "";
			case PUBLIC_KEY$1: return ECPublicKey.compareWithDefault(NAMED_CURVE, memberValue.namedCurve) && ECPublicKey.compareWithDefault("x", memberValue.x) && ECPublicKey.compareWithDefault("y", memberValue.y);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.OctetString({ name: names.privateKey || "" }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.ObjectIdentifier({ name: names.namedCurve || "" })]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.BitString({ name: names.publicKey || "" })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$73) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ECPrivateKey.schema({ names: {
			version: VERSION$21,
			privateKey: PRIVATE_KEY$1,
			namedCurve: NAMED_CURVE,
			publicKey: PUBLIC_KEY$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.privateKey = asn1.result.privateKey;
		if (NAMED_CURVE in asn1.result) this.namedCurve = asn1.result.namedCurve.valueBlock.toString();
		if (PUBLIC_KEY$1 in asn1.result) {
			const publicKeyData = { schema: asn1.result.publicKey.valueBlock.valueHex };
			if (NAMED_CURVE in this) publicKeyData.namedCurve = this.namedCurve;
			this.publicKey = new ECPublicKey(publicKeyData);
		}
	}
	toSchema() {
		const outputArray = [new build.Integer({ value: this.version }), this.privateKey];
		if (this.namedCurve) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.ObjectIdentifier({ value: this.namedCurve })]
		}));
		if (this.publicKey) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [new build.BitString({ valueHex: this.publicKey.toSchema().toBER(false) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		if (!this.namedCurve || ECPrivateKey.compareWithDefault(NAMED_CURVE, this.namedCurve)) throw new Error("Not enough information for making JSON: absent \"namedCurve\" value");
		const curve = ECNamedCurves.find(this.namedCurve);
		const privateKeyJSON = {
			crv: curve ? curve.name : this.namedCurve,
			d: base64url_exports.encode(this.privateKey.valueBlock.valueHexView)
		};
		if (this.publicKey) {
			const publicKeyJSON = this.publicKey.toJSON();
			privateKeyJSON.x = publicKeyJSON.x;
			privateKeyJSON.y = publicKeyJSON.y;
		}
		return privateKeyJSON;
	}
	fromJSON(json) {
		ParameterError.assert("json", json, "crv", "d");
		let coordinateLength = 0;
		const curve = ECNamedCurves.find(json.crv);
		if (curve) {
			this.namedCurve = curve.id;
			coordinateLength = curve.size;
		}
		const convertBuffer = base64url_exports.decode(json.d);
		if (convertBuffer.byteLength < coordinateLength) {
			const buffer = new ArrayBuffer(coordinateLength);
			const view = new Uint8Array(buffer);
			const convertBufferView = new Uint8Array(convertBuffer);
			view.set(convertBufferView, 1);
			this.privateKey = new build.OctetString({ valueHex: buffer });
		} else this.privateKey = new build.OctetString({ valueHex: convertBuffer.slice(0, coordinateLength) });
		if (json.x && json.y) this.publicKey = new ECPublicKey({ json });
	}
};
//#endregion
//#region src/OtherPrimeInfo.ts
const PRIME = "prime";
const EXPONENT = "exponent";
const COEFFICIENT$1 = "coefficient";
const CLEAR_PROPS$72 = [
	PRIME,
	EXPONENT,
	COEFFICIENT$1
];
var OtherPrimeInfo = class OtherPrimeInfo extends PkiObject {
	static {
		this.CLASS_NAME = "OtherPrimeInfo";
	}
	constructor(parameters = {}) {
		super();
		this.prime = parameters[PRIME] ?? OtherPrimeInfo.defaultValues(PRIME);
		this.exponent = parameters[EXPONENT] ?? OtherPrimeInfo.defaultValues(EXPONENT);
		this.coefficient = parameters[COEFFICIENT$1] ?? OtherPrimeInfo.defaultValues(COEFFICIENT$1);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case PRIME: return new build.Integer();
			case EXPONENT: return new build.Integer();
			case COEFFICIENT$1: return new build.Integer();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.prime || "" }),
				new build.Integer({ name: names.exponent || "" }),
				new build.Integer({ name: names.coefficient || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$72) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OtherPrimeInfo.schema({ names: {
			prime: PRIME,
			exponent: EXPONENT,
			coefficient: COEFFICIENT$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.prime = asn1.result.prime.convertFromDER();
		this.exponent = asn1.result.exponent.convertFromDER();
		this.coefficient = asn1.result.coefficient.convertFromDER();
	}
	toSchema() {
		return new build.Sequence({ value: [
			this.prime.convertToDER(),
			this.exponent.convertToDER(),
			this.coefficient.convertToDER()
		] });
	}
	toJSON() {
		return {
			r: base64url_exports.encode(this.prime.valueBlock.valueHexView),
			d: base64url_exports.encode(this.exponent.valueBlock.valueHexView),
			t: base64url_exports.encode(this.coefficient.valueBlock.valueHexView)
		};
	}
	fromJSON(json) {
		ParameterError.assert("json", json, "r", "d", "r");
		this.prime = new build.Integer({ valueHex: base64url_exports.decode(json.r) });
		this.exponent = new build.Integer({ valueHex: base64url_exports.decode(json.d) });
		this.coefficient = new build.Integer({ valueHex: base64url_exports.decode(json.t) });
	}
};
//#endregion
//#region src/RSAPrivateKey.ts
const VERSION$20 = "version";
const MODULUS = "modulus";
const PUBLIC_EXPONENT = "publicExponent";
const PRIVATE_EXPONENT = "privateExponent";
const PRIME1 = "prime1";
const PRIME2 = "prime2";
const EXPONENT1 = "exponent1";
const EXPONENT2 = "exponent2";
const COEFFICIENT = "coefficient";
const OTHER_PRIME_INFOS = "otherPrimeInfos";
const CLEAR_PROPS$71 = [
	VERSION$20,
	MODULUS,
	PUBLIC_EXPONENT,
	PRIVATE_EXPONENT,
	PRIME1,
	PRIME2,
	EXPONENT1,
	EXPONENT2,
	COEFFICIENT,
	OTHER_PRIME_INFOS
];
var RSAPrivateKey = class RSAPrivateKey extends PkiObject {
	static {
		this.CLASS_NAME = "RSAPrivateKey";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$20] ?? RSAPrivateKey.defaultValues(VERSION$20);
		this.modulus = parameters[MODULUS] ?? RSAPrivateKey.defaultValues(MODULUS);
		this.publicExponent = parameters[PUBLIC_EXPONENT] ?? RSAPrivateKey.defaultValues(PUBLIC_EXPONENT);
		this.privateExponent = parameters[PRIVATE_EXPONENT] ?? RSAPrivateKey.defaultValues(PRIVATE_EXPONENT);
		this.prime1 = parameters[PRIME1] ?? RSAPrivateKey.defaultValues(PRIME1);
		this.prime2 = parameters[PRIME2] ?? RSAPrivateKey.defaultValues(PRIME2);
		this.exponent1 = parameters[EXPONENT1] ?? RSAPrivateKey.defaultValues(EXPONENT1);
		this.exponent2 = parameters[EXPONENT2] ?? RSAPrivateKey.defaultValues(EXPONENT2);
		this.coefficient = parameters[COEFFICIENT] ?? RSAPrivateKey.defaultValues(COEFFICIENT);
		if (OTHER_PRIME_INFOS in parameters) this.otherPrimeInfos = parameters[OTHER_PRIME_INFOS] ?? RSAPrivateKey.defaultValues(OTHER_PRIME_INFOS);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$20: return 0;
			case MODULUS: return new build.Integer();
			case PUBLIC_EXPONENT: return new build.Integer();
			case PRIVATE_EXPONENT: return new build.Integer();
			case PRIME1: return new build.Integer();
			case PRIME2: return new build.Integer();
			case EXPONENT1: return new build.Integer();
			case EXPONENT2: return new build.Integer();
			case COEFFICIENT: return new build.Integer();
			case OTHER_PRIME_INFOS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.Integer({ name: names.modulus || "" }),
				new build.Integer({ name: names.publicExponent || "" }),
				new build.Integer({ name: names.privateExponent || "" }),
				new build.Integer({ name: names.prime1 || "" }),
				new build.Integer({ name: names.prime2 || "" }),
				new build.Integer({ name: names.exponent1 || "" }),
				new build.Integer({ name: names.exponent2 || "" }),
				new build.Integer({ name: names.coefficient || "" }),
				new build.Sequence({
					optional: true,
					value: [new build.Repeated({
						name: names.otherPrimeInfosName || "",
						value: OtherPrimeInfo.schema(names.otherPrimeInfo || {})
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$71) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RSAPrivateKey.schema({ names: {
			version: VERSION$20,
			modulus: MODULUS,
			publicExponent: PUBLIC_EXPONENT,
			privateExponent: PRIVATE_EXPONENT,
			prime1: PRIME1,
			prime2: PRIME2,
			exponent1: EXPONENT1,
			exponent2: EXPONENT2,
			coefficient: COEFFICIENT,
			otherPrimeInfo: { names: { blockName: OTHER_PRIME_INFOS } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.modulus = asn1.result.modulus.convertFromDER(256);
		this.publicExponent = asn1.result.publicExponent;
		this.privateExponent = asn1.result.privateExponent.convertFromDER(256);
		this.prime1 = asn1.result.prime1.convertFromDER(128);
		this.prime2 = asn1.result.prime2.convertFromDER(128);
		this.exponent1 = asn1.result.exponent1.convertFromDER(128);
		this.exponent2 = asn1.result.exponent2.convertFromDER(128);
		this.coefficient = asn1.result.coefficient.convertFromDER(128);
		if (OTHER_PRIME_INFOS in asn1.result) this.otherPrimeInfos = Array.from(asn1.result.otherPrimeInfos, (element) => new OtherPrimeInfo({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(this.modulus.convertToDER());
		outputArray.push(this.publicExponent);
		outputArray.push(this.privateExponent.convertToDER());
		outputArray.push(this.prime1.convertToDER());
		outputArray.push(this.prime2.convertToDER());
		outputArray.push(this.exponent1.convertToDER());
		outputArray.push(this.exponent2.convertToDER());
		outputArray.push(this.coefficient.convertToDER());
		if (this.otherPrimeInfos) outputArray.push(new build.Sequence({ value: Array.from(this.otherPrimeInfos, (o) => o.toSchema()) }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const jwk = {
			n: base64url_exports.encode(this.modulus.valueBlock.valueHexView),
			e: base64url_exports.encode(this.publicExponent.valueBlock.valueHexView),
			d: base64url_exports.encode(this.privateExponent.valueBlock.valueHexView),
			p: base64url_exports.encode(this.prime1.valueBlock.valueHexView),
			q: base64url_exports.encode(this.prime2.valueBlock.valueHexView),
			dp: base64url_exports.encode(this.exponent1.valueBlock.valueHexView),
			dq: base64url_exports.encode(this.exponent2.valueBlock.valueHexView),
			qi: base64url_exports.encode(this.coefficient.valueBlock.valueHexView)
		};
		if (this.otherPrimeInfos) jwk.oth = Array.from(this.otherPrimeInfos, (o) => o.toJSON());
		return jwk;
	}
	fromJSON(json) {
		ParameterError.assert("json", json, "n", "e", "d", "p", "q", "dp", "dq", "qi");
		this.modulus = new build.Integer({ valueHex: base64url_exports.decode(json.n) });
		this.publicExponent = new build.Integer({ valueHex: base64url_exports.decode(json.e) });
		this.privateExponent = new build.Integer({ valueHex: base64url_exports.decode(json.d) });
		this.prime1 = new build.Integer({ valueHex: base64url_exports.decode(json.p) });
		this.prime2 = new build.Integer({ valueHex: base64url_exports.decode(json.q) });
		this.exponent1 = new build.Integer({ valueHex: base64url_exports.decode(json.dp) });
		this.exponent2 = new build.Integer({ valueHex: base64url_exports.decode(json.dq) });
		this.coefficient = new build.Integer({ valueHex: base64url_exports.decode(json.qi) });
		if (json.oth) this.otherPrimeInfos = Array.from(json.oth, (element) => new OtherPrimeInfo({ json: element }));
	}
};
//#endregion
//#region src/PrivateKeyInfo.ts
const VERSION$19 = "version";
const PRIVATE_KEY_ALGORITHM = "privateKeyAlgorithm";
const PRIVATE_KEY = "privateKey";
const ATTRIBUTES$5 = "attributes";
const PARSED_KEY = "parsedKey";
const CLEAR_PROPS$70 = [
	VERSION$19,
	PRIVATE_KEY_ALGORITHM,
	PRIVATE_KEY,
	ATTRIBUTES$5
];
var PrivateKeyInfo = class PrivateKeyInfo extends PkiObject {
	static {
		this.CLASS_NAME = "PrivateKeyInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$19] ?? PrivateKeyInfo.defaultValues(VERSION$19);
		this.privateKeyAlgorithm = parameters[PRIVATE_KEY_ALGORITHM] ?? PrivateKeyInfo.defaultValues(PRIVATE_KEY_ALGORITHM);
		this.privateKey = parameters[PRIVATE_KEY] ?? PrivateKeyInfo.defaultValues(PRIVATE_KEY);
		if (ATTRIBUTES$5 in parameters) this.attributes = parameters[ATTRIBUTES$5] ?? PrivateKeyInfo.defaultValues(ATTRIBUTES$5);
		if (PARSED_KEY in parameters) this.parsedKey = parameters[PARSED_KEY] ?? PrivateKeyInfo.defaultValues(PARSED_KEY);
		if (parameters.json) this.fromJSON(parameters.json);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$19: return 0;
			case PRIVATE_KEY_ALGORITHM: return new AlgorithmIdentifier();
			case PRIVATE_KEY: return new build.OctetString();
			case ATTRIBUTES$5: return [];
			case PARSED_KEY: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				AlgorithmIdentifier.schema(names.privateKeyAlgorithm || {}),
				new build.OctetString({ name: names.privateKey || "" }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Repeated({
						name: names.attributes || "",
						value: Attribute.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$70) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PrivateKeyInfo.schema({ names: {
			version: VERSION$19,
			privateKeyAlgorithm: { names: { blockName: PRIVATE_KEY_ALGORITHM } },
			privateKey: PRIVATE_KEY,
			attributes: ATTRIBUTES$5
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.privateKeyAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.privateKeyAlgorithm });
		this.privateKey = asn1.result.privateKey;
		if (ATTRIBUTES$5 in asn1.result) this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
		switch (this.privateKeyAlgorithm.algorithmId) {
			case "1.2.840.113549.1.1.1":
				{
					const privateKeyASN1 = build.fromBER(this.privateKey.valueBlock.valueHexView);
					if (privateKeyASN1.offset !== -1) this.parsedKey = new RSAPrivateKey({ schema: privateKeyASN1.result });
				}
				break;
			case "1.2.840.10045.2.1": if ("algorithmParams" in this.privateKeyAlgorithm) {
				if (this.privateKeyAlgorithm.algorithmParams instanceof build.ObjectIdentifier) {
					const privateKeyASN1 = build.fromBER(this.privateKey.valueBlock.valueHexView);
					if (privateKeyASN1.offset !== -1) this.parsedKey = new ECPrivateKey({
						namedCurve: this.privateKeyAlgorithm.algorithmParams.valueBlock.toString(),
						schema: privateKeyASN1.result
					});
				}
			}
		}
	}
	toSchema() {
		const outputArray = [
			new build.Integer({ value: this.version }),
			this.privateKeyAlgorithm.toSchema(),
			this.privateKey
		];
		if (this.attributes) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: Array.from(this.attributes, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		if (!this.parsedKey) {
			const object = {
				version: this.version,
				privateKeyAlgorithm: this.privateKeyAlgorithm.toJSON(),
				privateKey: this.privateKey.toJSON()
			};
			if (this.attributes) object.attributes = Array.from(this.attributes, (o) => o.toJSON());
			return object;
		}
		const jwk = {};
		switch (this.privateKeyAlgorithm.algorithmId) {
			case "1.2.840.10045.2.1":
				jwk.kty = "EC";
				break;
			case "1.2.840.113549.1.1.1": jwk.kty = "RSA";
		}
		const publicKeyJWK = this.parsedKey.toJSON();
		Object.assign(jwk, publicKeyJWK);
		return jwk;
	}
	fromJSON(json) {
		if ("kty" in json) {
			switch (json.kty.toUpperCase()) {
				case "EC":
					this.parsedKey = new ECPrivateKey({ json });
					this.privateKeyAlgorithm = new AlgorithmIdentifier({
						algorithmId: "1.2.840.10045.2.1",
						algorithmParams: new build.ObjectIdentifier({ value: this.parsedKey.namedCurve })
					});
					break;
				case "RSA":
					this.parsedKey = new RSAPrivateKey({ json });
					this.privateKeyAlgorithm = new AlgorithmIdentifier({
						algorithmId: "1.2.840.113549.1.1.1",
						algorithmParams: new build.Null()
					});
					break;
				default: throw new Error(`Invalid value for "kty" parameter: ${json.kty}`);
			}
			this.privateKey = new build.OctetString({ valueHex: this.parsedKey.toSchema().toBER(false) });
		}
	}
};
//#endregion
//#region src/EncryptedContentInfo.ts
const CONTENT_TYPE$1 = "contentType";
const CONTENT_ENCRYPTION_ALGORITHM = "contentEncryptionAlgorithm";
const ENCRYPTED_CONTENT = "encryptedContent";
const CLEAR_PROPS$69 = [
	CONTENT_TYPE$1,
	CONTENT_ENCRYPTION_ALGORITHM,
	ENCRYPTED_CONTENT
];
const PIECE_SIZE = 1024;
var EncryptedContentInfo = class EncryptedContentInfo extends PkiObject {
	static {
		this.CLASS_NAME = "EncryptedContentInfo";
	}
	constructor(parameters = {}) {
		super();
		this.contentType = parameters[CONTENT_TYPE$1] ?? EncryptedContentInfo.defaultValues(CONTENT_TYPE$1);
		this.contentEncryptionAlgorithm = parameters[CONTENT_ENCRYPTION_ALGORITHM] ?? EncryptedContentInfo.defaultValues(CONTENT_ENCRYPTION_ALGORITHM);
		if (ENCRYPTED_CONTENT in parameters && parameters.encryptedContent) {
			this.encryptedContent = parameters.encryptedContent;
			if (this.encryptedContent.idBlock.tagClass === 1 && this.encryptedContent.idBlock.tagNumber === 4) {
				if (this.encryptedContent.idBlock.isConstructed === false && !parameters.disableSplit) {
					const constrString = new build.OctetString({
						idBlock: { isConstructed: true },
						isConstructed: true
					});
					let offset = 0;
					const valueHex = this.encryptedContent.valueBlock.valueHexView.slice().buffer;
					let length = valueHex.byteLength;
					while (length > 0) {
						const pieceView = new Uint8Array(valueHex, offset, offset + PIECE_SIZE > valueHex.byteLength ? valueHex.byteLength - offset : PIECE_SIZE);
						const _array = new ArrayBuffer(pieceView.length);
						const _view = new Uint8Array(_array);
						for (let i = 0; i < _view.length; i++) _view[i] = pieceView[i];
						constrString.valueBlock.value.push(new build.OctetString({ valueHex: _array }));
						length -= pieceView.length;
						offset += pieceView.length;
					}
					this.encryptedContent = constrString;
				}
			}
		}
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CONTENT_TYPE$1: return "";
			case CONTENT_ENCRYPTION_ALGORITHM: return new AlgorithmIdentifier();
			case ENCRYPTED_CONTENT: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CONTENT_TYPE$1: return memberValue === "";
			case CONTENT_ENCRYPTION_ALGORITHM: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case ENCRYPTED_CONTENT: return memberValue.isEqual(EncryptedContentInfo.defaultValues(ENCRYPTED_CONTENT));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.ObjectIdentifier({ name: names.contentType || "" }),
				AlgorithmIdentifier.schema(names.contentEncryptionAlgorithm || {}),
				new build.Choice({ value: [new build.Constructed({
					name: names.encryptedContent || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Repeated({ value: new build.OctetString() })]
				}), new build.Primitive({
					name: names.encryptedContent || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					}
				})] })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$69) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, EncryptedContentInfo.schema({ names: {
			contentType: CONTENT_TYPE$1,
			contentEncryptionAlgorithm: { names: { blockName: CONTENT_ENCRYPTION_ALGORITHM } },
			encryptedContent: ENCRYPTED_CONTENT
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.contentType = asn1.result.contentType.valueBlock.toString();
		this.contentEncryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.contentEncryptionAlgorithm });
		if (ENCRYPTED_CONTENT in asn1.result) {
			this.encryptedContent = asn1.result.encryptedContent;
			this.encryptedContent.idBlock.tagClass = 1;
			this.encryptedContent.idBlock.tagNumber = 4;
		}
	}
	toSchema() {
		const sequenceLengthBlock = { isIndefiniteForm: false };
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.contentType }));
		outputArray.push(this.contentEncryptionAlgorithm.toSchema());
		if (this.encryptedContent) {
			sequenceLengthBlock.isIndefiniteForm = this.encryptedContent.idBlock.isConstructed;
			const encryptedValue = this.encryptedContent;
			encryptedValue.idBlock.tagClass = 3;
			encryptedValue.idBlock.tagNumber = 0;
			encryptedValue.lenBlock.isIndefiniteForm = this.encryptedContent.idBlock.isConstructed;
			outputArray.push(encryptedValue);
		}
		return new build.Sequence({
			lenBlock: sequenceLengthBlock,
			value: outputArray
		});
	}
	toJSON() {
		const res = {
			contentType: this.contentType,
			contentEncryptionAlgorithm: this.contentEncryptionAlgorithm.toJSON()
		};
		if (this.encryptedContent) res.encryptedContent = this.encryptedContent.toJSON();
		return res;
	}
	getEncryptedContent() {
		if (!this.encryptedContent) throw new Error("Parameter 'encryptedContent' is undefined");
		return build.OctetString.prototype.getValue.call(this.encryptedContent);
	}
};
//#endregion
//#region src/RSASSAPSSParams.ts
const HASH_ALGORITHM$4 = "hashAlgorithm";
const MASK_GEN_ALGORITHM$1 = "maskGenAlgorithm";
const SALT_LENGTH = "saltLength";
const TRAILER_FIELD = "trailerField";
const CLEAR_PROPS$68 = [
	HASH_ALGORITHM$4,
	MASK_GEN_ALGORITHM$1,
	SALT_LENGTH,
	TRAILER_FIELD
];
var RSASSAPSSParams = class RSASSAPSSParams extends PkiObject {
	static {
		this.CLASS_NAME = "RSASSAPSSParams";
	}
	constructor(parameters = {}) {
		super();
		this.hashAlgorithm = parameters[HASH_ALGORITHM$4] ?? RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4);
		this.maskGenAlgorithm = parameters[MASK_GEN_ALGORITHM$1] ?? RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1);
		this.saltLength = parameters[SALT_LENGTH] ?? RSASSAPSSParams.defaultValues(SALT_LENGTH);
		this.trailerField = parameters[TRAILER_FIELD] ?? RSASSAPSSParams.defaultValues(TRAILER_FIELD);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case HASH_ALGORITHM$4: return new AlgorithmIdentifier({
				algorithmId: "1.3.14.3.2.26",
				algorithmParams: new build.Null()
			});
			case MASK_GEN_ALGORITHM$1: return new AlgorithmIdentifier({
				algorithmId: "1.2.840.113549.1.1.8",
				algorithmParams: new AlgorithmIdentifier({
					algorithmId: "1.3.14.3.2.26",
					algorithmParams: new build.Null()
				}).toSchema()
			});
			case SALT_LENGTH: return 20;
			case TRAILER_FIELD: return 1;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					optional: true,
					value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {})]
				}),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					optional: true,
					value: [AlgorithmIdentifier.schema(names.maskGenAlgorithm || {})]
				}),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					optional: true,
					value: [new build.Integer({ name: names.saltLength || "" })]
				}),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 3
					},
					optional: true,
					value: [new build.Integer({ name: names.trailerField || "" })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$68) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RSASSAPSSParams.schema({ names: {
			hashAlgorithm: { names: { blockName: HASH_ALGORITHM$4 } },
			maskGenAlgorithm: { names: { blockName: MASK_GEN_ALGORITHM$1 } },
			saltLength: SALT_LENGTH,
			trailerField: TRAILER_FIELD
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (HASH_ALGORITHM$4 in asn1.result) this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
		if (MASK_GEN_ALGORITHM$1 in asn1.result) this.maskGenAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.maskGenAlgorithm });
		if (SALT_LENGTH in asn1.result) this.saltLength = asn1.result.saltLength.valueBlock.valueDec;
		if (TRAILER_FIELD in asn1.result) this.trailerField = asn1.result.trailerField.valueBlock.valueDec;
	}
	toSchema() {
		const outputArray = [];
		if (!this.hashAlgorithm.isEqual(RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4))) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.hashAlgorithm.toSchema()]
		}));
		if (!this.maskGenAlgorithm.isEqual(RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1))) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [this.maskGenAlgorithm.toSchema()]
		}));
		if (this.saltLength !== RSASSAPSSParams.defaultValues(SALT_LENGTH)) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			value: [new build.Integer({ value: this.saltLength })]
		}));
		if (this.trailerField !== RSASSAPSSParams.defaultValues(TRAILER_FIELD)) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 3
			},
			value: [new build.Integer({ value: this.trailerField })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {};
		if (!this.hashAlgorithm.isEqual(RSASSAPSSParams.defaultValues(HASH_ALGORITHM$4))) res.hashAlgorithm = this.hashAlgorithm.toJSON();
		if (!this.maskGenAlgorithm.isEqual(RSASSAPSSParams.defaultValues(MASK_GEN_ALGORITHM$1))) res.maskGenAlgorithm = this.maskGenAlgorithm.toJSON();
		if (this.saltLength !== RSASSAPSSParams.defaultValues(SALT_LENGTH)) res.saltLength = this.saltLength;
		if (this.trailerField !== RSASSAPSSParams.defaultValues(TRAILER_FIELD)) res.trailerField = this.trailerField;
		return res;
	}
};
//#endregion
//#region src/PBKDF2Params.ts
const SALT = "salt";
const ITERATION_COUNT = "iterationCount";
const KEY_LENGTH = "keyLength";
const PRF = "prf";
const CLEAR_PROPS$67 = [
	SALT,
	ITERATION_COUNT,
	KEY_LENGTH,
	PRF
];
var PBKDF2Params = class PBKDF2Params extends PkiObject {
	static {
		this.CLASS_NAME = "PBKDF2Params";
	}
	constructor(parameters = {}) {
		super();
		this.salt = parameters[SALT] ?? PBKDF2Params.defaultValues(SALT);
		this.iterationCount = parameters[ITERATION_COUNT] ?? PBKDF2Params.defaultValues(ITERATION_COUNT);
		if (KEY_LENGTH in parameters) this.keyLength = parameters[KEY_LENGTH] ?? PBKDF2Params.defaultValues(KEY_LENGTH);
		if (PRF in parameters) this.prf = parameters[PRF] ?? PBKDF2Params.defaultValues(PRF);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SALT: return {};
			case ITERATION_COUNT: return -1;
			case KEY_LENGTH: return 0;
			case PRF: return new AlgorithmIdentifier({
				algorithmId: "1.3.14.3.2.26",
				algorithmParams: new build.Null()
			});
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Choice({ value: [new build.OctetString({ name: names.saltPrimitive || "" }), AlgorithmIdentifier.schema(names.saltConstructed || {})] }),
				new build.Integer({ name: names.iterationCount || "" }),
				new build.Integer({
					name: names.keyLength || "",
					optional: true
				}),
				AlgorithmIdentifier.schema(names.prf || { names: { optional: true } })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$67) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PBKDF2Params.schema({ names: {
			saltPrimitive: SALT,
			saltConstructed: { names: { blockName: SALT } },
			iterationCount: ITERATION_COUNT,
			keyLength: KEY_LENGTH,
			prf: { names: {
				blockName: PRF,
				optional: true
			} }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.salt = asn1.result.salt;
		this.iterationCount = asn1.result.iterationCount.valueBlock.valueDec;
		if (KEY_LENGTH in asn1.result) this.keyLength = asn1.result.keyLength.valueBlock.valueDec;
		if (PRF in asn1.result) this.prf = new AlgorithmIdentifier({ schema: asn1.result.prf });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.salt);
		outputArray.push(new build.Integer({ value: this.iterationCount }));
		if (KEY_LENGTH in this) {
			if (PBKDF2Params.defaultValues(KEY_LENGTH) !== this.keyLength) outputArray.push(new build.Integer({ value: this.keyLength }));
		}
		if (this.prf) {
			if (PBKDF2Params.defaultValues(PRF).isEqual(this.prf) === false) outputArray.push(this.prf.toSchema());
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			salt: this.salt.toJSON(),
			iterationCount: this.iterationCount
		};
		if (KEY_LENGTH in this) {
			if (PBKDF2Params.defaultValues(KEY_LENGTH) !== this.keyLength) res.keyLength = this.keyLength;
		}
		if (this.prf) {
			if (PBKDF2Params.defaultValues(PRF).isEqual(this.prf) === false) res.prf = this.prf.toJSON();
		}
		return res;
	}
};
//#endregion
//#region src/PBES2Params.ts
const KEY_DERIVATION_FUNC = "keyDerivationFunc";
const ENCRYPTION_SCHEME = "encryptionScheme";
const CLEAR_PROPS$66 = [KEY_DERIVATION_FUNC, ENCRYPTION_SCHEME];
var PBES2Params = class PBES2Params extends PkiObject {
	static {
		this.CLASS_NAME = "PBES2Params";
	}
	constructor(parameters = {}) {
		super();
		this.keyDerivationFunc = parameters[KEY_DERIVATION_FUNC] ?? PBES2Params.defaultValues(KEY_DERIVATION_FUNC);
		this.encryptionScheme = parameters[ENCRYPTION_SCHEME] ?? PBES2Params.defaultValues(ENCRYPTION_SCHEME);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_DERIVATION_FUNC: return new AlgorithmIdentifier();
			case ENCRYPTION_SCHEME: return new AlgorithmIdentifier();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.keyDerivationFunc || {}), AlgorithmIdentifier.schema(names.encryptionScheme || {})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$66) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PBES2Params.schema({ names: {
			keyDerivationFunc: { names: { blockName: KEY_DERIVATION_FUNC } },
			encryptionScheme: { names: { blockName: ENCRYPTION_SCHEME } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.keyDerivationFunc = new AlgorithmIdentifier({ schema: asn1.result.keyDerivationFunc });
		this.encryptionScheme = new AlgorithmIdentifier({ schema: asn1.result.encryptionScheme });
	}
	toSchema() {
		return new build.Sequence({ value: [this.keyDerivationFunc.toSchema(), this.encryptionScheme.toSchema()] });
	}
	toJSON() {
		return {
			keyDerivationFunc: this.keyDerivationFunc.toJSON(),
			encryptionScheme: this.encryptionScheme.toJSON()
		};
	}
};
//#endregion
//#region src/CryptoEngine/AbstractCryptoEngine.ts
var AbstractCryptoEngine = class {
	constructor(parameters) {
		this.crypto = parameters.crypto;
		this.subtle = "webkitSubtle" in parameters.crypto ? parameters.crypto.webkitSubtle : parameters.crypto.subtle;
		this.name = parameters.name ?? "";
	}
	async encrypt(...args) {
		return this.subtle.encrypt(...args);
	}
	async decrypt(...args) {
		return this.subtle.decrypt(...args);
	}
	sign(...args) {
		return this.subtle.sign(...args);
	}
	async verify(...args) {
		return this.subtle.verify(...args);
	}
	async digest(...args) {
		return this.subtle.digest(...args);
	}
	async generateKey(...args) {
		return this.subtle.generateKey(...args);
	}
	async deriveKey(...args) {
		return this.subtle.deriveKey(...args);
	}
	async deriveBits(...args) {
		return this.subtle.deriveBits(...args);
	}
	async wrapKey(...args) {
		return this.subtle.wrapKey(...args);
	}
	async unwrapKey(...args) {
		return this.subtle.unwrapKey(...args);
	}
	exportKey(...args) {
		return this.subtle.exportKey(...args);
	}
	importKey(...args) {
		return this.subtle.importKey(...args);
	}
	getRandomValues(array) {
		if (array === null) throw new Error("Argument \"array\" must not be null");
		return this.crypto.getRandomValues(array);
	}
};
//#endregion
//#region src/CryptoEngine/CryptoEngine.ts
async function makePKCS12B2Key(hashAlgorithm, keyLength, password, salt, iterationCount) {
	let u;
	let v;
	let md;
	switch (hashAlgorithm.toUpperCase()) {
		case "SHA-1":
			u = 20;
			v = 64;
			md = sha1;
			break;
		case "SHA-256":
			u = 32;
			v = 64;
			md = sha2/* sha256 */.sc;
			break;
		case "SHA-384":
			u = 48;
			v = 128;
			md = sha2/* sha384 */.qt;
			break;
		case "SHA-512":
			u = 64;
			v = 128;
			md = sha2/* sha512 */.Zf;
			break;
		default: throw new Error("Unsupported hashing algorithm");
	}
	const originalPassword = new Uint8Array(password);
	let decodedPassword = new TextDecoder().decode(password);
	if (new TextEncoder().encode(decodedPassword).some((byte, i) => byte !== originalPassword[i])) decodedPassword = String.fromCharCode(...originalPassword);
	const passwordTransformed = new Uint8Array(decodedPassword.length * 2 + 2);
	const passwordView = new DataView(passwordTransformed.buffer);
	for (let i = 0; i < decodedPassword.length; i++) passwordView.setUint16(i * 2, decodedPassword.charCodeAt(i), false);
	passwordView.setUint16(decodedPassword.length * 2, 0, false);
	const D = new Uint8Array(v).fill(3);
	const saltView = new Uint8Array(salt);
	const S = new Uint8Array(v * Math.ceil(saltView.length / v)).map((_, i) => saltView[i % saltView.length]);
	const P = new Uint8Array(v * Math.ceil(passwordTransformed.length / v)).map((_, i) => passwordTransformed[i % passwordTransformed.length]);
	let I = new Uint8Array(S.length + P.length);
	I.set(S);
	I.set(P, S.length);
	const c = Math.ceil((keyLength >> 3) / u);
	const result = [];
	for (let i = 0; i < c; i++) {
		let A = new Uint8Array(D.length + I.length);
		A.set(D);
		A.set(I, D.length);
		for (let j = 0; j < iterationCount; j++) A = md(A);
		const B = new Uint8Array(v).map((_, i) => A[i % A.length]);
		const k = Math.ceil(saltView.length / v) + Math.ceil(passwordTransformed.length / v);
		const iRound = [];
		for (let j = 0; j < k; j++) {
			const chunk = Array.from(I.slice(j * v, (j + 1) * v));
			let x = 511;
			for (let l = B.length - 1; l >= 0; l--) {
				x >>= 8;
				x += B[l] + (chunk[l] || 0);
				chunk[l] = x & 255;
			}
			iRound.push(...chunk);
		}
		I = new Uint8Array(iRound);
		result.push(...A);
	}
	return new Uint8Array(result.slice(0, keyLength >> 3)).buffer;
}
function prepareAlgorithm(data) {
	const res = typeof data === "string" ? { name: data } : data;
	if ("hash" in res) return {
		...res,
		hash: prepareAlgorithm(res.hash)
	};
	return res;
}
var CryptoEngine = class extends AbstractCryptoEngine {
	async importKey(format, keyData, algorithm, extractable, keyUsages) {
		let jwk = {};
		const alg = prepareAlgorithm(algorithm);
		switch (format.toLowerCase()) {
			case "raw": return this.subtle.importKey("raw", keyData, algorithm, extractable, keyUsages);
			case "spki":
				{
					const asn1 = build.fromBER((0,buffer_source/* toArrayBuffer */.XA)(keyData));
					AsnError.assert(asn1, "keyData");
					const publicKeyInfo = new PublicKeyInfo();
					try {
						publicKeyInfo.fromSchema(asn1.result);
					} catch {
						throw new ArgumentError("Incorrect keyData");
					}
					switch (alg.name.toUpperCase()) {
						case "RSA-PSS":
							{
								keyUsages = ["verify"];
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								if (!["1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10"].includes(publicKeyInfo.algorithm.algorithmId)) throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
								if (!alg.hash) throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
								switch (alg.hash.name.toUpperCase()) {
									case "SHA-1":
										jwk.alg = "PS1";
										break;
									case "SHA-256":
										jwk.alg = "PS256";
										break;
									case "SHA-384":
										jwk.alg = "PS384";
										break;
									case "SHA-512":
										jwk.alg = "PS512";
										break;
									default: throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
								}
								const rsaPssPublicKeyJSON = publicKeyInfo.toJSON();
								Object.assign(jwk, rsaPssPublicKeyJSON);
							}
							break;
						case "RSASSA-PKCS1-V1_5":
							{
								keyUsages = ["verify"];
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								if (publicKeyInfo.algorithm.algorithmId !== "1.2.840.113549.1.1.1") throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
								if (!alg.hash) throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
								switch (alg.hash.name.toUpperCase()) {
									case "SHA-1":
										jwk.alg = "RS1";
										break;
									case "SHA-256":
										jwk.alg = "RS256";
										break;
									case "SHA-384":
										jwk.alg = "RS384";
										break;
									case "SHA-512":
										jwk.alg = "RS512";
										break;
									default: throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
								}
								const rsaPublicKeyJSON = publicKeyInfo.toJSON();
								Object.assign(jwk, rsaPublicKeyJSON);
							}
							break;
						case "ECDSA": keyUsages = ["verify"];
						case "ECDH":
							{
								jwk = {
									kty: "EC",
									ext: extractable,
									key_ops: keyUsages
								};
								if (publicKeyInfo.algorithm.algorithmId !== "1.2.840.10045.2.1") throw new Error(`Incorrect public key algorithm: ${publicKeyInfo.algorithm.algorithmId}`);
								const publicKeyJSON = publicKeyInfo.toJSON();
								Object.assign(jwk, publicKeyJSON);
							}
							break;
						case "RSA-OAEP":
							{
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								if (this.name.toLowerCase() === "safari") jwk.alg = "RSA-OAEP";
								else {
									if (!alg.hash) throw new ParameterError("hash", "algorithm.hash", "Incorrect hash algorithm: Hash algorithm is missed");
									switch (alg.hash.name.toUpperCase()) {
										case "SHA-1":
											jwk.alg = "RSA-OAEP";
											break;
										case "SHA-256":
											jwk.alg = "RSA-OAEP-256";
											break;
										case "SHA-384":
											jwk.alg = "RSA-OAEP-384";
											break;
										case "SHA-512":
											jwk.alg = "RSA-OAEP-512";
											break;
										default: throw new Error(`Incorrect hash algorithm: ${alg.hash.name.toUpperCase()}`);
									}
								}
								const publicKeyJSON = publicKeyInfo.toJSON();
								Object.assign(jwk, publicKeyJSON);
							}
							break;
						case "RSAES-PKCS1-V1_5":
							{
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								jwk.alg = "PS1";
								const publicKeyJSON = publicKeyInfo.toJSON();
								Object.assign(jwk, publicKeyJSON);
							}
							break;
						default: throw new Error(`Incorrect algorithm name: ${alg.name.toUpperCase()}`);
					}
				}
				break;
			case "pkcs8":
				{
					const privateKeyInfo = new PrivateKeyInfo();
					const asn1 = build.fromBER((0,buffer_source/* toArrayBuffer */.XA)(keyData));
					AsnError.assert(asn1, "keyData");
					try {
						privateKeyInfo.fromSchema(asn1.result);
					} catch {
						throw new Error("Incorrect keyData");
					}
					if (!privateKeyInfo.parsedKey) throw new Error("Incorrect keyData");
					switch (alg.name.toUpperCase()) {
						case "RSA-PSS": switch (alg.hash?.name.toUpperCase()) {
							case "SHA-1":
								jwk.alg = "PS1";
								break;
							case "SHA-256":
								jwk.alg = "PS256";
								break;
							case "SHA-384":
								jwk.alg = "PS384";
								break;
							case "SHA-512":
								jwk.alg = "PS512";
								break;
							default: throw new Error(`Incorrect hash algorithm: ${alg.hash?.name.toUpperCase()}`);
						}
						case "RSASSA-PKCS1-V1_5":
							{
								keyUsages = ["sign"];
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								if (privateKeyInfo.privateKeyAlgorithm.algorithmId !== "1.2.840.113549.1.1.1") throw new Error(`Incorrect private key algorithm: ${privateKeyInfo.privateKeyAlgorithm.algorithmId}`);
								if ("alg" in jwk === false) switch (alg.hash?.name.toUpperCase()) {
									case "SHA-1":
										jwk.alg = "RS1";
										break;
									case "SHA-256":
										jwk.alg = "RS256";
										break;
									case "SHA-384":
										jwk.alg = "RS384";
										break;
									case "SHA-512":
										jwk.alg = "RS512";
										break;
									default: throw new Error(`Incorrect hash algorithm: ${alg.hash?.name.toUpperCase()}`);
								}
								const privateKeyJSON = privateKeyInfo.toJSON();
								Object.assign(jwk, privateKeyJSON);
							}
							break;
						case "ECDSA": keyUsages = ["sign"];
						case "ECDH":
							{
								jwk = {
									kty: "EC",
									ext: extractable,
									key_ops: keyUsages
								};
								if (privateKeyInfo.privateKeyAlgorithm.algorithmId !== "1.2.840.10045.2.1") throw new Error(`Incorrect algorithm: ${privateKeyInfo.privateKeyAlgorithm.algorithmId}`);
								const privateKeyJSON = privateKeyInfo.toJSON();
								Object.assign(jwk, privateKeyJSON);
							}
							break;
						case "RSA-OAEP":
							{
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								if (this.name.toLowerCase() === "safari") jwk.alg = "RSA-OAEP";
								else switch (alg.hash?.name.toUpperCase()) {
									case "SHA-1":
										jwk.alg = "RSA-OAEP";
										break;
									case "SHA-256":
										jwk.alg = "RSA-OAEP-256";
										break;
									case "SHA-384":
										jwk.alg = "RSA-OAEP-384";
										break;
									case "SHA-512":
										jwk.alg = "RSA-OAEP-512";
										break;
									default: throw new Error(`Incorrect hash algorithm: ${alg.hash?.name.toUpperCase()}`);
								}
								const privateKeyJSON = privateKeyInfo.toJSON();
								Object.assign(jwk, privateKeyJSON);
							}
							break;
						case "RSAES-PKCS1-V1_5":
							{
								keyUsages = ["decrypt"];
								jwk.kty = "RSA";
								jwk.ext = extractable;
								jwk.key_ops = keyUsages;
								jwk.alg = "PS1";
								const privateKeyJSON = privateKeyInfo.toJSON();
								Object.assign(jwk, privateKeyJSON);
							}
							break;
						default: throw new Error(`Incorrect algorithm name: ${alg.name.toUpperCase()}`);
					}
				}
				break;
			case "jwk":
				jwk = keyData;
				break;
			default: throw new Error(`Incorrect format: ${format}`);
		}
		if (this.name.toLowerCase() === "safari") try {
			return this.subtle.importKey("jwk", binary/* binary_exports */.cp.decode(JSON.stringify(jwk)).buffer, algorithm, extractable, keyUsages);
		} catch {
			return this.subtle.importKey("jwk", jwk, algorithm, extractable, keyUsages);
		}
		return this.subtle.importKey("jwk", jwk, algorithm, extractable, keyUsages);
	}
	async exportKey(format, key) {
		let jwk = await this.subtle.exportKey("jwk", key);
		if (this.name.toLowerCase() === "safari") {
			if (jwk instanceof ArrayBuffer) jwk = JSON.parse(binary/* binary_exports */.cp.encode(jwk));
		}
		switch (format.toLowerCase()) {
			case "raw": return this.subtle.exportKey("raw", key);
			case "spki": {
				const publicKeyInfo = new PublicKeyInfo();
				try {
					publicKeyInfo.fromJSON(jwk);
				} catch {
					throw new Error("Incorrect key data");
				}
				return publicKeyInfo.toSchema().toBER(false);
			}
			case "pkcs8": {
				const privateKeyInfo = new PrivateKeyInfo();
				try {
					privateKeyInfo.fromJSON(jwk);
				} catch {
					throw new Error("Incorrect key data");
				}
				return privateKeyInfo.toSchema().toBER(false);
			}
			case "jwk": return jwk;
			default: throw new Error(`Incorrect format: ${format}`);
		}
	}
	async convert(inputFormat, outputFormat, keyData, algorithm, extractable, keyUsages) {
		if (inputFormat.toLowerCase() === outputFormat.toLowerCase()) return keyData;
		const key = await this.importKey(inputFormat, keyData, algorithm, extractable, keyUsages);
		return this.exportKey(outputFormat, key);
	}
	getAlgorithmByOID(oid, safety = false, target) {
		switch (oid) {
			case "1.2.840.113549.1.1.1": return { name: "RSAES-PKCS1-v1_5" };
			case "1.2.840.113549.1.1.5": return {
				name: "RSASSA-PKCS1-v1_5",
				hash: { name: "SHA-1" }
			};
			case "1.2.840.113549.1.1.11": return {
				name: "RSASSA-PKCS1-v1_5",
				hash: { name: "SHA-256" }
			};
			case "1.2.840.113549.1.1.12": return {
				name: "RSASSA-PKCS1-v1_5",
				hash: { name: "SHA-384" }
			};
			case "1.2.840.113549.1.1.13": return {
				name: "RSASSA-PKCS1-v1_5",
				hash: { name: "SHA-512" }
			};
			case "1.2.840.113549.1.1.10": return { name: "RSA-PSS" };
			case "1.2.840.113549.1.1.7": return { name: "RSA-OAEP" };
			case "1.2.840.10045.2.1":
			case "1.2.840.10045.4.1": return {
				name: "ECDSA",
				hash: { name: "SHA-1" }
			};
			case "1.2.840.10045.4.3.2": return {
				name: "ECDSA",
				hash: { name: "SHA-256" }
			};
			case "1.2.840.10045.4.3.3": return {
				name: "ECDSA",
				hash: { name: "SHA-384" }
			};
			case "1.2.840.10045.4.3.4": return {
				name: "ECDSA",
				hash: { name: "SHA-512" }
			};
			case "1.3.133.16.840.63.0.2": return {
				name: "ECDH",
				kdf: "SHA-1"
			};
			case "1.3.132.1.11.1": return {
				name: "ECDH",
				kdf: "SHA-256"
			};
			case "1.3.132.1.11.2": return {
				name: "ECDH",
				kdf: "SHA-384"
			};
			case "1.3.132.1.11.3": return {
				name: "ECDH",
				kdf: "SHA-512"
			};
			case "2.16.840.1.101.3.4.1.2": return {
				name: "AES-CBC",
				length: 128
			};
			case "2.16.840.1.101.3.4.1.22": return {
				name: "AES-CBC",
				length: 192
			};
			case "2.16.840.1.101.3.4.1.42": return {
				name: "AES-CBC",
				length: 256
			};
			case "2.16.840.1.101.3.4.1.6": return {
				name: "AES-GCM",
				length: 128
			};
			case "2.16.840.1.101.3.4.1.26": return {
				name: "AES-GCM",
				length: 192
			};
			case "2.16.840.1.101.3.4.1.46": return {
				name: "AES-GCM",
				length: 256
			};
			case "2.16.840.1.101.3.4.1.4": return {
				name: "AES-CFB",
				length: 128
			};
			case "2.16.840.1.101.3.4.1.24": return {
				name: "AES-CFB",
				length: 192
			};
			case "2.16.840.1.101.3.4.1.44": return {
				name: "AES-CFB",
				length: 256
			};
			case "2.16.840.1.101.3.4.1.5": return {
				name: "AES-KW",
				length: 128
			};
			case "2.16.840.1.101.3.4.1.25": return {
				name: "AES-KW",
				length: 192
			};
			case "2.16.840.1.101.3.4.1.45": return {
				name: "AES-KW",
				length: 256
			};
			case "1.2.840.113549.2.7": return {
				name: "HMAC",
				hash: { name: "SHA-1" }
			};
			case "1.2.840.113549.2.9": return {
				name: "HMAC",
				hash: { name: "SHA-256" }
			};
			case "1.2.840.113549.2.10": return {
				name: "HMAC",
				hash: { name: "SHA-384" }
			};
			case "1.2.840.113549.2.11": return {
				name: "HMAC",
				hash: { name: "SHA-512" }
			};
			case "1.2.840.113549.1.9.16.3.5": return { name: "DH" };
			case "1.3.14.3.2.26": return { name: "SHA-1" };
			case "2.16.840.1.101.3.4.2.1": return { name: "SHA-256" };
			case "2.16.840.1.101.3.4.2.2": return { name: "SHA-384" };
			case "2.16.840.1.101.3.4.2.3": return { name: "SHA-512" };
			case "1.2.840.113549.1.5.12": return { name: "PBKDF2" };
			case "1.2.840.10045.3.1.7": return { name: "P-256" };
			case "1.3.132.0.34": return { name: "P-384" };
			case "1.3.132.0.35": return { name: "P-521" };
		}
		if (safety) throw new Error(`Unsupported algorithm identifier ${target ? `for ${target} ` : ""}: ${oid}`);
		return {};
	}
	getOIDByAlgorithm(algorithm, safety = false, target) {
		let result = "";
		switch (algorithm.name.toUpperCase()) {
			case "RSAES-PKCS1-V1_5":
				result = "1.2.840.113549.1.1.1";
				break;
			case "RSASSA-PKCS1-V1_5":
				switch (algorithm.hash.name.toUpperCase()) {
					case "SHA-1":
						result = "1.2.840.113549.1.1.5";
						break;
					case "SHA-256":
						result = "1.2.840.113549.1.1.11";
						break;
					case "SHA-384":
						result = "1.2.840.113549.1.1.12";
						break;
					case "SHA-512": result = "1.2.840.113549.1.1.13";
				}
				break;
			case "RSA-PSS":
				result = "1.2.840.113549.1.1.10";
				break;
			case "RSA-OAEP":
				result = "1.2.840.113549.1.1.7";
				break;
			case "ECDSA":
				switch (algorithm.hash.name.toUpperCase()) {
					case "SHA-1":
						result = "1.2.840.10045.4.1";
						break;
					case "SHA-256":
						result = "1.2.840.10045.4.3.2";
						break;
					case "SHA-384":
						result = "1.2.840.10045.4.3.3";
						break;
					case "SHA-512": result = "1.2.840.10045.4.3.4";
				}
				break;
			case "ECDH":
				switch (algorithm.kdf.toUpperCase()) {
					case "SHA-1":
						result = "1.3.133.16.840.63.0.2";
						break;
					case "SHA-256":
						result = "1.3.132.1.11.1";
						break;
					case "SHA-384":
						result = "1.3.132.1.11.2";
						break;
					case "SHA-512": result = "1.3.132.1.11.3";
				}
				break;
			case "AES-CTR": break;
			case "AES-CBC":
				switch (algorithm.length) {
					case 128:
						result = "2.16.840.1.101.3.4.1.2";
						break;
					case 192:
						result = "2.16.840.1.101.3.4.1.22";
						break;
					case 256: result = "2.16.840.1.101.3.4.1.42";
				}
				break;
			case "AES-CMAC": break;
			case "AES-GCM":
				switch (algorithm.length) {
					case 128:
						result = "2.16.840.1.101.3.4.1.6";
						break;
					case 192:
						result = "2.16.840.1.101.3.4.1.26";
						break;
					case 256: result = "2.16.840.1.101.3.4.1.46";
				}
				break;
			case "AES-CFB":
				switch (algorithm.length) {
					case 128:
						result = "2.16.840.1.101.3.4.1.4";
						break;
					case 192:
						result = "2.16.840.1.101.3.4.1.24";
						break;
					case 256: result = "2.16.840.1.101.3.4.1.44";
				}
				break;
			case "AES-KW":
				switch (algorithm.length) {
					case 128:
						result = "2.16.840.1.101.3.4.1.5";
						break;
					case 192:
						result = "2.16.840.1.101.3.4.1.25";
						break;
					case 256: result = "2.16.840.1.101.3.4.1.45";
				}
				break;
			case "HMAC":
				switch (algorithm.hash.name.toUpperCase()) {
					case "SHA-1":
						result = "1.2.840.113549.2.7";
						break;
					case "SHA-256":
						result = "1.2.840.113549.2.9";
						break;
					case "SHA-384":
						result = "1.2.840.113549.2.10";
						break;
					case "SHA-512": result = "1.2.840.113549.2.11";
				}
				break;
			case "DH":
				result = "1.2.840.113549.1.9.16.3.5";
				break;
			case "SHA-1":
				result = "1.3.14.3.2.26";
				break;
			case "SHA-256":
				result = "2.16.840.1.101.3.4.2.1";
				break;
			case "SHA-384":
				result = "2.16.840.1.101.3.4.2.2";
				break;
			case "SHA-512":
				result = "2.16.840.1.101.3.4.2.3";
				break;
			case "CONCAT": break;
			case "HKDF": break;
			case "PBKDF2":
				result = "1.2.840.113549.1.5.12";
				break;
			case "P-256":
				result = "1.2.840.10045.3.1.7";
				break;
			case "P-384":
				result = "1.3.132.0.34";
				break;
			case "P-521": result = "1.3.132.0.35";
		}
		if (!result && safety) throw new Error(`Unsupported algorithm ${target ? `for ${target} ` : ""}: ${algorithm.name}`);
		return result;
	}
	getAlgorithmParameters(algorithmName, operation) {
		let result = {
			algorithm: {},
			usages: []
		};
		switch (algorithmName.toUpperCase()) {
			case "RSAES-PKCS1-V1_5":
			case "RSASSA-PKCS1-V1_5":
				switch (operation.toLowerCase()) {
					case "generatekey":
						result = {
							algorithm: {
								name: "RSASSA-PKCS1-v1_5",
								modulusLength: 2048,
								publicExponent: new Uint8Array([
									1,
									0,
									1
								]),
								hash: { name: "SHA-256" }
							},
							usages: ["sign", "verify"]
						};
						break;
					case "verify":
					case "sign":
					case "importkey":
						result = {
							algorithm: {
								name: "RSASSA-PKCS1-v1_5",
								hash: { name: "SHA-256" }
							},
							usages: ["verify"]
						};
						break;
					default: return {
						algorithm: { name: "RSASSA-PKCS1-v1_5" },
						usages: []
					};
				}
				break;
			case "RSA-PSS":
				switch (operation.toLowerCase()) {
					case "sign":
					case "verify":
						result = {
							algorithm: {
								name: "RSA-PSS",
								hash: { name: "SHA-1" },
								saltLength: 20
							},
							usages: ["sign", "verify"]
						};
						break;
					case "generatekey":
						result = {
							algorithm: {
								name: "RSA-PSS",
								modulusLength: 2048,
								publicExponent: new Uint8Array([
									1,
									0,
									1
								]),
								hash: { name: "SHA-1" }
							},
							usages: ["sign", "verify"]
						};
						break;
					case "importkey":
						result = {
							algorithm: {
								name: "RSA-PSS",
								hash: { name: "SHA-1" }
							},
							usages: ["verify"]
						};
						break;
					default: return {
						algorithm: { name: "RSA-PSS" },
						usages: []
					};
				}
				break;
			case "RSA-OAEP":
				switch (operation.toLowerCase()) {
					case "encrypt":
					case "decrypt":
						result = {
							algorithm: { name: "RSA-OAEP" },
							usages: ["encrypt", "decrypt"]
						};
						break;
					case "generatekey":
						result = {
							algorithm: {
								name: "RSA-OAEP",
								modulusLength: 2048,
								publicExponent: new Uint8Array([
									1,
									0,
									1
								]),
								hash: { name: "SHA-256" }
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					case "importkey":
						result = {
							algorithm: {
								name: "RSA-OAEP",
								hash: { name: "SHA-256" }
							},
							usages: ["encrypt"]
						};
						break;
					default: return {
						algorithm: { name: "RSA-OAEP" },
						usages: []
					};
				}
				break;
			case "ECDSA":
				switch (operation.toLowerCase()) {
					case "generatekey":
						result = {
							algorithm: {
								name: "ECDSA",
								namedCurve: "P-256"
							},
							usages: ["sign", "verify"]
						};
						break;
					case "importkey":
						result = {
							algorithm: {
								name: "ECDSA",
								namedCurve: "P-256"
							},
							usages: ["verify"]
						};
						break;
					case "verify":
					case "sign":
						result = {
							algorithm: {
								name: "ECDSA",
								hash: { name: "SHA-256" }
							},
							usages: ["sign"]
						};
						break;
					default: return {
						algorithm: { name: "ECDSA" },
						usages: []
					};
				}
				break;
			case "ECDH":
				switch (operation.toLowerCase()) {
					case "exportkey":
					case "importkey":
					case "generatekey":
						result = {
							algorithm: {
								name: "ECDH",
								namedCurve: "P-256"
							},
							usages: ["deriveKey", "deriveBits"]
						};
						break;
					case "derivekey":
					case "derivebits":
						result = {
							algorithm: {
								name: "ECDH",
								namedCurve: "P-256",
								public: []
							},
							usages: ["encrypt", "decrypt"]
						};
						break;
					default: return {
						algorithm: { name: "ECDH" },
						usages: []
					};
				}
				break;
			case "AES-CTR":
				switch (operation.toLowerCase()) {
					case "importkey":
					case "exportkey":
					case "generatekey":
						result = {
							algorithm: {
								name: "AES-CTR",
								length: 256
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					case "decrypt":
					case "encrypt":
						result = {
							algorithm: {
								name: "AES-CTR",
								counter: /* @__PURE__ */ new Uint8Array(16),
								length: 10
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					default: return {
						algorithm: { name: "AES-CTR" },
						usages: []
					};
				}
				break;
			case "AES-CBC":
				switch (operation.toLowerCase()) {
					case "importkey":
					case "exportkey":
					case "generatekey":
						result = {
							algorithm: {
								name: "AES-CBC",
								length: 256
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					case "decrypt":
					case "encrypt":
						result = {
							algorithm: {
								name: "AES-CBC",
								iv: this.getRandomValues(/* @__PURE__ */ new Uint8Array(16))
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					default: return {
						algorithm: { name: "AES-CBC" },
						usages: []
					};
				}
				break;
			case "AES-GCM":
				switch (operation.toLowerCase()) {
					case "importkey":
					case "exportkey":
					case "generatekey":
						result = {
							algorithm: {
								name: "AES-GCM",
								length: 256
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					case "decrypt":
					case "encrypt":
						result = {
							algorithm: {
								name: "AES-GCM",
								iv: this.getRandomValues(/* @__PURE__ */ new Uint8Array(16))
							},
							usages: [
								"encrypt",
								"decrypt",
								"wrapKey",
								"unwrapKey"
							]
						};
						break;
					default: return {
						algorithm: { name: "AES-GCM" },
						usages: []
					};
				}
				break;
			case "AES-KW":
				switch (operation.toLowerCase()) {
					case "importkey":
					case "exportkey":
					case "generatekey":
					case "wrapkey":
					case "unwrapkey":
						result = {
							algorithm: {
								name: "AES-KW",
								length: 256
							},
							usages: ["wrapKey", "unwrapKey"]
						};
						break;
					default: return {
						algorithm: { name: "AES-KW" },
						usages: []
					};
				}
				break;
			case "HMAC":
				switch (operation.toLowerCase()) {
					case "sign":
					case "verify":
						result = {
							algorithm: { name: "HMAC" },
							usages: ["sign", "verify"]
						};
						break;
					case "importkey":
					case "exportkey":
					case "generatekey":
						result = {
							algorithm: {
								name: "HMAC",
								length: 32,
								hash: { name: "SHA-256" }
							},
							usages: ["sign", "verify"]
						};
						break;
					default: return {
						algorithm: { name: "HMAC" },
						usages: []
					};
				}
				break;
			case "HKDF":
				switch (operation.toLowerCase()) {
					case "derivekey":
						result = {
							algorithm: {
								name: "HKDF",
								hash: "SHA-256",
								salt: new Uint8Array([]),
								info: new Uint8Array([])
							},
							usages: ["encrypt", "decrypt"]
						};
						break;
					default: return {
						algorithm: { name: "HKDF" },
						usages: []
					};
				}
				break;
			case "PBKDF2": switch (operation.toLowerCase()) {
				case "derivekey":
					result = {
						algorithm: {
							name: "PBKDF2",
							hash: { name: "SHA-256" },
							salt: new Uint8Array([]),
							iterations: 1e4
						},
						usages: ["encrypt", "decrypt"]
					};
					break;
				default: return {
					algorithm: { name: "PBKDF2" },
					usages: []
				};
			}
		}
		return result;
	}
	getHashAlgorithm(signatureAlgorithm) {
		let result = "";
		switch (signatureAlgorithm.algorithmId) {
			case "1.2.840.10045.4.1":
			case "1.2.840.113549.1.1.5":
				result = "SHA-1";
				break;
			case "1.2.840.10045.4.3.2":
			case "1.2.840.113549.1.1.11":
				result = "SHA-256";
				break;
			case "1.2.840.10045.4.3.3":
			case "1.2.840.113549.1.1.12":
				result = "SHA-384";
				break;
			case "1.2.840.10045.4.3.4":
			case "1.2.840.113549.1.1.13":
				result = "SHA-512";
				break;
			case "1.2.840.113549.1.1.10": try {
				const params = new RSASSAPSSParams({ schema: signatureAlgorithm.algorithmParams });
				if (params.hashAlgorithm) {
					const algorithm = this.getAlgorithmByOID(params.hashAlgorithm.algorithmId);
					if ("name" in algorithm) result = algorithm.name;
					else return "";
				} else result = "SHA-1";
			} catch {}
		}
		return result;
	}
	async encryptEncryptedContentInfo(parameters) {
		ParameterError.assert(parameters, "password", "contentEncryptionAlgorithm", "hmacHashAlgorithm", "iterationCount", "contentToEncrypt", "contentToEncrypt", "contentType");
		const contentEncryptionOID = this.getOIDByAlgorithm(parameters.contentEncryptionAlgorithm, true, "contentEncryptionAlgorithm");
		const pbkdf2OID = this.getOIDByAlgorithm({ name: "PBKDF2" }, true, "PBKDF2");
		const hmacOID = this.getOIDByAlgorithm({
			name: "HMAC",
			hash: { name: parameters.hmacHashAlgorithm }
		}, true, "hmacHashAlgorithm");
		const ivBuffer = /* @__PURE__ */ new ArrayBuffer(16);
		const ivView = new Uint8Array(ivBuffer);
		this.getRandomValues(ivView);
		const saltBuffer = /* @__PURE__ */ new ArrayBuffer(64);
		const saltView = new Uint8Array(saltBuffer);
		this.getRandomValues(saltView);
		const contentView = new Uint8Array(parameters.contentToEncrypt);
		const pbkdf2Params = new PBKDF2Params({
			salt: new build.OctetString({ valueHex: saltBuffer }),
			iterationCount: parameters.iterationCount,
			prf: new AlgorithmIdentifier({
				algorithmId: hmacOID,
				algorithmParams: new build.Null()
			})
		});
		const passwordView = new Uint8Array(parameters.password);
		const pbkdfKey = await this.importKey("raw", passwordView, "PBKDF2", false, ["deriveKey"]);
		const derivedKey = await this.deriveKey({
			name: "PBKDF2",
			hash: { name: parameters.hmacHashAlgorithm },
			salt: saltView,
			iterations: parameters.iterationCount
		}, pbkdfKey, parameters.contentEncryptionAlgorithm, false, ["encrypt"]);
		const encryptedData = await this.encrypt({
			name: parameters.contentEncryptionAlgorithm.name,
			iv: ivView
		}, derivedKey, contentView);
		const pbes2Parameters = new PBES2Params({
			keyDerivationFunc: new AlgorithmIdentifier({
				algorithmId: pbkdf2OID,
				algorithmParams: pbkdf2Params.toSchema()
			}),
			encryptionScheme: new AlgorithmIdentifier({
				algorithmId: contentEncryptionOID,
				algorithmParams: new build.OctetString({ valueHex: ivBuffer })
			})
		});
		return new EncryptedContentInfo({
			contentType: parameters.contentType,
			contentEncryptionAlgorithm: new AlgorithmIdentifier({
				algorithmId: "1.2.840.113549.1.5.13",
				algorithmParams: pbes2Parameters.toSchema()
			}),
			encryptedContent: new build.OctetString({ valueHex: encryptedData })
		});
	}
	async decryptEncryptedContentInfo(parameters) {
		ParameterError.assert(parameters, "password", "encryptedContentInfo");
		if (parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId !== "1.2.840.113549.1.5.13") throw new Error(`Unknown "contentEncryptionAlgorithm": ${parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId}`);
		let pbes2Parameters;
		try {
			pbes2Parameters = new PBES2Params({ schema: parameters.encryptedContentInfo.contentEncryptionAlgorithm.algorithmParams });
		} catch {
			throw new Error("Incorrectly encoded \"pbes2Parameters\"");
		}
		let pbkdf2Params;
		try {
			pbkdf2Params = new PBKDF2Params({ schema: pbes2Parameters.keyDerivationFunc.algorithmParams });
		} catch {
			throw new Error("Incorrectly encoded \"pbkdf2Params\"");
		}
		const contentEncryptionAlgorithm = this.getAlgorithmByOID(pbes2Parameters.encryptionScheme.algorithmId, true);
		const ivBuffer = pbes2Parameters.encryptionScheme.algorithmParams.valueBlock.valueHex;
		const ivView = new Uint8Array(ivBuffer);
		const saltBuffer = pbkdf2Params.salt.valueBlock.valueHex;
		const saltView = new Uint8Array(saltBuffer);
		const iterationCount = pbkdf2Params.iterationCount;
		let hmacHashAlgorithm = "SHA-1";
		if (pbkdf2Params.prf) hmacHashAlgorithm = this.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true).hash.name;
		const pbkdfKey = await this.importKey("raw", parameters.password, "PBKDF2", false, ["deriveKey"]);
		const result = await this.deriveKey({
			name: "PBKDF2",
			hash: { name: hmacHashAlgorithm },
			salt: saltView,
			iterations: iterationCount
		}, pbkdfKey, contentEncryptionAlgorithm, false, ["decrypt"]);
		const dataBuffer = parameters.encryptedContentInfo.getEncryptedContent();
		return this.decrypt({
			name: contentEncryptionAlgorithm.name,
			iv: ivView
		}, result, dataBuffer);
	}
	async stampDataWithPassword(parameters) {
		if (parameters instanceof Object === false) throw new Error("Parameters must have type \"Object\"");
		ParameterError.assert(parameters, "password", "hashAlgorithm", "iterationCount", "salt", "contentToStamp");
		let length;
		switch (parameters.hashAlgorithm.toLowerCase()) {
			case "sha-1":
				length = 160;
				break;
			case "sha-256":
				length = 256;
				break;
			case "sha-384":
				length = 384;
				break;
			case "sha-512":
				length = 512;
				break;
			default: throw new Error(`Incorrect "parameters.hashAlgorithm" parameter: ${parameters.hashAlgorithm}`);
		}
		const hmacAlgorithm = {
			name: "HMAC",
			length,
			hash: { name: parameters.hashAlgorithm }
		};
		const pkcsKey = await makePKCS12B2Key(parameters.hashAlgorithm, length, parameters.password, parameters.salt, parameters.iterationCount);
		const hmacKey = await this.importKey("raw", new Uint8Array(pkcsKey), hmacAlgorithm, false, ["sign"]);
		return this.sign(hmacAlgorithm, hmacKey, new Uint8Array(parameters.contentToStamp));
	}
	async verifyDataStampedWithPassword(parameters) {
		ParameterError.assert(parameters, "password", "hashAlgorithm", "salt", "iterationCount", "contentToVerify", "signatureToVerify");
		let length = 0;
		switch (parameters.hashAlgorithm.toLowerCase()) {
			case "sha-1":
				length = 160;
				break;
			case "sha-256":
				length = 256;
				break;
			case "sha-384":
				length = 384;
				break;
			case "sha-512":
				length = 512;
				break;
			default: throw new Error(`Incorrect "parameters.hashAlgorithm" parameter: ${parameters.hashAlgorithm}`);
		}
		const hmacAlgorithm = {
			name: "HMAC",
			length,
			hash: { name: parameters.hashAlgorithm }
		};
		const pkcsKey = await makePKCS12B2Key(parameters.hashAlgorithm, length, parameters.password, parameters.salt, parameters.iterationCount);
		const hmacKey = await this.importKey("raw", new Uint8Array(pkcsKey), hmacAlgorithm, false, ["verify"]);
		return this.verify(hmacAlgorithm, hmacKey, new Uint8Array(parameters.signatureToVerify), new Uint8Array(parameters.contentToVerify));
	}
	async getSignatureParameters(privateKey, hashAlgorithm = "SHA-1") {
		this.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
		const signatureAlgorithm = new AlgorithmIdentifier();
		const parameters = this.getAlgorithmParameters(privateKey.algorithm.name, "sign");
		if (!Object.keys(parameters.algorithm).length) throw new Error("Parameter 'algorithm' is empty");
		const algorithm = parameters.algorithm;
		if ("hash" in privateKey.algorithm && privateKey.algorithm.hash && privateKey.algorithm.hash.name) algorithm.hash.name = privateKey.algorithm.hash.name;
		else algorithm.hash.name = hashAlgorithm;
		switch (privateKey.algorithm.name.toUpperCase()) {
			case "RSASSA-PKCS1-V1_5":
			case "ECDSA":
				signatureAlgorithm.algorithmId = this.getOIDByAlgorithm(algorithm, true);
				break;
			case "RSA-PSS":
				{
					switch (algorithm.hash.name.toUpperCase()) {
						case "SHA-256":
							algorithm.saltLength = 32;
							break;
						case "SHA-384":
							algorithm.saltLength = 48;
							break;
						case "SHA-512": algorithm.saltLength = 64;
					}
					const paramsObject = {};
					if (algorithm.hash.name.toUpperCase() !== "SHA-1") {
						paramsObject.hashAlgorithm = new AlgorithmIdentifier({
							algorithmId: this.getOIDByAlgorithm({ name: algorithm.hash.name }, true, "hashAlgorithm"),
							algorithmParams: new build.Null()
						});
						paramsObject.maskGenAlgorithm = new AlgorithmIdentifier({
							algorithmId: "1.2.840.113549.1.1.8",
							algorithmParams: paramsObject.hashAlgorithm.toSchema()
						});
					}
					if (algorithm.saltLength !== 20) paramsObject.saltLength = algorithm.saltLength;
					const pssParameters = new RSASSAPSSParams(paramsObject);
					signatureAlgorithm.algorithmId = "1.2.840.113549.1.1.10";
					signatureAlgorithm.algorithmParams = pssParameters.toSchema();
				}
				break;
			default: throw new Error(`Unsupported signature algorithm: ${privateKey.algorithm.name}`);
		}
		return {
			signatureAlgorithm,
			parameters
		};
	}
	async signWithPrivateKey(data, privateKey, parameters) {
		const signature = await this.sign(parameters.algorithm, privateKey, data);
		if (parameters.algorithm.name === "ECDSA") return createCMSECDSASignature(signature);
		return signature;
	}
	fillPublicKeyParameters(publicKeyInfo, signatureAlgorithm) {
		const parameters = {};
		const shaAlgorithm = this.getHashAlgorithm(signatureAlgorithm);
		if (shaAlgorithm === "") throw new Error(`Unsupported signature algorithm: ${signatureAlgorithm.algorithmId}`);
		let algorithmId;
		if (signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.10") algorithmId = signatureAlgorithm.algorithmId;
		else algorithmId = publicKeyInfo.algorithm.algorithmId;
		const algorithmObject = this.getAlgorithmByOID(algorithmId, true);
		parameters.algorithm = this.getAlgorithmParameters(algorithmObject.name, "importKey");
		if ("hash" in parameters.algorithm.algorithm) parameters.algorithm.algorithm.hash.name = shaAlgorithm;
		if (algorithmObject.name === "ECDSA") {
			const publicKeyAlgorithm = publicKeyInfo.algorithm;
			if (!publicKeyAlgorithm.algorithmParams) throw new Error("Algorithm parameters for ECDSA public key are missed");
			const publicKeyAlgorithmParams = publicKeyAlgorithm.algorithmParams;
			if ("idBlock" in publicKeyAlgorithm.algorithmParams) {
				if (!(publicKeyAlgorithmParams.idBlock.tagClass === 1 && publicKeyAlgorithmParams.idBlock.tagNumber === 6)) throw new Error("Incorrect type for ECDSA public key parameters");
			}
			const curveObject = this.getAlgorithmByOID(publicKeyAlgorithmParams.valueBlock.toString(), true);
			parameters.algorithm.algorithm.namedCurve = curveObject.name;
		}
		return parameters;
	}
	async getPublicKey(publicKeyInfo, signatureAlgorithm, parameters) {
		if (!parameters) parameters = this.fillPublicKeyParameters(publicKeyInfo, signatureAlgorithm);
		const publicKeyInfoBuffer = publicKeyInfo.toSchema().toBER(false);
		return this.importKey("spki", publicKeyInfoBuffer, parameters.algorithm.algorithm, true, parameters.algorithm.usages);
	}
	async verifyWithPublicKey(data, signature, publicKeyInfo, signatureAlgorithm, shaAlgorithm) {
		let publicKey;
		if (!shaAlgorithm) {
			shaAlgorithm = this.getHashAlgorithm(signatureAlgorithm);
			if (!shaAlgorithm) throw new Error(`Unsupported signature algorithm: ${signatureAlgorithm.algorithmId}`);
			publicKey = await this.getPublicKey(publicKeyInfo, signatureAlgorithm);
		} else {
			const parameters = {};
			let algorithmId;
			if (signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.10") algorithmId = signatureAlgorithm.algorithmId;
			else algorithmId = publicKeyInfo.algorithm.algorithmId;
			const algorithmObject = this.getAlgorithmByOID(algorithmId, true);
			parameters.algorithm = this.getAlgorithmParameters(algorithmObject.name, "importKey");
			if ("hash" in parameters.algorithm.algorithm) parameters.algorithm.algorithm.hash.name = shaAlgorithm;
			if (algorithmObject.name === "ECDSA") {
				let algorithmParamsChecked = false;
				if ("algorithmParams" in publicKeyInfo.algorithm === true) {
					if ("idBlock" in publicKeyInfo.algorithm.algorithmParams) {
						if (publicKeyInfo.algorithm.algorithmParams.idBlock.tagClass === 1 && publicKeyInfo.algorithm.algorithmParams.idBlock.tagNumber === 6) algorithmParamsChecked = true;
					}
				}
				if (algorithmParamsChecked === false) throw new Error("Incorrect type for ECDSA public key parameters");
				const curveObject = this.getAlgorithmByOID(publicKeyInfo.algorithm.algorithmParams.valueBlock.toString(), true);
				parameters.algorithm.algorithm.namedCurve = curveObject.name;
			}
			publicKey = await this.getPublicKey(publicKeyInfo, null, parameters);
		}
		const algorithm = this.getAlgorithmParameters(publicKey.algorithm.name, "verify");
		if ("hash" in algorithm.algorithm) algorithm.algorithm.hash.name = shaAlgorithm;
		let signatureValue = signature.valueBlock.valueHexView;
		if (publicKey.algorithm.name === "ECDSA") {
			const namedCurve = ECNamedCurves.find(publicKey.algorithm.namedCurve);
			if (!namedCurve) throw new Error("Unsupported named curve in use");
			const asn1 = build.fromBER(signatureValue);
			AsnError.assert(asn1, "Signature value");
			signatureValue = createECDSASignatureFromCMS(asn1.result, namedCurve.size);
		}
		if (publicKey.algorithm.name === "RSA-PSS") {
			const pssParameters = new RSASSAPSSParams({ schema: signatureAlgorithm.algorithmParams });
			if ("saltLength" in pssParameters) algorithm.algorithm.saltLength = pssParameters.saltLength;
			else algorithm.algorithm.saltLength = 20;
			let hashAlgo = "SHA-1";
			if ("hashAlgorithm" in pssParameters) hashAlgo = this.getAlgorithmByOID(pssParameters.hashAlgorithm.algorithmId, true).name;
			algorithm.algorithm.hash.name = hashAlgo;
		}
		return this.verify(algorithm.algorithm, publicKey, signatureValue, data);
	}
};
//#endregion
//#region src/common.ts
let engine = {
	name: "none",
	crypto: null
};
function isCryptoEngine(engine) {
	return engine && typeof engine === "object" && "crypto" in engine ? true : false;
}
function getEngineGlobalKey() {
	return typeof process !== "undefined" && Number.isInteger(process.pid) ? process.pid : Symbol.for("pkijs.engine");
}
function setEngine(name, ...args) {
	let crypto = null;
	if (args.length < 2) {
		if (args.length) crypto = args[0];
		else crypto = typeof self !== "undefined" && self.crypto ? new CryptoEngine({
			name: "browser",
			crypto: self.crypto
		}) : null;
	} else {
		const cryptoArg = args[0];
		const subtleArg = args[1];
		if (isCryptoEngine(subtleArg)) crypto = subtleArg;
		else if (isCryptoEngine(cryptoArg)) crypto = cryptoArg;
		else if ("subtle" in cryptoArg && "getRandomValues" in cryptoArg) crypto = new CryptoEngine({ crypto: cryptoArg });
	}
	if (typeof process !== "undefined" && "pid" in process && typeof global !== "undefined" && typeof window === "undefined") {
		const engineKey = getEngineGlobalKey();
		if (typeof global[engineKey] === "undefined") global[engineKey] = {};
		else if (typeof global[engineKey] !== "object") throw new Error(`Name global.${String(engineKey)} already exists and it is not an object`);
		if (typeof global[engineKey].pkijs === "undefined") global[engineKey].pkijs = {};
		else if (typeof global[engineKey].pkijs !== "object") throw new Error(`Name global.${String(engineKey)}.pkijs already exists and it is not an object`);
		global[engineKey].pkijs.engine = {
			name,
			crypto
		};
	} else engine = {
		name,
		crypto
	};
}
function getEngine() {
	if (typeof process !== "undefined" && "pid" in process && typeof global !== "undefined" && typeof window === "undefined") {
		let _engine;
		try {
			_engine = global[getEngineGlobalKey()].pkijs.engine;
		} catch {
			throw new Error("Please call 'setEngine' before call to 'getEngine'");
		}
		return _engine;
	}
	return engine;
}
function getCrypto(safety = false) {
	const _engine = getEngine();
	if (!_engine.crypto && safety) throw new Error("Unable to create WebCrypto object");
	return _engine.crypto;
}
function getRandomValues(view) {
	return getCrypto(true).getRandomValues(view);
}
function getOIDByAlgorithm(algorithm, safety, target) {
	return getCrypto(true).getOIDByAlgorithm(algorithm, safety, target);
}
function getAlgorithmParameters(algorithmName, operation) {
	return getCrypto(true).getAlgorithmParameters(algorithmName, operation);
}
function createCMSECDSASignature(signatureBuffer) {
	if (signatureBuffer.byteLength % 2 !== 0) return EMPTY_BUFFER;
	const length = signatureBuffer.byteLength / 2;
	const rInteger = new build.Integer({ valueHex: toMinimalUnsignedInteger(new Uint8Array(signatureBuffer, 0, length)) });
	const sInteger = new build.Integer({ valueHex: toMinimalUnsignedInteger(new Uint8Array(signatureBuffer, length, length)) });
	return new build.Sequence({ value: [rInteger, sInteger] }).toBER(false);
}
function createECDSASignatureFromCMS(cmsSignature, pointSize) {
	if (!(cmsSignature instanceof build.Sequence && cmsSignature.valueBlock.value.length === 2 && cmsSignature.valueBlock.value[0] instanceof build.Integer && cmsSignature.valueBlock.value[1] instanceof build.Integer)) return EMPTY_BUFFER;
	const rValueView = cmsSignature.valueBlock.value[0].convertFromDER().valueBlock.valueHexView;
	const sValueView = cmsSignature.valueBlock.value[1].convertFromDER().valueBlock.valueHexView;
	const res = new Uint8Array(pointSize * 2);
	res.set(rValueView, pointSize - rValueView.byteLength);
	res.set(sValueView, 2 * pointSize - sValueView.byteLength);
	return res.buffer;
}
function getAlgorithmByOID(oid, safety = false, target) {
	return getCrypto(true).getAlgorithmByOID(oid, safety, target);
}
function getHashAlgorithm(signatureAlgorithm) {
	return getCrypto(true).getHashAlgorithm(signatureAlgorithm);
}
async function kdfWithCounter(hashFunction, zBuffer, Counter, SharedInfo, crypto) {
	switch (hashFunction.toUpperCase()) {
		case "SHA-1":
		case "SHA-256":
		case "SHA-384":
		case "SHA-512": break;
		default: throw new ArgumentError(`Unknown hash function: ${hashFunction}`);
	}
	ArgumentError.assert(zBuffer, "zBuffer", "ArrayBuffer");
	if (zBuffer.byteLength === 0) throw new ArgumentError("'zBuffer' has zero length, error");
	ArgumentError.assert(SharedInfo, "SharedInfo", "ArrayBuffer");
	if (Counter > 255) throw new ArgumentError("Please set 'Counter' argument to value less or equal to 255");
	const counterBuffer = /* @__PURE__ */ new ArrayBuffer(4);
	const counterView = new Uint8Array(counterBuffer);
	counterView[0] = 0;
	counterView[1] = 0;
	counterView[2] = 0;
	counterView[3] = Counter;
	const combinedBuffer = bytes/* bytes_exports */.EH.concat(zBuffer, counterBuffer, SharedInfo);
	return {
		counter: Counter,
		result: await crypto.digest({ name: hashFunction }, combinedBuffer)
	};
}
async function kdf(hashFunction, Zbuffer, keydatalen, SharedInfo, crypto = getCrypto(true)) {
	let hashLength;
	let maxCounter = 1;
	switch (hashFunction.toUpperCase()) {
		case "SHA-1":
			hashLength = 160;
			break;
		case "SHA-256":
			hashLength = 256;
			break;
		case "SHA-384":
			hashLength = 384;
			break;
		case "SHA-512":
			hashLength = 512;
			break;
		default: throw new ArgumentError(`Unknown hash function: ${hashFunction}`);
	}
	ArgumentError.assert(Zbuffer, "Zbuffer", "ArrayBuffer");
	if (Zbuffer.byteLength === 0) throw new ArgumentError("'Zbuffer' has zero length, error");
	ArgumentError.assert(SharedInfo, "SharedInfo", "ArrayBuffer");
	const quotient = keydatalen / hashLength;
	if (Math.floor(quotient) > 0) {
		maxCounter = Math.floor(quotient);
		if (quotient - maxCounter > 0) maxCounter++;
	}
	const incomingResult = [];
	for (let i = 1; i <= maxCounter; i++) incomingResult.push(await kdfWithCounter(hashFunction, Zbuffer, i, SharedInfo, crypto));
	const combinedBuffer = bytes/* bytes_exports */.EH.concat(incomingResult.map((item) => item.result));
	keydatalen >>= 3;
	if (combinedBuffer.byteLength > keydatalen) {
		const newBuffer = new ArrayBuffer(keydatalen);
		const newView = new Uint8Array(newBuffer);
		const combinedView = new Uint8Array(combinedBuffer);
		for (let i = 0; i < keydatalen; i++) newView[i] = combinedView[i];
		return newBuffer;
	}
	return combinedBuffer;
}
function toMinimalUnsignedInteger(view) {
	let start = 0;
	while (start < view.length - 1 && view[start] === 0) start++;
	const value = view.subarray(start);
	if (value.length && value[0] & 128) {
		const res = new Uint8Array(value.length + 1);
		res.set(value, 1);
		return res;
	}
	return value.slice();
}
//#endregion
//#region src/Time.ts
const TYPE$2 = "type";
const VALUE$5 = "value";
const UTC_TIME_NAME = "utcTimeName";
const GENERAL_TIME_NAME = "generalTimeName";
const CLEAR_PROPS$65 = [UTC_TIME_NAME, GENERAL_TIME_NAME];
let TimeType = /* @__PURE__ */ function(TimeType) {
	TimeType[TimeType["UTCTime"] = 0] = "UTCTime";
	TimeType[TimeType["GeneralizedTime"] = 1] = "GeneralizedTime";
	TimeType[TimeType["empty"] = 2] = "empty";
	return TimeType;
}({});
var Time = class Time extends PkiObject {
	static {
		this.CLASS_NAME = "Time";
	}
	constructor(parameters = {}) {
		super();
		this.type = parameters[TYPE$2] ?? Time.defaultValues(TYPE$2);
		this.value = parameters[VALUE$5] ?? Time.defaultValues(VALUE$5);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE$2: return 0;
			case VALUE$5: return new Date(0, 0, 0);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}, optional = false) {
		const names = parameters.names ?? {};
		return new build.Choice({
			optional,
			value: [new build.UTCTime({ name: names.utcTimeName || "" }), new build.GeneralizedTime({ name: names.generalTimeName || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$65) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Time.schema({ names: {
			utcTimeName: UTC_TIME_NAME,
			generalTimeName: GENERAL_TIME_NAME
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (UTC_TIME_NAME in asn1.result) {
			this.type = 0;
			this.value = asn1.result.utcTimeName.toDate();
		}
		if (GENERAL_TIME_NAME in asn1.result) {
			this.type = 1;
			this.value = asn1.result.generalTimeName.toDate();
		}
	}
	toSchema() {
		if (this.type === 0) return new build.UTCTime({ valueDate: this.value });
		else if (this.type === 1) return new build.GeneralizedTime({ valueDate: this.value });
		return {};
	}
	toJSON() {
		return {
			type: this.type,
			value: this.value
		};
	}
};
//#endregion
//#region src/Certificate.ts
const TBS$4 = "tbs";
const VERSION$18 = "version";
const SERIAL_NUMBER$6 = "serialNumber";
const SIGNATURE$7 = "signature";
const ISSUER$5 = "issuer";
const NOT_BEFORE = "notBefore";
const NOT_AFTER = "notAfter";
const SUBJECT$1 = "subject";
const SUBJECT_PUBLIC_KEY_INFO = "subjectPublicKeyInfo";
const ISSUER_UNIQUE_ID$2 = "issuerUniqueID";
const SUBJECT_UNIQUE_ID = "subjectUniqueID";
const EXTENSIONS$6 = "extensions";
const SIGNATURE_ALGORITHM$8 = "signatureAlgorithm";
const SIGNATURE_VALUE$4 = "signatureValue";
const TBS_CERTIFICATE = "tbsCertificate";
const TBS_CERTIFICATE_VERSION = `${TBS_CERTIFICATE}.${VERSION$18}`;
const TBS_CERTIFICATE_SERIAL_NUMBER = `${TBS_CERTIFICATE}.${SERIAL_NUMBER$6}`;
const TBS_CERTIFICATE_SIGNATURE = `${TBS_CERTIFICATE}.${SIGNATURE$7}`;
const TBS_CERTIFICATE_ISSUER = `${TBS_CERTIFICATE}.${ISSUER$5}`;
const TBS_CERTIFICATE_NOT_BEFORE = `${TBS_CERTIFICATE}.${NOT_BEFORE}`;
const TBS_CERTIFICATE_NOT_AFTER = `${TBS_CERTIFICATE}.${NOT_AFTER}`;
const TBS_CERTIFICATE_SUBJECT = `${TBS_CERTIFICATE}.${SUBJECT$1}`;
const TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY = `${TBS_CERTIFICATE}.${SUBJECT_PUBLIC_KEY_INFO}`;
const TBS_CERTIFICATE_ISSUER_UNIQUE_ID = `${TBS_CERTIFICATE}.${ISSUER_UNIQUE_ID$2}`;
const TBS_CERTIFICATE_SUBJECT_UNIQUE_ID = `${TBS_CERTIFICATE}.${SUBJECT_UNIQUE_ID}`;
const TBS_CERTIFICATE_EXTENSIONS = `${TBS_CERTIFICATE}.${EXTENSIONS$6}`;
const CLEAR_PROPS$64 = [
	TBS_CERTIFICATE,
	TBS_CERTIFICATE_VERSION,
	TBS_CERTIFICATE_SERIAL_NUMBER,
	TBS_CERTIFICATE_SIGNATURE,
	TBS_CERTIFICATE_ISSUER,
	TBS_CERTIFICATE_NOT_BEFORE,
	TBS_CERTIFICATE_NOT_AFTER,
	TBS_CERTIFICATE_SUBJECT,
	TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY,
	TBS_CERTIFICATE_ISSUER_UNIQUE_ID,
	TBS_CERTIFICATE_SUBJECT_UNIQUE_ID,
	TBS_CERTIFICATE_EXTENSIONS,
	SIGNATURE_ALGORITHM$8,
	SIGNATURE_VALUE$4
];
function tbsCertificate(parameters = {}) {
	const names = parameters.names ?? {};
	return new build.Sequence({
		name: names.blockName || TBS_CERTIFICATE,
		value: [
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Integer({ name: names.tbsCertificateVersion || TBS_CERTIFICATE_VERSION })]
			}),
			new build.Integer({ name: names.tbsCertificateSerialNumber || TBS_CERTIFICATE_SERIAL_NUMBER }),
			AlgorithmIdentifier.schema(names.signature || { names: { blockName: TBS_CERTIFICATE_SIGNATURE } }),
			RelativeDistinguishedNames.schema(names.issuer || { names: { blockName: TBS_CERTIFICATE_ISSUER } }),
			new build.Sequence({
				name: names.tbsCertificateValidity || "tbsCertificate.validity",
				value: [Time.schema(names.notBefore || { names: {
					utcTimeName: TBS_CERTIFICATE_NOT_BEFORE,
					generalTimeName: TBS_CERTIFICATE_NOT_BEFORE
				} }), Time.schema(names.notAfter || { names: {
					utcTimeName: TBS_CERTIFICATE_NOT_AFTER,
					generalTimeName: TBS_CERTIFICATE_NOT_AFTER
				} })]
			}),
			RelativeDistinguishedNames.schema(names.subject || { names: { blockName: TBS_CERTIFICATE_SUBJECT } }),
			PublicKeyInfo.schema(names.subjectPublicKeyInfo || { names: { blockName: TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY } }),
			new build.Primitive({
				name: names.tbsCertificateIssuerUniqueID || TBS_CERTIFICATE_ISSUER_UNIQUE_ID,
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				}
			}),
			new build.Primitive({
				name: names.tbsCertificateSubjectUniqueID || TBS_CERTIFICATE_SUBJECT_UNIQUE_ID,
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				}
			}),
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 3
				},
				value: [Extensions.schema(names.extensions || { names: { blockName: TBS_CERTIFICATE_EXTENSIONS } })]
			})
		]
	});
}
var Certificate = class Certificate extends PkiObject {
	static {
		this.CLASS_NAME = "Certificate";
	}
	get tbs() {
		return (0,buffer_source/* toArrayBuffer */.XA)(this.tbsView);
	}
	set tbs(value) {
		this.tbsView = new Uint8Array(value);
	}
	constructor(parameters = {}) {
		super();
		this.tbsView = new Uint8Array(parameters[TBS$4] ?? Certificate.defaultValues(TBS$4));
		this.version = parameters[VERSION$18] ?? Certificate.defaultValues(VERSION$18);
		this.serialNumber = parameters[SERIAL_NUMBER$6] ?? Certificate.defaultValues(SERIAL_NUMBER$6);
		this.signature = parameters[SIGNATURE$7] ?? Certificate.defaultValues(SIGNATURE$7);
		this.issuer = parameters[ISSUER$5] ?? Certificate.defaultValues(ISSUER$5);
		this.notBefore = parameters[NOT_BEFORE] ?? Certificate.defaultValues(NOT_BEFORE);
		this.notAfter = parameters[NOT_AFTER] ?? Certificate.defaultValues(NOT_AFTER);
		this.subject = parameters[SUBJECT$1] ?? Certificate.defaultValues(SUBJECT$1);
		this.subjectPublicKeyInfo = parameters[SUBJECT_PUBLIC_KEY_INFO] ?? Certificate.defaultValues(SUBJECT_PUBLIC_KEY_INFO);
		if (ISSUER_UNIQUE_ID$2 in parameters) this.issuerUniqueID = parameters[ISSUER_UNIQUE_ID$2] ?? Certificate.defaultValues(ISSUER_UNIQUE_ID$2);
		if (SUBJECT_UNIQUE_ID in parameters) this.subjectUniqueID = parameters[SUBJECT_UNIQUE_ID] ?? Certificate.defaultValues(SUBJECT_UNIQUE_ID);
		if (EXTENSIONS$6 in parameters) this.extensions = parameters[EXTENSIONS$6] ?? Certificate.defaultValues(EXTENSIONS$6);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$8] ?? Certificate.defaultValues(SIGNATURE_ALGORITHM$8);
		this.signatureValue = parameters[SIGNATURE_VALUE$4] ?? Certificate.defaultValues(SIGNATURE_VALUE$4);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS$4: return EMPTY_BUFFER;
			case VERSION$18: return 0;
			case SERIAL_NUMBER$6: return new build.Integer();
			case SIGNATURE$7: return new AlgorithmIdentifier();
			case ISSUER$5: return new RelativeDistinguishedNames();
			case NOT_BEFORE: return new Time();
			case NOT_AFTER: return new Time();
			case SUBJECT$1: return new RelativeDistinguishedNames();
			case SUBJECT_PUBLIC_KEY_INFO: return new PublicKeyInfo();
			case ISSUER_UNIQUE_ID$2: return EMPTY_BUFFER;
			case SUBJECT_UNIQUE_ID: return EMPTY_BUFFER;
			case EXTENSIONS$6: return [];
			case SIGNATURE_ALGORITHM$8: return new AlgorithmIdentifier();
			case SIGNATURE_VALUE$4: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				tbsCertificate(names.tbsCertificate),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || { names: { blockName: SIGNATURE_ALGORITHM$8 } }),
				new build.BitString({ name: names.signatureValue || SIGNATURE_VALUE$4 })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$64) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Certificate.schema({ names: { tbsCertificate: { names: { extensions: { names: { extensions: TBS_CERTIFICATE_EXTENSIONS } } } } } }));
		AsnError.assertSchema(asn1, this.className);
		this.tbsView = asn1.result.tbsCertificate.valueBeforeDecodeView;
		if (TBS_CERTIFICATE_VERSION in asn1.result) this.version = asn1.result[TBS_CERTIFICATE_VERSION].valueBlock.valueDec;
		this.serialNumber = asn1.result[TBS_CERTIFICATE_SERIAL_NUMBER];
		this.signature = new AlgorithmIdentifier({ schema: asn1.result[TBS_CERTIFICATE_SIGNATURE] });
		this.issuer = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERTIFICATE_ISSUER] });
		this.notBefore = new Time({ schema: asn1.result[TBS_CERTIFICATE_NOT_BEFORE] });
		this.notAfter = new Time({ schema: asn1.result[TBS_CERTIFICATE_NOT_AFTER] });
		this.subject = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERTIFICATE_SUBJECT] });
		this.subjectPublicKeyInfo = new PublicKeyInfo({ schema: asn1.result[TBS_CERTIFICATE_SUBJECT_PUBLIC_KEY] });
		if (TBS_CERTIFICATE_ISSUER_UNIQUE_ID in asn1.result) this.issuerUniqueID = asn1.result[TBS_CERTIFICATE_ISSUER_UNIQUE_ID].valueBlock.valueHex;
		if (TBS_CERTIFICATE_SUBJECT_UNIQUE_ID in asn1.result) this.subjectUniqueID = asn1.result[TBS_CERTIFICATE_SUBJECT_UNIQUE_ID].valueBlock.valueHex;
		if (TBS_CERTIFICATE_EXTENSIONS in asn1.result) this.extensions = Array.from(asn1.result[TBS_CERTIFICATE_EXTENSIONS], (element) => new Extension({ schema: element }));
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signatureValue = asn1.result.signatureValue;
	}
	encodeTBS() {
		const outputArray = [];
		if (VERSION$18 in this && this.version !== Certificate.defaultValues(VERSION$18)) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.Integer({ value: this.version })]
		}));
		outputArray.push(this.serialNumber);
		outputArray.push(this.signature.toSchema());
		outputArray.push(this.issuer.toSchema());
		outputArray.push(new build.Sequence({ value: [this.notBefore.toSchema(), this.notAfter.toSchema()] }));
		outputArray.push(this.subject.toSchema());
		outputArray.push(this.subjectPublicKeyInfo.toSchema());
		if (this.issuerUniqueID) outputArray.push(new build.Primitive({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			valueHex: this.issuerUniqueID
		}));
		if (this.subjectUniqueID) outputArray.push(new build.Primitive({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			valueHex: this.subjectUniqueID
		}));
		if (this.extensions) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 3
			},
			value: [new build.Sequence({ value: Array.from(this.extensions, (o) => o.toSchema()) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toSchema(encodeFlag = false) {
		let tbsSchema;
		if (encodeFlag === false) {
			if (!this.tbsView.byteLength) return Certificate.schema().value[0];
			const asn1 = build.fromBER(this.tbsView);
			AsnError.assert(asn1, "TBS Certificate");
			tbsSchema = asn1.result;
		} else tbsSchema = this.encodeTBS();
		return new build.Sequence({ value: [
			tbsSchema,
			this.signatureAlgorithm.toSchema(),
			this.signatureValue
		] });
	}
	toJSON() {
		const res = {
			tbs: hex/* hex_exports */.KF.encode(this.tbsView),
			version: this.version,
			serialNumber: this.serialNumber.toJSON(),
			signature: this.signature.toJSON(),
			issuer: this.issuer.toJSON(),
			notBefore: this.notBefore.toJSON(),
			notAfter: this.notAfter.toJSON(),
			subject: this.subject.toJSON(),
			subjectPublicKeyInfo: this.subjectPublicKeyInfo.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signatureValue: this.signatureValue.toJSON()
		};
		if (VERSION$18 in this && this.version !== Certificate.defaultValues(VERSION$18)) res.version = this.version;
		if (this.issuerUniqueID) res.issuerUniqueID = hex/* hex_exports */.KF.encode(this.issuerUniqueID);
		if (this.subjectUniqueID) res.subjectUniqueID = hex/* hex_exports */.KF.encode(this.subjectUniqueID);
		if (this.extensions) res.extensions = Array.from(this.extensions, (o) => o.toJSON());
		return res;
	}
	async getPublicKey(parameters, crypto = getCrypto(true)) {
		return crypto.getPublicKey(this.subjectPublicKeyInfo, this.signatureAlgorithm, parameters);
	}
	async getKeyHash(hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		return crypto.digest({ name: hashAlgorithm }, this.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
	}
	async sign(privateKey, hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		if (!privateKey) throw new Error("Need to provide a private key for signing");
		const signatureParameters = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const parameters = signatureParameters.parameters;
		this.signature = signatureParameters.signatureAlgorithm;
		this.signatureAlgorithm = signatureParameters.signatureAlgorithm;
		this.tbsView = new Uint8Array(this.encodeTBS().toBER());
		const signature = await crypto.signWithPrivateKey(this.tbsView, privateKey, parameters);
		this.signatureValue = new build.BitString({ valueHex: signature });
	}
	async verify(issuerCertificate, crypto = getCrypto(true)) {
		let subjectPublicKeyInfo;
		if (issuerCertificate) subjectPublicKeyInfo = issuerCertificate.subjectPublicKeyInfo;
		else if (this.issuer.isEqual(this.subject)) subjectPublicKeyInfo = this.subjectPublicKeyInfo;
		if (!(subjectPublicKeyInfo instanceof PublicKeyInfo)) throw new Error("Please provide issuer certificate as a parameter");
		return crypto.verifyWithPublicKey(this.tbsView, this.signatureValue, subjectPublicKeyInfo, this.signatureAlgorithm);
	}
};
function checkCA(cert, signerCert = null) {
	if (signerCert && cert.issuer.isEqual(signerCert.issuer) && cert.serialNumber.isEqual(signerCert.serialNumber)) return null;
	let isCA = false;
	if (cert.extensions) {
		for (const extension of cert.extensions) if (extension.extnID === "2.5.29.19" && extension.parsedValue instanceof BasicConstraints) {
			if (extension.parsedValue.cA) {
				isCA = true;
				break;
			}
		}
	}
	if (isCA) return cert;
	return null;
}
//#endregion
//#region src/SignedCertificateTimestamp.ts
const VERSION$17 = "version";
const LOG_ID = "logID";
const EXTENSIONS$5 = "extensions";
const TIMESTAMP = "timestamp";
const HASH_ALGORITHM$3 = "hashAlgorithm";
const SIGNATURE_ALGORITHM$7 = "signatureAlgorithm";
const SIGNATURE$6 = "signature";
const NONE = "none";
const MD5 = "md5";
const SHA1 = "sha1";
const SHA224 = "sha224";
const SHA256 = "sha256";
const SHA384 = "sha384";
const SHA512 = "sha512";
const ANONYMOUS = "anonymous";
const RSA = "rsa";
const DSA = "dsa";
const ECDSA = "ecdsa";
var SignedCertificateTimestamp = class SignedCertificateTimestamp extends PkiObject {
	static {
		this.CLASS_NAME = "SignedCertificateTimestamp";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$17] ?? SignedCertificateTimestamp.defaultValues(VERSION$17);
		this.logID = parameters[LOG_ID] ?? SignedCertificateTimestamp.defaultValues(LOG_ID);
		this.timestamp = parameters[TIMESTAMP] ?? SignedCertificateTimestamp.defaultValues(TIMESTAMP);
		this.extensions = parameters[EXTENSIONS$5] ?? SignedCertificateTimestamp.defaultValues(EXTENSIONS$5);
		this.hashAlgorithm = parameters[HASH_ALGORITHM$3] ?? SignedCertificateTimestamp.defaultValues(HASH_ALGORITHM$3);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$7] ?? SignedCertificateTimestamp.defaultValues(SIGNATURE_ALGORITHM$7);
		this.signature = parameters[SIGNATURE$6] ?? SignedCertificateTimestamp.defaultValues(SIGNATURE$6);
		if ("stream" in parameters && parameters.stream) this.fromStream(parameters.stream);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$17: return 0;
			case LOG_ID:
			case EXTENSIONS$5: return EMPTY_BUFFER;
			case TIMESTAMP: return /* @__PURE__ */ new Date(0);
			case HASH_ALGORITHM$3:
			case SIGNATURE_ALGORITHM$7: return "";
			case SIGNATURE$6: return EMPTY_BUFFER;
			default: return super.defaultValues(memberName);
		}
	}
	fromSchema(schema) {
		if (schema instanceof build.RawData === false) throw new Error("Object's schema was not verified against input data for SignedCertificateTimestamp");
		const seqStream = new SeqStream({ stream: new ByteStream({ buffer: schema.data }) });
		this.fromStream(seqStream);
	}
	fromStream(stream) {
		const blockLength = stream.getUint16();
		this.version = stream.getBlock(1)[0];
		if (this.version === 0) {
			this.logID = new Uint8Array(stream.getBlock(32)).buffer.slice(0);
			this.timestamp = new Date(Number(uint/* uint_exports */.FU.decodeBigInt(stream.getBlock(8))));
			const extensionsLength = stream.getUint16();
			this.extensions = new Uint8Array(stream.getBlock(extensionsLength)).buffer.slice(0);
			switch (stream.getBlock(1)[0]) {
				case 0:
					this.hashAlgorithm = NONE;
					break;
				case 1:
					this.hashAlgorithm = MD5;
					break;
				case 2:
					this.hashAlgorithm = SHA1;
					break;
				case 3:
					this.hashAlgorithm = SHA224;
					break;
				case 4:
					this.hashAlgorithm = SHA256;
					break;
				case 5:
					this.hashAlgorithm = SHA384;
					break;
				case 6:
					this.hashAlgorithm = SHA512;
					break;
				default: throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
			}
			switch (stream.getBlock(1)[0]) {
				case 0:
					this.signatureAlgorithm = ANONYMOUS;
					break;
				case 1:
					this.signatureAlgorithm = RSA;
					break;
				case 2:
					this.signatureAlgorithm = DSA;
					break;
				case 3:
					this.signatureAlgorithm = ECDSA;
					break;
				default: throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
			}
			const signatureLength = stream.getUint16();
			this.signature = new Uint8Array(stream.getBlock(signatureLength)).buffer.slice(0);
			if (blockLength !== 47 + extensionsLength + signatureLength) throw new Error("Object's stream was not correct for SignedCertificateTimestamp");
		}
	}
	toSchema() {
		const stream = this.toStream();
		return new build.RawData({ data: stream.stream.buffer });
	}
	toStream() {
		const stream = new SeqStream();
		stream.appendUint16(47 + this.extensions.byteLength + this.signature.byteLength);
		stream.appendChar(this.version);
		stream.appendView(new Uint8Array(this.logID));
		stream.appendView(uint/* uint_exports */.FU.encode(this.timestamp.valueOf(), { length: 8 }));
		stream.appendUint16(this.extensions.byteLength);
		if (this.extensions.byteLength) stream.appendView(new Uint8Array(this.extensions));
		let _hashAlgorithm;
		switch (this.hashAlgorithm.toLowerCase()) {
			case NONE:
				_hashAlgorithm = 0;
				break;
			case MD5:
				_hashAlgorithm = 1;
				break;
			case SHA1:
				_hashAlgorithm = 2;
				break;
			case SHA224:
				_hashAlgorithm = 3;
				break;
			case SHA256:
				_hashAlgorithm = 4;
				break;
			case SHA384:
				_hashAlgorithm = 5;
				break;
			case SHA512:
				_hashAlgorithm = 6;
				break;
			default: throw new Error(`Incorrect data for hashAlgorithm: ${this.hashAlgorithm}`);
		}
		stream.appendChar(_hashAlgorithm);
		let _signatureAlgorithm;
		switch (this.signatureAlgorithm.toLowerCase()) {
			case ANONYMOUS:
				_signatureAlgorithm = 0;
				break;
			case RSA:
				_signatureAlgorithm = 1;
				break;
			case DSA:
				_signatureAlgorithm = 2;
				break;
			case ECDSA:
				_signatureAlgorithm = 3;
				break;
			default: throw new Error(`Incorrect data for signatureAlgorithm: ${this.signatureAlgorithm}`);
		}
		stream.appendChar(_signatureAlgorithm);
		stream.appendUint16(this.signature.byteLength);
		stream.appendView(new Uint8Array(this.signature));
		return stream;
	}
	toJSON() {
		return {
			version: this.version,
			logID: hex/* hex_exports */.KF.encode(this.logID, { case: "upper" }),
			timestamp: this.timestamp,
			extensions: hex/* hex_exports */.KF.encode(this.extensions, { case: "upper" }),
			hashAlgorithm: this.hashAlgorithm,
			signatureAlgorithm: this.signatureAlgorithm,
			signature: hex/* hex_exports */.KF.encode(this.signature, { case: "upper" })
		};
	}
	async verify(logs, data, dataType = 0, crypto = getCrypto(true)) {
		const logId = base64_exports.encode(this.logID);
		let publicKeyBase64 = null;
		const stream = new SeqStream();
		for (const log of logs) if (log.log_id === logId) {
			publicKeyBase64 = log.key;
			break;
		}
		if (!publicKeyBase64) throw new Error(`Public key not found for CT with logId: ${logId}`);
		const pki = (0,buffer_source/* toArrayBuffer */.XA)(base64_exports.decode(publicKeyBase64));
		const publicKeyInfo = PublicKeyInfo.fromBER(pki);
		stream.appendChar(0);
		stream.appendChar(0);
		stream.appendView(uint/* uint_exports */.FU.encode(this.timestamp.valueOf(), { length: 8 }));
		stream.appendUint16(dataType);
		if (dataType === 0) stream.appendUint24(data.byteLength);
		stream.appendView(new Uint8Array(data));
		stream.appendUint16(this.extensions.byteLength);
		if (this.extensions.byteLength !== 0) stream.appendView(new Uint8Array(this.extensions));
		return crypto.verifyWithPublicKey(stream.buffer.slice(0, stream.length), new build.OctetString({ valueHex: this.signature }), publicKeyInfo, { algorithmId: "" }, "SHA-256");
	}
};
const SCT_EXTENSION_OID = new build.ObjectIdentifier({ value: id_SignedCertificateTimestampList }).valueBlock.toBER(false);
function hasConstructedTag(value, tagClass, tagNumber) {
	if (!value || value.idBlock.tagClass !== tagClass || value.idBlock.tagNumber !== tagNumber) return false;
	if (!value.idBlock.isConstructed) return false;
	return "value" in value.valueBlock && Array.isArray(value.valueBlock.value);
}
function readCertificateTBS(certificate) {
	const encoded = certificate.tbsView.byteLength ? certificate.tbsView : new Uint8Array(certificate.encodeTBS().toBER(false));
	const decoded = build.fromBER(encoded);
	if (decoded.offset !== encoded.byteLength || !hasConstructedTag(decoded.result, 1, 16)) throw new Error("Invalid certificate TBS encoding");
	const tbsSchema = Certificate.schema().valueBlock.value[0];
	if (!build.compareSchema(decoded.result, decoded.result, tbsSchema).verified) throw new Error("Invalid certificate TBS encoding");
	return decoded.result;
}
function encodeConstructedValue(schema, children) {
	const container = new build.Constructed({ idBlock: {
		tagClass: schema.idBlock.tagClass,
		tagNumber: schema.idBlock.tagNumber
	} });
	const content = bytes/* bytes_exports */.EH.concat(children);
	container.lenBlock.length = content.byteLength;
	return bytes/* bytes_exports */.EH.concat(container.idBlock.toBER(false), container.lenBlock.toBER(false), content);
}
function readExtensionField(schema) {
	const field = schema.valueBlock.value.find((value) => hasConstructedTag(value, 3, 3));
	const extensions = field?.valueBlock.value[0];
	if (!field || !hasConstructedTag(extensions, 1, 16)) throw new Error("No SignedCertificateTimestampList extension in the specified certificate");
	return {
		field,
		extensions
	};
}
function isSCTExtension(extension) {
	if (!hasConstructedTag(extension, 1, 16)) return false;
	const oid = extension.valueBlock.value[0];
	if (!oid || oid.idBlock.tagClass !== 1 || oid.idBlock.tagNumber !== 6 || oid.idBlock.isConstructed) return false;
	return bytes/* bytes_exports */.EH.equal(oid.valueBlock.toBER(false), SCT_EXTENSION_OID);
}
function readSCTList(extensions) {
	let timestamps;
	for (let i = extensions.length - 1; i >= 0; i--) {
		timestamps = Extension.fromBER(extensions[i].valueBeforeDecodeView.slice().buffer).parsedValue;
		if (!timestamps || timestamps.timestamps.length === 0) throw new Error("Nothing to verify in the certificate");
	}
	if (!timestamps) throw new Error("No SignedCertificateTimestampList extension in the specified certificate");
	return timestamps;
}
function encodeExtensionsWithoutSCTs(field, extensions) {
	const retained = extensions.valueBlock.value.filter((extension) => !isSCTExtension(extension));
	if (retained.length === 0) return [];
	const encoded = encodeConstructedValue(extensions, retained.map((extension) => extension.valueBeforeDecodeView));
	return [new Uint8Array(encodeConstructedValue(field, [new Uint8Array(encoded)]))];
}
function preparePreCert(certificate) {
	const schema = readCertificateTBS(certificate);
	const { field, extensions } = readExtensionField(schema);
	const timestamps = readSCTList(extensions.valueBlock.value.filter(isSCTExtension));
	const replacement = encodeExtensionsWithoutSCTs(field, extensions);
	return {
		tbs: encodeConstructedValue(schema, schema.valueBlock.value.flatMap((value) => value === field ? replacement : [value.valueBeforeDecodeView])),
		timestamps
	};
}
async function verifySCTsForCertificate(certificate, issuerCertificate, logs, index = -1, crypto = getCrypto(true)) {
	const { tbs, timestamps: parsedValue } = preparePreCert(certificate);
	const stream = new SeqStream();
	const issuerId = await crypto.digest({ name: "SHA-256" }, new Uint8Array(issuerCertificate.subjectPublicKeyInfo.toSchema().toBER(false)));
	stream.appendView(new Uint8Array(issuerId));
	stream.appendUint24(tbs.byteLength);
	stream.appendView(new Uint8Array(tbs));
	const preCert = stream.stream.slice(0, stream.length);
	if (index === -1) {
		const verifyArray = [];
		for (const timestamp of parsedValue.timestamps) {
			const verifyResult = await timestamp.verify(logs, preCert.buffer, 1, crypto);
			verifyArray.push(verifyResult);
		}
		return verifyArray;
	}
	if (index >= parsedValue.timestamps.length) index = parsedValue.timestamps.length - 1;
	return [await parsedValue.timestamps[index].verify(logs, preCert.buffer, 1, crypto)];
}
//#endregion
//#region src/SignedCertificateTimestampList.ts
const TIMESTAMPS = "timestamps";
var SignedCertificateTimestampList = class SignedCertificateTimestampList extends PkiObject {
	static {
		this.CLASS_NAME = "SignedCertificateTimestampList";
	}
	constructor(parameters = {}) {
		super();
		this.timestamps = parameters[TIMESTAMPS] ?? SignedCertificateTimestampList.defaultValues(TIMESTAMPS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TIMESTAMPS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TIMESTAMPS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		names.optional ??= false;
		return new build.OctetString({
			name: names.blockName || "SignedCertificateTimestampList",
			optional: names.optional
		});
	}
	fromSchema(schema) {
		if (schema instanceof build.OctetString === false) throw new Error("Object's schema was not verified against input data for SignedCertificateTimestampList");
		const seqStream = new SeqStream({ stream: new ByteStream({ buffer: schema.valueBlock.valueHex }) });
		if (seqStream.getUint16() !== seqStream.length) throw new Error("Object's schema was not verified against input data for SignedCertificateTimestampList");
		while (seqStream.length) this.timestamps.push(new SignedCertificateTimestamp({ stream: seqStream }));
	}
	toSchema() {
		const stream = new SeqStream();
		let overallLength = 0;
		const timestampsData = [];
		for (const timestamp of this.timestamps) {
			const timestampStream = timestamp.toStream();
			timestampsData.push(timestampStream);
			overallLength += timestampStream.stream.buffer.byteLength;
		}
		stream.appendUint16(overallLength);
		for (const timestamp of timestampsData) stream.appendView(timestamp.stream.view);
		return new build.OctetString({ valueHex: stream.stream.buffer.slice(0) });
	}
	toJSON() {
		return { timestamps: Array.from(this.timestamps, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/SubjectDirectoryAttributes.ts
const ATTRIBUTES$4 = "attributes";
const CLEAR_PROPS$63 = [ATTRIBUTES$4];
var SubjectDirectoryAttributes = class SubjectDirectoryAttributes extends PkiObject {
	static {
		this.CLASS_NAME = "SubjectDirectoryAttributes";
	}
	constructor(parameters = {}) {
		super();
		this.attributes = parameters[ATTRIBUTES$4] ?? SubjectDirectoryAttributes.defaultValues(ATTRIBUTES$4);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ATTRIBUTES$4: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.attributes || "",
				value: Attribute.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$63) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SubjectDirectoryAttributes.schema({ names: { attributes: ATTRIBUTES$4 } }));
		AsnError.assertSchema(asn1, this.className);
		this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.attributes, (o) => o.toSchema()) });
	}
	toJSON() {
		return { attributes: Array.from(this.attributes, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/ExtensionValueFactory.ts
var ExtensionValueFactory = class ExtensionValueFactory {
	static getItems() {
		if (!this.types) {
			this.types = {};
			ExtensionValueFactory.register(id_SubjectAltName, "SubjectAltName", AltName);
			ExtensionValueFactory.register(id_IssuerAltName, "IssuerAltName", AltName);
			ExtensionValueFactory.register(id_AuthorityKeyIdentifier, "AuthorityKeyIdentifier", AuthorityKeyIdentifier);
			ExtensionValueFactory.register(id_BasicConstraints, "BasicConstraints", BasicConstraints);
			ExtensionValueFactory.register(id_MicrosoftCaVersion, "MicrosoftCaVersion", CAVersion);
			ExtensionValueFactory.register(id_CertificatePolicies, "CertificatePolicies", CertificatePolicies);
			ExtensionValueFactory.register(id_MicrosoftAppPolicies, "CertificatePoliciesMicrosoft", CertificatePolicies);
			ExtensionValueFactory.register(id_MicrosoftCertTemplateV2, "MicrosoftCertTemplateV2", CertificateTemplate);
			ExtensionValueFactory.register(id_CRLDistributionPoints, "CRLDistributionPoints", CRLDistributionPoints);
			ExtensionValueFactory.register(id_FreshestCRL, "FreshestCRL", CRLDistributionPoints);
			ExtensionValueFactory.register(id_ExtKeyUsage, "ExtKeyUsage", ExtKeyUsage);
			ExtensionValueFactory.register(id_CertificateIssuer, "CertificateIssuer", GeneralNames);
			ExtensionValueFactory.register(id_AuthorityInfoAccess, "AuthorityInfoAccess", InfoAccess);
			ExtensionValueFactory.register(id_SubjectInfoAccess, "SubjectInfoAccess", InfoAccess);
			ExtensionValueFactory.register(id_IssuingDistributionPoint, "IssuingDistributionPoint", IssuingDistributionPoint);
			ExtensionValueFactory.register(id_NameConstraints, "NameConstraints", NameConstraints);
			ExtensionValueFactory.register(id_PolicyConstraints, "PolicyConstraints", PolicyConstraints);
			ExtensionValueFactory.register(id_PolicyMappings, "PolicyMappings", PolicyMappings);
			ExtensionValueFactory.register(id_PrivateKeyUsagePeriod, "PrivateKeyUsagePeriod", PrivateKeyUsagePeriod);
			ExtensionValueFactory.register(id_QCStatements, "QCStatements", QCStatements);
			ExtensionValueFactory.register(id_SignedCertificateTimestampList, "SignedCertificateTimestampList", SignedCertificateTimestampList);
			ExtensionValueFactory.register(id_SubjectDirectoryAttributes, "SubjectDirectoryAttributes", SubjectDirectoryAttributes);
		}
		return this.types;
	}
	static fromBER(id, raw) {
		const asn1 = build.fromBER(raw);
		if (asn1.offset === -1) return null;
		const item = this.find(id);
		if (item) try {
			return new item.type({ schema: asn1.result });
		} catch {
			const res = new item.type();
			res.parsingError = `Incorrectly formatted value of extension ${item.name} (${id})`;
			return res;
		}
		return asn1.result;
	}
	static find(id) {
		return this.getItems()[id] || null;
	}
	static register(id, name, type) {
		this.getItems()[id] = {
			name,
			type
		};
	}
};
//#endregion
//#region src/Extension.ts
const EXTN_ID = "extnID";
const CRITICAL = "critical";
const EXTN_VALUE = "extnValue";
const PARSED_VALUE$5 = "parsedValue";
const CLEAR_PROPS$62 = [
	EXTN_ID,
	CRITICAL,
	EXTN_VALUE
];
var Extension = class Extension extends PkiObject {
	static {
		this.CLASS_NAME = "Extension";
	}
	get parsedValue() {
		if (this._parsedValue === void 0) {
			const parsedValue = ExtensionValueFactory.fromBER(this.extnID, this.extnValue.valueBlock.valueHexView);
			this._parsedValue = parsedValue;
		}
		return this._parsedValue || void 0;
	}
	set parsedValue(value) {
		this._parsedValue = value;
	}
	constructor(parameters = {}) {
		super();
		this.extnID = parameters[EXTN_ID] ?? Extension.defaultValues(EXTN_ID);
		this.critical = parameters[CRITICAL] ?? Extension.defaultValues(CRITICAL);
		if (EXTN_VALUE in parameters) this.extnValue = new build.OctetString({ valueHex: parameters.extnValue });
		else this.extnValue = Extension.defaultValues(EXTN_VALUE);
		if (PARSED_VALUE$5 in parameters) this.parsedValue = parameters[PARSED_VALUE$5] ?? Extension.defaultValues(PARSED_VALUE$5);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case EXTN_ID: return "";
			case CRITICAL: return false;
			case EXTN_VALUE: return new build.OctetString();
			case PARSED_VALUE$5: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.ObjectIdentifier({ name: names.extnID || "" }),
				new build.Boolean({
					name: names.critical || "",
					optional: true
				}),
				new build.OctetString({ name: names.extnValue || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$62) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Extension.schema({ names: {
			extnID: EXTN_ID,
			critical: CRITICAL,
			extnValue: EXTN_VALUE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.extnID = asn1.result.extnID.valueBlock.toString();
		if (CRITICAL in asn1.result) this.critical = asn1.result.critical.valueBlock.value;
		this.extnValue = asn1.result.extnValue;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.extnID }));
		if (this.critical !== Extension.defaultValues(CRITICAL)) outputArray.push(new build.Boolean({ value: this.critical }));
		outputArray.push(this.extnValue);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const object = {
			extnID: this.extnID,
			extnValue: this.extnValue.toJSON()
		};
		if (this.critical !== Extension.defaultValues(CRITICAL)) object.critical = this.critical;
		if (this.parsedValue && this.parsedValue.toJSON) object.parsedValue = this.parsedValue.toJSON();
		return object;
	}
};
//#endregion
//#region src/Extensions.ts
const EXTENSIONS$4 = "extensions";
const CLEAR_PROPS$61 = [EXTENSIONS$4];
var Extensions = class Extensions extends PkiObject {
	static {
		this.CLASS_NAME = "Extensions";
	}
	constructor(parameters = {}) {
		super();
		this.extensions = parameters[EXTENSIONS$4] ?? Extensions.defaultValues(EXTENSIONS$4);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case EXTENSIONS$4: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}, optional = false) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			optional,
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.extensions || "",
				value: Extension.schema(names.extension || {})
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$61) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Extensions.schema({ names: { extensions: EXTENSIONS$4 } }));
		AsnError.assertSchema(asn1, this.className);
		this.extensions = Array.from(asn1.result.extensions, (element) => new Extension({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.extensions, (o) => o.toSchema()) });
	}
	toJSON() {
		return { extensions: this.extensions.map((o) => o.toJSON()) };
	}
};
//#endregion
//#region src/AttributeCertificateV1/IssuerSerial.ts
const ISSUER$4 = "issuer";
const SERIAL_NUMBER$5 = "serialNumber";
const ISSUER_UID = "issuerUID";
const CLEAR_PROPS$60 = [
	ISSUER$4,
	SERIAL_NUMBER$5,
	ISSUER_UID
];
var IssuerSerial = class IssuerSerial extends PkiObject {
	static {
		this.CLASS_NAME = "IssuerSerial";
	}
	constructor(parameters = {}) {
		super();
		this.issuer = parameters[ISSUER$4] ?? IssuerSerial.defaultValues(ISSUER$4);
		this.serialNumber = parameters[SERIAL_NUMBER$5] ?? IssuerSerial.defaultValues(SERIAL_NUMBER$5);
		if (ISSUER_UID in parameters) this.issuerUID = parameters[ISSUER_UID] ?? IssuerSerial.defaultValues(ISSUER_UID);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ISSUER$4: return new GeneralNames();
			case SERIAL_NUMBER$5: return new build.Integer();
			case ISSUER_UID: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				GeneralNames.schema(names.issuer || {}),
				new build.Integer({ name: names.serialNumber || "" }),
				new build.BitString({
					optional: true,
					name: names.issuerUID || ""
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$60) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, IssuerSerial.schema({ names: {
			issuer: { names: { blockName: ISSUER$4 } },
			serialNumber: SERIAL_NUMBER$5,
			issuerUID: ISSUER_UID
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.issuer = new GeneralNames({ schema: asn1.result.issuer });
		this.serialNumber = asn1.result.serialNumber;
		if (ISSUER_UID in asn1.result) this.issuerUID = asn1.result.issuerUID;
	}
	toSchema() {
		const result = new build.Sequence({ value: [this.issuer.toSchema(), this.serialNumber] });
		if (this.issuerUID) result.valueBlock.value.push(this.issuerUID);
		return result;
	}
	toJSON() {
		const result = {
			issuer: this.issuer.toJSON(),
			serialNumber: this.serialNumber.toJSON()
		};
		if (this.issuerUID) result.issuerUID = this.issuerUID.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV1/AttributeCertificateInfoV1.ts
const VERSION$16 = "version";
const BASE_CERTIFICATE_ID$2 = "baseCertificateID";
const SUBJECT_NAME = "subjectName";
const ISSUER$3 = "issuer";
const SIGNATURE$5 = "signature";
const SERIAL_NUMBER$4 = "serialNumber";
const ATTR_CERT_VALIDITY_PERIOD$1 = "attrCertValidityPeriod";
const ATTRIBUTES$3 = "attributes";
const ISSUER_UNIQUE_ID$1 = "issuerUniqueID";
const EXTENSIONS$3 = "extensions";
const CLEAR_PROPS$59 = [
	VERSION$16,
	BASE_CERTIFICATE_ID$2,
	SUBJECT_NAME,
	ISSUER$3,
	SIGNATURE$5,
	SERIAL_NUMBER$4,
	ATTR_CERT_VALIDITY_PERIOD$1,
	ATTRIBUTES$3,
	ISSUER_UNIQUE_ID$1,
	EXTENSIONS$3
];
var AttributeCertificateInfoV1 = class AttributeCertificateInfoV1 extends PkiObject {
	static {
		this.CLASS_NAME = "AttributeCertificateInfoV1";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$16] ?? AttributeCertificateInfoV1.defaultValues(VERSION$16);
		if (BASE_CERTIFICATE_ID$2 in parameters) this.baseCertificateID = parameters[BASE_CERTIFICATE_ID$2] ?? AttributeCertificateInfoV1.defaultValues(BASE_CERTIFICATE_ID$2);
		if (SUBJECT_NAME in parameters) this.subjectName = parameters[SUBJECT_NAME] ?? AttributeCertificateInfoV1.defaultValues(SUBJECT_NAME);
		this.issuer = parameters[ISSUER$3] ?? AttributeCertificateInfoV1.defaultValues(ISSUER$3);
		this.signature = parameters[SIGNATURE$5] ?? AttributeCertificateInfoV1.defaultValues(SIGNATURE$5);
		this.serialNumber = parameters[SERIAL_NUMBER$4] ?? AttributeCertificateInfoV1.defaultValues(SERIAL_NUMBER$4);
		this.attrCertValidityPeriod = parameters[ATTR_CERT_VALIDITY_PERIOD$1] ?? AttributeCertificateInfoV1.defaultValues(ATTR_CERT_VALIDITY_PERIOD$1);
		this.attributes = parameters[ATTRIBUTES$3] ?? AttributeCertificateInfoV1.defaultValues(ATTRIBUTES$3);
		if (ISSUER_UNIQUE_ID$1 in parameters) this.issuerUniqueID = parameters[ISSUER_UNIQUE_ID$1] ?? AttributeCertificateInfoV1.defaultValues(ISSUER_UNIQUE_ID$1);
		if (EXTENSIONS$3 in parameters) this.extensions = parameters[EXTENSIONS$3] ?? AttributeCertificateInfoV1.defaultValues(EXTENSIONS$3);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$16: return 0;
			case BASE_CERTIFICATE_ID$2: return new IssuerSerial();
			case SUBJECT_NAME: return new GeneralNames();
			case ISSUER$3: return new GeneralNames();
			case SIGNATURE$5: return new AlgorithmIdentifier();
			case SERIAL_NUMBER$4: return new build.Integer();
			case ATTR_CERT_VALIDITY_PERIOD$1: return new AttCertValidityPeriod();
			case ATTRIBUTES$3: return [];
			case ISSUER_UNIQUE_ID$1: return new build.BitString();
			case EXTENSIONS$3: return new Extensions();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.Choice({ value: [new build.Constructed({
					name: names.baseCertificateID || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: IssuerSerial.schema().valueBlock.value
				}), new build.Constructed({
					name: names.subjectName || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: GeneralNames.schema().valueBlock.value
				})] }),
				GeneralNames.schema({ names: { blockName: names.issuer || "" } }),
				AlgorithmIdentifier.schema(names.signature || {}),
				new build.Integer({ name: names.serialNumber || "" }),
				AttCertValidityPeriod.schema(names.attrCertValidityPeriod || {}),
				new build.Sequence({
					name: names.attributes || "",
					value: [new build.Repeated({ value: Attribute.schema() })]
				}),
				new build.BitString({
					optional: true,
					name: names.issuerUniqueID || ""
				}),
				Extensions.schema(names.extensions || {}, true)
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$59) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttributeCertificateInfoV1.schema({ names: {
			version: VERSION$16,
			baseCertificateID: BASE_CERTIFICATE_ID$2,
			subjectName: SUBJECT_NAME,
			issuer: ISSUER$3,
			signature: { names: { blockName: SIGNATURE$5 } },
			serialNumber: SERIAL_NUMBER$4,
			attrCertValidityPeriod: { names: { blockName: ATTR_CERT_VALIDITY_PERIOD$1 } },
			attributes: ATTRIBUTES$3,
			issuerUniqueID: ISSUER_UNIQUE_ID$1,
			extensions: { names: { blockName: EXTENSIONS$3 } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		if (BASE_CERTIFICATE_ID$2 in asn1.result) this.baseCertificateID = new IssuerSerial({ schema: new build.Sequence({ value: asn1.result.baseCertificateID.valueBlock.value }) });
		if (SUBJECT_NAME in asn1.result) this.subjectName = new GeneralNames({ schema: new build.Sequence({ value: asn1.result.subjectName.valueBlock.value }) });
		this.issuer = asn1.result.issuer;
		this.signature = new AlgorithmIdentifier({ schema: asn1.result.signature });
		this.serialNumber = asn1.result.serialNumber;
		this.attrCertValidityPeriod = new AttCertValidityPeriod({ schema: asn1.result.attrCertValidityPeriod });
		this.attributes = Array.from(asn1.result.attributes.valueBlock.value, (element) => new Attribute({ schema: element }));
		if (ISSUER_UNIQUE_ID$1 in asn1.result) this.issuerUniqueID = asn1.result.issuerUniqueID;
		if (EXTENSIONS$3 in asn1.result) this.extensions = new Extensions({ schema: asn1.result.extensions });
	}
	toSchema() {
		const result = new build.Sequence({ value: [new build.Integer({ value: this.version })] });
		if (this.baseCertificateID) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.baseCertificateID.toSchema().valueBlock.value
		}));
		if (this.subjectName) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: this.subjectName.toSchema().valueBlock.value
		}));
		result.valueBlock.value.push(this.issuer.toSchema());
		result.valueBlock.value.push(this.signature.toSchema());
		result.valueBlock.value.push(this.serialNumber);
		result.valueBlock.value.push(this.attrCertValidityPeriod.toSchema());
		result.valueBlock.value.push(new build.Sequence({ value: Array.from(this.attributes, (o) => o.toSchema()) }));
		if (this.issuerUniqueID) result.valueBlock.value.push(this.issuerUniqueID);
		if (this.extensions) result.valueBlock.value.push(this.extensions.toSchema());
		return result;
	}
	toJSON() {
		const result = { version: this.version };
		if (this.baseCertificateID) result.baseCertificateID = this.baseCertificateID.toJSON();
		if (this.subjectName) result.subjectName = this.subjectName.toJSON();
		result.issuer = this.issuer.toJSON();
		result.signature = this.signature.toJSON();
		result.serialNumber = this.serialNumber.toJSON();
		result.attrCertValidityPeriod = this.attrCertValidityPeriod.toJSON();
		result.attributes = Array.from(this.attributes, (o) => o.toJSON());
		if (this.issuerUniqueID) result.issuerUniqueID = this.issuerUniqueID.toJSON();
		if (this.extensions) result.extensions = this.extensions.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV1/AttributeCertificateV1.ts
const ACINFO$1 = "acinfo";
const SIGNATURE_ALGORITHM$6 = "signatureAlgorithm";
const SIGNATURE_VALUE$3 = "signatureValue";
const CLEAR_PROPS$58 = [
	ACINFO$1,
	SIGNATURE_VALUE$3,
	SIGNATURE_ALGORITHM$6
];
var AttributeCertificateV1 = class AttributeCertificateV1 extends PkiObject {
	static {
		this.CLASS_NAME = "AttributeCertificateV1";
	}
	constructor(parameters = {}) {
		super();
		this.acinfo = parameters[ACINFO$1] ?? AttributeCertificateV1.defaultValues(ACINFO$1);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$6] ?? AttributeCertificateV1.defaultValues(SIGNATURE_ALGORITHM$6);
		this.signatureValue = parameters[SIGNATURE_VALUE$3] ?? AttributeCertificateV1.defaultValues(SIGNATURE_VALUE$3);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ACINFO$1: return new AttributeCertificateInfoV1();
			case SIGNATURE_ALGORITHM$6: return new AlgorithmIdentifier();
			case SIGNATURE_VALUE$3: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				AttributeCertificateInfoV1.schema(names.acinfo || {}),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || {}),
				new build.BitString({ name: names.signatureValue || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$58) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttributeCertificateV1.schema({ names: {
			acinfo: { names: { blockName: ACINFO$1 } },
			signatureAlgorithm: { names: { blockName: SIGNATURE_ALGORITHM$6 } },
			signatureValue: SIGNATURE_VALUE$3
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.acinfo = new AttributeCertificateInfoV1({ schema: asn1.result.acinfo });
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signatureValue = asn1.result.signatureValue;
	}
	toSchema() {
		return new build.Sequence({ value: [
			this.acinfo.toSchema(),
			this.signatureAlgorithm.toSchema(),
			this.signatureValue
		] });
	}
	toJSON() {
		return {
			acinfo: this.acinfo.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signatureValue: this.signatureValue.toJSON()
		};
	}
};
//#endregion
//#region src/AttributeCertificateV2/ObjectDigestInfo.ts
const DIGESTED_OBJECT_TYPE = "digestedObjectType";
const OTHER_OBJECT_TYPE_ID = "otherObjectTypeID";
const DIGEST_ALGORITHM$2 = "digestAlgorithm";
const OBJECT_DIGEST = "objectDigest";
const CLEAR_PROPS$57 = [
	DIGESTED_OBJECT_TYPE,
	OTHER_OBJECT_TYPE_ID,
	DIGEST_ALGORITHM$2,
	OBJECT_DIGEST
];
var ObjectDigestInfo = class ObjectDigestInfo extends PkiObject {
	static {
		this.CLASS_NAME = "ObjectDigestInfo";
	}
	constructor(parameters = {}) {
		super();
		this.digestedObjectType = parameters[DIGESTED_OBJECT_TYPE] ?? ObjectDigestInfo.defaultValues(DIGESTED_OBJECT_TYPE);
		if (OTHER_OBJECT_TYPE_ID in parameters) this.otherObjectTypeID = parameters[OTHER_OBJECT_TYPE_ID] ?? ObjectDigestInfo.defaultValues(OTHER_OBJECT_TYPE_ID);
		this.digestAlgorithm = parameters[DIGEST_ALGORITHM$2] ?? ObjectDigestInfo.defaultValues(DIGEST_ALGORITHM$2);
		this.objectDigest = parameters[OBJECT_DIGEST] ?? ObjectDigestInfo.defaultValues(OBJECT_DIGEST);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case DIGESTED_OBJECT_TYPE: return new build.Enumerated();
			case OTHER_OBJECT_TYPE_ID: return new build.ObjectIdentifier();
			case DIGEST_ALGORITHM$2: return new AlgorithmIdentifier();
			case OBJECT_DIGEST: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Enumerated({ name: names.digestedObjectType || "" }),
				new build.ObjectIdentifier({
					optional: true,
					name: names.otherObjectTypeID || ""
				}),
				AlgorithmIdentifier.schema(names.digestAlgorithm || {}),
				new build.BitString({ name: names.objectDigest || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$57) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ObjectDigestInfo.schema({ names: {
			digestedObjectType: DIGESTED_OBJECT_TYPE,
			otherObjectTypeID: OTHER_OBJECT_TYPE_ID,
			digestAlgorithm: { names: { blockName: DIGEST_ALGORITHM$2 } },
			objectDigest: OBJECT_DIGEST
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.digestedObjectType = asn1.result.digestedObjectType;
		if (OTHER_OBJECT_TYPE_ID in asn1.result) this.otherObjectTypeID = asn1.result.otherObjectTypeID;
		this.digestAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.digestAlgorithm });
		this.objectDigest = asn1.result.objectDigest;
	}
	toSchema() {
		const result = new build.Sequence({ value: [this.digestedObjectType] });
		if (this.otherObjectTypeID) result.valueBlock.value.push(this.otherObjectTypeID);
		result.valueBlock.value.push(this.digestAlgorithm.toSchema());
		result.valueBlock.value.push(this.objectDigest);
		return result;
	}
	toJSON() {
		const result = {
			digestedObjectType: this.digestedObjectType.toJSON(),
			digestAlgorithm: this.digestAlgorithm.toJSON(),
			objectDigest: this.objectDigest.toJSON()
		};
		if (this.otherObjectTypeID) result.otherObjectTypeID = this.otherObjectTypeID.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV2/V2Form.ts
const ISSUER_NAME = "issuerName";
const BASE_CERTIFICATE_ID$1 = "baseCertificateID";
const OBJECT_DIGEST_INFO$1 = "objectDigestInfo";
const CLEAR_PROPS$56 = [
	ISSUER_NAME,
	BASE_CERTIFICATE_ID$1,
	OBJECT_DIGEST_INFO$1
];
var V2Form = class V2Form extends PkiObject {
	static {
		this.CLASS_NAME = "V2Form";
	}
	constructor(parameters = {}) {
		super();
		if (ISSUER_NAME in parameters) this.issuerName = parameters[ISSUER_NAME] ?? V2Form.defaultValues(ISSUER_NAME);
		if (BASE_CERTIFICATE_ID$1 in parameters) this.baseCertificateID = parameters[BASE_CERTIFICATE_ID$1] ?? V2Form.defaultValues(BASE_CERTIFICATE_ID$1);
		if (OBJECT_DIGEST_INFO$1 in parameters) this.objectDigestInfo = parameters[OBJECT_DIGEST_INFO$1] ?? V2Form.defaultValues(OBJECT_DIGEST_INFO$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ISSUER_NAME: return new GeneralNames();
			case BASE_CERTIFICATE_ID$1: return new IssuerSerial();
			case OBJECT_DIGEST_INFO$1: return new ObjectDigestInfo();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				GeneralNames.schema({ names: { blockName: names.issuerName } }, true),
				new build.Constructed({
					optional: true,
					name: names.baseCertificateID || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: IssuerSerial.schema().valueBlock.value
				}),
				new build.Constructed({
					optional: true,
					name: names.objectDigestInfo || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: ObjectDigestInfo.schema().valueBlock.value
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$56) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, V2Form.schema({ names: {
			issuerName: ISSUER_NAME,
			baseCertificateID: BASE_CERTIFICATE_ID$1,
			objectDigestInfo: OBJECT_DIGEST_INFO$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (ISSUER_NAME in asn1.result) this.issuerName = new GeneralNames({ schema: asn1.result.issuerName });
		if (BASE_CERTIFICATE_ID$1 in asn1.result) this.baseCertificateID = new IssuerSerial({ schema: new build.Sequence({ value: asn1.result.baseCertificateID.valueBlock.value }) });
		if (OBJECT_DIGEST_INFO$1 in asn1.result) this.objectDigestInfo = new ObjectDigestInfo({ schema: new build.Sequence({ value: asn1.result.objectDigestInfo.valueBlock.value }) });
	}
	toSchema() {
		const result = new build.Sequence();
		if (this.issuerName) result.valueBlock.value.push(this.issuerName.toSchema());
		if (this.baseCertificateID) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.baseCertificateID.toSchema().valueBlock.value
		}));
		if (this.objectDigestInfo) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: this.objectDigestInfo.toSchema().valueBlock.value
		}));
		return result;
	}
	toJSON() {
		const result = {};
		if (this.issuerName) result.issuerName = this.issuerName.toJSON();
		if (this.baseCertificateID) result.baseCertificateID = this.baseCertificateID.toJSON();
		if (this.objectDigestInfo) result.objectDigestInfo = this.objectDigestInfo.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV2/Holder.ts
const BASE_CERTIFICATE_ID = "baseCertificateID";
const ENTITY_NAME = "entityName";
const OBJECT_DIGEST_INFO = "objectDigestInfo";
const CLEAR_PROPS$55 = [
	BASE_CERTIFICATE_ID,
	ENTITY_NAME,
	OBJECT_DIGEST_INFO
];
var Holder = class Holder extends PkiObject {
	static {
		this.CLASS_NAME = "Holder";
	}
	constructor(parameters = {}) {
		super();
		if (BASE_CERTIFICATE_ID in parameters) this.baseCertificateID = parameters[BASE_CERTIFICATE_ID] ?? Holder.defaultValues(BASE_CERTIFICATE_ID);
		if (ENTITY_NAME in parameters) this.entityName = parameters[ENTITY_NAME] ?? Holder.defaultValues(ENTITY_NAME);
		if (OBJECT_DIGEST_INFO in parameters) this.objectDigestInfo = parameters[OBJECT_DIGEST_INFO] ?? Holder.defaultValues(OBJECT_DIGEST_INFO);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case BASE_CERTIFICATE_ID: return new IssuerSerial();
			case ENTITY_NAME: return new GeneralNames();
			case OBJECT_DIGEST_INFO: return new ObjectDigestInfo();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Constructed({
					optional: true,
					name: names.baseCertificateID || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: IssuerSerial.schema().valueBlock.value
				}),
				new build.Constructed({
					optional: true,
					name: names.entityName || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: GeneralNames.schema().valueBlock.value
				}),
				new build.Constructed({
					optional: true,
					name: names.objectDigestInfo || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: ObjectDigestInfo.schema().valueBlock.value
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$55) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Holder.schema({ names: {
			baseCertificateID: BASE_CERTIFICATE_ID,
			entityName: ENTITY_NAME,
			objectDigestInfo: OBJECT_DIGEST_INFO
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (BASE_CERTIFICATE_ID in asn1.result) this.baseCertificateID = new IssuerSerial({ schema: new build.Sequence({ value: asn1.result.baseCertificateID.valueBlock.value }) });
		if (ENTITY_NAME in asn1.result) this.entityName = new GeneralNames({ schema: new build.Sequence({ value: asn1.result.entityName.valueBlock.value }) });
		if (OBJECT_DIGEST_INFO in asn1.result) this.objectDigestInfo = new ObjectDigestInfo({ schema: new build.Sequence({ value: asn1.result.objectDigestInfo.valueBlock.value }) });
	}
	toSchema() {
		const result = new build.Sequence();
		if (this.baseCertificateID) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.baseCertificateID.toSchema().valueBlock.value
		}));
		if (this.entityName) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: this.entityName.toSchema().valueBlock.value
		}));
		if (this.objectDigestInfo) result.valueBlock.value.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			value: this.objectDigestInfo.toSchema().valueBlock.value
		}));
		return result;
	}
	toJSON() {
		const result = {};
		if (this.baseCertificateID) result.baseCertificateID = this.baseCertificateID.toJSON();
		if (this.entityName) result.entityName = this.entityName.toJSON();
		if (this.objectDigestInfo) result.objectDigestInfo = this.objectDigestInfo.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV2/AttributeCertificateInfoV2.ts
const VERSION$15 = "version";
const HOLDER = "holder";
const ISSUER$2 = "issuer";
const SIGNATURE$4 = "signature";
const SERIAL_NUMBER$3 = "serialNumber";
const ATTR_CERT_VALIDITY_PERIOD = "attrCertValidityPeriod";
const ATTRIBUTES$2 = "attributes";
const ISSUER_UNIQUE_ID = "issuerUniqueID";
const EXTENSIONS$2 = "extensions";
const CLEAR_PROPS$54 = [
	VERSION$15,
	HOLDER,
	ISSUER$2,
	SIGNATURE$4,
	SERIAL_NUMBER$3,
	ATTR_CERT_VALIDITY_PERIOD,
	ATTRIBUTES$2,
	ISSUER_UNIQUE_ID,
	EXTENSIONS$2
];
var AttributeCertificateInfoV2 = class AttributeCertificateInfoV2 extends PkiObject {
	static {
		this.CLASS_NAME = "AttributeCertificateInfoV2";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$15] ?? AttributeCertificateInfoV2.defaultValues(VERSION$15);
		this.holder = parameters[HOLDER] ?? AttributeCertificateInfoV2.defaultValues(HOLDER);
		this.issuer = parameters[ISSUER$2] ?? AttributeCertificateInfoV2.defaultValues(ISSUER$2);
		this.signature = parameters[SIGNATURE$4] ?? AttributeCertificateInfoV2.defaultValues(SIGNATURE$4);
		this.serialNumber = parameters[SERIAL_NUMBER$3] ?? AttributeCertificateInfoV2.defaultValues(SERIAL_NUMBER$3);
		this.attrCertValidityPeriod = parameters[ATTR_CERT_VALIDITY_PERIOD] ?? AttributeCertificateInfoV2.defaultValues(ATTR_CERT_VALIDITY_PERIOD);
		this.attributes = parameters[ATTRIBUTES$2] ?? AttributeCertificateInfoV2.defaultValues(ATTRIBUTES$2);
		if (ISSUER_UNIQUE_ID in parameters) this.issuerUniqueID = parameters[ISSUER_UNIQUE_ID] ?? AttributeCertificateInfoV2.defaultValues(ISSUER_UNIQUE_ID);
		if (EXTENSIONS$2 in parameters) this.extensions = parameters[EXTENSIONS$2] ?? AttributeCertificateInfoV2.defaultValues(EXTENSIONS$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$15: return 1;
			case HOLDER: return new Holder();
			case ISSUER$2: return {};
			case SIGNATURE$4: return new AlgorithmIdentifier();
			case SERIAL_NUMBER$3: return new build.Integer();
			case ATTR_CERT_VALIDITY_PERIOD: return new AttCertValidityPeriod();
			case ATTRIBUTES$2: return [];
			case ISSUER_UNIQUE_ID: return new build.BitString();
			case EXTENSIONS$2: return new Extensions();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				Holder.schema(names.holder || {}),
				new build.Choice({ value: [GeneralNames.schema({ names: { blockName: names.issuer || "" } }), new build.Constructed({
					name: names.issuer || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: V2Form.schema().valueBlock.value
				})] }),
				AlgorithmIdentifier.schema(names.signature || {}),
				new build.Integer({ name: names.serialNumber || "" }),
				AttCertValidityPeriod.schema(names.attrCertValidityPeriod || {}),
				new build.Sequence({
					name: names.attributes || "",
					value: [new build.Repeated({ value: Attribute.schema() })]
				}),
				new build.BitString({
					optional: true,
					name: names.issuerUniqueID || ""
				}),
				Extensions.schema(names.extensions || {}, true)
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$54) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttributeCertificateInfoV2.schema({ names: {
			version: VERSION$15,
			holder: { names: { blockName: HOLDER } },
			issuer: ISSUER$2,
			signature: { names: { blockName: SIGNATURE$4 } },
			serialNumber: SERIAL_NUMBER$3,
			attrCertValidityPeriod: { names: { blockName: ATTR_CERT_VALIDITY_PERIOD } },
			attributes: ATTRIBUTES$2,
			issuerUniqueID: ISSUER_UNIQUE_ID,
			extensions: { names: { blockName: EXTENSIONS$2 } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.holder = new Holder({ schema: asn1.result.holder });
		switch (asn1.result.issuer.idBlock.tagClass) {
			case 3:
				this.issuer = new V2Form({ schema: new build.Sequence({ value: asn1.result.issuer.valueBlock.value }) });
				break;
			default: throw new Error("Incorrect value for 'issuer' in AttributeCertificateInfoV2");
		}
		this.signature = new AlgorithmIdentifier({ schema: asn1.result.signature });
		this.serialNumber = asn1.result.serialNumber;
		this.attrCertValidityPeriod = new AttCertValidityPeriod({ schema: asn1.result.attrCertValidityPeriod });
		this.attributes = Array.from(asn1.result.attributes.valueBlock.value, (element) => new Attribute({ schema: element }));
		if (ISSUER_UNIQUE_ID in asn1.result) this.issuerUniqueID = asn1.result.issuerUniqueID;
		if (EXTENSIONS$2 in asn1.result) this.extensions = new Extensions({ schema: asn1.result.extensions });
	}
	toSchema() {
		const result = new build.Sequence({ value: [
			new build.Integer({ value: this.version }),
			this.holder.toSchema(),
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: this.issuer.toSchema().valueBlock.value
			}),
			this.signature.toSchema(),
			this.serialNumber,
			this.attrCertValidityPeriod.toSchema(),
			new build.Sequence({ value: Array.from(this.attributes, (o) => o.toSchema()) })
		] });
		if (this.issuerUniqueID) result.valueBlock.value.push(this.issuerUniqueID);
		if (this.extensions) result.valueBlock.value.push(this.extensions.toSchema());
		return result;
	}
	toJSON() {
		const result = {
			version: this.version,
			holder: this.holder.toJSON(),
			issuer: this.issuer.toJSON(),
			signature: this.signature.toJSON(),
			serialNumber: this.serialNumber.toJSON(),
			attrCertValidityPeriod: this.attrCertValidityPeriod.toJSON(),
			attributes: Array.from(this.attributes, (o) => o.toJSON())
		};
		if (this.issuerUniqueID) result.issuerUniqueID = this.issuerUniqueID.toJSON();
		if (this.extensions) result.extensions = this.extensions.toJSON();
		return result;
	}
};
//#endregion
//#region src/AttributeCertificateV2/AttributeCertificateV2.ts
const ACINFO = "acinfo";
const SIGNATURE_ALGORITHM$5 = "signatureAlgorithm";
const SIGNATURE_VALUE$2 = "signatureValue";
const CLEAR_PROPS$53 = [
	ACINFO,
	SIGNATURE_ALGORITHM$5,
	SIGNATURE_VALUE$2
];
var AttributeCertificateV2 = class AttributeCertificateV2 extends PkiObject {
	static {
		this.CLASS_NAME = "AttributeCertificateV2";
	}
	constructor(parameters = {}) {
		super();
		this.acinfo = parameters[ACINFO] ?? AttributeCertificateV2.defaultValues(ACINFO);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$5] ?? AttributeCertificateV2.defaultValues(SIGNATURE_ALGORITHM$5);
		this.signatureValue = parameters[SIGNATURE_VALUE$2] ?? AttributeCertificateV2.defaultValues(SIGNATURE_VALUE$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ACINFO: return new AttributeCertificateInfoV2();
			case SIGNATURE_ALGORITHM$5: return new AlgorithmIdentifier();
			case SIGNATURE_VALUE$2: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				AttributeCertificateInfoV2.schema(names.acinfo || {}),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || {}),
				new build.BitString({ name: names.signatureValue || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$53) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AttributeCertificateV2.schema({ names: {
			acinfo: { names: { blockName: ACINFO } },
			signatureAlgorithm: { names: { blockName: SIGNATURE_ALGORITHM$5 } },
			signatureValue: SIGNATURE_VALUE$2
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.acinfo = new AttributeCertificateInfoV2({ schema: asn1.result.acinfo });
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signatureValue = asn1.result.signatureValue;
	}
	toSchema() {
		return new build.Sequence({ value: [
			this.acinfo.toSchema(),
			this.signatureAlgorithm.toSchema(),
			this.signatureValue
		] });
	}
	toJSON() {
		return {
			acinfo: this.acinfo.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signatureValue: this.signatureValue.toJSON()
		};
	}
};
//#endregion
//#region src/ContentInfo.ts
const CONTENT_TYPE = "contentType";
const CONTENT = "content";
const CLEAR_PROPS$52 = [CONTENT_TYPE, CONTENT];
var ContentInfo = class ContentInfo extends PkiObject {
	static {
		this.CLASS_NAME = "ContentInfo";
	}
	static {
		this.DATA = id_ContentType_Data;
	}
	static {
		this.SIGNED_DATA = id_ContentType_SignedData;
	}
	static {
		this.ENVELOPED_DATA = id_ContentType_EnvelopedData;
	}
	static {
		this.ENCRYPTED_DATA = id_ContentType_EncryptedData;
	}
	constructor(parameters = {}) {
		super();
		this.contentType = parameters[CONTENT_TYPE] ?? ContentInfo.defaultValues(CONTENT_TYPE);
		this.content = parameters[CONTENT] ?? ContentInfo.defaultValues(CONTENT);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CONTENT_TYPE: return "";
			case CONTENT: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CONTENT_TYPE: return typeof memberValue === "string" && memberValue === this.defaultValues(CONTENT_TYPE);
			case CONTENT: return memberValue instanceof build.Any;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		if ("optional" in names === false) names.optional = false;
		return new build.Sequence({
			name: names.blockName || "ContentInfo",
			optional: names.optional,
			value: [new build.ObjectIdentifier({ name: names.contentType || CONTENT_TYPE }), new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Any({ name: names.content || CONTENT })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$52) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ContentInfo.schema());
		AsnError.assertSchema(asn1, this.className);
		this.contentType = asn1.result.contentType.valueBlock.toString();
		this.content = asn1.result.content;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.contentType }), new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.content]
		})] });
	}
	toJSON() {
		const object = { contentType: this.contentType };
		if (!(this.content instanceof build.Any)) object.content = this.content.toJSON();
		return object;
	}
};
//#endregion
//#region src/CertBag.ts
const CERT_ID$1 = "certId";
const CERT_VALUE = "certValue";
const PARSED_VALUE$4 = "parsedValue";
const CLEAR_PROPS$51 = [CERT_ID$1, CERT_VALUE];
var CertBag = class CertBag extends PkiObject {
	static {
		this.CLASS_NAME = "CertBag";
	}
	constructor(parameters = {}) {
		super();
		this.certId = parameters[CERT_ID$1] ?? CertBag.defaultValues(CERT_ID$1);
		this.certValue = parameters[CERT_VALUE] ?? CertBag.defaultValues(CERT_VALUE);
		if (PARSED_VALUE$4 in parameters) this.parsedValue = parameters[PARSED_VALUE$4] ?? CertBag.defaultValues(PARSED_VALUE$4);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERT_ID$1: return "";
			case CERT_VALUE: return new build.Any();
			case PARSED_VALUE$4: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CERT_ID$1: return memberValue === "";
			case CERT_VALUE: return memberValue instanceof build.Any;
			case PARSED_VALUE$4: return memberValue instanceof Object && Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.id || "id" }), new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Any({ name: names.value || "value" })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$51) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertBag.schema({ names: {
			id: CERT_ID$1,
			value: CERT_VALUE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.certId = asn1.result.certId.valueBlock.toString();
		this.certValue = asn1.result.certValue;
		const certValueHex = this.certValue.valueBlock.valueHexView;
		switch (this.certId) {
			case id_CertBag_X509Certificate:
				try {
					this.parsedValue = Certificate.fromBER(certValueHex);
				} catch {
					AttributeCertificateV2.fromBER(certValueHex);
				}
				break;
			case id_CertBag_AttributeCertificate:
				this.parsedValue = AttributeCertificateV2.fromBER(certValueHex);
				break;
			case id_CertBag_SDSICertificate:
			default: throw new Error(`Incorrect CERT_ID value in CertBag: ${this.certId}`);
		}
	}
	toSchema() {
		if (PARSED_VALUE$4 in this) {
			if ("acinfo" in this.parsedValue) this.certId = id_CertBag_AttributeCertificate;
			else this.certId = id_CertBag_X509Certificate;
			this.certValue = new build.OctetString({ valueHex: this.parsedValue.toSchema().toBER(false) });
		}
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.certId }), new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: ["toSchema" in this.certValue ? this.certValue.toSchema() : this.certValue]
		})] });
	}
	toJSON() {
		return {
			certId: this.certId,
			certValue: this.certValue.toJSON()
		};
	}
};
//#endregion
//#region src/RevokedCertificate.ts
const USER_CERTIFICATE = "userCertificate";
const REVOCATION_DATE = "revocationDate";
const CRL_ENTRY_EXTENSIONS = "crlEntryExtensions";
const CLEAR_PROPS$50 = [
	USER_CERTIFICATE,
	REVOCATION_DATE,
	CRL_ENTRY_EXTENSIONS
];
var RevokedCertificate = class RevokedCertificate extends PkiObject {
	static {
		this.CLASS_NAME = "RevokedCertificate";
	}
	constructor(parameters = {}) {
		super();
		this.userCertificate = parameters[USER_CERTIFICATE] ?? RevokedCertificate.defaultValues(USER_CERTIFICATE);
		this.revocationDate = parameters[REVOCATION_DATE] ?? RevokedCertificate.defaultValues(REVOCATION_DATE);
		if (CRL_ENTRY_EXTENSIONS in parameters) this.crlEntryExtensions = parameters[CRL_ENTRY_EXTENSIONS] ?? RevokedCertificate.defaultValues(CRL_ENTRY_EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case USER_CERTIFICATE: return new build.Integer();
			case REVOCATION_DATE: return new Time();
			case CRL_ENTRY_EXTENSIONS: return new Extensions();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.userCertificate || USER_CERTIFICATE }),
				Time.schema({ names: {
					utcTimeName: names.revocationDate || REVOCATION_DATE,
					generalTimeName: names.revocationDate || REVOCATION_DATE
				} }),
				Extensions.schema({ names: { blockName: names.crlEntryExtensions || CRL_ENTRY_EXTENSIONS } }, true)
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$50) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RevokedCertificate.schema());
		AsnError.assertSchema(asn1, this.className);
		this.userCertificate = asn1.result.userCertificate;
		this.revocationDate = new Time({ schema: asn1.result.revocationDate });
		if (CRL_ENTRY_EXTENSIONS in asn1.result) this.crlEntryExtensions = new Extensions({ schema: asn1.result.crlEntryExtensions });
	}
	toSchema() {
		const outputArray = [this.userCertificate, this.revocationDate.toSchema()];
		if (this.crlEntryExtensions) outputArray.push(this.crlEntryExtensions.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			userCertificate: this.userCertificate.toJSON(),
			revocationDate: this.revocationDate.toJSON()
		};
		if (this.crlEntryExtensions) res.crlEntryExtensions = this.crlEntryExtensions.toJSON();
		return res;
	}
};
//#endregion
//#region src/CertificateRevocationList.ts
const TBS$3 = "tbs";
const VERSION$14 = "version";
const SIGNATURE$3 = "signature";
const ISSUER$1 = "issuer";
const THIS_UPDATE$1 = "thisUpdate";
const NEXT_UPDATE$1 = "nextUpdate";
const REVOKED_CERTIFICATES = "revokedCertificates";
const CRL_EXTENSIONS = "crlExtensions";
const SIGNATURE_ALGORITHM$4 = "signatureAlgorithm";
const SIGNATURE_VALUE$1 = "signatureValue";
const TBS_CERT_LIST = "tbsCertList";
const TBS_CERT_LIST_VERSION = `${TBS_CERT_LIST}.version`;
const TBS_CERT_LIST_SIGNATURE = `${TBS_CERT_LIST}.signature`;
const TBS_CERT_LIST_ISSUER = `${TBS_CERT_LIST}.issuer`;
const TBS_CERT_LIST_THIS_UPDATE = `${TBS_CERT_LIST}.thisUpdate`;
const TBS_CERT_LIST_NEXT_UPDATE = `${TBS_CERT_LIST}.nextUpdate`;
const TBS_CERT_LIST_REVOKED_CERTIFICATES = `${TBS_CERT_LIST}.revokedCertificates`;
const TBS_CERT_LIST_EXTENSIONS = `${TBS_CERT_LIST}.extensions`;
const CLEAR_PROPS$49 = [
	TBS_CERT_LIST,
	TBS_CERT_LIST_VERSION,
	TBS_CERT_LIST_SIGNATURE,
	TBS_CERT_LIST_ISSUER,
	TBS_CERT_LIST_THIS_UPDATE,
	TBS_CERT_LIST_NEXT_UPDATE,
	TBS_CERT_LIST_REVOKED_CERTIFICATES,
	TBS_CERT_LIST_EXTENSIONS,
	SIGNATURE_ALGORITHM$4,
	SIGNATURE_VALUE$1
];
function tbsCertList(parameters = {}) {
	const names = parameters.names ?? {};
	return new build.Sequence({
		name: names.blockName || TBS_CERT_LIST,
		value: [
			new build.Integer({
				optional: true,
				name: names.tbsCertListVersion || TBS_CERT_LIST_VERSION,
				value: 2
			}),
			AlgorithmIdentifier.schema(names.signature || { names: { blockName: TBS_CERT_LIST_SIGNATURE } }),
			RelativeDistinguishedNames.schema(names.issuer || { names: { blockName: TBS_CERT_LIST_ISSUER } }),
			Time.schema(names.tbsCertListThisUpdate || { names: {
				utcTimeName: TBS_CERT_LIST_THIS_UPDATE,
				generalTimeName: TBS_CERT_LIST_THIS_UPDATE
			} }),
			Time.schema(names.tbsCertListNextUpdate || { names: {
				utcTimeName: TBS_CERT_LIST_NEXT_UPDATE,
				generalTimeName: TBS_CERT_LIST_NEXT_UPDATE
			} }, true),
			new build.Sequence({
				optional: true,
				value: [new build.Repeated({
					name: names.tbsCertListRevokedCertificates || TBS_CERT_LIST_REVOKED_CERTIFICATES,
					value: new build.Sequence({ value: [
						new build.Integer(),
						Time.schema(),
						Extensions.schema({}, true)
					] })
				})]
			}),
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [Extensions.schema(names.crlExtensions || { names: { blockName: TBS_CERT_LIST_EXTENSIONS } })]
			})
		]
	});
}
const WELL_KNOWN_EXTENSIONS = [
	id_AuthorityKeyIdentifier,
	id_IssuerAltName,
	id_CRLNumber,
	id_BaseCRLNumber,
	id_IssuingDistributionPoint,
	id_FreshestCRL,
	id_AuthorityInfoAccess,
	id_CRLReason,
	id_InvalidityDate,
	id_CertificateIssuer
];
var CertificateRevocationList = class CertificateRevocationList extends PkiObject {
	static {
		this.CLASS_NAME = "CertificateRevocationList";
	}
	get tbs() {
		return (0,buffer_source/* toArrayBuffer */.XA)(this.tbsView);
	}
	set tbs(value) {
		this.tbsView = new Uint8Array(value);
	}
	constructor(parameters = {}) {
		super();
		this.tbsView = new Uint8Array(parameters[TBS$3] ?? CertificateRevocationList.defaultValues(TBS$3));
		this.version = parameters[VERSION$14] ?? CertificateRevocationList.defaultValues(VERSION$14);
		this.signature = parameters[SIGNATURE$3] ?? CertificateRevocationList.defaultValues(SIGNATURE$3);
		this.issuer = parameters[ISSUER$1] ?? CertificateRevocationList.defaultValues(ISSUER$1);
		this.thisUpdate = parameters[THIS_UPDATE$1] ?? CertificateRevocationList.defaultValues(THIS_UPDATE$1);
		if (NEXT_UPDATE$1 in parameters) this.nextUpdate = parameters[NEXT_UPDATE$1] ?? CertificateRevocationList.defaultValues(NEXT_UPDATE$1);
		if (REVOKED_CERTIFICATES in parameters) this.revokedCertificates = parameters[REVOKED_CERTIFICATES] ?? CertificateRevocationList.defaultValues(REVOKED_CERTIFICATES);
		if (CRL_EXTENSIONS in parameters) this.crlExtensions = parameters[CRL_EXTENSIONS] ?? CertificateRevocationList.defaultValues(CRL_EXTENSIONS);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$4] ?? CertificateRevocationList.defaultValues(SIGNATURE_ALGORITHM$4);
		this.signatureValue = parameters[SIGNATURE_VALUE$1] ?? CertificateRevocationList.defaultValues(SIGNATURE_VALUE$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS$3: return EMPTY_BUFFER;
			case VERSION$14: return 0;
			case SIGNATURE$3: return new AlgorithmIdentifier();
			case ISSUER$1: return new RelativeDistinguishedNames();
			case THIS_UPDATE$1: return new Time();
			case NEXT_UPDATE$1: return new Time();
			case REVOKED_CERTIFICATES: return [];
			case CRL_EXTENSIONS: return new Extensions();
			case SIGNATURE_ALGORITHM$4: return new AlgorithmIdentifier();
			case SIGNATURE_VALUE$1: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "CertificateList",
			value: [
				tbsCertList(parameters),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || { names: { blockName: SIGNATURE_ALGORITHM$4 } }),
				new build.BitString({ name: names.signatureValue || SIGNATURE_VALUE$1 })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$49) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertificateRevocationList.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsView = asn1.result.tbsCertList.valueBeforeDecodeView;
		if (TBS_CERT_LIST_VERSION in asn1.result) this.version = asn1.result[TBS_CERT_LIST_VERSION].valueBlock.valueDec;
		this.signature = new AlgorithmIdentifier({ schema: asn1.result[TBS_CERT_LIST_SIGNATURE] });
		this.issuer = new RelativeDistinguishedNames({ schema: asn1.result[TBS_CERT_LIST_ISSUER] });
		this.thisUpdate = new Time({ schema: asn1.result[TBS_CERT_LIST_THIS_UPDATE] });
		if (TBS_CERT_LIST_NEXT_UPDATE in asn1.result) this.nextUpdate = new Time({ schema: asn1.result[TBS_CERT_LIST_NEXT_UPDATE] });
		if (TBS_CERT_LIST_REVOKED_CERTIFICATES in asn1.result) this.revokedCertificates = Array.from(asn1.result[TBS_CERT_LIST_REVOKED_CERTIFICATES], (element) => new RevokedCertificate({ schema: element }));
		if (TBS_CERT_LIST_EXTENSIONS in asn1.result) this.crlExtensions = new Extensions({ schema: asn1.result[TBS_CERT_LIST_EXTENSIONS] });
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signatureValue = asn1.result.signatureValue;
	}
	encodeTBS() {
		const outputArray = [];
		if (this.version !== CertificateRevocationList.defaultValues(VERSION$14)) outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(this.signature.toSchema());
		outputArray.push(this.issuer.toSchema());
		outputArray.push(this.thisUpdate.toSchema());
		if (this.nextUpdate) outputArray.push(this.nextUpdate.toSchema());
		if (this.revokedCertificates) outputArray.push(new build.Sequence({ value: Array.from(this.revokedCertificates, (o) => o.toSchema()) }));
		if (this.crlExtensions) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.crlExtensions.toSchema()]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toSchema(encodeFlag = false) {
		let tbsSchema;
		if (!encodeFlag) {
			if (!this.tbsView.byteLength) return CertificateRevocationList.schema();
			const asn1 = build.fromBER(this.tbsView);
			AsnError.assert(asn1, "TBS Certificate Revocation List");
			tbsSchema = asn1.result;
		} else tbsSchema = this.encodeTBS();
		return new build.Sequence({ value: [
			tbsSchema,
			this.signatureAlgorithm.toSchema(),
			this.signatureValue
		] });
	}
	toJSON() {
		const res = {
			tbs: hex/* hex_exports */.KF.encode(this.tbsView),
			version: this.version,
			signature: this.signature.toJSON(),
			issuer: this.issuer.toJSON(),
			thisUpdate: this.thisUpdate.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signatureValue: this.signatureValue.toJSON()
		};
		if (this.version !== CertificateRevocationList.defaultValues(VERSION$14)) res.version = this.version;
		if (this.nextUpdate) res.nextUpdate = this.nextUpdate.toJSON();
		if (this.revokedCertificates) res.revokedCertificates = Array.from(this.revokedCertificates, (o) => o.toJSON());
		if (this.crlExtensions) res.crlExtensions = this.crlExtensions.toJSON();
		return res;
	}
	isCertificateRevoked(certificate) {
		if (!this.issuer.isEqual(certificate.issuer)) return false;
		if (!this.revokedCertificates) return false;
		for (const revokedCertificate of this.revokedCertificates) if (revokedCertificate.userCertificate.isEqual(certificate.serialNumber)) return true;
		return false;
	}
	async sign(privateKey, hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		if (!privateKey) throw new Error("Need to provide a private key for signing");
		const signatureParameters = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const { parameters } = signatureParameters;
		this.signature = signatureParameters.signatureAlgorithm;
		this.signatureAlgorithm = signatureParameters.signatureAlgorithm;
		this.tbsView = new Uint8Array(this.encodeTBS().toBER());
		const signature = await crypto.signWithPrivateKey(this.tbsView, privateKey, parameters);
		this.signatureValue = new build.BitString({ valueHex: signature });
	}
	async verify(parameters = {}, crypto = getCrypto(true)) {
		let subjectPublicKeyInfo;
		if (parameters.issuerCertificate) {
			subjectPublicKeyInfo = parameters.issuerCertificate.subjectPublicKeyInfo;
			if (!this.issuer.isEqual(parameters.issuerCertificate.subject)) return false;
		}
		if (parameters.publicKeyInfo) subjectPublicKeyInfo = parameters.publicKeyInfo;
		if (!subjectPublicKeyInfo) throw new Error("Issuer's certificate must be provided as an input parameter");
		if (this.crlExtensions) {
			for (const extension of this.crlExtensions.extensions) if (extension.critical) {
				if (!WELL_KNOWN_EXTENSIONS.includes(extension.extnID)) return false;
			}
		}
		return crypto.verifyWithPublicKey(this.tbsView, this.signatureValue, subjectPublicKeyInfo, this.signatureAlgorithm);
	}
};
//#endregion
//#region src/CRLBag.ts
const CRL_ID = "crlId";
const CRL_VALUE = "crlValue";
const PARSED_VALUE$3 = "parsedValue";
const CLEAR_PROPS$48 = [CRL_ID, CRL_VALUE];
var CRLBag = class CRLBag extends PkiObject {
	static {
		this.CLASS_NAME = "CRLBag";
	}
	constructor(parameters = {}) {
		super();
		this.crlId = parameters[CRL_ID] ?? CRLBag.defaultValues(CRL_ID);
		this.crlValue = parameters[CRL_VALUE] ?? CRLBag.defaultValues(CRL_VALUE);
		if (PARSED_VALUE$3 in parameters) this.parsedValue = parameters[PARSED_VALUE$3] ?? CRLBag.defaultValues(PARSED_VALUE$3);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CRL_ID: return "";
			case CRL_VALUE: return new build.Any();
			case PARSED_VALUE$3: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CRL_ID: return memberValue === "";
			case CRL_VALUE: return memberValue instanceof build.Any;
			case PARSED_VALUE$3: return memberValue instanceof Object && Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.id || "id" }), new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Any({ name: names.value || "value" })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$48) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CRLBag.schema({ names: {
			id: CRL_ID,
			value: CRL_VALUE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.crlId = asn1.result.crlId.valueBlock.toString();
		this.crlValue = asn1.result.crlValue;
		switch (this.crlId) {
			case id_CRLBag_X509CRL:
				this.parsedValue = CertificateRevocationList.fromBER(this.certValue.valueBlock.valueHex);
				break;
			default: throw new Error(`Incorrect CRL_ID value in CRLBag: ${this.crlId}`);
		}
	}
	toSchema() {
		if (this.parsedValue) {
			this.crlId = id_CRLBag_X509CRL;
			this.crlValue = new build.OctetString({ valueHex: this.parsedValue.toSchema().toBER(false) });
		}
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.crlId }), new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.crlValue.toSchema()]
		})] });
	}
	toJSON() {
		return {
			crlId: this.crlId,
			crlValue: this.crlValue.toJSON()
		};
	}
};
//#endregion
//#region src/EncryptedData.ts
const VERSION$13 = "version";
const ENCRYPTED_CONTENT_INFO$1 = "encryptedContentInfo";
const UNPROTECTED_ATTRS$1 = "unprotectedAttrs";
const CLEAR_PROPS$47 = [
	VERSION$13,
	ENCRYPTED_CONTENT_INFO$1,
	UNPROTECTED_ATTRS$1
];
var EncryptedData = class EncryptedData extends PkiObject {
	static {
		this.CLASS_NAME = "EncryptedData";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$13] ?? EncryptedData.defaultValues(VERSION$13);
		this.encryptedContentInfo = parameters[ENCRYPTED_CONTENT_INFO$1] ?? EncryptedData.defaultValues(ENCRYPTED_CONTENT_INFO$1);
		if (UNPROTECTED_ATTRS$1 in parameters) this.unprotectedAttrs = parameters[UNPROTECTED_ATTRS$1] ?? EncryptedData.defaultValues(UNPROTECTED_ATTRS$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$13: return 0;
			case ENCRYPTED_CONTENT_INFO$1: return new EncryptedContentInfo();
			case UNPROTECTED_ATTRS$1: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$13: return memberValue === 0;
			case ENCRYPTED_CONTENT_INFO$1: return EncryptedContentInfo.compareWithDefault("contentType", memberValue.contentType) && EncryptedContentInfo.compareWithDefault("contentEncryptionAlgorithm", memberValue.contentEncryptionAlgorithm) && EncryptedContentInfo.compareWithDefault("encryptedContent", memberValue.encryptedContent);
			case UNPROTECTED_ATTRS$1: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				EncryptedContentInfo.schema(names.encryptedContentInfo || {}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Repeated({
						name: names.unprotectedAttrs || "",
						value: Attribute.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$47) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, EncryptedData.schema({ names: {
			version: VERSION$13,
			encryptedContentInfo: { names: { blockName: ENCRYPTED_CONTENT_INFO$1 } },
			unprotectedAttrs: UNPROTECTED_ATTRS$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.encryptedContentInfo = new EncryptedContentInfo({ schema: asn1.result.encryptedContentInfo });
		if (UNPROTECTED_ATTRS$1 in asn1.result) this.unprotectedAttrs = Array.from(asn1.result.unprotectedAttrs, (element) => new Attribute({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(this.encryptedContentInfo.toSchema());
		if (this.unprotectedAttrs) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.unprotectedAttrs, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			encryptedContentInfo: this.encryptedContentInfo.toJSON()
		};
		if (this.unprotectedAttrs) res.unprotectedAttrs = Array.from(this.unprotectedAttrs, (o) => o.toJSON());
		return res;
	}
	async encrypt(parameters, crypto = getCrypto(true)) {
		ArgumentError.assert(parameters, "parameters", "object");
		const encryptParams = {
			...parameters,
			contentType: "1.2.840.113549.1.7.1"
		};
		this.encryptedContentInfo = await crypto.encryptEncryptedContentInfo(encryptParams);
	}
	async decrypt(parameters, crypto = getCrypto(true)) {
		ArgumentError.assert(parameters, "parameters", "object");
		const decryptParams = {
			...parameters,
			encryptedContentInfo: this.encryptedContentInfo
		};
		return crypto.decryptEncryptedContentInfo(decryptParams);
	}
};
//#endregion
//#region src/PKCS8ShroudedKeyBag.ts
const ENCRYPTION_ALGORITHM = "encryptionAlgorithm";
const ENCRYPTED_DATA = "encryptedData";
const PARSED_VALUE$2 = "parsedValue";
const CLEAR_PROPS$46 = [ENCRYPTION_ALGORITHM, ENCRYPTED_DATA];
var PKCS8ShroudedKeyBag = class PKCS8ShroudedKeyBag extends PkiObject {
	static {
		this.CLASS_NAME = "PKCS8ShroudedKeyBag";
	}
	constructor(parameters = {}) {
		super();
		this.encryptionAlgorithm = parameters[ENCRYPTION_ALGORITHM] ?? PKCS8ShroudedKeyBag.defaultValues(ENCRYPTION_ALGORITHM);
		this.encryptedData = parameters[ENCRYPTED_DATA] ?? PKCS8ShroudedKeyBag.defaultValues(ENCRYPTED_DATA);
		if (PARSED_VALUE$2 in parameters) this.parsedValue = parameters[PARSED_VALUE$2] ?? PKCS8ShroudedKeyBag.defaultValues(PARSED_VALUE$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ENCRYPTION_ALGORITHM: return new AlgorithmIdentifier();
			case ENCRYPTED_DATA: return new build.OctetString();
			case PARSED_VALUE$2: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ENCRYPTION_ALGORITHM: return AlgorithmIdentifier.compareWithDefault("algorithmId", memberValue.algorithmId) && "algorithmParams" in memberValue === false;
			case ENCRYPTED_DATA: return memberValue.isEqual(PKCS8ShroudedKeyBag.defaultValues(memberName));
			case PARSED_VALUE$2: return memberValue instanceof Object && Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.encryptionAlgorithm || { names: { blockName: ENCRYPTION_ALGORITHM } }), new build.Choice({ value: [new build.OctetString({ name: names.encryptedData || ENCRYPTED_DATA }), new build.OctetString({
				idBlock: { isConstructed: true },
				name: names.encryptedData || ENCRYPTED_DATA
			})] })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$46) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PKCS8ShroudedKeyBag.schema({ names: {
			encryptionAlgorithm: { names: { blockName: ENCRYPTION_ALGORITHM } },
			encryptedData: ENCRYPTED_DATA
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.encryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.encryptionAlgorithm });
		this.encryptedData = asn1.result.encryptedData;
	}
	toSchema() {
		return new build.Sequence({ value: [this.encryptionAlgorithm.toSchema(), this.encryptedData] });
	}
	toJSON() {
		return {
			encryptionAlgorithm: this.encryptionAlgorithm.toJSON(),
			encryptedData: this.encryptedData.toJSON()
		};
	}
	async parseInternalValues(parameters, crypto = getCrypto(true)) {
		const decryptedData = await new EncryptedData({ encryptedContentInfo: new EncryptedContentInfo({
			contentEncryptionAlgorithm: this.encryptionAlgorithm,
			encryptedContent: this.encryptedData
		}) }).decrypt(parameters, crypto);
		this.parsedValue = PrivateKeyInfo.fromBER(decryptedData);
	}
	async makeInternalValues(parameters, crypto = getCrypto(true)) {
		if (!this.parsedValue) throw new Error("Please initialize \"parsedValue\" first");
		const cmsEncrypted = new EncryptedData();
		const encryptParams = {
			...parameters,
			contentToEncrypt: this.parsedValue.toSchema().toBER(false)
		};
		await cmsEncrypted.encrypt(encryptParams, crypto);
		if (!cmsEncrypted.encryptedContentInfo.encryptedContent) throw new Error("The filed `encryptedContent` in EncryptedContentInfo is empty");
		this.encryptionAlgorithm = cmsEncrypted.encryptedContentInfo.contentEncryptionAlgorithm;
		this.encryptedData = cmsEncrypted.encryptedContentInfo.encryptedContent;
	}
};
//#endregion
//#region src/SecretBag.ts
const SECRET_TYPE_ID = "secretTypeId";
const SECRET_VALUE = "secretValue";
const CLEAR_PROPS$45 = [SECRET_TYPE_ID, SECRET_VALUE];
var SecretBag = class SecretBag extends PkiObject {
	static {
		this.CLASS_NAME = "SecretBag";
	}
	constructor(parameters = {}) {
		super();
		this.secretTypeId = parameters[SECRET_TYPE_ID] ?? SecretBag.defaultValues(SECRET_TYPE_ID);
		this.secretValue = parameters[SECRET_VALUE] ?? SecretBag.defaultValues(SECRET_VALUE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SECRET_TYPE_ID: return "";
			case SECRET_VALUE: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SECRET_TYPE_ID: return memberValue === "";
			case SECRET_VALUE: return memberValue instanceof build.Any;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.id || "id" }), new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Any({ name: names.value || "value" })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$45) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SecretBag.schema({ names: {
			id: SECRET_TYPE_ID,
			value: SECRET_VALUE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.secretTypeId = asn1.result.secretTypeId.valueBlock.toString();
		this.secretValue = asn1.result.secretValue;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.secretTypeId }), new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.secretValue.toSchema()]
		})] });
	}
	toJSON() {
		return {
			secretTypeId: this.secretTypeId,
			secretValue: this.secretValue.toJSON()
		};
	}
};
//#endregion
//#region src/SafeBagValueFactory.ts
//! NOTE Bag type must be imported after the SafeBagValueFactory declaration
var SafeBagValueFactory = class SafeBagValueFactory {
	static getItems() {
		if (!this.items) {
			this.items = {};
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.1", PrivateKeyInfo);
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.2", PKCS8ShroudedKeyBag);
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.3", CertBag);
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.4", CRLBag);
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.5", SecretBag);
			SafeBagValueFactory.register("1.2.840.113549.1.12.10.1.6", SafeContents);
		}
		return this.items;
	}
	static register(id, type) {
		this.getItems()[id] = type;
	}
	static find(id) {
		return this.getItems()[id] || null;
	}
};
//#endregion
//#region src/SafeBag.ts
const BAG_ID = "bagId";
const BAG_VALUE = "bagValue";
const BAG_ATTRIBUTES = "bagAttributes";
const CLEAR_PROPS$44 = [
	BAG_ID,
	BAG_VALUE,
	BAG_ATTRIBUTES
];
var SafeBag = class SafeBag extends PkiObject {
	static {
		this.CLASS_NAME = "SafeBag";
	}
	constructor(parameters = {}) {
		super();
		this.bagId = parameters[BAG_ID] ?? SafeBag.defaultValues(BAG_ID);
		this.bagValue = parameters[BAG_VALUE] ?? SafeBag.defaultValues(BAG_VALUE);
		if (BAG_ATTRIBUTES in parameters) this.bagAttributes = parameters[BAG_ATTRIBUTES] ?? SafeBag.defaultValues(BAG_ATTRIBUTES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case BAG_ID: return "";
			case BAG_VALUE: return new build.Any();
			case BAG_ATTRIBUTES: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case BAG_ID: return memberValue === "";
			case BAG_VALUE: return memberValue instanceof build.Any;
			case BAG_ATTRIBUTES: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.ObjectIdentifier({ name: names.bagId || BAG_ID }),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Any({ name: names.bagValue || BAG_VALUE })]
				}),
				new build.Set({
					optional: true,
					value: [new build.Repeated({
						name: names.bagAttributes || BAG_ATTRIBUTES,
						value: Attribute.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$44) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SafeBag.schema({ names: {
			bagId: BAG_ID,
			bagValue: BAG_VALUE,
			bagAttributes: BAG_ATTRIBUTES
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.bagId = asn1.result.bagId.valueBlock.toString();
		const bagType = SafeBagValueFactory.find(this.bagId);
		if (!bagType) throw new Error(`Invalid BAG_ID for SafeBag: ${this.bagId}`);
		this.bagValue = new bagType({ schema: asn1.result.bagValue });
		if (BAG_ATTRIBUTES in asn1.result) this.bagAttributes = Array.from(asn1.result.bagAttributes, (element) => new Attribute({ schema: element }));
	}
	toSchema() {
		const outputArray = [new build.ObjectIdentifier({ value: this.bagId }), new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.bagValue.toSchema()]
		})];
		if (this.bagAttributes) outputArray.push(new build.Set({ value: Array.from(this.bagAttributes, (o) => o.toSchema()) }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const output = {
			bagId: this.bagId,
			bagValue: this.bagValue.toJSON()
		};
		if (this.bagAttributes) output.bagAttributes = Array.from(this.bagAttributes, (o) => o.toJSON());
		return output;
	}
};
//#endregion
//#region src/SafeContents.ts
const SAFE_BUGS = "safeBags";
var SafeContents = class SafeContents extends PkiObject {
	static {
		this.CLASS_NAME = "SafeContents";
	}
	constructor(parameters = {}) {
		super();
		this.safeBags = parameters[SAFE_BUGS] ?? SafeContents.defaultValues(SAFE_BUGS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SAFE_BUGS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SAFE_BUGS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.safeBags || "",
				value: SafeBag.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [SAFE_BUGS]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SafeContents.schema({ names: { safeBags: SAFE_BUGS } }));
		AsnError.assertSchema(asn1, this.className);
		this.safeBags = Array.from(asn1.result.safeBags, (element) => new SafeBag({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.safeBags, (o) => o.toSchema()) });
	}
	toJSON() {
		return { safeBags: Array.from(this.safeBags, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/OtherCertificateFormat.ts
const OTHER_CERT_FORMAT = "otherCertFormat";
const OTHER_CERT = "otherCert";
const CLEAR_PROPS$43 = [OTHER_CERT_FORMAT, OTHER_CERT];
var OtherCertificateFormat = class OtherCertificateFormat extends PkiObject {
	constructor(parameters = {}) {
		super();
		this.otherCertFormat = parameters[OTHER_CERT_FORMAT] ?? OtherCertificateFormat.defaultValues(OTHER_CERT_FORMAT);
		this.otherCert = parameters[OTHER_CERT] ?? OtherCertificateFormat.defaultValues(OTHER_CERT);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case OTHER_CERT_FORMAT: return "";
			case OTHER_CERT: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.otherCertFormat || OTHER_CERT_FORMAT }), new build.Any({ name: names.otherCert || OTHER_CERT })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$43) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OtherCertificateFormat.schema());
		AsnError.assertSchema(asn1, this.className);
		this.otherCertFormat = asn1.result.otherCertFormat.valueBlock.toString();
		this.otherCert = asn1.result.otherCert;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.otherCertFormat }), this.otherCert] });
	}
	toJSON() {
		const res = { otherCertFormat: this.otherCertFormat };
		if (!(this.otherCert instanceof build.Any)) res.otherCert = this.otherCert.toJSON();
		return res;
	}
};
//#endregion
//#region src/CertificateSet.ts
const CERTIFICATES$1 = "certificates";
const CLEAR_PROPS$42 = [CERTIFICATES$1];
var CertificateSet = class CertificateSet extends PkiObject {
	static {
		this.CLASS_NAME = "CertificateSet";
	}
	constructor(parameters = {}) {
		super();
		this.certificates = parameters[CERTIFICATES$1] ?? CertificateSet.defaultValues(CERTIFICATES$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERTIFICATES$1: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Set({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.certificates || CERTIFICATES$1,
				value: new build.Choice({ value: [
					Certificate.schema(),
					new build.Constructed({
						idBlock: {
							tagClass: 3,
							tagNumber: 0
						},
						value: [new build.Any()]
					}),
					new build.Constructed({
						idBlock: {
							tagClass: 3,
							tagNumber: 1
						},
						value: [new build.Sequence()]
					}),
					new build.Constructed({
						idBlock: {
							tagClass: 3,
							tagNumber: 2
						},
						value: AttributeCertificateV2.schema().valueBlock.value
					}),
					new build.Constructed({
						idBlock: {
							tagClass: 3,
							tagNumber: 3
						},
						value: OtherCertificateFormat.schema().valueBlock.value
					})
				] })
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$42) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertificateSet.schema());
		AsnError.assertSchema(asn1, this.className);
		this.certificates = Array.from(asn1.result.certificates || [], (element) => {
			const initialTagNumber = element.idBlock.tagNumber;
			if (element.idBlock.tagClass === 1) return new Certificate({ schema: element });
			const elementSequence = new build.Sequence({ value: element.valueBlock.value });
			switch (initialTagNumber) {
				case 1: if (elementSequence.valueBlock.value[0].valueBlock.value[0].valueBlock.valueDec === 1) return new AttributeCertificateV2({ schema: elementSequence });
				else return new AttributeCertificateV1({ schema: elementSequence });
				case 2: return new AttributeCertificateV2({ schema: elementSequence });
				case 3: return new OtherCertificateFormat({ schema: elementSequence });
			}
			return element;
		});
	}
	toSchema() {
		return new build.Set({ value: Array.from(this.certificates, (element) => {
			switch (true) {
				case element instanceof Certificate: return element.toSchema();
				case element instanceof AttributeCertificateV1: return new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: element.toSchema().valueBlock.value
				});
				case element instanceof AttributeCertificateV2: return new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: element.toSchema().valueBlock.value
				});
				case element instanceof OtherCertificateFormat: return new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 3
					},
					value: element.toSchema().valueBlock.value
				});
			}
			return element.toSchema();
		}) });
	}
	toJSON() {
		return { certificates: Array.from(this.certificates, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/OtherRevocationInfoFormat.ts
const OTHER_REV_INFO_FORMAT = "otherRevInfoFormat";
const OTHER_REV_INFO = "otherRevInfo";
const CLEAR_PROPS$41 = [OTHER_REV_INFO_FORMAT, OTHER_REV_INFO];
var OtherRevocationInfoFormat = class OtherRevocationInfoFormat extends PkiObject {
	static {
		this.CLASS_NAME = "OtherRevocationInfoFormat";
	}
	constructor(parameters = {}) {
		super();
		this.otherRevInfoFormat = parameters[OTHER_REV_INFO_FORMAT] ?? OtherRevocationInfoFormat.defaultValues(OTHER_REV_INFO_FORMAT);
		this.otherRevInfo = parameters[OTHER_REV_INFO] ?? OtherRevocationInfoFormat.defaultValues(OTHER_REV_INFO);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case OTHER_REV_INFO_FORMAT: return "";
			case OTHER_REV_INFO: return new build.Any();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.otherRevInfoFormat || OTHER_REV_INFO_FORMAT }), new build.Any({ name: names.otherRevInfo || OTHER_REV_INFO })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$41) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OtherRevocationInfoFormat.schema());
		AsnError.assertSchema(asn1, this.className);
		this.otherRevInfoFormat = asn1.result.otherRevInfoFormat.valueBlock.toString();
		this.otherRevInfo = asn1.result.otherRevInfo;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.otherRevInfoFormat }), this.otherRevInfo] });
	}
	toJSON() {
		const res = { otherRevInfoFormat: this.otherRevInfoFormat };
		if (!(this.otherRevInfo instanceof build.Any)) res.otherRevInfo = this.otherRevInfo.toJSON();
		return res;
	}
};
//#endregion
//#region src/RevocationInfoChoices.ts
const CRLS$3 = "crls";
const OTHER_REVOCATION_INFOS = "otherRevocationInfos";
const CLEAR_PROPS$40 = [CRLS$3];
var RevocationInfoChoices = class RevocationInfoChoices extends PkiObject {
	static {
		this.CLASS_NAME = "RevocationInfoChoices";
	}
	constructor(parameters = {}) {
		super();
		this.crls = parameters[CRLS$3] ?? RevocationInfoChoices.defaultValues(CRLS$3);
		this.otherRevocationInfos = parameters[OTHER_REVOCATION_INFOS] ?? RevocationInfoChoices.defaultValues(OTHER_REVOCATION_INFOS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CRLS$3: return [];
			case OTHER_REVOCATION_INFOS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Set({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.crls || "",
				value: new build.Choice({ value: [CertificateRevocationList.schema(), new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.ObjectIdentifier(), new build.Any()]
				})] })
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$40) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RevocationInfoChoices.schema({ names: { crls: CRLS$3 } }));
		AsnError.assertSchema(asn1, this.className);
		if (asn1.result.crls) for (const element of asn1.result.crls) if (element.idBlock.tagClass === 1) this.crls.push(new CertificateRevocationList({ schema: element }));
		else this.otherRevocationInfos.push(new OtherRevocationInfoFormat({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(...Array.from(this.crls, (o) => o.toSchema()));
		outputArray.push(...Array.from(this.otherRevocationInfos, (element) => {
			const schema = element.toSchema();
			schema.idBlock.tagClass = 3;
			schema.idBlock.tagNumber = 1;
			return schema;
		}));
		return new build.Set({ value: outputArray });
	}
	toJSON() {
		return {
			crls: Array.from(this.crls, (o) => o.toJSON()),
			otherRevocationInfos: Array.from(this.otherRevocationInfos, (o) => o.toJSON())
		};
	}
};
//#endregion
//#region src/OriginatorInfo.ts
const CERTS$3 = "certs";
const CRLS$2 = "crls";
const CLEAR_PROPS$39 = [CERTS$3, CRLS$2];
var OriginatorInfo = class OriginatorInfo extends PkiObject {
	static {
		this.CLASS_NAME = "OriginatorInfo";
	}
	constructor(parameters = {}) {
		super();
		this.crls = parameters[CRLS$2] ?? OriginatorInfo.defaultValues(CRLS$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERTS$3: return new CertificateSet();
			case CRLS$2: return new RevocationInfoChoices();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CERTS$3: return memberValue.certificates.length === 0;
			case CRLS$2: return memberValue.crls.length === 0 && memberValue.otherRevocationInfos.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Constructed({
				name: names.certs || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: CertificateSet.schema().valueBlock.value
			}), new build.Constructed({
				name: names.crls || "",
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: RevocationInfoChoices.schema().valueBlock.value
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$39) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OriginatorInfo.schema({ names: {
			certs: CERTS$3,
			crls: CRLS$2
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (CERTS$3 in asn1.result) this.certs = new CertificateSet({ schema: new build.Set({ value: asn1.result.certs.valueBlock.value }) });
		if (CRLS$2 in asn1.result) this.crls = new RevocationInfoChoices({ schema: new build.Set({ value: asn1.result.crls.valueBlock.value }) });
	}
	toSchema() {
		const sequenceValue = [];
		if (this.certs) sequenceValue.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.certs.toSchema().valueBlock.value
		}));
		if (this.crls) sequenceValue.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: this.crls.toSchema().valueBlock.value
		}));
		return new build.Sequence({ value: sequenceValue });
	}
	toJSON() {
		const res = {};
		if (this.certs) res.certs = this.certs.toJSON();
		if (this.crls) res.crls = this.crls.toJSON();
		return res;
	}
};
//#endregion
//#region src/IssuerAndSerialNumber.ts
const ISSUER = "issuer";
const SERIAL_NUMBER$2 = "serialNumber";
const CLEAR_PROPS$38 = [ISSUER, SERIAL_NUMBER$2];
var IssuerAndSerialNumber = class IssuerAndSerialNumber extends PkiObject {
	static {
		this.CLASS_NAME = "IssuerAndSerialNumber";
	}
	constructor(parameters = {}) {
		super();
		this.issuer = parameters[ISSUER] ?? IssuerAndSerialNumber.defaultValues(ISSUER);
		this.serialNumber = parameters[SERIAL_NUMBER$2] ?? IssuerAndSerialNumber.defaultValues(SERIAL_NUMBER$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ISSUER: return new RelativeDistinguishedNames();
			case SERIAL_NUMBER$2: return new build.Integer();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [RelativeDistinguishedNames.schema(names.issuer || {}), new build.Integer({ name: names.serialNumber || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$38) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, IssuerAndSerialNumber.schema({ names: {
			issuer: { names: { blockName: ISSUER } },
			serialNumber: SERIAL_NUMBER$2
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.issuer = new RelativeDistinguishedNames({ schema: asn1.result.issuer });
		this.serialNumber = asn1.result.serialNumber;
	}
	toSchema() {
		return new build.Sequence({ value: [this.issuer.toSchema(), this.serialNumber] });
	}
	toJSON() {
		return {
			issuer: this.issuer.toJSON(),
			serialNumber: this.serialNumber.toJSON()
		};
	}
};
//#endregion
//#region src/RecipientIdentifier.ts
const VARIANT$3 = "variant";
const VALUE$4 = "value";
const CLEAR_PROPS$37 = ["blockName"];
var RecipientIdentifier = class RecipientIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "RecipientIdentifier";
	}
	constructor(parameters = {}) {
		super();
		this.variant = parameters[VARIANT$3] ?? RecipientIdentifier.defaultValues(VARIANT$3);
		if (VALUE$4 in parameters) this.value = parameters[VALUE$4] ?? RecipientIdentifier.defaultValues(VALUE$4);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VARIANT$3: return -1;
			case VALUE$4: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VARIANT$3: return memberValue === -1;
			case VALUE$4: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Choice({ value: [IssuerAndSerialNumber.schema({ names: { blockName: names.blockName || "" } }), new build.Primitive({
			name: names.blockName || "",
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			}
		})] });
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$37) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RecipientIdentifier.schema({ names: { blockName: "blockName" } }));
		AsnError.assertSchema(asn1, this.className);
		if (asn1.result.blockName.idBlock.tagClass === 1) {
			this.variant = 1;
			this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
		} else {
			this.variant = 2;
			this.value = new build.OctetString({ valueHex: asn1.result.blockName.valueBlock.valueHex });
		}
	}
	toSchema() {
		switch (this.variant) {
			case 1:
				if (!(this.value instanceof IssuerAndSerialNumber)) throw new Error("Incorrect type of RecipientIdentifier.value. It should be IssuerAndSerialNumber.");
				return this.value.toSchema();
			case 2:
				if (!(this.value instanceof build.OctetString)) throw new Error("Incorrect type of RecipientIdentifier.value. It should be ASN.1 OctetString.");
				return new build.Primitive({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					valueHex: this.value.valueBlock.valueHexView
				});
			default: return new build.Any();
		}
	}
	toJSON() {
		const res = { variant: this.variant };
		if ((this.variant === 1 || this.variant === 2) && this.value) res.value = this.value.toJSON();
		return res;
	}
};
//#endregion
//#region src/KeyTransRecipientInfo.ts
const VERSION$12 = "version";
const RID$1 = "rid";
const KEY_ENCRYPTION_ALGORITHM$3 = "keyEncryptionAlgorithm";
const ENCRYPTED_KEY$3 = "encryptedKey";
const RECIPIENT_CERTIFICATE$1 = "recipientCertificate";
const CLEAR_PROPS$36 = [
	VERSION$12,
	RID$1,
	KEY_ENCRYPTION_ALGORITHM$3,
	ENCRYPTED_KEY$3
];
var KeyTransRecipientInfo = class KeyTransRecipientInfo extends PkiObject {
	static {
		this.CLASS_NAME = "KeyTransRecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$12] ?? KeyTransRecipientInfo.defaultValues(VERSION$12);
		this.rid = parameters[RID$1] ?? KeyTransRecipientInfo.defaultValues(RID$1);
		this.keyEncryptionAlgorithm = parameters[KEY_ENCRYPTION_ALGORITHM$3] ?? KeyTransRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$3);
		this.encryptedKey = parameters[ENCRYPTED_KEY$3] ?? KeyTransRecipientInfo.defaultValues(ENCRYPTED_KEY$3);
		this.recipientCertificate = parameters[RECIPIENT_CERTIFICATE$1] ?? KeyTransRecipientInfo.defaultValues(RECIPIENT_CERTIFICATE$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$12: return -1;
			case RID$1: return {};
			case KEY_ENCRYPTION_ALGORITHM$3: return new AlgorithmIdentifier();
			case ENCRYPTED_KEY$3: return new build.OctetString();
			case RECIPIENT_CERTIFICATE$1: return new Certificate();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$12: return memberValue === KeyTransRecipientInfo.defaultValues(VERSION$12);
			case RID$1: return Object.keys(memberValue).length === 0;
			case KEY_ENCRYPTION_ALGORITHM$3:
			case ENCRYPTED_KEY$3: return memberValue.isEqual(KeyTransRecipientInfo.defaultValues(memberName));
			case RECIPIENT_CERTIFICATE$1: return false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				RecipientIdentifier.schema(names.rid || {}),
				AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
				new build.OctetString({ name: names.encryptedKey || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$36) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, KeyTransRecipientInfo.schema({ names: {
			version: VERSION$12,
			rid: { names: { blockName: RID$1 } },
			keyEncryptionAlgorithm: { names: { blockName: KEY_ENCRYPTION_ALGORITHM$3 } },
			encryptedKey: ENCRYPTED_KEY$3
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		if (asn1.result.rid.idBlock.tagClass === 3) this.rid = new build.OctetString({ valueHex: asn1.result.rid.valueBlock.valueHex });
		else this.rid = new IssuerAndSerialNumber({ schema: asn1.result.rid });
		this.keyEncryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.keyEncryptionAlgorithm });
		this.encryptedKey = asn1.result.encryptedKey;
	}
	toSchema() {
		const outputArray = [];
		if (this.rid instanceof IssuerAndSerialNumber) {
			this.version = 0;
			outputArray.push(new build.Integer({ value: this.version }));
			outputArray.push(this.rid.toSchema());
		} else {
			this.version = 2;
			outputArray.push(new build.Integer({ value: this.version }));
			outputArray.push(new build.Primitive({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				valueHex: this.rid.valueBlock.valueHexView
			}));
		}
		outputArray.push(this.keyEncryptionAlgorithm.toSchema());
		outputArray.push(this.encryptedKey);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		return {
			version: this.version,
			rid: this.rid.toJSON(),
			keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
			encryptedKey: this.encryptedKey.toJSON()
		};
	}
};
//#endregion
//#region src/OriginatorPublicKey.ts
const ALGORITHM = "algorithm";
const PUBLIC_KEY = "publicKey";
const CLEAR_PROPS$35 = [ALGORITHM, PUBLIC_KEY];
var OriginatorPublicKey = class OriginatorPublicKey extends PkiObject {
	static {
		this.CLASS_NAME = "OriginatorPublicKey";
	}
	constructor(parameters = {}) {
		super();
		this.algorithm = parameters[ALGORITHM] ?? OriginatorPublicKey.defaultValues(ALGORITHM);
		this.publicKey = parameters[PUBLIC_KEY] ?? OriginatorPublicKey.defaultValues(PUBLIC_KEY);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ALGORITHM: return new AlgorithmIdentifier();
			case PUBLIC_KEY: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ALGORITHM:
			case PUBLIC_KEY: return memberValue.isEqual(OriginatorPublicKey.defaultValues(memberName));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.algorithm || {}), new build.BitString({ name: names.publicKey || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$35) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OriginatorPublicKey.schema({ names: {
			algorithm: { names: { blockName: ALGORITHM } },
			publicKey: PUBLIC_KEY
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.algorithm = new AlgorithmIdentifier({ schema: asn1.result.algorithm });
		this.publicKey = asn1.result.publicKey;
	}
	toSchema() {
		return new build.Sequence({ value: [this.algorithm.toSchema(), this.publicKey] });
	}
	toJSON() {
		return {
			algorithm: this.algorithm.toJSON(),
			publicKey: this.publicKey.toJSON()
		};
	}
};
//#endregion
//#region src/OriginatorIdentifierOrKey.ts
const VARIANT$2 = "variant";
const VALUE$3 = "value";
const CLEAR_PROPS$34 = ["blockName"];
var OriginatorIdentifierOrKey = class OriginatorIdentifierOrKey extends PkiObject {
	static {
		this.CLASS_NAME = "OriginatorIdentifierOrKey";
	}
	constructor(parameters = {}) {
		super();
		this.variant = parameters[VARIANT$2] ?? OriginatorIdentifierOrKey.defaultValues(VARIANT$2);
		if (VALUE$3 in parameters) this.value = parameters[VALUE$3] ?? OriginatorIdentifierOrKey.defaultValues(VALUE$3);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VARIANT$2: return -1;
			case VALUE$3: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VARIANT$2: return memberValue === -1;
			case VALUE$3: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Choice({ value: [
			IssuerAndSerialNumber.schema({ names: { blockName: names.blockName || "" } }),
			new build.Primitive({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				name: names.blockName || ""
			}),
			new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				name: names.blockName || "",
				value: OriginatorPublicKey.schema().valueBlock.value
			})
		] });
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$34) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OriginatorIdentifierOrKey.schema({ names: { blockName: "blockName" } }));
		AsnError.assertSchema(asn1, this.className);
		if (asn1.result.blockName.idBlock.tagClass === 1) {
			this.variant = 1;
			this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
		} else if (asn1.result.blockName.idBlock.tagNumber === 0) {
			asn1.result.blockName.idBlock.tagClass = 1;
			asn1.result.blockName.idBlock.tagNumber = 4;
			this.variant = 2;
			this.value = asn1.result.blockName;
		} else {
			this.variant = 3;
			this.value = new OriginatorPublicKey({ schema: new build.Sequence({ value: asn1.result.blockName.valueBlock.value }) });
		}
	}
	toSchema() {
		switch (this.variant) {
			case 1: return this.value.toSchema();
			case 2:
				this.value.idBlock.tagClass = 3;
				this.value.idBlock.tagNumber = 0;
				return this.value;
			case 3: {
				const _schema = this.value.toSchema();
				_schema.idBlock.tagClass = 3;
				_schema.idBlock.tagNumber = 1;
				return _schema;
			}
			default: return new build.Any();
		}
	}
	toJSON() {
		const res = { variant: this.variant };
		if (this.variant === 1 || this.variant === 2 || this.variant === 3) res.value = this.value.toJSON();
		return res;
	}
};
//#endregion
//#region src/OtherKeyAttribute.ts
const KEY_ATTR_ID = "keyAttrId";
const KEY_ATTR = "keyAttr";
const CLEAR_PROPS$33 = [KEY_ATTR_ID, KEY_ATTR];
var OtherKeyAttribute = class OtherKeyAttribute extends PkiObject {
	static {
		this.CLASS_NAME = "OtherKeyAttribute";
	}
	constructor(parameters = {}) {
		super();
		this.keyAttrId = parameters[KEY_ATTR_ID] ?? OtherKeyAttribute.defaultValues(KEY_ATTR_ID);
		if (KEY_ATTR in parameters) this.keyAttr = parameters[KEY_ATTR] ?? OtherKeyAttribute.defaultValues(KEY_ATTR);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_ATTR_ID: return "";
			case KEY_ATTR: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case KEY_ATTR_ID: return typeof memberValue === "string" && memberValue === "";
			case KEY_ATTR: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			optional: names.optional || true,
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.keyAttrId || "" }), new build.Any({
				optional: true,
				name: names.keyAttr || ""
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$33) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OtherKeyAttribute.schema({ names: {
			keyAttrId: KEY_ATTR_ID,
			keyAttr: KEY_ATTR
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.keyAttrId = asn1.result.keyAttrId.valueBlock.toString();
		if (KEY_ATTR in asn1.result) this.keyAttr = asn1.result.keyAttr;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.keyAttrId }));
		if (KEY_ATTR in this) outputArray.push(this.keyAttr);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { keyAttrId: this.keyAttrId };
		if (KEY_ATTR in this) res.keyAttr = this.keyAttr.toJSON();
		return res;
	}
};
//#endregion
//#region src/RecipientKeyIdentifier.ts
const SUBJECT_KEY_IDENTIFIER = "subjectKeyIdentifier";
const DATE$1 = "date";
const OTHER$1 = "other";
const CLEAR_PROPS$32 = [
	SUBJECT_KEY_IDENTIFIER,
	DATE$1,
	OTHER$1
];
var RecipientKeyIdentifier = class RecipientKeyIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "RecipientKeyIdentifier";
	}
	constructor(parameters = {}) {
		super();
		this.subjectKeyIdentifier = parameters[SUBJECT_KEY_IDENTIFIER] ?? RecipientKeyIdentifier.defaultValues(SUBJECT_KEY_IDENTIFIER);
		if (DATE$1 in parameters) this.date = parameters[DATE$1] ?? RecipientKeyIdentifier.defaultValues(DATE$1);
		if (OTHER$1 in parameters) this.other = parameters[OTHER$1] ?? RecipientKeyIdentifier.defaultValues(OTHER$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SUBJECT_KEY_IDENTIFIER: return new build.OctetString();
			case DATE$1: return new build.GeneralizedTime();
			case OTHER$1: return new OtherKeyAttribute();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SUBJECT_KEY_IDENTIFIER: return memberValue.isEqual(RecipientKeyIdentifier.defaultValues(SUBJECT_KEY_IDENTIFIER));
			case DATE$1: return memberValue.year === 0 && memberValue.month === 0 && memberValue.day === 0 && memberValue.hour === 0 && memberValue.minute === 0 && memberValue.second === 0 && memberValue.millisecond === 0;
			case OTHER$1: return memberValue.keyAttrId === "" && "keyAttr" in memberValue === false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.OctetString({ name: names.subjectKeyIdentifier || "" }),
				new build.GeneralizedTime({
					optional: true,
					name: names.date || ""
				}),
				OtherKeyAttribute.schema(names.other || {})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$32) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RecipientKeyIdentifier.schema({ names: {
			subjectKeyIdentifier: SUBJECT_KEY_IDENTIFIER,
			date: DATE$1,
			other: { names: { blockName: OTHER$1 } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.subjectKeyIdentifier = asn1.result.subjectKeyIdentifier;
		if (DATE$1 in asn1.result) this.date = asn1.result.date;
		if (OTHER$1 in asn1.result) this.other = new OtherKeyAttribute({ schema: asn1.result.other });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.subjectKeyIdentifier);
		if (this.date) outputArray.push(this.date);
		if (this.other) outputArray.push(this.other.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { subjectKeyIdentifier: this.subjectKeyIdentifier.toJSON() };
		if (this.date) res.date = this.date.toJSON();
		if (this.other) res.other = this.other.toJSON();
		return res;
	}
};
//#endregion
//#region src/KeyAgreeRecipientIdentifier.ts
const VARIANT$1 = "variant";
const VALUE$2 = "value";
const CLEAR_PROPS$31 = ["blockName"];
var KeyAgreeRecipientIdentifier = class KeyAgreeRecipientIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "KeyAgreeRecipientIdentifier";
	}
	constructor(parameters = {}) {
		super();
		this.variant = parameters[VARIANT$1] ?? KeyAgreeRecipientIdentifier.defaultValues(VARIANT$1);
		this.value = parameters[VALUE$2] ?? KeyAgreeRecipientIdentifier.defaultValues(VALUE$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VARIANT$1: return -1;
			case VALUE$2: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VARIANT$1: return memberValue === -1;
			case VALUE$2: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Choice({ value: [IssuerAndSerialNumber.schema(names.issuerAndSerialNumber || { names: { blockName: names.blockName || "" } }), new build.Constructed({
			name: names.blockName || "",
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: RecipientKeyIdentifier.schema(names.rKeyId || { names: { blockName: names.blockName || "" } }).valueBlock.value
		})] });
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$31) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, KeyAgreeRecipientIdentifier.schema({ names: { blockName: "blockName" } }));
		AsnError.assertSchema(asn1, this.className);
		if (asn1.result.blockName.idBlock.tagClass === 1) {
			this.variant = 1;
			this.value = new IssuerAndSerialNumber({ schema: asn1.result.blockName });
		} else {
			this.variant = 2;
			this.value = new RecipientKeyIdentifier({ schema: new build.Sequence({ value: asn1.result.blockName.valueBlock.value }) });
		}
	}
	toSchema() {
		switch (this.variant) {
			case 1: return this.value.toSchema();
			case 2: return new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: this.value.toSchema().valueBlock.value
			});
			default: return new build.Any();
		}
	}
	toJSON() {
		const res = { variant: this.variant };
		if (this.variant === 1 || this.variant === 2) res.value = this.value.toJSON();
		return res;
	}
};
//#endregion
//#region src/RecipientEncryptedKey.ts
const RID = "rid";
const ENCRYPTED_KEY$2 = "encryptedKey";
const CLEAR_PROPS$30 = [RID, ENCRYPTED_KEY$2];
var RecipientEncryptedKey = class RecipientEncryptedKey extends PkiObject {
	static {
		this.CLASS_NAME = "RecipientEncryptedKey";
	}
	constructor(parameters = {}) {
		super();
		this.rid = parameters[RID] ?? RecipientEncryptedKey.defaultValues(RID);
		this.encryptedKey = parameters[ENCRYPTED_KEY$2] ?? RecipientEncryptedKey.defaultValues(ENCRYPTED_KEY$2);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case RID: return new KeyAgreeRecipientIdentifier();
			case ENCRYPTED_KEY$2: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case RID: return memberValue.variant === -1 && "value" in memberValue === false;
			case ENCRYPTED_KEY$2: return memberValue.isEqual(RecipientEncryptedKey.defaultValues(ENCRYPTED_KEY$2));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [KeyAgreeRecipientIdentifier.schema(names.rid || {}), new build.OctetString({ name: names.encryptedKey || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$30) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RecipientEncryptedKey.schema({ names: {
			rid: { names: { blockName: RID } },
			encryptedKey: ENCRYPTED_KEY$2
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.rid = new KeyAgreeRecipientIdentifier({ schema: asn1.result.rid });
		this.encryptedKey = asn1.result.encryptedKey;
	}
	toSchema() {
		return new build.Sequence({ value: [this.rid.toSchema(), this.encryptedKey] });
	}
	toJSON() {
		return {
			rid: this.rid.toJSON(),
			encryptedKey: this.encryptedKey.toJSON()
		};
	}
};
//#endregion
//#region src/RecipientEncryptedKeys.ts
const ENCRYPTED_KEYS = "encryptedKeys";
const RECIPIENT_ENCRYPTED_KEYS = "RecipientEncryptedKeys";
const CLEAR_PROPS$29 = [RECIPIENT_ENCRYPTED_KEYS];
var RecipientEncryptedKeys = class RecipientEncryptedKeys extends PkiObject {
	static {
		this.CLASS_NAME = "RecipientEncryptedKeys";
	}
	constructor(parameters = {}) {
		super();
		this.encryptedKeys = parameters[ENCRYPTED_KEYS] ?? RecipientEncryptedKeys.defaultValues(ENCRYPTED_KEYS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ENCRYPTED_KEYS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ENCRYPTED_KEYS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.RecipientEncryptedKeys || "",
				value: RecipientEncryptedKey.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$29) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RecipientEncryptedKeys.schema({ names: { RecipientEncryptedKeys: RECIPIENT_ENCRYPTED_KEYS } }));
		AsnError.assertSchema(asn1, this.className);
		this.encryptedKeys = Array.from(asn1.result.RecipientEncryptedKeys, (element) => new RecipientEncryptedKey({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.encryptedKeys, (o) => o.toSchema()) });
	}
	toJSON() {
		return { encryptedKeys: Array.from(this.encryptedKeys, (o) => o.toJSON()) };
	}
};
//#endregion
//#region src/KeyAgreeRecipientInfo.ts
const VERSION$11 = "version";
const ORIGINATOR = "originator";
const UKM = "ukm";
const KEY_ENCRYPTION_ALGORITHM$2 = "keyEncryptionAlgorithm";
const RECIPIENT_ENCRYPTED_KEY = "recipientEncryptedKeys";
const RECIPIENT_CERTIFICATE = "recipientCertificate";
const RECIPIENT_PUBLIC_KEY = "recipientPublicKey";
const CLEAR_PROPS$28 = [
	VERSION$11,
	ORIGINATOR,
	UKM,
	KEY_ENCRYPTION_ALGORITHM$2,
	RECIPIENT_ENCRYPTED_KEY
];
var KeyAgreeRecipientInfo = class KeyAgreeRecipientInfo extends PkiObject {
	static {
		this.CLASS_NAME = "KeyAgreeRecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$11] ?? KeyAgreeRecipientInfo.defaultValues(VERSION$11);
		this.originator = parameters[ORIGINATOR] ?? KeyAgreeRecipientInfo.defaultValues(ORIGINATOR);
		if (UKM in parameters) this.ukm = parameters[UKM] ?? KeyAgreeRecipientInfo.defaultValues(UKM);
		this.keyEncryptionAlgorithm = parameters[KEY_ENCRYPTION_ALGORITHM$2] ?? KeyAgreeRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$2);
		this.recipientEncryptedKeys = parameters[RECIPIENT_ENCRYPTED_KEY] ?? KeyAgreeRecipientInfo.defaultValues(RECIPIENT_ENCRYPTED_KEY);
		this.recipientCertificate = parameters[RECIPIENT_CERTIFICATE] ?? KeyAgreeRecipientInfo.defaultValues(RECIPIENT_CERTIFICATE);
		this.recipientPublicKey = parameters[RECIPIENT_PUBLIC_KEY] ?? KeyAgreeRecipientInfo.defaultValues(RECIPIENT_PUBLIC_KEY);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$11: return 0;
			case ORIGINATOR: return new OriginatorIdentifierOrKey();
			case UKM: return new build.OctetString();
			case KEY_ENCRYPTION_ALGORITHM$2: return new AlgorithmIdentifier();
			case RECIPIENT_ENCRYPTED_KEY: return new RecipientEncryptedKeys();
			case RECIPIENT_CERTIFICATE: return new Certificate();
			case RECIPIENT_PUBLIC_KEY: return null;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$11: return memberValue === 0;
			case ORIGINATOR: return memberValue.variant === -1 && "value" in memberValue === false;
			case UKM: return memberValue.isEqual(KeyAgreeRecipientInfo.defaultValues(UKM));
			case KEY_ENCRYPTION_ALGORITHM$2: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case RECIPIENT_ENCRYPTED_KEY: return memberValue.encryptedKeys.length === 0;
			case RECIPIENT_CERTIFICATE: return false;
			case RECIPIENT_PUBLIC_KEY: return false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [OriginatorIdentifierOrKey.schema(names.originator || {})]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.OctetString({ name: names.ukm || "" })]
				}),
				AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
				RecipientEncryptedKeys.schema(names.recipientEncryptedKeys || {})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$28) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, KeyAgreeRecipientInfo.schema({ names: {
			version: VERSION$11,
			originator: { names: { blockName: ORIGINATOR } },
			ukm: UKM,
			keyEncryptionAlgorithm: { names: { blockName: KEY_ENCRYPTION_ALGORITHM$2 } },
			recipientEncryptedKeys: { names: { blockName: RECIPIENT_ENCRYPTED_KEY } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.originator = new OriginatorIdentifierOrKey({ schema: asn1.result.originator });
		if (UKM in asn1.result) this.ukm = asn1.result.ukm;
		this.keyEncryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.keyEncryptionAlgorithm });
		this.recipientEncryptedKeys = new RecipientEncryptedKeys({ schema: asn1.result.recipientEncryptedKeys });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.originator.toSchema()]
		}));
		if (this.ukm) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [this.ukm]
		}));
		outputArray.push(this.keyEncryptionAlgorithm.toSchema());
		outputArray.push(this.recipientEncryptedKeys.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			originator: this.originator.toJSON(),
			keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
			recipientEncryptedKeys: this.recipientEncryptedKeys.toJSON()
		};
		if (this.ukm) res.ukm = this.ukm.toJSON();
		return res;
	}
};
//#endregion
//#region src/KEKIdentifier.ts
const KEY_IDENTIFIER = "keyIdentifier";
const DATE = "date";
const OTHER = "other";
const CLEAR_PROPS$27 = [
	KEY_IDENTIFIER,
	DATE,
	OTHER
];
var KEKIdentifier = class KEKIdentifier extends PkiObject {
	static {
		this.CLASS_NAME = "KEKIdentifier";
	}
	constructor(parameters = {}) {
		super();
		this.keyIdentifier = parameters[KEY_IDENTIFIER] ?? KEKIdentifier.defaultValues(KEY_IDENTIFIER);
		if (DATE in parameters) this.date = parameters[DATE] ?? KEKIdentifier.defaultValues(DATE);
		if (OTHER in parameters) this.other = parameters[OTHER] ?? KEKIdentifier.defaultValues(OTHER);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_IDENTIFIER: return new build.OctetString();
			case DATE: return new build.GeneralizedTime();
			case OTHER: return new OtherKeyAttribute();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case KEY_IDENTIFIER: return memberValue.isEqual(KEKIdentifier.defaultValues(KEY_IDENTIFIER));
			case DATE: return memberValue.year === 0 && memberValue.month === 0 && memberValue.day === 0 && memberValue.hour === 0 && memberValue.minute === 0 && memberValue.second === 0 && memberValue.millisecond === 0;
			case OTHER: return memberValue.compareWithDefault("keyAttrId", memberValue.keyAttrId) && "keyAttr" in memberValue === false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.OctetString({ name: names.keyIdentifier || "" }),
				new build.GeneralizedTime({
					optional: true,
					name: names.date || ""
				}),
				OtherKeyAttribute.schema(names.other || {})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$27) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, KEKIdentifier.schema({ names: {
			keyIdentifier: KEY_IDENTIFIER,
			date: DATE,
			other: { names: { blockName: OTHER } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.keyIdentifier = asn1.result.keyIdentifier;
		if (DATE in asn1.result) this.date = asn1.result.date;
		if (OTHER in asn1.result) this.other = new OtherKeyAttribute({ schema: asn1.result.other });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.keyIdentifier);
		if (this.date) outputArray.push(this.date);
		if (this.other) outputArray.push(this.other.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { keyIdentifier: this.keyIdentifier.toJSON() };
		if (this.date) res.date = this.date;
		if (this.other) res.other = this.other.toJSON();
		return res;
	}
};
//#endregion
//#region src/KEKRecipientInfo.ts
const VERSION$10 = "version";
const KEK_ID = "kekid";
const KEY_ENCRYPTION_ALGORITHM$1 = "keyEncryptionAlgorithm";
const ENCRYPTED_KEY$1 = "encryptedKey";
const PER_DEFINED_KEK = "preDefinedKEK";
const CLEAR_PROPS$26 = [
	VERSION$10,
	KEK_ID,
	KEY_ENCRYPTION_ALGORITHM$1,
	ENCRYPTED_KEY$1
];
var KEKRecipientInfo = class KEKRecipientInfo extends PkiObject {
	static {
		this.CLASS_NAME = "KEKRecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$10] ?? KEKRecipientInfo.defaultValues(VERSION$10);
		this.kekid = parameters[KEK_ID] ?? KEKRecipientInfo.defaultValues(KEK_ID);
		this.keyEncryptionAlgorithm = parameters[KEY_ENCRYPTION_ALGORITHM$1] ?? KEKRecipientInfo.defaultValues(KEY_ENCRYPTION_ALGORITHM$1);
		this.encryptedKey = parameters[ENCRYPTED_KEY$1] ?? KEKRecipientInfo.defaultValues(ENCRYPTED_KEY$1);
		this.preDefinedKEK = parameters[PER_DEFINED_KEK] ?? KEKRecipientInfo.defaultValues(PER_DEFINED_KEK);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$10: return 0;
			case KEK_ID: return new KEKIdentifier();
			case KEY_ENCRYPTION_ALGORITHM$1: return new AlgorithmIdentifier();
			case ENCRYPTED_KEY$1: return new build.OctetString();
			case PER_DEFINED_KEK: return EMPTY_BUFFER;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case "KEKRecipientInfo": return memberValue === KEKRecipientInfo.defaultValues(VERSION$10);
			case KEK_ID: return memberValue.compareWithDefault("keyIdentifier", memberValue.keyIdentifier) && "date" in memberValue === false && "other" in memberValue === false;
			case KEY_ENCRYPTION_ALGORITHM$1: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case ENCRYPTED_KEY$1: return memberValue.isEqual(KEKRecipientInfo.defaultValues(ENCRYPTED_KEY$1));
			case PER_DEFINED_KEK: return memberValue.byteLength === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				KEKIdentifier.schema(names.kekid || {}),
				AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
				new build.OctetString({ name: names.encryptedKey || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$26) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, KEKRecipientInfo.schema({ names: {
			version: VERSION$10,
			kekid: { names: { blockName: KEK_ID } },
			keyEncryptionAlgorithm: { names: { blockName: KEY_ENCRYPTION_ALGORITHM$1 } },
			encryptedKey: ENCRYPTED_KEY$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.kekid = new KEKIdentifier({ schema: asn1.result.kekid });
		this.keyEncryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.keyEncryptionAlgorithm });
		this.encryptedKey = asn1.result.encryptedKey;
	}
	toSchema() {
		return new build.Sequence({ value: [
			new build.Integer({ value: this.version }),
			this.kekid.toSchema(),
			this.keyEncryptionAlgorithm.toSchema(),
			this.encryptedKey
		] });
	}
	toJSON() {
		return {
			version: this.version,
			kekid: this.kekid.toJSON(),
			keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
			encryptedKey: this.encryptedKey.toJSON()
		};
	}
};
//#endregion
//#region src/PasswordRecipientinfo.ts
const VERSION$9 = "version";
const KEY_DERIVATION_ALGORITHM = "keyDerivationAlgorithm";
const KEY_ENCRYPTION_ALGORITHM = "keyEncryptionAlgorithm";
const ENCRYPTED_KEY = "encryptedKey";
const PASSWORD = "password";
const CLEAR_PROPS$25 = [
	VERSION$9,
	KEY_DERIVATION_ALGORITHM,
	KEY_ENCRYPTION_ALGORITHM,
	ENCRYPTED_KEY
];
var PasswordRecipientinfo = class PasswordRecipientinfo extends PkiObject {
	static {
		this.CLASS_NAME = "PasswordRecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$9] ?? PasswordRecipientinfo.defaultValues(VERSION$9);
		if (KEY_DERIVATION_ALGORITHM in parameters) this.keyDerivationAlgorithm = parameters[KEY_DERIVATION_ALGORITHM] ?? PasswordRecipientinfo.defaultValues(KEY_DERIVATION_ALGORITHM);
		this.keyEncryptionAlgorithm = parameters[KEY_ENCRYPTION_ALGORITHM] ?? PasswordRecipientinfo.defaultValues(KEY_ENCRYPTION_ALGORITHM);
		this.encryptedKey = parameters[ENCRYPTED_KEY] ?? PasswordRecipientinfo.defaultValues(ENCRYPTED_KEY);
		this.password = parameters[PASSWORD] ?? PasswordRecipientinfo.defaultValues(PASSWORD);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$9: return -1;
			case KEY_DERIVATION_ALGORITHM: return new AlgorithmIdentifier();
			case KEY_ENCRYPTION_ALGORITHM: return new AlgorithmIdentifier();
			case ENCRYPTED_KEY: return new build.OctetString();
			case PASSWORD: return EMPTY_BUFFER;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$9: return memberValue === -1;
			case KEY_DERIVATION_ALGORITHM:
			case KEY_ENCRYPTION_ALGORITHM: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case ENCRYPTED_KEY: return memberValue.isEqual(PasswordRecipientinfo.defaultValues(ENCRYPTED_KEY));
			case PASSWORD: return memberValue.byteLength === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.Constructed({
					name: names.keyDerivationAlgorithm || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: AlgorithmIdentifier.schema().valueBlock.value
				}),
				AlgorithmIdentifier.schema(names.keyEncryptionAlgorithm || {}),
				new build.OctetString({ name: names.encryptedKey || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$25) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PasswordRecipientinfo.schema({ names: {
			version: VERSION$9,
			keyDerivationAlgorithm: KEY_DERIVATION_ALGORITHM,
			keyEncryptionAlgorithm: { names: { blockName: KEY_ENCRYPTION_ALGORITHM } },
			encryptedKey: ENCRYPTED_KEY
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		if (KEY_DERIVATION_ALGORITHM in asn1.result) this.keyDerivationAlgorithm = new AlgorithmIdentifier({ schema: new build.Sequence({ value: asn1.result.keyDerivationAlgorithm.valueBlock.value }) });
		this.keyEncryptionAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.keyEncryptionAlgorithm });
		this.encryptedKey = asn1.result.encryptedKey;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		if (this.keyDerivationAlgorithm) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.keyDerivationAlgorithm.toSchema().valueBlock.value
		}));
		outputArray.push(this.keyEncryptionAlgorithm.toSchema());
		outputArray.push(this.encryptedKey);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			keyEncryptionAlgorithm: this.keyEncryptionAlgorithm.toJSON(),
			encryptedKey: this.encryptedKey.toJSON()
		};
		if (this.keyDerivationAlgorithm) res.keyDerivationAlgorithm = this.keyDerivationAlgorithm.toJSON();
		return res;
	}
};
//#endregion
//#region src/OtherRecipientInfo.ts
const ORI_TYPE = "oriType";
const ORI_VALUE = "oriValue";
const CLEAR_PROPS$24 = [ORI_TYPE, ORI_VALUE];
var OtherRecipientInfo = class OtherRecipientInfo extends PkiObject {
	static {
		this.CLASS_NAME = "OtherRecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.oriType = parameters[ORI_TYPE] ?? OtherRecipientInfo.defaultValues(ORI_TYPE);
		this.oriValue = parameters[ORI_VALUE] ?? OtherRecipientInfo.defaultValues(ORI_VALUE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case ORI_TYPE: return "";
			case ORI_VALUE: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case ORI_TYPE: return memberValue === "";
			case ORI_VALUE: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.oriType || "" }), new build.Any({ name: names.oriValue || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$24) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OtherRecipientInfo.schema({ names: {
			oriType: ORI_TYPE,
			oriValue: ORI_VALUE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.oriType = asn1.result.oriType.valueBlock.toString();
		this.oriValue = asn1.result.oriValue;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.oriType }), this.oriValue] });
	}
	toJSON() {
		const res = { oriType: this.oriType };
		if (!OtherRecipientInfo.compareWithDefault(ORI_VALUE, this.oriValue)) res.oriValue = this.oriValue.toJSON();
		return res;
	}
};
//#endregion
//#region src/RecipientInfo.ts
const VARIANT = "variant";
const VALUE$1 = "value";
const CLEAR_PROPS$23 = ["blockName"];
var RecipientInfo = class RecipientInfo extends PkiObject {
	static {
		this.CLASS_NAME = "RecipientInfo";
	}
	constructor(parameters = {}) {
		super();
		this.variant = parameters[VARIANT] ?? RecipientInfo.defaultValues(VARIANT);
		if (VALUE$1 in parameters) this.value = parameters[VALUE$1] ?? RecipientInfo.defaultValues(VALUE$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VARIANT: return -1;
			case VALUE$1: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VARIANT: return memberValue === RecipientInfo.defaultValues(memberName);
			case VALUE$1: return Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Choice({ value: [
			KeyTransRecipientInfo.schema({ names: { blockName: names.blockName || "" } }),
			new build.Constructed({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: KeyAgreeRecipientInfo.schema().valueBlock.value
			}),
			new build.Constructed({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				},
				value: KEKRecipientInfo.schema().valueBlock.value
			}),
			new build.Constructed({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 3
				},
				value: PasswordRecipientinfo.schema().valueBlock.value
			}),
			new build.Constructed({
				name: names.blockName || "",
				idBlock: {
					tagClass: 3,
					tagNumber: 4
				},
				value: OtherRecipientInfo.schema().valueBlock.value
			})
		] });
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$23) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RecipientInfo.schema({ names: { blockName: "blockName" } }));
		AsnError.assertSchema(asn1, this.className);
		if (asn1.result.blockName.idBlock.tagClass === 1) {
			this.variant = 1;
			this.value = new KeyTransRecipientInfo({ schema: asn1.result.blockName });
		} else {
			const blockSequence = new build.Sequence({ value: asn1.result.blockName.valueBlock.value });
			switch (asn1.result.blockName.idBlock.tagNumber) {
				case 1:
					this.variant = 2;
					this.value = new KeyAgreeRecipientInfo({ schema: blockSequence });
					break;
				case 2:
					this.variant = 3;
					this.value = new KEKRecipientInfo({ schema: blockSequence });
					break;
				case 3:
					this.variant = 4;
					this.value = new PasswordRecipientinfo({ schema: blockSequence });
					break;
				case 4:
					this.variant = 5;
					this.value = new OtherRecipientInfo({ schema: blockSequence });
					break;
				default: throw new Error("Incorrect structure of RecipientInfo block");
			}
		}
	}
	toSchema() {
		ParameterError.assertEmpty(this.value, "value", "RecipientInfo");
		const _schema = this.value.toSchema();
		switch (this.variant) {
			case 1: return _schema;
			case 2:
			case 3:
			case 4:
				_schema.idBlock.tagClass = 3;
				_schema.idBlock.tagNumber = this.variant - 1;
				return _schema;
			default: return new build.Any();
		}
	}
	toJSON() {
		const res = { variant: this.variant };
		if (this.value && this.variant >= 1 && this.variant <= 4) res.value = this.value.toJSON();
		return res;
	}
};
//#endregion
//#region src/RSAESOAEPParams.ts
const HASH_ALGORITHM$2 = "hashAlgorithm";
const MASK_GEN_ALGORITHM = "maskGenAlgorithm";
const P_SOURCE_ALGORITHM = "pSourceAlgorithm";
const CLEAR_PROPS$22 = [
	HASH_ALGORITHM$2,
	MASK_GEN_ALGORITHM,
	P_SOURCE_ALGORITHM
];
var RSAESOAEPParams = class RSAESOAEPParams extends PkiObject {
	static {
		this.CLASS_NAME = "RSAESOAEPParams";
	}
	constructor(parameters = {}) {
		super();
		this.hashAlgorithm = parameters[HASH_ALGORITHM$2] ?? RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2);
		this.maskGenAlgorithm = parameters[MASK_GEN_ALGORITHM] ?? RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM);
		this.pSourceAlgorithm = parameters[P_SOURCE_ALGORITHM] ?? RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case HASH_ALGORITHM$2: return new AlgorithmIdentifier({
				algorithmId: "1.3.14.3.2.26",
				algorithmParams: new build.Null()
			});
			case MASK_GEN_ALGORITHM: return new AlgorithmIdentifier({
				algorithmId: "1.2.840.113549.1.1.8",
				algorithmParams: new AlgorithmIdentifier({
					algorithmId: "1.3.14.3.2.26",
					algorithmParams: new build.Null()
				}).toSchema()
			});
			case P_SOURCE_ALGORITHM: return new AlgorithmIdentifier({
				algorithmId: "1.2.840.113549.1.1.9",
				algorithmParams: new build.OctetString({ valueHex: new Uint8Array([
					218,
					57,
					163,
					238,
					94,
					107,
					75,
					13,
					50,
					85,
					191,
					239,
					149,
					96,
					24,
					144,
					175,
					216,
					7,
					9
				]).buffer })
			});
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					optional: true,
					value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {})]
				}),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					optional: true,
					value: [AlgorithmIdentifier.schema(names.maskGenAlgorithm || {})]
				}),
				new build.Constructed({
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					optional: true,
					value: [AlgorithmIdentifier.schema(names.pSourceAlgorithm || {})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$22) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, RSAESOAEPParams.schema({ names: {
			hashAlgorithm: { names: { blockName: HASH_ALGORITHM$2 } },
			maskGenAlgorithm: { names: { blockName: MASK_GEN_ALGORITHM } },
			pSourceAlgorithm: { names: { blockName: P_SOURCE_ALGORITHM } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		if (HASH_ALGORITHM$2 in asn1.result) this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
		if (MASK_GEN_ALGORITHM in asn1.result) this.maskGenAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.maskGenAlgorithm });
		if (P_SOURCE_ALGORITHM in asn1.result) this.pSourceAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.pSourceAlgorithm });
	}
	toSchema() {
		const outputArray = [];
		if (!this.hashAlgorithm.isEqual(RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2))) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.hashAlgorithm.toSchema()]
		}));
		if (!this.maskGenAlgorithm.isEqual(RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM))) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [this.maskGenAlgorithm.toSchema()]
		}));
		if (!this.pSourceAlgorithm.isEqual(RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM))) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			value: [this.pSourceAlgorithm.toSchema()]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {};
		if (!this.hashAlgorithm.isEqual(RSAESOAEPParams.defaultValues(HASH_ALGORITHM$2))) res.hashAlgorithm = this.hashAlgorithm.toJSON();
		if (!this.maskGenAlgorithm.isEqual(RSAESOAEPParams.defaultValues(MASK_GEN_ALGORITHM))) res.maskGenAlgorithm = this.maskGenAlgorithm.toJSON();
		if (!this.pSourceAlgorithm.isEqual(RSAESOAEPParams.defaultValues(P_SOURCE_ALGORITHM))) res.pSourceAlgorithm = this.pSourceAlgorithm.toJSON();
		return res;
	}
};
//#endregion
//#region src/ECCCMSSharedInfo.ts
const KEY_INFO = "keyInfo";
const ENTITY_U_INFO = "entityUInfo";
const SUPP_PUB_INFO = "suppPubInfo";
const CLEAR_PROPS$21 = [
	KEY_INFO,
	ENTITY_U_INFO,
	SUPP_PUB_INFO
];
var ECCCMSSharedInfo = class ECCCMSSharedInfo extends PkiObject {
	static {
		this.CLASS_NAME = "ECCCMSSharedInfo";
	}
	constructor(parameters = {}) {
		super();
		this.keyInfo = parameters[KEY_INFO] ?? ECCCMSSharedInfo.defaultValues(KEY_INFO);
		if (ENTITY_U_INFO in parameters) this.entityUInfo = parameters[ENTITY_U_INFO] ?? ECCCMSSharedInfo.defaultValues(ENTITY_U_INFO);
		this.suppPubInfo = parameters[SUPP_PUB_INFO] ?? ECCCMSSharedInfo.defaultValues(SUPP_PUB_INFO);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case KEY_INFO: return new AlgorithmIdentifier();
			case ENTITY_U_INFO: return new build.OctetString();
			case SUPP_PUB_INFO: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case KEY_INFO:
			case ENTITY_U_INFO:
			case SUPP_PUB_INFO: return memberValue.isEqual(ECCCMSSharedInfo.defaultValues(memberName));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				AlgorithmIdentifier.schema(names.keyInfo || {}),
				new build.Constructed({
					name: names.entityUInfo || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					optional: true,
					value: [new build.OctetString()]
				}),
				new build.Constructed({
					name: names.suppPubInfo || "",
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: [new build.OctetString()]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$21) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ECCCMSSharedInfo.schema({ names: {
			keyInfo: { names: { blockName: KEY_INFO } },
			entityUInfo: ENTITY_U_INFO,
			suppPubInfo: SUPP_PUB_INFO
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.keyInfo = new AlgorithmIdentifier({ schema: asn1.result.keyInfo });
		if (ENTITY_U_INFO in asn1.result) this.entityUInfo = asn1.result.entityUInfo.valueBlock.value[0];
		this.suppPubInfo = asn1.result.suppPubInfo.valueBlock.value[0];
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.keyInfo.toSchema());
		if (this.entityUInfo) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.entityUInfo]
		}));
		outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 2
			},
			value: [this.suppPubInfo]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			keyInfo: this.keyInfo.toJSON(),
			suppPubInfo: this.suppPubInfo.toJSON()
		};
		if (this.entityUInfo) res.entityUInfo = this.entityUInfo.toJSON();
		return res;
	}
};
//#endregion
//#region src/EnvelopedData.ts
const VERSION$8 = "version";
const ORIGINATOR_INFO = "originatorInfo";
const RECIPIENT_INFOS = "recipientInfos";
const ENCRYPTED_CONTENT_INFO = "encryptedContentInfo";
const UNPROTECTED_ATTRS = "unprotectedAttrs";
const CLEAR_PROPS$20 = [
	VERSION$8,
	ORIGINATOR_INFO,
	RECIPIENT_INFOS,
	ENCRYPTED_CONTENT_INFO,
	UNPROTECTED_ATTRS
];
const defaultEncryptionParams = {
	kdfAlgorithm: "SHA-512",
	kekEncryptionLength: 256
};
const curveLengthByName = {
	"P-256": 256,
	"P-384": 384,
	"P-521": 528
};
var EnvelopedData = class EnvelopedData extends PkiObject {
	static {
		this.CLASS_NAME = "EnvelopedData";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$8] ?? EnvelopedData.defaultValues(VERSION$8);
		if (ORIGINATOR_INFO in parameters) this.originatorInfo = parameters[ORIGINATOR_INFO] ?? EnvelopedData.defaultValues(ORIGINATOR_INFO);
		this.recipientInfos = parameters[RECIPIENT_INFOS] ?? EnvelopedData.defaultValues(RECIPIENT_INFOS);
		this.encryptedContentInfo = parameters[ENCRYPTED_CONTENT_INFO] ?? EnvelopedData.defaultValues(ENCRYPTED_CONTENT_INFO);
		if (UNPROTECTED_ATTRS in parameters) this.unprotectedAttrs = parameters[UNPROTECTED_ATTRS] ?? EnvelopedData.defaultValues(UNPROTECTED_ATTRS);
		this.policy = { disableSplit: !!parameters.disableSplit };
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$8: return 0;
			case ORIGINATOR_INFO: return new OriginatorInfo();
			case RECIPIENT_INFOS: return [];
			case ENCRYPTED_CONTENT_INFO: return new EncryptedContentInfo();
			case UNPROTECTED_ATTRS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$8: return memberValue === EnvelopedData.defaultValues(memberName);
			case ORIGINATOR_INFO: return memberValue.certs.certificates.length === 0 && memberValue.crls.crls.length === 0;
			case RECIPIENT_INFOS:
			case UNPROTECTED_ATTRS: return memberValue.length === 0;
			case ENCRYPTED_CONTENT_INFO: return EncryptedContentInfo.compareWithDefault("contentType", memberValue.contentType) && EncryptedContentInfo.compareWithDefault("contentEncryptionAlgorithm", memberValue.contentEncryptionAlgorithm) && EncryptedContentInfo.compareWithDefault("encryptedContent", memberValue.encryptedContent);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || "" }),
				new build.Constructed({
					name: names.originatorInfo || "",
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: OriginatorInfo.schema().valueBlock.value
				}),
				new build.Set({ value: [new build.Repeated({
					name: names.recipientInfos || "",
					value: RecipientInfo.schema()
				})] }),
				EncryptedContentInfo.schema(names.encryptedContentInfo || {}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Repeated({
						name: names.unprotectedAttrs || "",
						value: Attribute.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$20) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, EnvelopedData.schema({ names: {
			version: VERSION$8,
			originatorInfo: ORIGINATOR_INFO,
			recipientInfos: RECIPIENT_INFOS,
			encryptedContentInfo: { names: { blockName: ENCRYPTED_CONTENT_INFO } },
			unprotectedAttrs: UNPROTECTED_ATTRS
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		if (ORIGINATOR_INFO in asn1.result) this.originatorInfo = new OriginatorInfo({ schema: new build.Sequence({ value: asn1.result.originatorInfo.valueBlock.value }) });
		this.recipientInfos = Array.from(asn1.result.recipientInfos, (o) => new RecipientInfo({ schema: o }));
		this.encryptedContentInfo = new EncryptedContentInfo({ schema: asn1.result.encryptedContentInfo });
		if (UNPROTECTED_ATTRS in asn1.result) this.unprotectedAttrs = Array.from(asn1.result.unprotectedAttrs, (o) => new Attribute({ schema: o }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		if (this.originatorInfo) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: this.originatorInfo.toSchema().valueBlock.value
		}));
		outputArray.push(new build.Set({ value: Array.from(this.recipientInfos, (o) => o.toSchema()) }));
		outputArray.push(this.encryptedContentInfo.toSchema());
		if (this.unprotectedAttrs) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.unprotectedAttrs, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			recipientInfos: Array.from(this.recipientInfos, (o) => o.toJSON()),
			encryptedContentInfo: this.encryptedContentInfo.toJSON()
		};
		if (this.originatorInfo) res.originatorInfo = this.originatorInfo.toJSON();
		if (this.unprotectedAttrs) res.unprotectedAttrs = Array.from(this.unprotectedAttrs, (o) => o.toJSON());
		return res;
	}
	addRecipientByCertificate(certificate, parameters, variant, crypto = getCrypto(true)) {
		const encryptionParameters = Object.assign({
			useOAEP: true,
			oaepHashAlgorithm: "SHA-512"
		}, defaultEncryptionParams, parameters || {});
		if (certificate.subjectPublicKeyInfo.algorithm.algorithmId.indexOf("1.2.840.113549") !== -1) variant = 1;
		else if (certificate.subjectPublicKeyInfo.algorithm.algorithmId.indexOf("1.2.840.10045") !== -1) variant = 2;
		else throw new Error(`Unknown type of certificate's public key: ${certificate.subjectPublicKeyInfo.algorithm.algorithmId}`);
		switch (variant) {
			case 1:
				{
					let algorithmId;
					let algorithmParams;
					if (encryptionParameters.useOAEP === true) {
						algorithmId = crypto.getOIDByAlgorithm({ name: "RSA-OAEP" }, true, "keyEncryptionAlgorithm");
						const hashAlgorithm = new AlgorithmIdentifier({
							algorithmId: crypto.getOIDByAlgorithm({ name: encryptionParameters.oaepHashAlgorithm }, true, "RSAES-OAEP-params"),
							algorithmParams: new build.Null()
						});
						algorithmParams = new RSAESOAEPParams({
							hashAlgorithm,
							maskGenAlgorithm: new AlgorithmIdentifier({
								algorithmId: "1.2.840.113549.1.1.8",
								algorithmParams: hashAlgorithm.toSchema()
							})
						}).toSchema();
					} else {
						algorithmId = crypto.getOIDByAlgorithm({ name: "RSAES-PKCS1-v1_5" });
						if (algorithmId === "") throw new Error("Can not find OID for RSAES-PKCS1-v1_5");
						algorithmParams = new build.Null();
					}
					const keyInfo = new KeyTransRecipientInfo({
						version: 0,
						rid: new IssuerAndSerialNumber({
							issuer: certificate.issuer,
							serialNumber: certificate.serialNumber
						}),
						keyEncryptionAlgorithm: new AlgorithmIdentifier({
							algorithmId,
							algorithmParams
						}),
						recipientCertificate: certificate
					});
					this.recipientInfos.push(new RecipientInfo({
						variant: 1,
						value: keyInfo
					}));
				}
				break;
			case 2:
				{
					const recipientIdentifier = new KeyAgreeRecipientIdentifier({
						variant: 1,
						value: new IssuerAndSerialNumber({
							issuer: certificate.issuer,
							serialNumber: certificate.serialNumber
						})
					});
					this._addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, { recipientCertificate: certificate }, crypto);
				}
				break;
			default: throw new Error(`Unknown "variant" value: ${variant}`);
		}
		return true;
	}
	addRecipientByPreDefinedData(preDefinedData, parameters = {}, variant, crypto = getCrypto(true)) {
		ArgumentError.assert(preDefinedData, "preDefinedData", "ArrayBuffer");
		if (!preDefinedData.byteLength) throw new Error("Pre-defined data could have zero length");
		if (!parameters.keyIdentifier) {
			const keyIdentifierBuffer = /* @__PURE__ */ new ArrayBuffer(16);
			const keyIdentifierView = new Uint8Array(keyIdentifierBuffer);
			crypto.getRandomValues(keyIdentifierView);
			parameters.keyIdentifier = keyIdentifierBuffer;
		}
		if (!parameters.hmacHashAlgorithm) parameters.hmacHashAlgorithm = "SHA-512";
		if (parameters.iterationCount === void 0) parameters.iterationCount = 2048;
		if (!parameters.keyEncryptionAlgorithm) parameters.keyEncryptionAlgorithm = {
			name: "AES-KW",
			length: 256
		};
		if (!parameters.keyEncryptionAlgorithmParams) parameters.keyEncryptionAlgorithmParams = new build.Null();
		switch (variant) {
			case 1:
				{
					const kekOID = crypto.getOIDByAlgorithm(parameters.keyEncryptionAlgorithm, true, "keyEncryptionAlgorithm");
					const keyInfo = new KEKRecipientInfo({
						version: 4,
						kekid: new KEKIdentifier({ keyIdentifier: new build.OctetString({ valueHex: parameters.keyIdentifier }) }),
						keyEncryptionAlgorithm: new AlgorithmIdentifier({
							algorithmId: kekOID,
							algorithmParams: parameters.keyEncryptionAlgorithmParams
						}),
						preDefinedKEK: preDefinedData
					});
					this.recipientInfos.push(new RecipientInfo({
						variant: 3,
						value: keyInfo
					}));
				}
				break;
			case 2:
				{
					const pbkdf2OID = crypto.getOIDByAlgorithm({ name: "PBKDF2" }, true, "keyDerivationAlgorithm");
					const saltBuffer = /* @__PURE__ */ new ArrayBuffer(64);
					const saltView = new Uint8Array(saltBuffer);
					crypto.getRandomValues(saltView);
					const hmacOID = crypto.getOIDByAlgorithm({
						name: "HMAC",
						hash: { name: parameters.hmacHashAlgorithm }
					}, true, "hmacHashAlgorithm");
					const pbkdf2Params = new PBKDF2Params({
						salt: new build.OctetString({ valueHex: saltBuffer }),
						iterationCount: parameters.iterationCount,
						prf: new AlgorithmIdentifier({
							algorithmId: hmacOID,
							algorithmParams: new build.Null()
						})
					});
					const kekOID = crypto.getOIDByAlgorithm(parameters.keyEncryptionAlgorithm, true, "keyEncryptionAlgorithm");
					const keyInfo = new PasswordRecipientinfo({
						version: 0,
						keyDerivationAlgorithm: new AlgorithmIdentifier({
							algorithmId: pbkdf2OID,
							algorithmParams: pbkdf2Params.toSchema()
						}),
						keyEncryptionAlgorithm: new AlgorithmIdentifier({
							algorithmId: kekOID,
							algorithmParams: parameters.keyEncryptionAlgorithmParams
						}),
						password: preDefinedData
					});
					this.recipientInfos.push(new RecipientInfo({
						variant: 4,
						value: keyInfo
					}));
				}
				break;
			default: throw new Error(`Unknown value for "variant": ${variant}`);
		}
	}
	addRecipientByKeyIdentifier(key, keyId, parameters, crypto = getCrypto(true)) {
		const encryptionParameters = Object.assign({}, defaultEncryptionParams, parameters || {});
		const recipientIdentifier = new KeyAgreeRecipientIdentifier({
			variant: 2,
			value: new RecipientKeyIdentifier({ subjectKeyIdentifier: new build.OctetString({ valueHex: keyId }) })
		});
		this._addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, { recipientPublicKey: key }, crypto);
	}
	_addKeyAgreeRecipientInfo(recipientIdentifier, encryptionParameters, extraRecipientInfoParams, crypto = getCrypto(true)) {
		const encryptedKey = new RecipientEncryptedKey({ rid: recipientIdentifier });
		const aesKW = new AlgorithmIdentifier({ algorithmId: crypto.getOIDByAlgorithm({
			name: "AES-KW",
			length: encryptionParameters.kekEncryptionLength
		}, true, "keyEncryptionAlgorithm") });
		const ecdhOID = crypto.getOIDByAlgorithm({
			name: "ECDH",
			kdf: encryptionParameters.kdfAlgorithm
		}, true, "KeyAgreeRecipientInfo");
		const ukmBuffer = /* @__PURE__ */ new ArrayBuffer(64);
		const ukmView = new Uint8Array(ukmBuffer);
		crypto.getRandomValues(ukmView);
		const recipientInfoParams = {
			version: 3,
			ukm: new build.OctetString({ valueHex: ukmBuffer }),
			keyEncryptionAlgorithm: new AlgorithmIdentifier({
				algorithmId: ecdhOID,
				algorithmParams: aesKW.toSchema()
			}),
			recipientEncryptedKeys: new RecipientEncryptedKeys({ encryptedKeys: [encryptedKey] })
		};
		const keyInfo = new KeyAgreeRecipientInfo(Object.assign(recipientInfoParams, extraRecipientInfoParams));
		this.recipientInfos.push(new RecipientInfo({
			variant: 2,
			value: keyInfo
		}));
	}
	async encrypt(contentEncryptionAlgorithm, contentToEncrypt, crypto = getCrypto(true)) {
		const ivBuffer = /* @__PURE__ */ new ArrayBuffer(16);
		const ivView = new Uint8Array(ivBuffer);
		crypto.getRandomValues(ivView);
		const contentView = new Uint8Array(contentToEncrypt);
		const contentEncryptionOID = crypto.getOIDByAlgorithm(contentEncryptionAlgorithm, true, "contentEncryptionAlgorithm");
		const sessionKey = await crypto.generateKey(contentEncryptionAlgorithm, true, ["encrypt"]);
		const encryptedContent = await crypto.encrypt({
			name: contentEncryptionAlgorithm.name,
			iv: ivView
		}, sessionKey, contentView);
		const exportedSessionKey = await crypto.exportKey("raw", sessionKey);
		this.version = 2;
		this.encryptedContentInfo = new EncryptedContentInfo({
			disableSplit: this.policy.disableSplit,
			contentType: "1.2.840.113549.1.7.1",
			contentEncryptionAlgorithm: new AlgorithmIdentifier({
				algorithmId: contentEncryptionOID,
				algorithmParams: new build.OctetString({ valueHex: ivBuffer })
			}),
			encryptedContent: new build.OctetString({ valueHex: encryptedContent })
		});
		const SubKeyAgreeRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			let recipientCurve;
			let recipientPublicKey;
			if (recipientInfo.recipientPublicKey) {
				recipientCurve = recipientInfo.recipientPublicKey.algorithm.namedCurve;
				recipientPublicKey = recipientInfo.recipientPublicKey;
			} else if (recipientInfo.recipientCertificate) {
				const curveObject = recipientInfo.recipientCertificate.subjectPublicKeyInfo.algorithm.algorithmParams;
				if (curveObject.constructor.blockName() !== build.ObjectIdentifier.blockName()) throw new Error(`Incorrect "recipientCertificate" for index ${index}`);
				switch (curveObject.valueBlock.toString()) {
					case "1.2.840.10045.3.1.7":
						recipientCurve = "P-256";
						break;
					case "1.3.132.0.34":
						recipientCurve = "P-384";
						break;
					case "1.3.132.0.35":
						recipientCurve = "P-521";
						break;
					default: throw new Error(`Incorrect curve OID for index ${index}`);
				}
				recipientPublicKey = await recipientInfo.recipientCertificate.getPublicKey({ algorithm: {
					algorithm: {
						name: "ECDH",
						namedCurve: recipientCurve
					},
					usages: []
				} }, crypto);
			} else throw new Error("Unsupported RecipientInfo");
			const recipientCurveLength = curveLengthByName[recipientCurve];
			const ecdhKeys = await crypto.generateKey({
				name: "ECDH",
				namedCurve: recipientCurve
			}, true, ["deriveBits"]);
			const exportedECDHPublicKey = await crypto.exportKey("spki", ecdhKeys.publicKey);
			const derivedBits = await crypto.deriveBits({
				name: "ECDH",
				public: recipientPublicKey
			}, ecdhKeys.privateKey, recipientCurveLength);
			const aesKWAlgorithm = new AlgorithmIdentifier({ schema: recipientInfo.keyEncryptionAlgorithm.algorithmParams });
			const kwAlgorithm = crypto.getAlgorithmByOID(aesKWAlgorithm.algorithmId, true, "aesKWAlgorithm");
			let kwLength = kwAlgorithm.length;
			const kwLengthBuffer = /* @__PURE__ */ new ArrayBuffer(4);
			const kwLengthView = new Uint8Array(kwLengthBuffer);
			for (let j = 3; j >= 0; j--) {
				kwLengthView[j] = kwLength;
				kwLength >>= 8;
			}
			const encodedInfo = new ECCCMSSharedInfo({
				keyInfo: new AlgorithmIdentifier({ algorithmId: aesKWAlgorithm.algorithmId }),
				entityUInfo: recipientInfo.ukm,
				suppPubInfo: new build.OctetString({ valueHex: kwLengthBuffer })
			}).toSchema().toBER(false);
			const derivedKeyRaw = await kdf(crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "ecdhAlgorithm").kdf, derivedBits, kwAlgorithm.length, encodedInfo, crypto);
			const awsKW = await crypto.importKey("raw", derivedKeyRaw, { name: "AES-KW" }, true, ["wrapKey"]);
			const wrappedKey = await crypto.wrapKey("raw", sessionKey, awsKW, { name: "AES-KW" });
			const originator = new OriginatorIdentifierOrKey();
			originator.variant = 3;
			originator.value = OriginatorPublicKey.fromBER(exportedECDHPublicKey);
			recipientInfo.originator = originator;
			recipientInfo.recipientEncryptedKeys.encryptedKeys[0].encryptedKey = new build.OctetString({ valueHex: wrappedKey });
			return { ecdhPrivateKey: ecdhKeys.privateKey };
		};
		const SubKeyTransRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			const algorithmParameters = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
			if (algorithmParameters.name === "RSA-OAEP") {
				const schema = recipientInfo.keyEncryptionAlgorithm.algorithmParams;
				const rsaOAEPParams = new RSAESOAEPParams({ schema });
				algorithmParameters.hash = crypto.getAlgorithmByOID(rsaOAEPParams.hashAlgorithm.algorithmId);
				if ("name" in algorithmParameters.hash === false) throw new Error(`Incorrect OID for hash algorithm: ${rsaOAEPParams.hashAlgorithm.algorithmId}`);
			}
			const publicKey = await recipientInfo.recipientCertificate.getPublicKey({ algorithm: {
				algorithm: algorithmParameters,
				usages: ["encrypt", "wrapKey"]
			} }, crypto);
			const encryptedKey = await crypto.encrypt(publicKey.algorithm, publicKey, exportedSessionKey);
			recipientInfo.encryptedKey = new build.OctetString({ valueHex: encryptedKey });
		};
		const SubKEKRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			const kekAlgorithm = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
			const kekKey = await crypto.importKey("raw", new Uint8Array(recipientInfo.preDefinedKEK), kekAlgorithm, true, ["wrapKey"]);
			const wrappedKey = await crypto.wrapKey("raw", sessionKey, kekKey, kekAlgorithm);
			recipientInfo.encryptedKey = new build.OctetString({ valueHex: wrappedKey });
		};
		const SubPasswordRecipientinfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			let pbkdf2Params;
			if (!recipientInfo.keyDerivationAlgorithm) throw new Error("Please append encoded \"keyDerivationAlgorithm\"");
			if (!recipientInfo.keyDerivationAlgorithm.algorithmParams) throw new Error("Incorrectly encoded \"keyDerivationAlgorithm\"");
			try {
				pbkdf2Params = new PBKDF2Params({ schema: recipientInfo.keyDerivationAlgorithm.algorithmParams });
			} catch {
				throw new Error("Incorrectly encoded \"keyDerivationAlgorithm\"");
			}
			const passwordView = new Uint8Array(recipientInfo.password);
			const derivationKey = await crypto.importKey("raw", passwordView, "PBKDF2", false, ["deriveKey"]);
			const kekAlgorithm = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
			let hmacHashAlgorithm = "SHA-1";
			if (pbkdf2Params.prf) hmacHashAlgorithm = crypto.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true, "prfAlgorithm").hash.name;
			const saltView = new Uint8Array(pbkdf2Params.salt.valueBlock.valueHex);
			const iterations = pbkdf2Params.iterationCount;
			const derivedKey = await crypto.deriveKey({
				name: "PBKDF2",
				hash: { name: hmacHashAlgorithm },
				salt: saltView,
				iterations
			}, derivationKey, kekAlgorithm, true, ["wrapKey"]);
			const wrappedKey = await crypto.wrapKey("raw", sessionKey, derivedKey, kekAlgorithm);
			recipientInfo.encryptedKey = new build.OctetString({ valueHex: wrappedKey });
		};
		const res = [];
		for (let i = 0; i < this.recipientInfos.length; i++) switch (this.recipientInfos[i].variant) {
			case 1:
				res.push(await SubKeyTransRecipientInfo(i));
				break;
			case 2:
				res.push(await SubKeyAgreeRecipientInfo(i));
				break;
			case 3:
				res.push(await SubKEKRecipientInfo(i));
				break;
			case 4:
				res.push(await SubPasswordRecipientinfo(i));
				break;
			default: throw new Error(`Unknown recipient type in array with index ${i}`);
		}
		return res;
	}
	async decrypt(recipientIndex, parameters, crypto = getCrypto(true)) {
		const decryptionParameters = parameters || {};
		if (recipientIndex + 1 > this.recipientInfos.length) throw new Error(`Maximum value for "index" is: ${this.recipientInfos.length - 1}`);
		const SubKeyAgreeRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			let curveOID;
			let recipientCurve;
			let recipientCurveLength;
			const originator = recipientInfo.originator;
			if (decryptionParameters.recipientCertificate) {
				const curveObject = decryptionParameters.recipientCertificate.subjectPublicKeyInfo.algorithm.algorithmParams;
				if (curveObject.constructor.blockName() !== build.ObjectIdentifier.blockName()) throw new Error(`Incorrect "recipientCertificate" for index ${index}`);
				curveOID = curveObject.valueBlock.toString();
			} else if (originator.value.algorithm.algorithmParams) {
				const curveObject = originator.value.algorithm.algorithmParams;
				if (curveObject.constructor.blockName() !== build.ObjectIdentifier.blockName()) throw new Error(`Incorrect originator for index ${index}`);
				curveOID = curveObject.valueBlock.toString();
			} else throw new Error("Parameter \"recipientCertificate\" is mandatory for \"KeyAgreeRecipientInfo\" if algorithm params are missing from originator");
			if (!decryptionParameters.recipientPrivateKey) throw new Error("Parameter \"recipientPrivateKey\" is mandatory for \"KeyAgreeRecipientInfo\"");
			switch (curveOID) {
				case "1.2.840.10045.3.1.7":
					recipientCurve = "P-256";
					recipientCurveLength = 256;
					break;
				case "1.3.132.0.34":
					recipientCurve = "P-384";
					recipientCurveLength = 384;
					break;
				case "1.3.132.0.35":
					recipientCurve = "P-521";
					recipientCurveLength = 528;
					break;
				default: throw new Error(`Incorrect curve OID for index ${index}`);
			}
			let ecdhPrivateKey;
			let keyCrypto = crypto;
			if ((0,buffer_source/* isBufferSource */.W$)(decryptionParameters.recipientPrivateKey)) ecdhPrivateKey = await crypto.importKey("pkcs8", decryptionParameters.recipientPrivateKey, {
				name: "ECDH",
				namedCurve: recipientCurve
			}, true, ["deriveBits"]);
			else {
				ecdhPrivateKey = decryptionParameters.recipientPrivateKey;
				if ("crypto" in decryptionParameters && decryptionParameters.crypto) keyCrypto = decryptionParameters.crypto.subtle;
			}
			if ("algorithmParams" in originator.value.algorithm === false) originator.value.algorithm.algorithmParams = new build.ObjectIdentifier({ value: curveOID });
			const buffer = originator.value.toSchema().toBER(false);
			const ecdhPublicKey = await crypto.importKey("spki", buffer, {
				name: "ECDH",
				namedCurve: recipientCurve
			}, true, []);
			const sharedSecret = await keyCrypto.deriveBits({
				name: "ECDH",
				public: ecdhPublicKey
			}, ecdhPrivateKey, recipientCurveLength);
			async function applyKDF(includeAlgorithmParams) {
				includeAlgorithmParams = includeAlgorithmParams || false;
				const aesKWAlgorithm = new AlgorithmIdentifier({ schema: recipientInfo.keyEncryptionAlgorithm.algorithmParams });
				const kwAlgorithm = crypto.getAlgorithmByOID(aesKWAlgorithm.algorithmId, true, "kwAlgorithm");
				let kwLength = kwAlgorithm.length;
				const kwLengthBuffer = /* @__PURE__ */ new ArrayBuffer(4);
				const kwLengthView = new Uint8Array(kwLengthBuffer);
				for (let j = 3; j >= 0; j--) {
					kwLengthView[j] = kwLength;
					kwLength >>= 8;
				}
				const keyInfoAlgorithm = { algorithmId: aesKWAlgorithm.algorithmId };
				if (includeAlgorithmParams) keyInfoAlgorithm.algorithmParams = new build.Null();
				const encodedInfo = new ECCCMSSharedInfo({
					keyInfo: new AlgorithmIdentifier(keyInfoAlgorithm),
					entityUInfo: recipientInfo.ukm,
					suppPubInfo: new build.OctetString({ valueHex: kwLengthBuffer })
				}).toSchema().toBER(false);
				const ecdhAlgorithm = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "ecdhAlgorithm");
				if (!ecdhAlgorithm.name) throw new Error(`Incorrect OID for key encryption algorithm: ${recipientInfo.keyEncryptionAlgorithm.algorithmId}`);
				return kdf(ecdhAlgorithm.kdf, sharedSecret, kwAlgorithm.length, encodedInfo, crypto);
			}
			const kdfResult = await applyKDF();
			const importAesKwKey = async (kdfResult) => {
				return crypto.importKey("raw", kdfResult, { name: "AES-KW" }, true, ["unwrapKey"]);
			};
			const aesKwKey = await importAesKwKey(kdfResult);
			const unwrapSessionKey = async (aesKwKey) => {
				const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
				const contentEncryptionAlgorithm = crypto.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
				return crypto.unwrapKey("raw", recipientInfo.recipientEncryptedKeys.encryptedKeys[0].encryptedKey.valueBlock.valueHexView, aesKwKey, { name: "AES-KW" }, contentEncryptionAlgorithm, true, ["decrypt"]);
			};
			try {
				return await unwrapSessionKey(aesKwKey);
			} catch {
				return unwrapSessionKey(await importAesKwKey(await applyKDF(true)));
			}
		};
		const SubKeyTransRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			if (!decryptionParameters.recipientPrivateKey) throw new Error("Parameter \"recipientPrivateKey\" is mandatory for \"KeyTransRecipientInfo\"");
			const algorithmParameters = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
			if (algorithmParameters.name === "RSA-OAEP") {
				const schema = recipientInfo.keyEncryptionAlgorithm.algorithmParams;
				const rsaOAEPParams = new RSAESOAEPParams({ schema });
				algorithmParameters.hash = crypto.getAlgorithmByOID(rsaOAEPParams.hashAlgorithm.algorithmId);
				if ("name" in algorithmParameters.hash === false) throw new Error(`Incorrect OID for hash algorithm: ${rsaOAEPParams.hashAlgorithm.algorithmId}`);
			}
			let privateKey;
			let keyCrypto = crypto;
			if ((0,buffer_source/* isBufferSource */.W$)(decryptionParameters.recipientPrivateKey)) privateKey = await crypto.importKey("pkcs8", decryptionParameters.recipientPrivateKey, algorithmParameters, true, ["decrypt"]);
			else {
				privateKey = decryptionParameters.recipientPrivateKey;
				if ("crypto" in decryptionParameters && decryptionParameters.crypto) keyCrypto = decryptionParameters.crypto.subtle;
			}
			const sessionKey = await keyCrypto.decrypt(privateKey.algorithm, privateKey, recipientInfo.encryptedKey.valueBlock.valueHexView);
			const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
			const contentEncryptionAlgorithm = crypto.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
			if ("name" in contentEncryptionAlgorithm === false) throw new Error(`Incorrect "contentEncryptionAlgorithm": ${algorithmId}`);
			return crypto.importKey("raw", sessionKey, contentEncryptionAlgorithm, true, ["decrypt"]);
		};
		const SubKEKRecipientInfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			if (!decryptionParameters.preDefinedData) throw new Error("Parameter \"preDefinedData\" is mandatory for \"KEKRecipientInfo\"");
			const kekAlgorithm = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "kekAlgorithm");
			const importedKey = await crypto.importKey("raw", decryptionParameters.preDefinedData, kekAlgorithm, true, ["unwrapKey"]);
			const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
			const contentEncryptionAlgorithm = crypto.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
			if (!contentEncryptionAlgorithm.name) throw new Error(`Incorrect "contentEncryptionAlgorithm": ${algorithmId}`);
			return crypto.unwrapKey("raw", recipientInfo.encryptedKey.valueBlock.valueHexView, importedKey, kekAlgorithm, contentEncryptionAlgorithm, true, ["decrypt"]);
		};
		const SubPasswordRecipientinfo = async (index) => {
			const recipientInfo = this.recipientInfos[index].value;
			let pbkdf2Params;
			if (!decryptionParameters.preDefinedData) throw new Error("Parameter \"preDefinedData\" is mandatory for \"KEKRecipientInfo\"");
			if (!recipientInfo.keyDerivationAlgorithm) throw new Error("Please append encoded \"keyDerivationAlgorithm\"");
			if (!recipientInfo.keyDerivationAlgorithm.algorithmParams) throw new Error("Incorrectly encoded \"keyDerivationAlgorithm\"");
			try {
				pbkdf2Params = new PBKDF2Params({ schema: recipientInfo.keyDerivationAlgorithm.algorithmParams });
			} catch {
				throw new Error("Incorrectly encoded \"keyDerivationAlgorithm\"");
			}
			const pbkdf2Key = await crypto.importKey("raw", decryptionParameters.preDefinedData, "PBKDF2", false, ["deriveKey"]);
			const kekAlgorithm = crypto.getAlgorithmByOID(recipientInfo.keyEncryptionAlgorithm.algorithmId, true, "keyEncryptionAlgorithm");
			const hmacHashAlgorithm = pbkdf2Params.prf ? crypto.getAlgorithmByOID(pbkdf2Params.prf.algorithmId, true, "prfAlgorithm").hash.name : "SHA-1";
			const saltView = new Uint8Array(pbkdf2Params.salt.valueBlock.valueHex);
			const iterations = pbkdf2Params.iterationCount;
			const kekKey = await crypto.deriveKey({
				name: "PBKDF2",
				hash: { name: hmacHashAlgorithm },
				salt: saltView,
				iterations
			}, pbkdf2Key, kekAlgorithm, true, ["unwrapKey"]);
			const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
			const contentEncryptionAlgorithm = crypto.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
			return crypto.unwrapKey("raw", recipientInfo.encryptedKey.valueBlock.valueHexView, kekKey, kekAlgorithm, contentEncryptionAlgorithm, true, ["decrypt"]);
		};
		let unwrappedKey;
		switch (this.recipientInfos[recipientIndex].variant) {
			case 1:
				unwrappedKey = await SubKeyTransRecipientInfo(recipientIndex);
				break;
			case 2:
				unwrappedKey = await SubKeyAgreeRecipientInfo(recipientIndex);
				break;
			case 3:
				unwrappedKey = await SubKEKRecipientInfo(recipientIndex);
				break;
			case 4:
				unwrappedKey = await SubPasswordRecipientinfo(recipientIndex);
				break;
			default: throw new Error(`Unknown recipient type in array with index ${recipientIndex}`);
		}
		const algorithmId = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmId;
		const contentEncryptionAlgorithm = crypto.getAlgorithmByOID(algorithmId, true, "contentEncryptionAlgorithm");
		const ivBuffer = this.encryptedContentInfo.contentEncryptionAlgorithm.algorithmParams.valueBlock.valueHex;
		const ivView = new Uint8Array(ivBuffer);
		if (!this.encryptedContentInfo.encryptedContent) throw new Error("Required property `encryptedContent` is empty");
		const dataBuffer = this.encryptedContentInfo.getEncryptedContent();
		return crypto.decrypt({
			name: contentEncryptionAlgorithm.name,
			iv: ivView
		}, unwrappedKey, dataBuffer);
	}
};
//#endregion
//#region src/AuthenticatedSafe.ts
const SAFE_CONTENTS = "safeContents";
const PARSED_VALUE$1 = "parsedValue";
const CONTENT_INFOS = "contentInfos";
var AuthenticatedSafe = class AuthenticatedSafe extends PkiObject {
	static {
		this.CLASS_NAME = "AuthenticatedSafe";
	}
	constructor(parameters = {}) {
		super();
		this.safeContents = parameters[SAFE_CONTENTS] ?? AuthenticatedSafe.defaultValues(SAFE_CONTENTS);
		if (PARSED_VALUE$1 in parameters) this.parsedValue = parameters[PARSED_VALUE$1] ?? AuthenticatedSafe.defaultValues(PARSED_VALUE$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SAFE_CONTENTS: return [];
			case PARSED_VALUE$1: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SAFE_CONTENTS: return memberValue.length === 0;
			case PARSED_VALUE$1: return memberValue instanceof Object && Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.Repeated({
				name: names.contentInfos || "",
				value: ContentInfo.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [CONTENT_INFOS]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, AuthenticatedSafe.schema({ names: { contentInfos: CONTENT_INFOS } }));
		AsnError.assertSchema(asn1, this.className);
		this.safeContents = Array.from(asn1.result.contentInfos, (element) => new ContentInfo({ schema: element }));
	}
	toSchema() {
		return new build.Sequence({ value: Array.from(this.safeContents, (o) => o.toSchema()) });
	}
	toJSON() {
		return { safeContents: Array.from(this.safeContents, (o) => o.toJSON()) };
	}
	async parseInternalValues(parameters, crypto = getCrypto(true)) {
		ParameterError.assert(parameters, SAFE_CONTENTS);
		ArgumentError.assert(parameters.safeContents, SAFE_CONTENTS, "Array");
		if (parameters.safeContents.length !== this.safeContents.length) throw new ArgumentError("Length of \"parameters.safeContents\" must be equal to \"this.safeContents.length\"");
		this.parsedValue = { safeContents: [] };
		for (const [index, content] of this.safeContents.entries()) {
			const safeContent = parameters.safeContents[index];
			const errorTarget = `parameters.safeContents[${index}]`;
			switch (content.contentType) {
				case id_ContentType_Data:
					{
						ArgumentError.assert(content.content, "this.safeContents[j].content", build.OctetString);
						const authSafeContent = content.content.getValue();
						this.parsedValue.safeContents.push({
							privacyMode: 0,
							value: SafeContents.fromBER(authSafeContent)
						});
					}
					break;
				case id_ContentType_EnvelopedData:
					{
						const cmsEnveloped = new EnvelopedData({ schema: content.content });
						ParameterError.assert(errorTarget, safeContent, "recipientCertificate", "recipientKey");
						const envelopedData = safeContent;
						const recipientCertificate = envelopedData.recipientCertificate;
						const recipientKey = envelopedData.recipientKey;
						const decrypted = await cmsEnveloped.decrypt(0, {
							recipientCertificate,
							recipientPrivateKey: recipientKey
						}, crypto);
						this.parsedValue.safeContents.push({
							privacyMode: 2,
							value: SafeContents.fromBER(decrypted)
						});
					}
					break;
				case id_ContentType_EncryptedData:
					{
						const cmsEncrypted = new EncryptedData({ schema: content.content });
						ParameterError.assert(errorTarget, safeContent, "password");
						const password = safeContent.password;
						const decrypted = await cmsEncrypted.decrypt({ password }, crypto);
						this.parsedValue.safeContents.push({
							privacyMode: 1,
							value: SafeContents.fromBER(decrypted)
						});
					}
					break;
				default: throw new Error(`Unknown "contentType" for AuthenticatedSafe: " ${content.contentType}`);
			}
		}
	}
	async makeInternalValues(parameters, crypto = getCrypto(true)) {
		if (!this.parsedValue) throw new Error("Please run \"parseValues\" first or add \"parsedValue\" manually");
		ArgumentError.assert(this.parsedValue, "this.parsedValue", "object");
		ArgumentError.assert(this.parsedValue.safeContents, "this.parsedValue.safeContents", "Array");
		ArgumentError.assert(parameters, "parameters", "object");
		ParameterError.assert(parameters, "safeContents");
		ArgumentError.assert(parameters.safeContents, "parameters.safeContents", "Array");
		if (parameters.safeContents.length !== this.parsedValue.safeContents.length) throw new ArgumentError("Length of \"parameters.safeContents\" must be equal to \"this.parsedValue.safeContents\"");
		this.safeContents = [];
		for (const [index, content] of this.parsedValue.safeContents.entries()) {
			ParameterError.assert("content", content, "privacyMode", "value");
			ArgumentError.assert(content.value, "content.value", SafeContents);
			switch (content.privacyMode) {
				case 0:
					{
						const contentBuffer = content.value.toSchema().toBER(false);
						this.safeContents.push(new ContentInfo({
							contentType: "1.2.840.113549.1.7.1",
							content: new build.OctetString({ valueHex: contentBuffer })
						}));
					}
					break;
				case 1:
					{
						const cmsEncrypted = new EncryptedData();
						const currentParameters = parameters.safeContents[index];
						currentParameters.contentToEncrypt = content.value.toSchema().toBER(false);
						await cmsEncrypted.encrypt(currentParameters, crypto);
						this.safeContents.push(new ContentInfo({
							contentType: "1.2.840.113549.1.7.6",
							content: cmsEncrypted.toSchema()
						}));
					}
					break;
				case 2:
					{
						const cmsEnveloped = new EnvelopedData();
						const contentToEncrypt = content.value.toSchema().toBER(false);
						const safeContent = parameters.safeContents[index];
						ParameterError.assert(`parameters.safeContents[${index}]`, safeContent, "encryptingCertificate", "encryptionAlgorithm");
						switch (true) {
							case safeContent.encryptionAlgorithm.name.toLowerCase() === "aes-cbc":
							case safeContent.encryptionAlgorithm.name.toLowerCase() === "aes-gcm": break;
							default: throw new Error(`Incorrect parameter "encryptionAlgorithm" in "parameters.safeContents[i]": ${safeContent.encryptionAlgorithm}`);
						}
						switch (true) {
							case safeContent.encryptionAlgorithm.length === 128:
							case safeContent.encryptionAlgorithm.length === 192:
							case safeContent.encryptionAlgorithm.length === 256: break;
							default: throw new Error(`Incorrect parameter "encryptionAlgorithm.length" in "parameters.safeContents[i]": ${safeContent.encryptionAlgorithm.length}`);
						}
						const encryptionAlgorithm = safeContent.encryptionAlgorithm;
						cmsEnveloped.addRecipientByCertificate(safeContent.encryptingCertificate, {}, void 0, crypto);
						await cmsEnveloped.encrypt(encryptionAlgorithm, contentToEncrypt, crypto);
						this.safeContents.push(new ContentInfo({
							contentType: "1.2.840.113549.1.7.3",
							content: cmsEnveloped.toSchema()
						}));
					}
					break;
				default: throw new Error(`Incorrect value for "content.privacyMode": ${content.privacyMode}`);
			}
		}
		return this;
	}
};
//#endregion
//#region src/CertID.ts
const HASH_ALGORITHM$1 = "hashAlgorithm";
const ISSUER_NAME_HASH = "issuerNameHash";
const ISSUER_KEY_HASH = "issuerKeyHash";
const SERIAL_NUMBER$1 = "serialNumber";
const CLEAR_PROPS$19 = [
	HASH_ALGORITHM$1,
	ISSUER_NAME_HASH,
	ISSUER_KEY_HASH,
	SERIAL_NUMBER$1
];
var CertID = class CertID extends PkiObject {
	static {
		this.CLASS_NAME = "CertID";
	}
	static async create(certificate, parameters, crypto = getCrypto(true)) {
		const certID = new CertID();
		await certID.createForCertificate(certificate, parameters, crypto);
		return certID;
	}
	constructor(parameters = {}) {
		super();
		this.hashAlgorithm = parameters[HASH_ALGORITHM$1] ?? CertID.defaultValues(HASH_ALGORITHM$1);
		this.issuerNameHash = parameters[ISSUER_NAME_HASH] ?? CertID.defaultValues(ISSUER_NAME_HASH);
		this.issuerKeyHash = parameters[ISSUER_KEY_HASH] ?? CertID.defaultValues(ISSUER_KEY_HASH);
		this.serialNumber = parameters[SERIAL_NUMBER$1] ?? CertID.defaultValues(SERIAL_NUMBER$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case HASH_ALGORITHM$1: return new AlgorithmIdentifier();
			case ISSUER_NAME_HASH:
			case ISSUER_KEY_HASH: return new build.OctetString();
			case SERIAL_NUMBER$1: return new build.Integer();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case HASH_ALGORITHM$1: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case ISSUER_NAME_HASH:
			case ISSUER_KEY_HASH:
			case SERIAL_NUMBER$1: return memberValue.isEqual(CertID.defaultValues(SERIAL_NUMBER$1));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				AlgorithmIdentifier.schema(names.hashAlgorithmObject || { names: { blockName: names.hashAlgorithm || "" } }),
				new build.OctetString({ name: names.issuerNameHash || "" }),
				new build.OctetString({ name: names.issuerKeyHash || "" }),
				new build.Integer({ name: names.serialNumber || "" })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$19) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertID.schema({ names: {
			hashAlgorithm: HASH_ALGORITHM$1,
			issuerNameHash: ISSUER_NAME_HASH,
			issuerKeyHash: ISSUER_KEY_HASH,
			serialNumber: SERIAL_NUMBER$1
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
		this.issuerNameHash = asn1.result.issuerNameHash;
		this.issuerKeyHash = asn1.result.issuerKeyHash;
		this.serialNumber = asn1.result.serialNumber;
	}
	toSchema() {
		return new build.Sequence({ value: [
			this.hashAlgorithm.toSchema(),
			this.issuerNameHash,
			this.issuerKeyHash,
			this.serialNumber
		] });
	}
	toJSON() {
		return {
			hashAlgorithm: this.hashAlgorithm.toJSON(),
			issuerNameHash: this.issuerNameHash.toJSON(),
			issuerKeyHash: this.issuerKeyHash.toJSON(),
			serialNumber: this.serialNumber.toJSON()
		};
	}
	isEqual(certificateID) {
		if (this.hashAlgorithm.algorithmId !== certificateID.hashAlgorithm.algorithmId) return false;
		if (!bytes/* bytes_exports */.EH.equal(this.issuerNameHash.valueBlock.valueHexView, certificateID.issuerNameHash.valueBlock.valueHexView)) return false;
		if (!bytes/* bytes_exports */.EH.equal(this.issuerKeyHash.valueBlock.valueHexView, certificateID.issuerKeyHash.valueBlock.valueHexView)) return false;
		if (!this.serialNumber.isEqual(certificateID.serialNumber)) return false;
		return true;
	}
	async createForCertificate(certificate, parameters, crypto = getCrypto(true)) {
		ParameterError.assert(parameters, HASH_ALGORITHM$1, "issuerCertificate");
		const hashOID = crypto.getOIDByAlgorithm({ name: parameters.hashAlgorithm }, true, "hashAlgorithm");
		this.hashAlgorithm = new AlgorithmIdentifier({
			algorithmId: hashOID,
			algorithmParams: new build.Null()
		});
		const issuerCertificate = parameters.issuerCertificate;
		this.serialNumber = certificate.serialNumber;
		const hashIssuerName = await crypto.digest({ name: parameters.hashAlgorithm }, issuerCertificate.subject.toSchema().toBER(false));
		this.issuerNameHash = new build.OctetString({ valueHex: hashIssuerName });
		const issuerKeyBuffer = issuerCertificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
		const hashIssuerKey = await crypto.digest({ name: parameters.hashAlgorithm }, issuerKeyBuffer);
		this.issuerKeyHash = new build.OctetString({ valueHex: hashIssuerKey });
	}
};
//#endregion
//#region src/SingleResponse.ts
const CERT_ID = "certID";
const CERT_STATUS = "certStatus";
const THIS_UPDATE = "thisUpdate";
const NEXT_UPDATE = "nextUpdate";
const SINGLE_EXTENSIONS = "singleExtensions";
const CLEAR_PROPS$18 = [
	CERT_ID,
	CERT_STATUS,
	THIS_UPDATE,
	NEXT_UPDATE,
	SINGLE_EXTENSIONS
];
var SingleResponse = class SingleResponse extends PkiObject {
	static {
		this.CLASS_NAME = "SingleResponse";
	}
	constructor(parameters = {}) {
		super();
		this.certID = parameters[CERT_ID] ?? SingleResponse.defaultValues(CERT_ID);
		this.certStatus = parameters[CERT_STATUS] ?? SingleResponse.defaultValues(CERT_STATUS);
		this.thisUpdate = parameters[THIS_UPDATE] ?? SingleResponse.defaultValues(THIS_UPDATE);
		if (NEXT_UPDATE in parameters) this.nextUpdate = parameters[NEXT_UPDATE] ?? SingleResponse.defaultValues(NEXT_UPDATE);
		if (SINGLE_EXTENSIONS in parameters) this.singleExtensions = parameters[SINGLE_EXTENSIONS] ?? SingleResponse.defaultValues(SINGLE_EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case CERT_ID: return new CertID();
			case CERT_STATUS: return {};
			case THIS_UPDATE:
			case NEXT_UPDATE: return new Date(0, 0, 0);
			case SINGLE_EXTENSIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case CERT_ID: return CertID.compareWithDefault("hashAlgorithm", memberValue.hashAlgorithm) && CertID.compareWithDefault("issuerNameHash", memberValue.issuerNameHash) && CertID.compareWithDefault("issuerKeyHash", memberValue.issuerKeyHash) && CertID.compareWithDefault("serialNumber", memberValue.serialNumber);
			case CERT_STATUS: return Object.keys(memberValue).length === 0;
			case THIS_UPDATE:
			case NEXT_UPDATE: return memberValue === SingleResponse.defaultValues(memberName);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				CertID.schema(names.certID || {}),
				new build.Choice({ value: [
					new build.Primitive({
						name: names.certStatus || "",
						idBlock: {
							tagClass: 3,
							tagNumber: 0
						}
					}),
					new build.Constructed({
						name: names.certStatus || "",
						idBlock: {
							tagClass: 3,
							tagNumber: 1
						},
						value: [new build.GeneralizedTime(), new build.Constructed({
							optional: true,
							idBlock: {
								tagClass: 3,
								tagNumber: 0
							},
							value: [new build.Enumerated()]
						})]
					}),
					new build.Primitive({
						name: names.certStatus || "",
						idBlock: {
							tagClass: 3,
							tagNumber: 2
						},
						lenBlock: { length: 1 }
					})
				] }),
				new build.GeneralizedTime({ name: names.thisUpdate || "" }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.GeneralizedTime({ name: names.nextUpdate || "" })]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [Extensions.schema(names.singleExtensions || {})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$18) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SingleResponse.schema({ names: {
			certID: { names: { blockName: CERT_ID } },
			certStatus: CERT_STATUS,
			thisUpdate: THIS_UPDATE,
			nextUpdate: NEXT_UPDATE,
			singleExtensions: { names: { blockName: SINGLE_EXTENSIONS } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.certID = new CertID({ schema: asn1.result.certID });
		this.certStatus = asn1.result.certStatus;
		this.thisUpdate = asn1.result.thisUpdate.toDate();
		if (NEXT_UPDATE in asn1.result) this.nextUpdate = asn1.result.nextUpdate.toDate();
		if (SINGLE_EXTENSIONS in asn1.result) this.singleExtensions = Array.from(asn1.result.singleExtensions.valueBlock.value, (element) => new Extension({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.certID.toSchema());
		outputArray.push(this.certStatus);
		outputArray.push(new build.GeneralizedTime({ valueDate: this.thisUpdate }));
		if (this.nextUpdate) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.GeneralizedTime({ valueDate: this.nextUpdate })]
		}));
		if (this.singleExtensions) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: [new build.Sequence({ value: Array.from(this.singleExtensions, (o) => o.toSchema()) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			certID: this.certID.toJSON(),
			certStatus: this.certStatus.toJSON(),
			thisUpdate: this.thisUpdate
		};
		if (this.nextUpdate) res.nextUpdate = this.nextUpdate;
		if (this.singleExtensions) res.singleExtensions = Array.from(this.singleExtensions, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/ResponseData.ts
const TBS$2 = "tbs";
const VERSION$7 = "version";
const RESPONDER_ID = "responderID";
const PRODUCED_AT = "producedAt";
const RESPONSES = "responses";
const RESPONSE_EXTENSIONS = "responseExtensions";
const RESPONSE_DATA = "ResponseData";
const RESPONSE_DATA_VERSION = `${RESPONSE_DATA}.${VERSION$7}`;
const RESPONSE_DATA_RESPONDER_ID = `${RESPONSE_DATA}.${RESPONDER_ID}`;
const RESPONSE_DATA_PRODUCED_AT = `${RESPONSE_DATA}.${PRODUCED_AT}`;
const RESPONSE_DATA_RESPONSES = `${RESPONSE_DATA}.${RESPONSES}`;
const RESPONSE_DATA_RESPONSE_EXTENSIONS = `${RESPONSE_DATA}.${RESPONSE_EXTENSIONS}`;
const CLEAR_PROPS$17 = [
	RESPONSE_DATA,
	RESPONSE_DATA_VERSION,
	RESPONSE_DATA_RESPONDER_ID,
	RESPONSE_DATA_PRODUCED_AT,
	RESPONSE_DATA_RESPONSES,
	RESPONSE_DATA_RESPONSE_EXTENSIONS
];
var ResponseData = class ResponseData extends PkiObject {
	static {
		this.CLASS_NAME = "ResponseData";
	}
	get tbs() {
		return (0,buffer_source/* toArrayBuffer */.XA)(this.tbsView);
	}
	set tbs(value) {
		this.tbsView = new Uint8Array(value);
	}
	constructor(parameters = {}) {
		super();
		this.tbsView = new Uint8Array(parameters[TBS$2] ?? ResponseData.defaultValues(TBS$2));
		if (VERSION$7 in parameters) this.version = parameters[VERSION$7] ?? ResponseData.defaultValues(VERSION$7);
		this.responderID = parameters[RESPONDER_ID] ?? ResponseData.defaultValues(RESPONDER_ID);
		this.producedAt = parameters[PRODUCED_AT] ?? ResponseData.defaultValues(PRODUCED_AT);
		this.responses = parameters[RESPONSES] ?? ResponseData.defaultValues(RESPONSES);
		if (RESPONSE_EXTENSIONS in parameters) this.responseExtensions = parameters[RESPONSE_EXTENSIONS] ?? ResponseData.defaultValues(RESPONSE_EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$7: return 0;
			case TBS$2: return EMPTY_BUFFER;
			case RESPONDER_ID: return {};
			case PRODUCED_AT: return new Date(0, 0, 0);
			case RESPONSES:
			case RESPONSE_EXTENSIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TBS$2: return memberValue.byteLength === 0;
			case RESPONDER_ID: return Object.keys(memberValue).length === 0;
			case PRODUCED_AT: return memberValue === ResponseData.defaultValues(memberName);
			case RESPONSES:
			case RESPONSE_EXTENSIONS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || RESPONSE_DATA,
			value: [
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Integer({ name: names.version || RESPONSE_DATA_VERSION })]
				}),
				new build.Choice({ value: [new build.Constructed({
					name: names.responderID || RESPONSE_DATA_RESPONDER_ID,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [RelativeDistinguishedNames.schema(names.ResponseDataByName || { names: { blockName: "ResponseData.byName" } })]
				}), new build.Constructed({
					name: names.responderID || RESPONSE_DATA_RESPONDER_ID,
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: [new build.OctetString({ name: names.ResponseDataByKey || "ResponseData.byKey" })]
				})] }),
				new build.GeneralizedTime({ name: names.producedAt || RESPONSE_DATA_PRODUCED_AT }),
				new build.Sequence({ value: [new build.Repeated({
					name: RESPONSE_DATA_RESPONSES,
					value: SingleResponse.schema(names.response || {})
				})] }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [Extensions.schema(names.extensions || { names: { blockName: RESPONSE_DATA_RESPONSE_EXTENSIONS } })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$17) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ResponseData.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsView = asn1.result.ResponseData.valueBeforeDecodeView;
		if (RESPONSE_DATA_VERSION in asn1.result) this.version = asn1.result[RESPONSE_DATA_VERSION].valueBlock.valueDec;
		if (asn1.result[RESPONSE_DATA_RESPONDER_ID].idBlock.tagNumber === 1) this.responderID = new RelativeDistinguishedNames({ schema: asn1.result[RESPONSE_DATA_RESPONDER_ID].valueBlock.value[0] });
		else this.responderID = asn1.result[RESPONSE_DATA_RESPONDER_ID].valueBlock.value[0];
		this.producedAt = asn1.result[RESPONSE_DATA_PRODUCED_AT].toDate();
		this.responses = Array.from(asn1.result[RESPONSE_DATA_RESPONSES], (element) => new SingleResponse({ schema: element }));
		if (RESPONSE_DATA_RESPONSE_EXTENSIONS in asn1.result) this.responseExtensions = Array.from(asn1.result[RESPONSE_DATA_RESPONSE_EXTENSIONS].valueBlock.value, (element) => new Extension({ schema: element }));
	}
	toSchema(encodeFlag = false) {
		let tbsSchema;
		if (encodeFlag === false) {
			if (!this.tbsView.byteLength) return ResponseData.schema();
			const asn1 = build.fromBER(this.tbsView);
			AsnError.assert(asn1, "TBS Response Data");
			tbsSchema = asn1.result;
		} else {
			const outputArray = [];
			if (VERSION$7 in this) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Integer({ value: this.version })]
			}));
			if (this.responderID instanceof RelativeDistinguishedNames) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [this.responderID.toSchema()]
			}));
			else outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				},
				value: [this.responderID]
			}));
			outputArray.push(new build.GeneralizedTime({ valueDate: this.producedAt }));
			outputArray.push(new build.Sequence({ value: Array.from(this.responses, (o) => o.toSchema()) }));
			if (this.responseExtensions) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [new build.Sequence({ value: Array.from(this.responseExtensions, (o) => o.toSchema()) })]
			}));
			tbsSchema = new build.Sequence({ value: outputArray });
		}
		return tbsSchema;
	}
	toJSON() {
		const res = {};
		if (VERSION$7 in this) res.version = this.version;
		if (this.responderID) res.responderID = this.responderID;
		if (this.producedAt) res.producedAt = this.producedAt;
		if (this.responses) res.responses = Array.from(this.responses, (o) => o.toJSON());
		if (this.responseExtensions) res.responseExtensions = Array.from(this.responseExtensions, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/CertificateChainValidationEngine.ts
const TRUSTED_CERTS = "trustedCerts";
const CERTS$2 = "certs";
const CRLS$1 = "crls";
const OCSPS$1 = "ocsps";
const CHECK_DATE = "checkDate";
const FIND_ORIGIN = "findOrigin";
const FIND_ISSUER = "findIssuer";
let ChainValidationCode = /* @__PURE__ */ function(ChainValidationCode) {
	ChainValidationCode[ChainValidationCode["unknown"] = -1] = "unknown";
	ChainValidationCode[ChainValidationCode["success"] = 0] = "success";
	ChainValidationCode[ChainValidationCode["noRevocation"] = 11] = "noRevocation";
	ChainValidationCode[ChainValidationCode["noPath"] = 60] = "noPath";
	ChainValidationCode[ChainValidationCode["noValidPath"] = 97] = "noValidPath";
	return ChainValidationCode;
}({});
var ChainValidationError = class ChainValidationError extends Error {
	static {
		this.NAME = "ChainValidationError";
	}
	constructor(code, message) {
		super(message);
		this.name = ChainValidationError.NAME;
		this.code = code;
		this.message = message;
	}
};
function isTrusted(cert, trustedList) {
	for (let i = 0; i < trustedList.length; i++) if (bytes/* bytes_exports */.EH.equal(cert.tbsView, trustedList[i].tbsView)) return true;
	return false;
}
var CertificateChainValidationEngine = class CertificateChainValidationEngine {
	constructor(parameters = {}) {
		this.trustedCerts = parameters[TRUSTED_CERTS] ?? this.defaultValues(TRUSTED_CERTS);
		this.certs = parameters[CERTS$2] ?? this.defaultValues(CERTS$2);
		this.crls = parameters[CRLS$1] ?? this.defaultValues(CRLS$1);
		this.ocsps = parameters[OCSPS$1] ?? this.defaultValues(OCSPS$1);
		this.checkDate = parameters[CHECK_DATE] ?? this.defaultValues(CHECK_DATE);
		this.findOrigin = parameters[FIND_ORIGIN] ?? this.defaultValues(FIND_ORIGIN);
		this.findIssuer = parameters[FIND_ISSUER] ?? this.defaultValues(FIND_ISSUER);
	}
	static defaultFindOrigin(certificate, validationEngine) {
		if (certificate.tbsView.byteLength === 0) certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER());
		for (const localCert of validationEngine.certs) {
			if (localCert.tbsView.byteLength === 0) localCert.tbsView = new Uint8Array(localCert.encodeTBS().toBER());
			if (bytes/* bytes_exports */.EH.equal(certificate.tbsView, localCert.tbsView)) return "Intermediate Certificates";
		}
		for (const trustedCert of validationEngine.trustedCerts) {
			if (trustedCert.tbsView.byteLength === 0) trustedCert.tbsView = new Uint8Array(trustedCert.encodeTBS().toBER());
			if (bytes/* bytes_exports */.EH.equal(certificate.tbsView, trustedCert.tbsView)) return "Trusted Certificates";
		}
		return "Unknown";
	}
	async defaultFindIssuer(certificate, validationEngine, crypto = getCrypto(true)) {
		const result = [];
		let keyIdentifier = null;
		let authorityCertIssuer = null;
		let authorityCertSerialNumber = null;
		if (certificate.subject.isEqual(certificate.issuer)) try {
			if (await certificate.verify(void 0, crypto)) return [certificate];
		} catch {}
		if (certificate.extensions) {
			for (const extension of certificate.extensions) if (extension.extnID === "2.5.29.35" && extension.parsedValue instanceof AuthorityKeyIdentifier) {
				if (extension.parsedValue.keyIdentifier) keyIdentifier = extension.parsedValue.keyIdentifier;
				else {
					if (extension.parsedValue.authorityCertIssuer) authorityCertIssuer = extension.parsedValue.authorityCertIssuer;
					if (extension.parsedValue.authorityCertSerialNumber) authorityCertSerialNumber = extension.parsedValue.authorityCertSerialNumber;
				}
				break;
			}
		}
		function checkCertificate(possibleIssuer) {
			if (keyIdentifier !== null) {
				if (possibleIssuer.extensions) {
					let extensionFound = false;
					for (const extension of possibleIssuer.extensions) if (extension.extnID === "2.5.29.14" && extension.parsedValue) {
						extensionFound = true;
						if (bytes/* bytes_exports */.EH.equal(extension.parsedValue.valueBlock.valueHex, keyIdentifier.valueBlock.valueHexView)) result.push(possibleIssuer);
						break;
					}
					if (extensionFound) return;
				}
			}
			let authorityCertSerialNumberEqual = false;
			if (authorityCertSerialNumber !== null) authorityCertSerialNumberEqual = possibleIssuer.serialNumber.isEqual(authorityCertSerialNumber);
			if (authorityCertIssuer !== null) {
				if (possibleIssuer.subject.isEqual(authorityCertIssuer)) {
					if (authorityCertSerialNumberEqual) result.push(possibleIssuer);
				}
			} else if (certificate.issuer.isEqual(possibleIssuer.subject)) result.push(possibleIssuer);
		}
		for (const trustedCert of validationEngine.trustedCerts) checkCertificate(trustedCert);
		for (const intermediateCert of validationEngine.certs) checkCertificate(intermediateCert);
		for (let i = result.length - 1; i >= 0; i--) try {
			if (await certificate.verify(result[i], crypto) === false) result.splice(i, 1);
		} catch {
			result.splice(i, 1);
		}
		return result;
	}
	defaultValues(memberName) {
		switch (memberName) {
			case TRUSTED_CERTS: return [];
			case CERTS$2: return [];
			case CRLS$1: return [];
			case OCSPS$1: return [];
			case CHECK_DATE: return /* @__PURE__ */ new Date();
			case FIND_ORIGIN: return CertificateChainValidationEngine.defaultFindOrigin;
			case FIND_ISSUER: return this.defaultFindIssuer;
			default: throw new Error(`Invalid member name for CertificateChainValidationEngine class: ${memberName}`);
		}
	}
	async sort(passedWhenNotRevValues = false, crypto = getCrypto(true)) {
		const localCerts = [];
		const buildPath = async (certificate, crypto) => {
			const result = [];
			function checkUnique(array) {
				let unique = true;
				for (let i = 0; i < array.length; i++) {
					for (let j = 0; j < array.length; j++) {
						if (j === i) continue;
						if (array[i] === array[j]) {
							unique = false;
							break;
						}
					}
					if (!unique) break;
				}
				return unique;
			}
			if (isTrusted(certificate, this.trustedCerts)) return [[certificate]];
			const findIssuerResult = await this.findIssuer(certificate, this, crypto);
			if (findIssuerResult.length === 0) throw new Error("No valid certificate paths found");
			for (let i = 0; i < findIssuerResult.length; i++) {
				if (bytes/* bytes_exports */.EH.equal(findIssuerResult[i].tbsView, certificate.tbsView)) {
					result.push([findIssuerResult[i]]);
					continue;
				}
				const buildPathResult = await buildPath(findIssuerResult[i], crypto);
				for (let j = 0; j < buildPathResult.length; j++) {
					const copy = buildPathResult[j].slice();
					copy.splice(0, 0, findIssuerResult[i]);
					if (checkUnique(copy)) result.push(copy);
					else result.push(buildPathResult[j]);
				}
			}
			return result;
		};
		const findCRL = async (certificate) => {
			const issuerCertificates = [];
			const crls = [];
			const crlsAndCertificates = [];
			issuerCertificates.push(...localCerts.filter((element) => certificate.issuer.isEqual(element.subject)));
			if (issuerCertificates.length === 0) return {
				status: 1,
				statusMessage: "No certificate's issuers"
			};
			crls.push(...this.crls.filter((o) => o.issuer.isEqual(certificate.issuer)));
			if (crls.length === 0) return {
				status: 2,
				statusMessage: "No CRLs for specific certificate issuer"
			};
			for (let i = 0; i < crls.length; i++) {
				const crl = crls[i];
				if (crl.nextUpdate && crl.nextUpdate.value < this.checkDate) continue;
				for (let j = 0; j < issuerCertificates.length; j++) try {
					if (await crls[i].verify({ issuerCertificate: issuerCertificates[j] }, crypto)) {
						crlsAndCertificates.push({
							crl: crls[i],
							certificate: issuerCertificates[j]
						});
						break;
					}
				} catch {}
			}
			if (crlsAndCertificates.length) return {
				status: 0,
				statusMessage: "",
				result: crlsAndCertificates
			};
			return {
				status: 3,
				statusMessage: "No valid CRLs found"
			};
		};
		const findOCSP = async (certificate, issuerCertificate) => {
			const hashAlgorithm = crypto.getAlgorithmByOID(certificate.signatureAlgorithm.algorithmId);
			if (!hashAlgorithm.name) return 1;
			if (!hashAlgorithm.hash) return 1;
			for (let i = 0; i < this.ocsps.length; i++) {
				const result = await this.ocsps[i].getCertificateStatus(certificate, issuerCertificate, crypto);
				if (result.isForCertificate) {
					if (result.status === 0) return 0;
					return 1;
				}
			}
			return 2;
		};
		async function checkForCA(certificate, needToCheckCRL = false) {
			let isCA = false;
			let mustBeCA = false;
			let keyUsagePresent = false;
			let cRLSign = false;
			if (certificate.extensions) {
				for (let j = 0; j < certificate.extensions.length; j++) {
					const extension = certificate.extensions[j];
					if (extension.critical && !extension.parsedValue) return {
						result: false,
						resultCode: 6,
						resultMessage: `Unable to parse critical certificate extension: ${extension.extnID}`
					};
					if (extension.extnID === "2.5.29.15") {
						keyUsagePresent = true;
						const view = new Uint8Array(extension.parsedValue.valueBlock.valueHex);
						if ((view[0] & 4) === 4) mustBeCA = true;
						if ((view[0] & 2) === 2) cRLSign = true;
					}
					if (extension.extnID === "2.5.29.19") {
						if ("cA" in extension.parsedValue) {
							if (extension.parsedValue.cA === true) isCA = true;
						}
					}
				}
				if (mustBeCA === true && isCA === false) return {
					result: false,
					resultCode: 3,
					resultMessage: "Unable to build certificate chain - using \"keyCertSign\" flag set without BasicConstraints"
				};
				if (keyUsagePresent === true && isCA === true && mustBeCA === false) return {
					result: false,
					resultCode: 4,
					resultMessage: "Unable to build certificate chain - \"keyCertSign\" flag was not set"
				};
				if (isCA === true && keyUsagePresent === true && needToCheckCRL && cRLSign === false) return {
					result: false,
					resultCode: 5,
					resultMessage: "Unable to build certificate chain - intermediate certificate must have \"cRLSign\" key usage flag"
				};
			}
			if (isCA === false) return {
				result: false,
				resultCode: 7,
				resultMessage: "Unable to build certificate chain - more than one possible end-user certificate"
			};
			return {
				result: true,
				resultCode: 0,
				resultMessage: ""
			};
		}
		const basicCheck = async (path, checkDate) => {
			for (let i = 0; i < path.length; i++) if (path[i].notBefore.value > checkDate || path[i].notAfter.value < checkDate) return {
				result: false,
				resultCode: 8,
				resultMessage: "The certificate is either not yet valid or expired"
			};
			if (path.length < 2) return {
				result: false,
				resultCode: 9,
				resultMessage: "Too short certificate path"
			};
			for (let i = path.length - 2; i >= 0; i--) if (path[i].issuer.isEqual(path[i].subject) === false) {
				if (path[i].issuer.isEqual(path[i + 1].subject) === false) return {
					result: false,
					resultCode: 10,
					resultMessage: "Incorrect name chaining"
				};
			}
			if (this.crls.length !== 0 || this.ocsps.length !== 0) for (let i = 0; i < path.length - 1; i++) {
				let ocspResult = 2;
				let crlResult = {
					status: 0,
					statusMessage: ""
				};
				if (this.ocsps.length !== 0) {
					ocspResult = await findOCSP(path[i], path[i + 1]);
					switch (ocspResult) {
						case 0: continue;
						case 1: return {
							result: false,
							resultCode: 12,
							resultMessage: "One of certificates was revoked via OCSP response"
						};
					}
				}
				if (this.crls.length !== 0) {
					crlResult = await findCRL(path[i]);
					if (crlResult.status === 0 && crlResult.result) for (let j = 0; j < crlResult.result.length; j++) {
						if (crlResult.result[j].crl.isCertificateRevoked(path[i])) return {
							result: false,
							resultCode: 12,
							resultMessage: "One of certificates had been revoked"
						};
						if ((await checkForCA(crlResult.result[j].certificate, true)).result === false) return {
							result: false,
							resultCode: 13,
							resultMessage: "CRL issuer certificate is not a CA certificate or does not have crlSign flag"
						};
					}
					else if (passedWhenNotRevValues === false) throw new ChainValidationError(11, `No revocation values found for one of certificates: ${crlResult.statusMessage}`);
				} else if (ocspResult === 2) return {
					result: false,
					resultCode: 11,
					resultMessage: "No revocation values found for one of certificates"
				};
				if (ocspResult === 2 && crlResult.status === 2 && passedWhenNotRevValues) {
					const issuerCertificate = path[i + 1];
					let extensionFound = false;
					if (issuerCertificate.extensions) for (const extension of issuerCertificate.extensions) switch (extension.extnID) {
						case id_CRLDistributionPoints:
						case id_FreshestCRL:
						case id_AuthorityInfoAccess: extensionFound = true;
					}
					if (extensionFound) throw new ChainValidationError(11, `No revocation values found for one of certificates: ${crlResult.statusMessage}`);
				}
			}
			for (const [i, cert] of path.entries()) {
				if (!i) continue;
				if (!(await checkForCA(cert)).result) return {
					result: false,
					resultCode: 14,
					resultMessage: "One of intermediate certificates is not a CA certificate"
				};
			}
			return { result: true };
		};
		localCerts.push(...this.trustedCerts);
		localCerts.push(...this.certs);
		for (let i = 0; i < localCerts.length; i++) for (let j = 0; j < localCerts.length; j++) {
			if (i === j) continue;
			if (bytes/* bytes_exports */.EH.equal(localCerts[i].tbsView, localCerts[j].tbsView)) {
				localCerts.splice(j, 1);
				i = 0;
				break;
			}
		}
		const leafCert = localCerts[localCerts.length - 1];
		let result;
		const certificatePath = [leafCert];
		result = await buildPath(leafCert, crypto);
		if (result.length === 0) throw new ChainValidationError(60, "Unable to find certificate path");
		for (let i = result.length - 1; i >= 0; i--) {
			let found = false;
			for (let j = 0; j < result[i].length; j++) {
				const certificate = result[i][j];
				for (let k = 0; k < this.trustedCerts.length; k++) if (bytes/* bytes_exports */.EH.equal(certificate.tbsView, this.trustedCerts[k].tbsView)) {
					found = true;
					break;
				}
				if (found) break;
			}
			if (!found) result.splice(i, 1);
		}
		if (result.length === 0) throw new ChainValidationError(97, "No valid certificate paths found");
		let shortestLength = result[0].length;
		let shortestIndex = 0;
		for (let i = 0; i < result.length; i++) if (result[i].length < shortestLength) {
			shortestLength = result[i].length;
			shortestIndex = i;
		}
		for (let i = 0; i < result[shortestIndex].length; i++) certificatePath.push(result[shortestIndex][i]);
		result = await basicCheck(certificatePath, this.checkDate);
		if (result.result === false) throw result;
		return certificatePath;
	}
	async verify(parameters = {}, crypto = getCrypto(true)) {
		function compareDNSName(name, constraint) {
			const namePrepared = stringPrep(name);
			const constraintPrepared = stringPrep(constraint);
			const nameSplitted = namePrepared.split(".");
			const constraintSplitted = constraintPrepared.split(".");
			const nameLen = nameSplitted.length;
			const constrLen = constraintSplitted.length;
			if (nameLen === 0 || constrLen === 0 || nameLen < constrLen) return false;
			for (let i = 0; i < nameLen; i++) if (nameSplitted[i].length === 0) return false;
			for (let i = 0; i < constrLen; i++) if (constraintSplitted[i].length === 0) {
				if (i === 0) {
					if (constrLen === 1) return false;
					continue;
				}
				return false;
			}
			for (let i = 0; i < constrLen; i++) {
				if (constraintSplitted[constrLen - 1 - i].length === 0) continue;
				if (nameSplitted[nameLen - 1 - i].localeCompare(constraintSplitted[constrLen - 1 - i]) !== 0) return false;
			}
			return true;
		}
		function compareRFC822Name(name, constraint) {
			const namePrepared = stringPrep(name);
			const constraintPrepared = stringPrep(constraint);
			const nameSplitted = namePrepared.split("@");
			const constraintSplitted = constraintPrepared.split("@");
			if (nameSplitted.length === 0 || constraintSplitted.length === 0 || nameSplitted.length < constraintSplitted.length) return false;
			if (constraintSplitted.length === 1) {
				if (compareDNSName(nameSplitted[1], constraintSplitted[0])) {
					const ns = nameSplitted[1].split(".");
					const cs = constraintSplitted[0].split(".");
					if (cs[0].length === 0) return true;
					return ns.length === cs.length;
				}
				return false;
			}
			return namePrepared.localeCompare(constraintPrepared) === 0;
		}
		function compareUniformResourceIdentifier(name, constraint) {
			let namePrepared = stringPrep(name);
			const constraintPrepared = stringPrep(constraint);
			const ns = namePrepared.split("/");
			if (constraintPrepared.split("/").length > 1) return false;
			if (ns.length > 1) {
				for (let i = 0; i < ns.length; i++) if (ns[i].length > 0 && ns[i].charAt(ns[i].length - 1) !== ":") {
					namePrepared = ns[i].split(":")[0];
					break;
				}
			}
			if (compareDNSName(namePrepared, constraintPrepared)) {
				const nameSplitted = namePrepared.split(".");
				const constraintSplitted = constraintPrepared.split(".");
				if (constraintSplitted[0].length === 0) return true;
				return nameSplitted.length === constraintSplitted.length;
			}
			return false;
		}
		function compareIPAddress(name, constraint) {
			const nameView = name.valueBlock.valueHexView;
			const constraintView = constraint.valueBlock.valueHexView;
			if (nameView.length === 4 && constraintView.length === 8) {
				for (let i = 0; i < 4; i++) if ((nameView[i] ^ constraintView[i]) & constraintView[i + 4]) return false;
				return true;
			}
			if (nameView.length === 16 && constraintView.length === 32) {
				for (let i = 0; i < 16; i++) if ((nameView[i] ^ constraintView[i]) & constraintView[i + 16]) return false;
				return true;
			}
			return false;
		}
		function compareDirectoryName(name, constraint) {
			if (name.typesAndValues.length === 0 || constraint.typesAndValues.length === 0) return true;
			if (name.typesAndValues.length < constraint.typesAndValues.length) return false;
			let result = true;
			let nameStart = 0;
			for (let i = 0; i < constraint.typesAndValues.length; i++) {
				let localResult = false;
				for (let j = nameStart; j < name.typesAndValues.length; j++) {
					localResult = name.typesAndValues[j].isEqual(constraint.typesAndValues[i]);
					if (name.typesAndValues[j].type === constraint.typesAndValues[i].type) result = result && localResult;
					if (localResult === true) {
						if (nameStart === 0 || nameStart === j) {
							nameStart = j + 1;
							break;
						} else return false;
					}
				}
				if (localResult === false) return false;
			}
			return nameStart === 0 ? false : result;
		}
		try {
			if (this.certs.length === 0) throw new Error("Empty certificate array");
			const passedWhenNotRevValues = parameters.passedWhenNotRevValues || false;
			const initialPolicySet = parameters.initialPolicySet || ["2.5.29.32.0"];
			const initialExplicitPolicy = parameters.initialExplicitPolicy || false;
			const initialPolicyMappingInhibit = parameters.initialPolicyMappingInhibit || false;
			const initialInhibitPolicy = parameters.initialInhibitPolicy || false;
			const initialPermittedSubtreesSet = parameters.initialPermittedSubtreesSet || [];
			const initialExcludedSubtreesSet = parameters.initialExcludedSubtreesSet || [];
			const initialRequiredNameForms = parameters.initialRequiredNameForms || [];
			let explicitPolicyIndicator = initialExplicitPolicy;
			let policyMappingInhibitIndicator = initialPolicyMappingInhibit;
			let inhibitAnyPolicyIndicator = initialInhibitPolicy;
			const pendingConstraints = [
				false,
				false,
				false
			];
			let explicitPolicyPending = 0;
			let policyMappingInhibitPending = 0;
			let inhibitAnyPolicyPending = 0;
			let permittedSubtrees = initialPermittedSubtreesSet;
			let excludedSubtrees = initialExcludedSubtreesSet;
			const requiredNameForms = initialRequiredNameForms;
			let pathDepth = 1;
			this.certs = await this.sort(passedWhenNotRevValues, crypto);
			const allPolicies = [];
			allPolicies.push(id_AnyPolicy);
			const policiesAndCerts = [];
			const anyPolicyArray = new Array(this.certs.length - 1);
			for (let ii = 0; ii < this.certs.length - 1; ii++) anyPolicyArray[ii] = true;
			policiesAndCerts.push(anyPolicyArray);
			const policyMappings = new Array(this.certs.length - 1);
			const certPolicies = new Array(this.certs.length - 1);
			let explicitPolicyStart = explicitPolicyIndicator ? this.certs.length - 1 : -1;
			for (let i = this.certs.length - 2; i >= 0; i--, pathDepth++) {
				const cert = this.certs[i];
				if (cert.extensions) {
					for (let j = 0; j < cert.extensions.length; j++) {
						const extension = cert.extensions[j];
						if (extension.extnID === "2.5.29.32") {
							certPolicies[i] = extension.parsedValue;
							for (let s = 0; s < allPolicies.length; s++) if (allPolicies[s] === "2.5.29.32.0") {
								delete policiesAndCerts[s][i];
								break;
							}
							for (let k = 0; k < extension.parsedValue.certificatePolicies.length; k++) {
								let policyIndex = -1;
								const policyId = extension.parsedValue.certificatePolicies[k].policyIdentifier;
								for (let s = 0; s < allPolicies.length; s++) if (policyId === allPolicies[s]) {
									policyIndex = s;
									break;
								}
								if (policyIndex === -1) {
									allPolicies.push(policyId);
									const certArray = new Array(this.certs.length - 1);
									certArray[i] = true;
									policiesAndCerts.push(certArray);
								} else policiesAndCerts[policyIndex][i] = true;
							}
						}
						if (extension.extnID === "2.5.29.33") {
							if (policyMappingInhibitIndicator) return {
								result: false,
								resultCode: 98,
								resultMessage: "Policy mapping prohibited"
							};
							policyMappings[i] = extension.parsedValue;
						}
						if (extension.extnID === "2.5.29.36") {
							if (explicitPolicyIndicator === false) {
								if (extension.parsedValue.requireExplicitPolicy === 0) {
									explicitPolicyIndicator = true;
									explicitPolicyStart = i;
								} else if (pendingConstraints[0] === false) {
									pendingConstraints[0] = true;
									explicitPolicyPending = extension.parsedValue.requireExplicitPolicy;
								} else explicitPolicyPending = explicitPolicyPending > extension.parsedValue.requireExplicitPolicy ? extension.parsedValue.requireExplicitPolicy : explicitPolicyPending;
								if (extension.parsedValue.inhibitPolicyMapping === 0) policyMappingInhibitIndicator = true;
								else if (pendingConstraints[1] === false) {
									pendingConstraints[1] = true;
									policyMappingInhibitPending = extension.parsedValue.inhibitPolicyMapping + 1;
								} else policyMappingInhibitPending = policyMappingInhibitPending > extension.parsedValue.inhibitPolicyMapping + 1 ? extension.parsedValue.inhibitPolicyMapping + 1 : policyMappingInhibitPending;
							}
						}
						if (extension.extnID === "2.5.29.54") {
							if (inhibitAnyPolicyIndicator === false) {
								if (extension.parsedValue.valueBlock.valueDec === 0) inhibitAnyPolicyIndicator = true;
								else if (pendingConstraints[2] === false) {
									pendingConstraints[2] = true;
									inhibitAnyPolicyPending = extension.parsedValue.valueBlock.valueDec;
								} else inhibitAnyPolicyPending = inhibitAnyPolicyPending > extension.parsedValue.valueBlock.valueDec ? extension.parsedValue.valueBlock.valueDec : inhibitAnyPolicyPending;
							}
						}
					}
					if (inhibitAnyPolicyIndicator === true) {
						let policyIndex = -1;
						for (let searchAnyPolicy = 0; searchAnyPolicy < allPolicies.length; searchAnyPolicy++) if (allPolicies[searchAnyPolicy] === "2.5.29.32.0") {
							policyIndex = searchAnyPolicy;
							break;
						}
						if (policyIndex !== -1) delete policiesAndCerts[0][i];
					}
					if (explicitPolicyIndicator === false) {
						if (pendingConstraints[0] === true) {
							explicitPolicyPending--;
							if (explicitPolicyPending === 0) {
								explicitPolicyIndicator = true;
								explicitPolicyStart = i;
								pendingConstraints[0] = false;
							}
						}
					}
					if (policyMappingInhibitIndicator === false) {
						if (pendingConstraints[1] === true) {
							policyMappingInhibitPending--;
							if (policyMappingInhibitPending === 0) {
								policyMappingInhibitIndicator = true;
								pendingConstraints[1] = false;
							}
						}
					}
					if (inhibitAnyPolicyIndicator === false) {
						if (pendingConstraints[2] === true) {
							inhibitAnyPolicyPending--;
							if (inhibitAnyPolicyPending === 0) {
								inhibitAnyPolicyIndicator = true;
								pendingConstraints[2] = false;
							}
						}
					}
				}
			}
			for (let i = 0; i < this.certs.length - 1; i++) if (i < this.certs.length - 2 && typeof policyMappings[i + 1] !== "undefined") for (let k = 0; k < policyMappings[i + 1].mappings.length; k++) {
				if (policyMappings[i + 1].mappings[k].issuerDomainPolicy === "2.5.29.32.0" || policyMappings[i + 1].mappings[k].subjectDomainPolicy === "2.5.29.32.0") return {
					result: false,
					resultCode: 99,
					resultMessage: "The \"anyPolicy\" should not be a part of policy mapping scheme"
				};
				let issuerDomainPolicyIndex = -1;
				let subjectDomainPolicyIndex = -1;
				for (let n = 0; n < allPolicies.length; n++) {
					if (allPolicies[n] === policyMappings[i + 1].mappings[k].issuerDomainPolicy) issuerDomainPolicyIndex = n;
					if (allPolicies[n] === policyMappings[i + 1].mappings[k].subjectDomainPolicy) subjectDomainPolicyIndex = n;
				}
				if (typeof policiesAndCerts[issuerDomainPolicyIndex][i] !== "undefined") delete policiesAndCerts[issuerDomainPolicyIndex][i];
				for (let j = 0; j < certPolicies[i].certificatePolicies.length; j++) if (policyMappings[i + 1].mappings[k].subjectDomainPolicy === certPolicies[i].certificatePolicies[j].policyIdentifier) {
					if (issuerDomainPolicyIndex !== -1 && subjectDomainPolicyIndex !== -1) {
						for (let m = 0; m <= i; m++) if (typeof policiesAndCerts[subjectDomainPolicyIndex][m] !== "undefined") {
							policiesAndCerts[issuerDomainPolicyIndex][m] = true;
							delete policiesAndCerts[subjectDomainPolicyIndex][m];
						}
					}
				}
			}
			for (let i = 0; i < allPolicies.length; i++) if (allPolicies[i] === "2.5.29.32.0") for (let j = 0; j < explicitPolicyStart; j++) delete policiesAndCerts[i][j];
			const authConstrPolicies = [];
			for (let i = 0; i < policiesAndCerts.length; i++) {
				let found = true;
				for (let j = 0; j < this.certs.length - 1; j++) {
					let anyPolicyFound = false;
					if (j < explicitPolicyStart && allPolicies[i] === "2.5.29.32.0" && allPolicies.length > 1) {
						found = false;
						break;
					}
					if (typeof policiesAndCerts[i][j] === "undefined") {
						if (j >= explicitPolicyStart) {
							for (let k = 0; k < allPolicies.length; k++) if (allPolicies[k] === "2.5.29.32.0") {
								if (policiesAndCerts[k][j] === true) anyPolicyFound = true;
								break;
							}
						}
						if (!anyPolicyFound) {
							found = false;
							break;
						}
					}
				}
				if (found === true) authConstrPolicies.push(allPolicies[i]);
			}
			let userConstrPolicies = [];
			if (initialPolicySet.length === 1 && initialPolicySet[0] === "2.5.29.32.0" && explicitPolicyIndicator === false) userConstrPolicies = initialPolicySet;
			else if (authConstrPolicies.length === 1 && authConstrPolicies[0] === "2.5.29.32.0") userConstrPolicies = initialPolicySet;
			else for (let i = 0; i < authConstrPolicies.length; i++) for (let j = 0; j < initialPolicySet.length; j++) if (initialPolicySet[j] === authConstrPolicies[i] || initialPolicySet[j] === "2.5.29.32.0") {
				userConstrPolicies.push(authConstrPolicies[i]);
				break;
			}
			const policyResult = {
				result: userConstrPolicies.length > 0,
				resultCode: 0,
				resultMessage: userConstrPolicies.length > 0 ? "" : "Zero \"userConstrPolicies\" array, no intersections with \"authConstrPolicies\"",
				authConstrPolicies,
				userConstrPolicies,
				explicitPolicyIndicator,
				policyMappings,
				certificatePath: this.certs
			};
			if (userConstrPolicies.length === 0) return policyResult;
			if (policyResult.result === false) return policyResult;
			pathDepth = 1;
			for (let i = this.certs.length - 2; i >= 0; i--, pathDepth++) {
				const cert = this.certs[i];
				let subjectAltNames = [];
				let certPermittedSubtrees = [];
				let certExcludedSubtrees = [];
				if (cert.extensions) for (let j = 0; j < cert.extensions.length; j++) {
					const extension = cert.extensions[j];
					if (extension.extnID === "2.5.29.30") {
						if ("permittedSubtrees" in extension.parsedValue) certPermittedSubtrees = certPermittedSubtrees.concat(extension.parsedValue.permittedSubtrees);
						if ("excludedSubtrees" in extension.parsedValue) certExcludedSubtrees = certExcludedSubtrees.concat(extension.parsedValue.excludedSubtrees);
					}
					if (extension.extnID === "2.5.29.17") subjectAltNames = subjectAltNames.concat(extension.parsedValue.altNames);
				}
				let formFound = requiredNameForms.length <= 0;
				for (let j = 0; j < requiredNameForms.length; j++) switch (requiredNameForms[j].base.type) {
					case 4:
						if (requiredNameForms[j].base.value.typesAndValues.length !== cert.subject.typesAndValues.length) continue;
						formFound = true;
						for (let k = 0; k < cert.subject.typesAndValues.length; k++) if (cert.subject.typesAndValues[k].type !== requiredNameForms[j].base.value.typesAndValues[k].type) {
							formFound = false;
							break;
						}
						if (formFound === true) break;
				}
				if (formFound === false) {
					policyResult.result = false;
					policyResult.resultCode = 21;
					policyResult.resultMessage = "No necessary name form found";
					throw policyResult;
				}
				const constrGroups = [
					[],
					[],
					[],
					[],
					[]
				];
				for (let j = 0; j < permittedSubtrees.length; j++) switch (permittedSubtrees[j].base.type) {
					case 1:
						constrGroups[0].push(permittedSubtrees[j]);
						break;
					case 2:
						constrGroups[1].push(permittedSubtrees[j]);
						break;
					case 4:
						constrGroups[2].push(permittedSubtrees[j]);
						break;
					case 6:
						constrGroups[3].push(permittedSubtrees[j]);
						break;
					case 7: constrGroups[4].push(permittedSubtrees[j]);
				}
				for (let p = 0; p < 5; p++) {
					let groupPermitted = false;
					let valueExists = false;
					const group = constrGroups[p];
					for (let j = 0; j < group.length; j++) {
						switch (p) {
							case 0:
								if (subjectAltNames.length > 0) {
									for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 1) {
										valueExists = true;
										groupPermitted = groupPermitted || compareRFC822Name(subjectAltNames[k].value, group[j].base.value);
									}
								} else for (let k = 0; k < cert.subject.typesAndValues.length; k++) if (cert.subject.typesAndValues[k].type === "1.2.840.113549.1.9.1" || cert.subject.typesAndValues[k].type === "0.9.2342.19200300.100.1.3") {
									valueExists = true;
									groupPermitted = groupPermitted || compareRFC822Name(cert.subject.typesAndValues[k].value.valueBlock.value, group[j].base.value);
								}
								break;
							case 1:
								if (subjectAltNames.length > 0) {
									for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 2) {
										valueExists = true;
										groupPermitted = groupPermitted || compareDNSName(subjectAltNames[k].value, group[j].base.value);
									}
								}
								break;
							case 2:
								valueExists = true;
								groupPermitted = compareDirectoryName(cert.subject, group[j].base.value);
								break;
							case 3:
								if (subjectAltNames.length > 0) {
									for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 6) {
										valueExists = true;
										groupPermitted = groupPermitted || compareUniformResourceIdentifier(subjectAltNames[k].value, group[j].base.value);
									}
								}
								break;
							case 4: if (subjectAltNames.length > 0) {
								for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 7) {
									valueExists = true;
									groupPermitted = groupPermitted || compareIPAddress(subjectAltNames[k].value, group[j].base.value);
								}
							}
						}
						if (groupPermitted) break;
					}
					if (groupPermitted === false && group.length > 0 && valueExists) {
						policyResult.result = false;
						policyResult.resultCode = 41;
						policyResult.resultMessage = "Failed to meet \"permitted sub-trees\" name constraint";
						throw policyResult;
					}
				}
				let excluded = false;
				for (let j = 0; j < excludedSubtrees.length; j++) {
					switch (excludedSubtrees[j].base.type) {
						case 1:
							if (subjectAltNames.length >= 0) {
								for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 1) excluded = excluded || compareRFC822Name(subjectAltNames[k].value, excludedSubtrees[j].base.value);
							} else for (let k = 0; k < cert.subject.typesAndValues.length; k++) if (cert.subject.typesAndValues[k].type === "1.2.840.113549.1.9.1" || cert.subject.typesAndValues[k].type === "0.9.2342.19200300.100.1.3") excluded = excluded || compareRFC822Name(cert.subject.typesAndValues[k].value.valueBlock.value, excludedSubtrees[j].base.value);
							break;
						case 2:
							if (subjectAltNames.length > 0) {
								for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 2) excluded = excluded || compareDNSName(subjectAltNames[k].value, excludedSubtrees[j].base.value);
							}
							break;
						case 4:
							excluded = excluded || compareDirectoryName(cert.subject, excludedSubtrees[j].base.value);
							break;
						case 6:
							if (subjectAltNames.length > 0) {
								for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 6) excluded = excluded || compareUniformResourceIdentifier(subjectAltNames[k].value, excludedSubtrees[j].base.value);
							}
							break;
						case 7: if (subjectAltNames.length > 0) {
							for (let k = 0; k < subjectAltNames.length; k++) if (subjectAltNames[k].type === 7) excluded = excluded || compareIPAddress(subjectAltNames[k].value, excludedSubtrees[j].base.value);
						}
					}
					if (excluded) break;
				}
				if (excluded === true) {
					policyResult.result = false;
					policyResult.resultCode = 42;
					policyResult.resultMessage = "Failed to meet \"excluded sub-trees\" name constraint";
					throw policyResult;
				}
				permittedSubtrees = permittedSubtrees.concat(certPermittedSubtrees);
				excludedSubtrees = excludedSubtrees.concat(certExcludedSubtrees);
			}
			return policyResult;
		} catch (error) {
			if (error instanceof Error) {
				if (error instanceof ChainValidationError) return {
					result: false,
					resultCode: error.code,
					resultMessage: error.message,
					error
				};
				return {
					result: false,
					resultCode: -1,
					resultMessage: error.message,
					error
				};
			}
			if (error && typeof error === "object" && "resultMessage" in error) return error;
			return {
				result: false,
				resultCode: -1,
				resultMessage: `${error}`
			};
		}
	}
};
//#endregion
//#region src/BasicOCSPResponse.ts
const TBS_RESPONSE_DATA = "tbsResponseData";
const SIGNATURE_ALGORITHM$3 = "signatureAlgorithm";
const SIGNATURE$2 = "signature";
const CERTS$1 = "certs";
const BASIC_OCSP_RESPONSE = "BasicOCSPResponse";
const BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA = `${BASIC_OCSP_RESPONSE}.${TBS_RESPONSE_DATA}`;
const BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM = `${BASIC_OCSP_RESPONSE}.${SIGNATURE_ALGORITHM$3}`;
const BASIC_OCSP_RESPONSE_SIGNATURE = `${BASIC_OCSP_RESPONSE}.${SIGNATURE$2}`;
const BASIC_OCSP_RESPONSE_CERTS = `${BASIC_OCSP_RESPONSE}.${CERTS$1}`;
const CLEAR_PROPS$16 = [
	BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA,
	BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM,
	BASIC_OCSP_RESPONSE_SIGNATURE,
	BASIC_OCSP_RESPONSE_CERTS
];
const ID_KP_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
const ID_CE_KEY_USAGE = "2.5.29.15";
const ID_CE_EXT_KEY_USAGE = "2.5.29.37";
var BasicOCSPResponse = class BasicOCSPResponse extends PkiObject {
	static {
		this.CLASS_NAME = "BasicOCSPResponse";
	}
	constructor(parameters = {}) {
		super();
		this.tbsResponseData = parameters[TBS_RESPONSE_DATA] ?? BasicOCSPResponse.defaultValues(TBS_RESPONSE_DATA);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$3] ?? BasicOCSPResponse.defaultValues(SIGNATURE_ALGORITHM$3);
		this.signature = parameters[SIGNATURE$2] ?? BasicOCSPResponse.defaultValues(SIGNATURE$2);
		if (CERTS$1 in parameters) this.certs = parameters[CERTS$1] ?? BasicOCSPResponse.defaultValues(CERTS$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS_RESPONSE_DATA: return new ResponseData();
			case SIGNATURE_ALGORITHM$3: return new AlgorithmIdentifier();
			case SIGNATURE$2: return new build.BitString();
			case CERTS$1: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case "type": {
				let comparisonResult = ResponseData.compareWithDefault("tbs", memberValue.tbs) && ResponseData.compareWithDefault("responderID", memberValue.responderID) && ResponseData.compareWithDefault("producedAt", memberValue.producedAt) && ResponseData.compareWithDefault("responses", memberValue.responses);
				if ("responseExtensions" in memberValue) comparisonResult = comparisonResult && ResponseData.compareWithDefault("responseExtensions", memberValue.responseExtensions);
				return comparisonResult;
			}
			case SIGNATURE_ALGORITHM$3: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case SIGNATURE$2: return memberValue.isEqual(BasicOCSPResponse.defaultValues(memberName));
			case CERTS$1: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || BASIC_OCSP_RESPONSE,
			value: [
				ResponseData.schema(names.tbsResponseData || { names: { blockName: BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA } }),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || { names: { blockName: BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM } }),
				new build.BitString({ name: names.signature || BASIC_OCSP_RESPONSE_SIGNATURE }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Sequence({ value: [new build.Repeated({
						name: BASIC_OCSP_RESPONSE_CERTS,
						value: Certificate.schema(names.certs || {})
					})] })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$16) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, BasicOCSPResponse.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsResponseData = new ResponseData({ schema: asn1.result[BASIC_OCSP_RESPONSE_TBS_RESPONSE_DATA] });
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result[BASIC_OCSP_RESPONSE_SIGNATURE_ALGORITHM] });
		this.signature = asn1.result[BASIC_OCSP_RESPONSE_SIGNATURE];
		if (BASIC_OCSP_RESPONSE_CERTS in asn1.result) this.certs = Array.from(asn1.result[BASIC_OCSP_RESPONSE_CERTS], (element) => new Certificate({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.tbsResponseData.toSchema());
		outputArray.push(this.signatureAlgorithm.toSchema());
		outputArray.push(this.signature);
		if (this.certs) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.Sequence({ value: Array.from(this.certs, (o) => o.toSchema()) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			tbsResponseData: this.tbsResponseData.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signature: this.signature.toJSON()
		};
		if (this.certs) res.certs = Array.from(this.certs, (o) => o.toJSON());
		return res;
	}
	async getCertificateStatus(certificate, issuerCertificate, crypto = getCrypto(true)) {
		const result = {
			isForCertificate: false,
			status: 2
		};
		const hashesObject = {};
		const certIDs = [];
		for (const response of this.tbsResponseData.responses) {
			const hashAlgorithm = crypto.getAlgorithmByOID(response.certID.hashAlgorithm.algorithmId, true, "CertID.hashAlgorithm");
			if (!hashesObject[hashAlgorithm.name]) {
				hashesObject[hashAlgorithm.name] = 1;
				const certID = new CertID();
				certIDs.push(certID);
				await certID.createForCertificate(certificate, {
					hashAlgorithm: hashAlgorithm.name,
					issuerCertificate
				}, crypto);
			}
		}
		for (const response of this.tbsResponseData.responses) for (const id of certIDs) if (response.certID.isEqual(id)) {
			result.isForCertificate = true;
			try {
				switch (response.certStatus.idBlock.isConstructed) {
					case true:
						if (response.certStatus.idBlock.tagNumber === 1) result.status = 1;
						break;
					case false: switch (response.certStatus.idBlock.tagNumber) {
						case 0:
							result.status = 0;
							break;
						case 2: result.status = 2;
					}
				}
			} catch {}
			return result;
		}
		return result;
	}
	async sign(privateKey, hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		if (!privateKey) throw new Error("Need to provide a private key for signing");
		const signatureParams = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const algorithm = signatureParams.parameters.algorithm;
		if (!("name" in algorithm)) throw new Error("Empty algorithm");
		this.signatureAlgorithm = signatureParams.signatureAlgorithm;
		this.tbsResponseData.tbsView = new Uint8Array(this.tbsResponseData.toSchema(true).toBER());
		const signature = await crypto.signWithPrivateKey(this.tbsResponseData.tbsView, privateKey, { algorithm });
		this.signature = new build.BitString({ valueHex: signature });
	}
	async verify(params = {}, crypto = getCrypto(true)) {
		if (!this.certs || this.certs.length === 0) throw new Error("No certificates attached to the BasicOCSPResponse");
		const embeddedCerts = this.certs;
		const trustedCerts = params.trustedCerts || [];
		const issuerCerts = params.issuerCerts || [];
		const trustedResponders = params.trustedResponders || [];
		const candidateIndices = await BasicOCSPResponse.collectResponderCandidates(embeddedCerts, this.tbsResponseData.responderID, crypto);
		if (candidateIndices.length === 0) throw new Error("No certificate matching the OCSP responderID was found in the response");
		const errors = [];
		let firstCryptoError = null;
		let signatureMismatch = false;
		let hadValidSignature = false;
		for (const idx of candidateIndices) {
			const signerCert = embeddedCerts[idx];
			let signatureOk;
			try {
				signatureOk = await this.verifyResponseSignature(signerCert, crypto);
			} catch (err) {
				if (firstCryptoError === null) firstCryptoError = err;
				errors.push(`candidate #${idx} signature error: ${err.message}`);
				continue;
			}
			if (!signatureOk) {
				signatureMismatch = true;
				continue;
			}
			hadValidSignature = true;
			try {
				const isTrustedResponder = trustedResponders.length > 0 && BasicOCSPResponse.containsCertificateByDer(trustedResponders, signerCert);
				let validatedPathCerts = [];
				if (!isTrustedResponder) validatedPathCerts = await BasicOCSPResponse.validateSignerChain(signerCert, embeddedCerts, issuerCerts, trustedCerts, crypto);
				const authIssuerCandidates = [];
				for (const cert of [
					...issuerCerts,
					...embeddedCerts,
					...trustedCerts,
					...validatedPathCerts
				]) if (!BasicOCSPResponse.containsCertificateByDer(authIssuerCandidates, cert)) authIssuerCandidates.push(cert);
				let allAuthorized = true;
				for (const singleResponse of this.tbsResponseData.responses) if (!await BasicOCSPResponse.isAuthorizedResponderForCertID(signerCert, singleResponse.certID, authIssuerCandidates, trustedResponders, crypto)) {
					allAuthorized = false;
					break;
				}
				if (allAuthorized) return true;
				else errors.push(`candidate #${idx}: responder is not authorized for all SingleResponses`);
			} catch (err) {
				errors.push(`candidate #${idx}: ${err.message}`);
			}
		}
		if (signatureMismatch && errors.length === 0 && firstCryptoError === null) return false;
		if (hadValidSignature) throw new Error(`OCSP responder verification failed. Reasons: ${errors.join("; ")}`);
		if (firstCryptoError) throw firstCryptoError;
		throw new Error(`OCSP responder verification failed. Reasons: ${errors.join("; ")}`);
	}
	static containsCertificateByDer(certs, cert) {
		const certDer = cert.toSchema(true).toBER(false);
		return certs.some((c) => bytes/* bytes_exports */.EH.equal(c.toSchema(true).toBER(false), certDer));
	}
	static async collectResponderCandidates(certs, responderID, crypto = getCrypto(true)) {
		const indices = [];
		if (responderID instanceof RelativeDistinguishedNames) {
			for (const [index, certificate] of certs.entries()) if (certificate.subject.isEqual(responderID)) indices.push(index);
		} else if (responderID instanceof build.OctetString) for (const [index, certificate] of certs.entries()) {
			const spk = certificate.subjectPublicKeyInfo.subjectPublicKey;
			if (!spk.valueBlock?.valueHexView) continue;
			const hash = await crypto.digest({ name: "sha-1" }, spk.valueBlock.valueHexView);
			if (bytes/* bytes_exports */.EH.equal(hash, responderID.valueBlock.valueHex)) indices.push(index);
		}
		else throw new Error("Unsupported OCSP responderID type");
		return indices;
	}
	async verifyResponseSignature(candidateCert, crypto = getCrypto(true)) {
		return crypto.verifyWithPublicKey(this.tbsResponseData.tbsView, this.signature, candidateCert.subjectPublicKeyInfo, this.signatureAlgorithm);
	}
	static async validateSignerChain(signerCert, embeddedCerts, issuerCerts, trustedCerts, crypto = getCrypto(true)) {
		const additionalCerts = [];
		const addIfCa = (cert) => {
			const caCert = checkCA(cert, signerCert);
			if (caCert && !BasicOCSPResponse.containsCertificateByDer(additionalCerts, caCert)) additionalCerts.push(caCert);
		};
		for (const cert of issuerCerts) addIfCa(cert);
		for (const cert of embeddedCerts) addIfCa(cert);
		additionalCerts.push(signerCert);
		const result = await new CertificateChainValidationEngine({
			certs: additionalCerts,
			trustedCerts
		}).verify({}, crypto);
		if (!result.result || !result.certificatePath) throw new Error(`Validation of signer's certificate chain failed${result.resultMessage ? `: ${result.resultMessage}` : ""}`);
		return result.certificatePath.slice(1);
	}
	static async findIssuersForCertID(certID, issuerCandidates, crypto = getCrypto(true)) {
		const responseHashAlg = crypto.getAlgorithmByOID(certID.hashAlgorithm.algorithmId, false);
		if (!responseHashAlg || !("name" in responseHashAlg)) return [];
		const hashAlgName = responseHashAlg.name;
		const uniqueByDer = [];
		for (const candidate of issuerCandidates) if (!BasicOCSPResponse.containsCertificateByDer(uniqueByDer, candidate)) uniqueByDer.push(candidate);
		const matched = [];
		for (const candidate of uniqueByDer) {
			const candidateID = new CertID();
			try {
				await candidateID.createForCertificate(candidate, {
					hashAlgorithm: hashAlgName,
					issuerCertificate: candidate
				}, crypto);
			} catch {
				continue;
			}
			if (candidateID.hashAlgorithm.algorithmId !== certID.hashAlgorithm.algorithmId) continue;
			if (!bytes/* bytes_exports */.EH.equal(candidateID.issuerNameHash.valueBlock.valueHexView, certID.issuerNameHash.valueBlock.valueHexView)) continue;
			if (!bytes/* bytes_exports */.EH.equal(candidateID.issuerKeyHash.valueBlock.valueHexView, certID.issuerKeyHash.valueBlock.valueHexView)) continue;
			matched.push(candidate);
		}
		return matched;
	}
	static async certificateMatchesIssuerID(certificate, certID, crypto = getCrypto(true)) {
		const responseHashAlg = crypto.getAlgorithmByOID(certID.hashAlgorithm.algorithmId, false);
		if (!responseHashAlg || !("name" in responseHashAlg)) return false;
		const hashAlgName = responseHashAlg.name;
		try {
			const nameHash = await crypto.digest({ name: hashAlgName }, certificate.subject.toSchema().toBER(false));
			if (!bytes/* bytes_exports */.EH.equal(new Uint8Array(nameHash), certID.issuerNameHash.valueBlock.valueHexView)) return false;
			const keyBytes = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
			const keyHash = await crypto.digest({ name: hashAlgName }, keyBytes);
			return bytes/* bytes_exports */.EH.equal(new Uint8Array(keyHash), certID.issuerKeyHash.valueBlock.valueHexView);
		} catch {
			return false;
		}
	}
	static async isAuthorizedResponderForCertID(signerCert, certID, issuerCandidates, trustedResponders, crypto = getCrypto(true)) {
		if (trustedResponders.length > 0 && BasicOCSPResponse.containsCertificateByDer(trustedResponders, signerCert)) return true;
		if (await BasicOCSPResponse.certificateMatchesIssuerID(signerCert, certID, crypto)) return true;
		if (!BasicOCSPResponse.certHasOCSPSigningEKU(signerCert)) return false;
		if (!BasicOCSPResponse.certKeyUsagePermitsDigitalSignature(signerCert)) return false;
		const issuers = await BasicOCSPResponse.findIssuersForCertID(certID, issuerCandidates, crypto);
		for (const issuerCert of issuers) {
			if (!signerCert.issuer.isEqual(issuerCert.subject)) continue;
			try {
				if (await signerCert.verify(issuerCert, crypto)) return true;
			} catch {}
		}
		return false;
	}
	static certHasOCSPSigningEKU(cert) {
		const ext = cert.extensions?.find((e) => e.extnID === ID_CE_EXT_KEY_USAGE);
		if (!ext) return false;
		const parsed = ext.parsedValue;
		if (parsed instanceof ExtKeyUsage) return parsed.keyPurposes.includes(ID_KP_OCSP_SIGNING);
		try {
			const asn1 = build.fromBER(ext.extnValue.valueBlock.valueHexView);
			if (asn1.offset === -1) return false;
			if (!(asn1.result instanceof build.Sequence)) return false;
			return new ExtKeyUsage({ schema: asn1.result }).keyPurposes.includes(ID_KP_OCSP_SIGNING);
		} catch {
			return false;
		}
	}
	static certKeyUsagePermitsDigitalSignature(cert) {
		const ext = cert.extensions?.find((e) => e.extnID === ID_CE_KEY_USAGE);
		if (!ext) return true;
		try {
			const asn1 = build.fromBER(ext.extnValue.valueBlock.valueHexView);
			if (asn1.offset === -1) return false;
			if (!(asn1.result instanceof build.BitString)) return false;
			const bits = new Uint8Array(asn1.result.valueBlock.valueHexView);
			if (bits.length === 0) return false;
			return (bits[0] & 128) !== 0;
		} catch {
			return false;
		}
	}
};
//#endregion
//#region src/CertificationRequest.ts
const TBS$1 = "tbs";
const VERSION$6 = "version";
const SUBJECT = "subject";
const SPKI = "subjectPublicKeyInfo";
const ATTRIBUTES$1 = "attributes";
const SIGNATURE_ALGORITHM$2 = "signatureAlgorithm";
const SIGNATURE_VALUE = "signatureValue";
const CSR_INFO = "CertificationRequestInfo";
const CSR_INFO_VERSION = `${CSR_INFO}.version`;
const CSR_INFO_SUBJECT = `${CSR_INFO}.subject`;
const CSR_INFO_SPKI = `${CSR_INFO}.subjectPublicKeyInfo`;
const CSR_INFO_ATTRS = `${CSR_INFO}.attributes`;
const CLEAR_PROPS$15 = [
	CSR_INFO,
	CSR_INFO_VERSION,
	CSR_INFO_SUBJECT,
	CSR_INFO_SPKI,
	CSR_INFO_ATTRS,
	SIGNATURE_ALGORITHM$2,
	SIGNATURE_VALUE
];
function CertificationRequestInfo(parameters = {}) {
	const names = parameters.names ?? {};
	return new build.Sequence({
		name: names.CertificationRequestInfo || CSR_INFO,
		value: [
			new build.Integer({ name: names.CertificationRequestInfoVersion || CSR_INFO_VERSION }),
			RelativeDistinguishedNames.schema(names.subject || { names: { blockName: CSR_INFO_SUBJECT } }),
			PublicKeyInfo.schema({ names: { blockName: CSR_INFO_SPKI } }),
			new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Repeated({
					optional: true,
					name: names.CertificationRequestInfoAttributes || CSR_INFO_ATTRS,
					value: Attribute.schema(names.attributes || {})
				})]
			})
		]
	});
}
var CertificationRequest = class CertificationRequest extends PkiObject {
	static {
		this.CLASS_NAME = "CertificationRequest";
	}
	get tbs() {
		return (0,buffer_source/* toArrayBuffer */.XA)(this.tbsView);
	}
	set tbs(value) {
		this.tbsView = new Uint8Array(value);
	}
	constructor(parameters = {}) {
		super();
		this.tbsView = new Uint8Array(parameters[TBS$1] ?? CertificationRequest.defaultValues(TBS$1));
		this.version = parameters[VERSION$6] ?? CertificationRequest.defaultValues(VERSION$6);
		this.subject = parameters[SUBJECT] ?? CertificationRequest.defaultValues(SUBJECT);
		this.subjectPublicKeyInfo = parameters[SPKI] ?? CertificationRequest.defaultValues(SPKI);
		if (ATTRIBUTES$1 in parameters) this.attributes = parameters[ATTRIBUTES$1] ?? CertificationRequest.defaultValues(ATTRIBUTES$1);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$2] ?? CertificationRequest.defaultValues(SIGNATURE_ALGORITHM$2);
		this.signatureValue = parameters[SIGNATURE_VALUE] ?? CertificationRequest.defaultValues(SIGNATURE_VALUE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS$1: return EMPTY_BUFFER;
			case VERSION$6: return 0;
			case SUBJECT: return new RelativeDistinguishedNames();
			case SPKI: return new PublicKeyInfo();
			case ATTRIBUTES$1: return [];
			case SIGNATURE_ALGORITHM$2: return new AlgorithmIdentifier();
			case SIGNATURE_VALUE: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({ value: [
			CertificationRequestInfo(names.certificationRequestInfo || {}),
			new build.Sequence({
				name: names.signatureAlgorithm || SIGNATURE_ALGORITHM$2,
				value: [new build.ObjectIdentifier(), new build.Any({ optional: true })]
			}),
			new build.BitString({ name: names.signatureValue || SIGNATURE_VALUE })
		] });
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$15) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, CertificationRequest.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsView = asn1.result.CertificationRequestInfo.valueBeforeDecodeView;
		this.version = asn1.result[CSR_INFO_VERSION].valueBlock.valueDec;
		this.subject = new RelativeDistinguishedNames({ schema: asn1.result[CSR_INFO_SUBJECT] });
		this.subjectPublicKeyInfo = new PublicKeyInfo({ schema: asn1.result[CSR_INFO_SPKI] });
		if (CSR_INFO_ATTRS in asn1.result) this.attributes = Array.from(asn1.result[CSR_INFO_ATTRS], (element) => new Attribute({ schema: element }));
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signatureValue = asn1.result.signatureValue;
	}
	encodeTBS() {
		const outputArray = [
			new build.Integer({ value: this.version }),
			this.subject.toSchema(),
			this.subjectPublicKeyInfo.toSchema()
		];
		if (ATTRIBUTES$1 in this) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: Array.from(this.attributes || [], (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toSchema(encodeFlag = false) {
		let tbsSchema;
		if (encodeFlag === false) {
			if (this.tbsView.byteLength === 0) return CertificationRequest.schema();
			const asn1 = build.fromBER(this.tbsView);
			AsnError.assert(asn1, "PKCS#10 Certificate Request");
			tbsSchema = asn1.result;
		} else tbsSchema = this.encodeTBS();
		return new build.Sequence({ value: [
			tbsSchema,
			this.signatureAlgorithm.toSchema(),
			this.signatureValue
		] });
	}
	toJSON() {
		const object = {
			tbs: hex/* hex_exports */.KF.encode(this.tbsView),
			version: this.version,
			subject: this.subject.toJSON(),
			subjectPublicKeyInfo: this.subjectPublicKeyInfo.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signatureValue: this.signatureValue.toJSON()
		};
		if (ATTRIBUTES$1 in this) object.attributes = Array.from(this.attributes || [], (o) => o.toJSON());
		return object;
	}
	async sign(privateKey, hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		if (!privateKey) throw new Error("Need to provide a private key for signing");
		const signatureParams = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const parameters = signatureParams.parameters;
		this.signatureAlgorithm = signatureParams.signatureAlgorithm;
		this.tbsView = new Uint8Array(this.encodeTBS().toBER());
		const signature = await crypto.signWithPrivateKey(this.tbsView, privateKey, parameters);
		this.signatureValue = new build.BitString({ valueHex: signature });
	}
	async verify(crypto = getCrypto(true)) {
		return crypto.verifyWithPublicKey(this.tbsView, this.signatureValue, this.subjectPublicKeyInfo, this.signatureAlgorithm);
	}
	async getPublicKey(parameters, crypto = getCrypto(true)) {
		return crypto.getPublicKey(this.subjectPublicKeyInfo, this.signatureAlgorithm, parameters);
	}
};
//#endregion
//#region src/DigestInfo.ts
const DIGEST_ALGORITHM$1 = "digestAlgorithm";
const DIGEST = "digest";
const CLEAR_PROPS$14 = [DIGEST_ALGORITHM$1, DIGEST];
var DigestInfo = class DigestInfo extends PkiObject {
	static {
		this.CLASS_NAME = "DigestInfo";
	}
	constructor(parameters = {}) {
		super();
		this.digestAlgorithm = parameters[DIGEST_ALGORITHM$1] ?? DigestInfo.defaultValues(DIGEST_ALGORITHM$1);
		this.digest = parameters[DIGEST] ?? DigestInfo.defaultValues(DIGEST);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case DIGEST_ALGORITHM$1: return new AlgorithmIdentifier();
			case DIGEST: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case DIGEST_ALGORITHM$1: return AlgorithmIdentifier.compareWithDefault("algorithmId", memberValue.algorithmId) && "algorithmParams" in memberValue === false;
			case DIGEST: return memberValue.isEqual(DigestInfo.defaultValues(memberName));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.digestAlgorithm || { names: { blockName: DIGEST_ALGORITHM$1 } }), new build.OctetString({ name: names.digest || DIGEST })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$14) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, DigestInfo.schema({ names: {
			digestAlgorithm: { names: { blockName: DIGEST_ALGORITHM$1 } },
			digest: DIGEST
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.digestAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.digestAlgorithm });
		this.digest = asn1.result.digest;
	}
	toSchema() {
		return new build.Sequence({ value: [this.digestAlgorithm.toSchema(), this.digest] });
	}
	toJSON() {
		return {
			digestAlgorithm: this.digestAlgorithm.toJSON(),
			digest: this.digest.toJSON()
		};
	}
};
//#endregion
//#region src/EncapsulatedContentInfo.ts
const E_CONTENT_TYPE = "eContentType";
const E_CONTENT = "eContent";
const CLEAR_PROPS$13 = [E_CONTENT_TYPE, E_CONTENT];
var EncapsulatedContentInfo = class EncapsulatedContentInfo extends PkiObject {
	static {
		this.CLASS_NAME = "EncapsulatedContentInfo";
	}
	constructor(parameters = {}) {
		super();
		this.eContentType = parameters[E_CONTENT_TYPE] ?? EncapsulatedContentInfo.defaultValues(E_CONTENT_TYPE);
		if (E_CONTENT in parameters) {
			this.eContent = parameters[E_CONTENT] ?? EncapsulatedContentInfo.defaultValues(E_CONTENT);
			if (this.eContent.idBlock.tagClass === 1 && this.eContent.idBlock.tagNumber === 4) {
				if (this.eContent.idBlock.isConstructed === false) {
					const constrString = new build.OctetString({
						idBlock: { isConstructed: true },
						isConstructed: true
					});
					let offset = 0;
					const viewHex = this.eContent.valueBlock.valueHexView.slice().buffer;
					let length = viewHex.byteLength;
					while (length > 0) {
						const pieceView = new Uint8Array(viewHex, offset, offset + 65536 > viewHex.byteLength ? viewHex.byteLength - offset : 65536);
						const _array = new ArrayBuffer(pieceView.length);
						const _view = new Uint8Array(_array);
						for (let i = 0; i < _view.length; i++) _view[i] = pieceView[i];
						constrString.valueBlock.value.push(new build.OctetString({ valueHex: _array }));
						length -= pieceView.length;
						offset += pieceView.length;
					}
					this.eContent = constrString;
				}
			}
		}
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case E_CONTENT_TYPE: return "";
			case E_CONTENT: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case E_CONTENT_TYPE: return memberValue === "";
			case E_CONTENT:
				if (memberValue.idBlock.tagClass === 1 && memberValue.idBlock.tagNumber === 4) return memberValue.isEqual(EncapsulatedContentInfo.defaultValues(E_CONTENT));
				return false;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.eContentType || "" }), new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Any({ name: names.eContent || "" })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$13) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, EncapsulatedContentInfo.schema({ names: {
			eContentType: E_CONTENT_TYPE,
			eContent: E_CONTENT
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.eContentType = asn1.result.eContentType.valueBlock.toString();
		if (E_CONTENT in asn1.result) this.eContent = asn1.result.eContent;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.ObjectIdentifier({ value: this.eContentType }));
		if (this.eContent) {
			if (EncapsulatedContentInfo.compareWithDefault(E_CONTENT, this.eContent) === false) outputArray.push(new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [this.eContent]
			}));
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { eContentType: this.eContentType };
		if (this.eContent && EncapsulatedContentInfo.compareWithDefault(E_CONTENT, this.eContent) === false) res.eContent = this.eContent.toJSON();
		return res;
	}
};
//#endregion
//#region src/KeyBag.ts
var KeyBag = class extends PrivateKeyInfo {
	constructor(parameters = {}) {
		super(parameters);
	}
};
//#endregion
//#region src/MacData.ts
const MAC = "mac";
const MAC_SALT = "macSalt";
const ITERATIONS = "iterations";
const CLEAR_PROPS$12 = [
	MAC,
	MAC_SALT,
	ITERATIONS
];
var MacData = class MacData extends PkiObject {
	static {
		this.CLASS_NAME = "MacData";
	}
	constructor(parameters = {}) {
		super();
		this.mac = parameters[MAC] ?? MacData.defaultValues(MAC);
		this.macSalt = parameters[MAC_SALT] ?? MacData.defaultValues(MAC_SALT);
		if (ITERATIONS in parameters) this.iterations = parameters[ITERATIONS] ?? MacData.defaultValues(ITERATIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case MAC: return new DigestInfo();
			case MAC_SALT: return new build.OctetString();
			case ITERATIONS: return 1;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case MAC: return DigestInfo.compareWithDefault("digestAlgorithm", memberValue.digestAlgorithm) && DigestInfo.compareWithDefault("digest", memberValue.digest);
			case MAC_SALT: return memberValue.isEqual(MacData.defaultValues(memberName));
			case ITERATIONS: return memberValue === MacData.defaultValues(memberName);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			optional: names.optional || true,
			value: [
				DigestInfo.schema(names.mac || { names: { blockName: MAC } }),
				new build.OctetString({ name: names.macSalt || MAC_SALT }),
				new build.Integer({
					optional: true,
					name: names.iterations || ITERATIONS
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$12) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, MacData.schema({ names: {
			mac: { names: { blockName: MAC } },
			macSalt: MAC_SALT,
			iterations: ITERATIONS
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.mac = new DigestInfo({ schema: asn1.result.mac });
		this.macSalt = asn1.result.macSalt;
		if (ITERATIONS in asn1.result) this.iterations = asn1.result.iterations.valueBlock.valueDec;
	}
	toSchema() {
		const outputArray = [this.mac.toSchema(), this.macSalt];
		if (this.iterations !== void 0) outputArray.push(new build.Integer({ value: this.iterations }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			mac: this.mac.toJSON(),
			macSalt: this.macSalt.toJSON()
		};
		if (this.iterations !== void 0) res.iterations = this.iterations;
		return res;
	}
};
//#endregion
//#region src/MessageImprint.ts
const HASH_ALGORITHM = "hashAlgorithm";
const HASHED_MESSAGE = "hashedMessage";
const CLEAR_PROPS$11 = [HASH_ALGORITHM, HASHED_MESSAGE];
var MessageImprint = class MessageImprint extends PkiObject {
	static {
		this.CLASS_NAME = "MessageImprint";
	}
	static async create(hashAlgorithm, message, crypto = getCrypto(true)) {
		const hashAlgorithmOID = crypto.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
		const hashedMessage = await crypto.digest(hashAlgorithm, message);
		return new MessageImprint({
			hashAlgorithm: new AlgorithmIdentifier({
				algorithmId: hashAlgorithmOID,
				algorithmParams: new build.Null()
			}),
			hashedMessage: new build.OctetString({ valueHex: hashedMessage })
		});
	}
	constructor(parameters = {}) {
		super();
		this.hashAlgorithm = parameters["hashAlgorithm"] ?? MessageImprint.defaultValues("hashAlgorithm");
		this.hashedMessage = parameters["hashedMessage"] ?? MessageImprint.defaultValues("hashedMessage");
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case HASH_ALGORITHM: return new AlgorithmIdentifier();
			case HASHED_MESSAGE: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case HASH_ALGORITHM: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case HASHED_MESSAGE: return memberValue.isEqual(MessageImprint.defaultValues(memberName)) === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [AlgorithmIdentifier.schema(names.hashAlgorithm || {}), new build.OctetString({ name: names.hashedMessage || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$11) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, MessageImprint.schema({ names: {
			hashAlgorithm: { names: { blockName: HASH_ALGORITHM } },
			hashedMessage: HASHED_MESSAGE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.hashAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.hashAlgorithm });
		this.hashedMessage = asn1.result.hashedMessage;
	}
	toSchema() {
		return new build.Sequence({ value: [this.hashAlgorithm.toSchema(), this.hashedMessage] });
	}
	toJSON() {
		return {
			hashAlgorithm: this.hashAlgorithm.toJSON(),
			hashedMessage: this.hashedMessage.toJSON()
		};
	}
};
//#endregion
//#region src/Request.ts
const REQ_CERT = "reqCert";
const SINGLE_REQUEST_EXTENSIONS = "singleRequestExtensions";
const CLEAR_PROPS$10 = [REQ_CERT, SINGLE_REQUEST_EXTENSIONS];
var Request = class Request extends PkiObject {
	static {
		this.CLASS_NAME = "Request";
	}
	constructor(parameters = {}) {
		super();
		this.reqCert = parameters[REQ_CERT] ?? Request.defaultValues(REQ_CERT);
		if (SINGLE_REQUEST_EXTENSIONS in parameters) this.singleRequestExtensions = parameters[SINGLE_REQUEST_EXTENSIONS] ?? Request.defaultValues(SINGLE_REQUEST_EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case REQ_CERT: return new CertID();
			case SINGLE_REQUEST_EXTENSIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case REQ_CERT: return memberValue.isEqual(Request.defaultValues(memberName));
			case SINGLE_REQUEST_EXTENSIONS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [CertID.schema(names.reqCert || {}), new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [Extensions.schema(names.extensions || { names: { blockName: names.singleRequestExtensions || "" } })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$10) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Request.schema({ names: {
			reqCert: { names: { blockName: REQ_CERT } },
			extensions: { names: { blockName: SINGLE_REQUEST_EXTENSIONS } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.reqCert = new CertID({ schema: asn1.result.reqCert });
		if (SINGLE_REQUEST_EXTENSIONS in asn1.result) this.singleRequestExtensions = Array.from(asn1.result.singleRequestExtensions.valueBlock.value, (element) => new Extension({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.reqCert.toSchema());
		if (this.singleRequestExtensions) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.Sequence({ value: Array.from(this.singleRequestExtensions, (o) => o.toSchema()) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { reqCert: this.reqCert.toJSON() };
		if (this.singleRequestExtensions) res.singleRequestExtensions = Array.from(this.singleRequestExtensions, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/TBSRequest.ts
const TBS = "tbs";
const VERSION$5 = "version";
const REQUESTOR_NAME = "requestorName";
const REQUEST_LIST = "requestList";
const REQUEST_EXTENSIONS = "requestExtensions";
const TBS_REQUEST$1 = "TBSRequest";
const TBS_REQUEST_VERSION = `${TBS_REQUEST$1}.${VERSION$5}`;
const TBS_REQUEST_REQUESTOR_NAME = `${TBS_REQUEST$1}.${REQUESTOR_NAME}`;
const TBS_REQUEST_REQUESTS = `${TBS_REQUEST$1}.requests`;
const TBS_REQUEST_REQUEST_EXTENSIONS = `${TBS_REQUEST$1}.${REQUEST_EXTENSIONS}`;
const CLEAR_PROPS$9 = [
	TBS_REQUEST$1,
	TBS_REQUEST_VERSION,
	TBS_REQUEST_REQUESTOR_NAME,
	TBS_REQUEST_REQUESTS,
	TBS_REQUEST_REQUEST_EXTENSIONS
];
var TBSRequest = class TBSRequest extends PkiObject {
	static {
		this.CLASS_NAME = "TBSRequest";
	}
	get tbs() {
		return (0,buffer_source/* toArrayBuffer */.XA)(this.tbsView);
	}
	set tbs(value) {
		this.tbsView = new Uint8Array(value);
	}
	constructor(parameters = {}) {
		super();
		this.tbsView = new Uint8Array(parameters[TBS] ?? TBSRequest.defaultValues(TBS));
		if (VERSION$5 in parameters) this.version = parameters[VERSION$5] ?? TBSRequest.defaultValues(VERSION$5);
		if (REQUESTOR_NAME in parameters) this.requestorName = parameters[REQUESTOR_NAME] ?? TBSRequest.defaultValues(REQUESTOR_NAME);
		this.requestList = parameters[REQUEST_LIST] ?? TBSRequest.defaultValues(REQUEST_LIST);
		if (REQUEST_EXTENSIONS in parameters) this.requestExtensions = parameters[REQUEST_EXTENSIONS] ?? TBSRequest.defaultValues(REQUEST_EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS: return EMPTY_BUFFER;
			case VERSION$5: return 0;
			case REQUESTOR_NAME: return new GeneralName();
			case REQUEST_LIST:
			case REQUEST_EXTENSIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TBS: return memberValue.byteLength === 0;
			case VERSION$5: return memberValue === TBSRequest.defaultValues(memberName);
			case REQUESTOR_NAME: return memberValue.type === GeneralName.defaultValues("type") && Object.keys(memberValue.value).length === 0;
			case REQUEST_LIST:
			case REQUEST_EXTENSIONS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || TBS_REQUEST$1,
			value: [
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Integer({ name: names.TBSRequestVersion || TBS_REQUEST_VERSION })]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [GeneralName.schema(names.requestorName || { names: { blockName: TBS_REQUEST_REQUESTOR_NAME } })]
				}),
				new build.Sequence({
					name: names.requestList || "TBSRequest.requestList",
					value: [new build.Repeated({
						name: names.requests || TBS_REQUEST_REQUESTS,
						value: Request.schema(names.requestNames || {})
					})]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 2
					},
					value: [Extensions.schema(names.extensions || { names: { blockName: names.requestExtensions || TBS_REQUEST_REQUEST_EXTENSIONS } })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$9) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, TBSRequest.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsView = asn1.result.TBSRequest.valueBeforeDecodeView;
		if (TBS_REQUEST_VERSION in asn1.result) this.version = asn1.result[TBS_REQUEST_VERSION].valueBlock.valueDec;
		if (TBS_REQUEST_REQUESTOR_NAME in asn1.result) this.requestorName = new GeneralName({ schema: asn1.result[TBS_REQUEST_REQUESTOR_NAME] });
		this.requestList = Array.from(asn1.result[TBS_REQUEST_REQUESTS], (element) => new Request({ schema: element }));
		if (TBS_REQUEST_REQUEST_EXTENSIONS in asn1.result) this.requestExtensions = Array.from(asn1.result[TBS_REQUEST_REQUEST_EXTENSIONS].valueBlock.value, (element) => new Extension({ schema: element }));
	}
	toSchema(encodeFlag = false) {
		let tbsSchema;
		if (encodeFlag === false) {
			if (this.tbsView.byteLength === 0) return TBSRequest.schema();
			const asn1 = build.fromBER(this.tbsView);
			AsnError.assert(asn1, "TBS Request");
			if (!(asn1.result instanceof build.Sequence)) throw new Error("ASN.1 result should be SEQUENCE");
			tbsSchema = asn1.result;
		} else {
			const outputArray = [];
			if (this.version !== void 0) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [new build.Integer({ value: this.version })]
			}));
			if (this.requestorName) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 1
				},
				value: [this.requestorName.toSchema()]
			}));
			outputArray.push(new build.Sequence({ value: Array.from(this.requestList, (o) => o.toSchema()) }));
			if (this.requestExtensions) outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 2
				},
				value: [new build.Sequence({ value: Array.from(this.requestExtensions, (o) => o.toSchema()) })]
			}));
			tbsSchema = new build.Sequence({ value: outputArray });
		}
		return tbsSchema;
	}
	toJSON() {
		const res = {};
		if (this.version != void 0) res.version = this.version;
		if (this.requestorName) res.requestorName = this.requestorName.toJSON();
		res.requestList = Array.from(this.requestList, (o) => o.toJSON());
		if (this.requestExtensions) res.requestExtensions = Array.from(this.requestExtensions, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/Signature.ts
const SIGNATURE_ALGORITHM$1 = "signatureAlgorithm";
const SIGNATURE$1 = "signature";
const CERTS = "certs";
var Signature = class Signature extends PkiObject {
	static {
		this.CLASS_NAME = "Signature";
	}
	constructor(parameters = {}) {
		super();
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM$1] ?? Signature.defaultValues(SIGNATURE_ALGORITHM$1);
		this.signature = parameters[SIGNATURE$1] ?? Signature.defaultValues(SIGNATURE$1);
		if (CERTS in parameters) this.certs = parameters[CERTS] ?? Signature.defaultValues(CERTS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case SIGNATURE_ALGORITHM$1: return new AlgorithmIdentifier();
			case SIGNATURE$1: return new build.BitString();
			case CERTS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case SIGNATURE_ALGORITHM$1: return memberValue.algorithmId === "" && "algorithmParams" in memberValue === false;
			case SIGNATURE$1: return memberValue.isEqual(Signature.defaultValues(memberName));
			case CERTS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				AlgorithmIdentifier.schema(names.signatureAlgorithm || {}),
				new build.BitString({ name: names.signature || "" }),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Sequence({ value: [new build.Repeated({
						name: names.certs || "",
						value: Certificate.schema({})
					})] })]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of [
			SIGNATURE_ALGORITHM$1,
			SIGNATURE$1,
			CERTS
		]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, Signature.schema({ names: {
			signatureAlgorithm: { names: { blockName: SIGNATURE_ALGORITHM$1 } },
			signature: SIGNATURE$1,
			certs: CERTS
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result.signatureAlgorithm });
		this.signature = asn1.result.signature;
		if (CERTS in asn1.result) this.certs = Array.from(asn1.result.certs, (element) => new Certificate({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.signatureAlgorithm.toSchema());
		outputArray.push(this.signature);
		if (this.certs) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [new build.Sequence({ value: Array.from(this.certs, (o) => o.toSchema()) })]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signature: this.signature.toJSON()
		};
		if (this.certs) res.certs = Array.from(this.certs, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/OCSPRequest.ts
const TBS_REQUEST = "tbsRequest";
const OPTIONAL_SIGNATURE = "optionalSignature";
const CLEAR_PROPS$8 = [TBS_REQUEST, OPTIONAL_SIGNATURE];
var OCSPRequest = class OCSPRequest extends PkiObject {
	static {
		this.CLASS_NAME = "OCSPRequest";
	}
	constructor(parameters = {}) {
		super();
		this.tbsRequest = parameters[TBS_REQUEST] ?? OCSPRequest.defaultValues(TBS_REQUEST);
		if (OPTIONAL_SIGNATURE in parameters) this.optionalSignature = parameters[OPTIONAL_SIGNATURE] ?? OCSPRequest.defaultValues(OPTIONAL_SIGNATURE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TBS_REQUEST: return new TBSRequest();
			case OPTIONAL_SIGNATURE: return new Signature();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TBS_REQUEST: return TBSRequest.compareWithDefault("tbs", memberValue.tbs) && TBSRequest.compareWithDefault("version", memberValue.version) && TBSRequest.compareWithDefault("requestorName", memberValue.requestorName) && TBSRequest.compareWithDefault("requestList", memberValue.requestList) && TBSRequest.compareWithDefault("requestExtensions", memberValue.requestExtensions);
			case OPTIONAL_SIGNATURE: return Signature.compareWithDefault("signatureAlgorithm", memberValue.signatureAlgorithm) && Signature.compareWithDefault("signature", memberValue.signature) && Signature.compareWithDefault("certs", memberValue.certs);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "OCSPRequest",
			value: [TBSRequest.schema(names.tbsRequest || { names: { blockName: TBS_REQUEST } }), new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [Signature.schema(names.optionalSignature || { names: { blockName: OPTIONAL_SIGNATURE } })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$8) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OCSPRequest.schema());
		AsnError.assertSchema(asn1, this.className);
		this.tbsRequest = new TBSRequest({ schema: asn1.result.tbsRequest });
		if (OPTIONAL_SIGNATURE in asn1.result) this.optionalSignature = new Signature({ schema: asn1.result.optionalSignature });
	}
	toSchema(encodeFlag = false) {
		const outputArray = [];
		outputArray.push(this.tbsRequest.toSchema(encodeFlag));
		if (this.optionalSignature) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.optionalSignature.toSchema()]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { tbsRequest: this.tbsRequest.toJSON() };
		if (this.optionalSignature) res.optionalSignature = this.optionalSignature.toJSON();
		return res;
	}
	async createForCertificate(certificate, parameters, crypto = getCrypto(true)) {
		const certID = new CertID();
		await certID.createForCertificate(certificate, parameters, crypto);
		this.tbsRequest.requestList.push(new Request({ reqCert: certID }));
	}
	async sign(privateKey, hashAlgorithm = "SHA-1", crypto = getCrypto(true)) {
		ParameterError.assertEmpty(privateKey, "privateKey", "OCSPRequest.sign method");
		if (!this.optionalSignature) throw new Error("Need to create \"optionalSignature\" field before signing");
		const signatureParams = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const parameters = signatureParams.parameters;
		this.optionalSignature.signatureAlgorithm = signatureParams.signatureAlgorithm;
		const tbs = this.tbsRequest.toSchema(true).toBER(false);
		const signature = await crypto.signWithPrivateKey(tbs, privateKey, parameters);
		this.optionalSignature.signature = new build.BitString({ valueHex: signature });
	}
	verify() {}
};
//#endregion
//#region src/ResponseBytes.ts
const RESPONSE_TYPE = "responseType";
const RESPONSE = "response";
const CLEAR_PROPS$7 = [RESPONSE_TYPE, RESPONSE];
var ResponseBytes = class ResponseBytes extends PkiObject {
	static {
		this.CLASS_NAME = "ResponseBytes";
	}
	constructor(parameters = {}) {
		super();
		this.responseType = parameters[RESPONSE_TYPE] ?? ResponseBytes.defaultValues(RESPONSE_TYPE);
		this.response = parameters[RESPONSE] ?? ResponseBytes.defaultValues(RESPONSE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case RESPONSE_TYPE: return "";
			case RESPONSE: return new build.OctetString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case RESPONSE_TYPE: return memberValue === "";
			case RESPONSE: return memberValue.isEqual(ResponseBytes.defaultValues(memberName));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [new build.ObjectIdentifier({ name: names.responseType || "" }), new build.OctetString({ name: names.response || "" })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$7) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, ResponseBytes.schema({ names: {
			responseType: RESPONSE_TYPE,
			response: RESPONSE
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.responseType = asn1.result.responseType.valueBlock.toString();
		this.response = asn1.result.response;
	}
	toSchema() {
		return new build.Sequence({ value: [new build.ObjectIdentifier({ value: this.responseType }), this.response] });
	}
	toJSON() {
		return {
			responseType: this.responseType,
			response: this.response.toJSON()
		};
	}
};
//#endregion
//#region src/OCSPResponse.ts
const RESPONSE_STATUS = "responseStatus";
const RESPONSE_BYTES = "responseBytes";
var OCSPResponse = class OCSPResponse extends PkiObject {
	static {
		this.CLASS_NAME = "OCSPResponse";
	}
	constructor(parameters = {}) {
		super();
		this.responseStatus = parameters[RESPONSE_STATUS] ?? OCSPResponse.defaultValues(RESPONSE_STATUS);
		if (RESPONSE_BYTES in parameters) this.responseBytes = parameters[RESPONSE_BYTES] ?? OCSPResponse.defaultValues(RESPONSE_BYTES);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case RESPONSE_STATUS: return new build.Enumerated();
			case RESPONSE_BYTES: return new ResponseBytes();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case RESPONSE_STATUS: return memberValue.isEqual(OCSPResponse.defaultValues(memberName));
			case RESPONSE_BYTES: return ResponseBytes.compareWithDefault("responseType", memberValue.responseType) && ResponseBytes.compareWithDefault("response", memberValue.response);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "OCSPResponse",
			value: [new build.Enumerated({ name: names.responseStatus || RESPONSE_STATUS }), new build.Constructed({
				optional: true,
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: [ResponseBytes.schema(names.responseBytes || { names: { blockName: RESPONSE_BYTES } })]
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of [RESPONSE_STATUS, RESPONSE_BYTES]) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, OCSPResponse.schema());
		AsnError.assertSchema(asn1, this.className);
		this.responseStatus = asn1.result.responseStatus;
		if (RESPONSE_BYTES in asn1.result) this.responseBytes = new ResponseBytes({ schema: asn1.result.responseBytes });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.responseStatus);
		if (this.responseBytes) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.responseBytes.toSchema()]
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { responseStatus: this.responseStatus.toJSON() };
		if (this.responseBytes) res.responseBytes = this.responseBytes.toJSON();
		return res;
	}
	async getCertificateStatus(certificate, issuerCertificate, crypto = getCrypto(true)) {
		let basicResponse;
		const result = {
			isForCertificate: false,
			status: 2
		};
		if (!this.responseBytes) return result;
		if (this.responseBytes.responseType !== "1.3.6.1.5.5.7.48.1.1") return result;
		try {
			const asn1Basic = build.fromBER(this.responseBytes.response.valueBlock.valueHexView);
			AsnError.assert(asn1Basic, "Basic OCSP response");
			basicResponse = new BasicOCSPResponse({ schema: asn1Basic.result });
		} catch {
			return result;
		}
		return basicResponse.getCertificateStatus(certificate, issuerCertificate, crypto);
	}
	async sign(privateKey, hashAlgorithm, crypto = getCrypto(true)) {
		if (this.responseBytes && this.responseBytes.responseType === "1.3.6.1.5.5.7.48.1.1") return BasicOCSPResponse.fromBER(this.responseBytes.response.valueBlock.valueHexView).sign(privateKey, hashAlgorithm, crypto);
		throw new Error(`Unknown ResponseBytes type: ${this.responseBytes?.responseType || "Unknown"}`);
	}
	async verify(issuerCertificate = null, crypto = getCrypto(true)) {
		if (RESPONSE_BYTES in this === false) throw new Error("Empty ResponseBytes field");
		if (this.responseBytes && this.responseBytes.responseType === "1.3.6.1.5.5.7.48.1.1") {
			const basicResponse = BasicOCSPResponse.fromBER(this.responseBytes.response.valueBlock.valueHexView);
			if (issuerCertificate !== null) {
				if (!basicResponse.certs) basicResponse.certs = [];
				basicResponse.certs.push(issuerCertificate);
			}
			return basicResponse.verify({}, crypto);
		}
		throw new Error(`Unknown ResponseBytes type: ${this.responseBytes?.responseType || "Unknown"}`);
	}
};
//#endregion
//#region src/SignedAndUnsignedAttributes.ts
const TYPE$1 = "type";
const ATTRIBUTES = "attributes";
const ENCODED_VALUE = "encodedValue";
const CLEAR_PROPS$6 = [ATTRIBUTES];
var SignedAndUnsignedAttributes = class SignedAndUnsignedAttributes extends PkiObject {
	static {
		this.CLASS_NAME = "SignedAndUnsignedAttributes";
	}
	constructor(parameters = {}) {
		super();
		this.type = parameters[TYPE$1] ?? SignedAndUnsignedAttributes.defaultValues(TYPE$1);
		this.attributes = parameters[ATTRIBUTES] ?? SignedAndUnsignedAttributes.defaultValues(ATTRIBUTES);
		this.encodedValue = parameters[ENCODED_VALUE] ?? SignedAndUnsignedAttributes.defaultValues(ENCODED_VALUE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case TYPE$1: return -1;
			case ATTRIBUTES: return [];
			case ENCODED_VALUE: return EMPTY_BUFFER;
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case TYPE$1: return memberValue === SignedAndUnsignedAttributes.defaultValues(TYPE$1);
			case ATTRIBUTES: return memberValue.length === 0;
			case ENCODED_VALUE: return memberValue.byteLength === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Constructed({
			name: names.blockName || "",
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: names.tagNumber || 0
			},
			value: [new build.Repeated({
				name: names.attributes || "",
				value: Attribute.schema()
			})]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$6) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SignedAndUnsignedAttributes.schema({ names: {
			tagNumber: this.type,
			attributes: ATTRIBUTES
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.type = asn1.result.idBlock.tagNumber;
		this.encodedValue = (0,buffer_source/* toArrayBuffer */.XA)(asn1.result.valueBeforeDecodeView);
		const encodedView = new Uint8Array(this.encodedValue);
		encodedView[0] = 49;
		if (ATTRIBUTES in asn1.result === false) {
			if (this.type === 0) throw new Error("Wrong structure of SignedUnsignedAttributes");
			else return;
		}
		this.attributes = Array.from(asn1.result.attributes, (element) => new Attribute({ schema: element }));
	}
	toSchema() {
		if (SignedAndUnsignedAttributes.compareWithDefault(TYPE$1, this.type) || SignedAndUnsignedAttributes.compareWithDefault(ATTRIBUTES, this.attributes)) throw new Error("Incorrectly initialized \"SignedAndUnsignedAttributes\" class");
		return new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: this.type
			},
			value: Array.from(this.attributes, (o) => o.toSchema())
		});
	}
	toJSON() {
		if (SignedAndUnsignedAttributes.compareWithDefault(TYPE$1, this.type) || SignedAndUnsignedAttributes.compareWithDefault(ATTRIBUTES, this.attributes)) throw new Error("Incorrectly initialized \"SignedAndUnsignedAttributes\" class");
		return {
			type: this.type,
			attributes: Array.from(this.attributes, (o) => o.toJSON())
		};
	}
};
//#endregion
//#region src/SignerInfo.ts
const VERSION$4 = "version";
const SID = "sid";
const DIGEST_ALGORITHM = "digestAlgorithm";
const SIGNED_ATTRS = "signedAttrs";
const SIGNATURE_ALGORITHM = "signatureAlgorithm";
const SIGNATURE = "signature";
const UNSIGNED_ATTRS = "unsignedAttrs";
const SIGNER_INFO = "SignerInfo";
const SIGNER_INFO_VERSION = `${SIGNER_INFO}.${VERSION$4}`;
const SIGNER_INFO_SID = `${SIGNER_INFO}.${SID}`;
const SIGNER_INFO_DIGEST_ALGORITHM = `${SIGNER_INFO}.${DIGEST_ALGORITHM}`;
const SIGNER_INFO_SIGNED_ATTRS = `${SIGNER_INFO}.${SIGNED_ATTRS}`;
const SIGNER_INFO_SIGNATURE_ALGORITHM = `${SIGNER_INFO}.${SIGNATURE_ALGORITHM}`;
const SIGNER_INFO_SIGNATURE = `${SIGNER_INFO}.${SIGNATURE}`;
const SIGNER_INFO_UNSIGNED_ATTRS = `${SIGNER_INFO}.${UNSIGNED_ATTRS}`;
const CLEAR_PROPS$5 = [
	SIGNER_INFO_VERSION,
	SIGNER_INFO_SID,
	SIGNER_INFO_DIGEST_ALGORITHM,
	SIGNER_INFO_SIGNED_ATTRS,
	SIGNER_INFO_SIGNATURE_ALGORITHM,
	SIGNER_INFO_SIGNATURE,
	SIGNER_INFO_UNSIGNED_ATTRS
];
var SignerInfo = class SignerInfo extends PkiObject {
	static {
		this.CLASS_NAME = "SignerInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$4] ?? SignerInfo.defaultValues(VERSION$4);
		this.sid = parameters[SID] ?? SignerInfo.defaultValues(SID);
		this.digestAlgorithm = parameters[DIGEST_ALGORITHM] ?? SignerInfo.defaultValues(DIGEST_ALGORITHM);
		if (SIGNED_ATTRS in parameters) this.signedAttrs = parameters[SIGNED_ATTRS] ?? SignerInfo.defaultValues(SIGNED_ATTRS);
		this.signatureAlgorithm = parameters[SIGNATURE_ALGORITHM] ?? SignerInfo.defaultValues(SIGNATURE_ALGORITHM);
		this.signature = parameters[SIGNATURE] ?? SignerInfo.defaultValues(SIGNATURE);
		if (UNSIGNED_ATTRS in parameters) this.unsignedAttrs = parameters[UNSIGNED_ATTRS] ?? SignerInfo.defaultValues(UNSIGNED_ATTRS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$4: return 0;
			case SID: return new build.Any();
			case DIGEST_ALGORITHM: return new AlgorithmIdentifier();
			case SIGNED_ATTRS: return new SignedAndUnsignedAttributes({ type: 0 });
			case SIGNATURE_ALGORITHM: return new AlgorithmIdentifier();
			case SIGNATURE: return new build.OctetString();
			case UNSIGNED_ATTRS: return new SignedAndUnsignedAttributes({ type: 1 });
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$4: return SignerInfo.defaultValues(VERSION$4) === memberValue;
			case SID: return memberValue instanceof build.Any;
			case DIGEST_ALGORITHM:
				if (memberValue instanceof AlgorithmIdentifier === false) return false;
				return memberValue.isEqual(SignerInfo.defaultValues(DIGEST_ALGORITHM));
			case SIGNED_ATTRS: return SignedAndUnsignedAttributes.compareWithDefault("type", memberValue.type) && SignedAndUnsignedAttributes.compareWithDefault("attributes", memberValue.attributes) && SignedAndUnsignedAttributes.compareWithDefault("encodedValue", memberValue.encodedValue);
			case SIGNATURE_ALGORITHM:
				if (memberValue instanceof AlgorithmIdentifier === false) return false;
				return memberValue.isEqual(SignerInfo.defaultValues(SIGNATURE_ALGORITHM));
			case SIGNATURE:
			case UNSIGNED_ATTRS: return SignedAndUnsignedAttributes.compareWithDefault("type", memberValue.type) && SignedAndUnsignedAttributes.compareWithDefault("attributes", memberValue.attributes) && SignedAndUnsignedAttributes.compareWithDefault("encodedValue", memberValue.encodedValue);
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: SIGNER_INFO,
			value: [
				new build.Integer({ name: names.version || SIGNER_INFO_VERSION }),
				new build.Choice({ value: [IssuerAndSerialNumber.schema(names.sidSchema || { names: { blockName: SIGNER_INFO_SID } }), new build.Choice({ value: [new build.Constructed({
					optional: true,
					name: names.sid || SIGNER_INFO_SID,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.OctetString()]
				}), new build.Primitive({
					optional: true,
					name: names.sid || SIGNER_INFO_SID,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					}
				})] })] }),
				AlgorithmIdentifier.schema(names.digestAlgorithm || { names: { blockName: SIGNER_INFO_DIGEST_ALGORITHM } }),
				SignedAndUnsignedAttributes.schema(names.signedAttrs || { names: {
					blockName: SIGNER_INFO_SIGNED_ATTRS,
					tagNumber: 0
				} }),
				AlgorithmIdentifier.schema(names.signatureAlgorithm || { names: { blockName: SIGNER_INFO_SIGNATURE_ALGORITHM } }),
				new build.OctetString({ name: names.signature || SIGNER_INFO_SIGNATURE }),
				SignedAndUnsignedAttributes.schema(names.unsignedAttrs || { names: {
					blockName: SIGNER_INFO_UNSIGNED_ATTRS,
					tagNumber: 1
				} })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$5) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SignerInfo.schema());
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result[SIGNER_INFO_VERSION].valueBlock.valueDec;
		const currentSid = asn1.result[SIGNER_INFO_SID];
		if (currentSid.idBlock.tagClass === 1) this.sid = new IssuerAndSerialNumber({ schema: currentSid });
		else this.sid = currentSid;
		this.digestAlgorithm = new AlgorithmIdentifier({ schema: asn1.result[SIGNER_INFO_DIGEST_ALGORITHM] });
		if (SIGNER_INFO_SIGNED_ATTRS in asn1.result) this.signedAttrs = new SignedAndUnsignedAttributes({
			type: 0,
			schema: asn1.result[SIGNER_INFO_SIGNED_ATTRS]
		});
		this.signatureAlgorithm = new AlgorithmIdentifier({ schema: asn1.result[SIGNER_INFO_SIGNATURE_ALGORITHM] });
		this.signature = asn1.result[SIGNER_INFO_SIGNATURE];
		if (SIGNER_INFO_UNSIGNED_ATTRS in asn1.result) this.unsignedAttrs = new SignedAndUnsignedAttributes({
			type: 1,
			schema: asn1.result[SIGNER_INFO_UNSIGNED_ATTRS]
		});
	}
	toSchema() {
		if (SignerInfo.compareWithDefault(SID, this.sid)) throw new Error("Incorrectly initialized \"SignerInfo\" class");
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		if (this.sid instanceof IssuerAndSerialNumber) outputArray.push(this.sid.toSchema());
		else outputArray.push(this.sid);
		outputArray.push(this.digestAlgorithm.toSchema());
		if (this.signedAttrs) {
			if (SignerInfo.compareWithDefault(SIGNED_ATTRS, this.signedAttrs) === false) outputArray.push(this.signedAttrs.toSchema());
		}
		outputArray.push(this.signatureAlgorithm.toSchema());
		outputArray.push(this.signature);
		if (this.unsignedAttrs) {
			if (SignerInfo.compareWithDefault(UNSIGNED_ATTRS, this.unsignedAttrs) === false) outputArray.push(this.unsignedAttrs.toSchema());
		}
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		if (SignerInfo.compareWithDefault(SID, this.sid)) throw new Error("Incorrectly initialized \"SignerInfo\" class");
		const res = {
			version: this.version,
			digestAlgorithm: this.digestAlgorithm.toJSON(),
			signatureAlgorithm: this.signatureAlgorithm.toJSON(),
			signature: this.signature.toJSON()
		};
		if (!(this.sid instanceof build.Any)) res.sid = this.sid.toJSON();
		if (this.signedAttrs && SignerInfo.compareWithDefault(SIGNED_ATTRS, this.signedAttrs) === false) res.signedAttrs = this.signedAttrs.toJSON();
		if (this.unsignedAttrs && SignerInfo.compareWithDefault(UNSIGNED_ATTRS, this.unsignedAttrs) === false) res.unsignedAttrs = this.unsignedAttrs.toJSON();
		return res;
	}
};
//#endregion
//#region src/TSTInfo.ts
const VERSION$3 = "version";
const POLICY = "policy";
const MESSAGE_IMPRINT$1 = "messageImprint";
const SERIAL_NUMBER = "serialNumber";
const GEN_TIME = "genTime";
const ORDERING = "ordering";
const NONCE$1 = "nonce";
const ACCURACY = "accuracy";
const TSA = "tsa";
const EXTENSIONS$1 = "extensions";
const TST_INFO = "TSTInfo";
const TST_INFO_VERSION = `${TST_INFO}.${VERSION$3}`;
const TST_INFO_POLICY = `${TST_INFO}.${POLICY}`;
const TST_INFO_MESSAGE_IMPRINT = `${TST_INFO}.${MESSAGE_IMPRINT$1}`;
const TST_INFO_SERIAL_NUMBER = `${TST_INFO}.${SERIAL_NUMBER}`;
const TST_INFO_GEN_TIME = `${TST_INFO}.${GEN_TIME}`;
const TST_INFO_ACCURACY = `${TST_INFO}.${ACCURACY}`;
const TST_INFO_ORDERING = `${TST_INFO}.${ORDERING}`;
const TST_INFO_NONCE = `${TST_INFO}.${NONCE$1}`;
const TST_INFO_TSA = `${TST_INFO}.${TSA}`;
const TST_INFO_EXTENSIONS = `${TST_INFO}.${EXTENSIONS$1}`;
const CLEAR_PROPS$4 = [
	TST_INFO_VERSION,
	TST_INFO_POLICY,
	TST_INFO_MESSAGE_IMPRINT,
	TST_INFO_SERIAL_NUMBER,
	TST_INFO_GEN_TIME,
	TST_INFO_ACCURACY,
	TST_INFO_ORDERING,
	TST_INFO_NONCE,
	TST_INFO_TSA,
	TST_INFO_EXTENSIONS
];
var TSTInfo = class TSTInfo extends PkiObject {
	static {
		this.CLASS_NAME = "TSTInfo";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$3] ?? TSTInfo.defaultValues(VERSION$3);
		this.policy = parameters[POLICY] ?? TSTInfo.defaultValues(POLICY);
		this.messageImprint = parameters[MESSAGE_IMPRINT$1] ?? TSTInfo.defaultValues(MESSAGE_IMPRINT$1);
		this.serialNumber = parameters[SERIAL_NUMBER] ?? TSTInfo.defaultValues(SERIAL_NUMBER);
		this.genTime = parameters[GEN_TIME] ?? TSTInfo.defaultValues(GEN_TIME);
		if (ACCURACY in parameters) this.accuracy = parameters[ACCURACY] ?? TSTInfo.defaultValues(ACCURACY);
		if (ORDERING in parameters) this.ordering = parameters[ORDERING] ?? TSTInfo.defaultValues(ORDERING);
		if (NONCE$1 in parameters) this.nonce = parameters[NONCE$1] ?? TSTInfo.defaultValues(NONCE$1);
		if (TSA in parameters) this.tsa = parameters[TSA] ?? TSTInfo.defaultValues(TSA);
		if (EXTENSIONS$1 in parameters) this.extensions = parameters[EXTENSIONS$1] ?? TSTInfo.defaultValues(EXTENSIONS$1);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$3: return 0;
			case POLICY: return "";
			case MESSAGE_IMPRINT$1: return new MessageImprint();
			case SERIAL_NUMBER: return new build.Integer();
			case GEN_TIME: return new Date(0, 0, 0);
			case ACCURACY: return new Accuracy();
			case ORDERING: return false;
			case NONCE$1: return new build.Integer();
			case TSA: return new GeneralName();
			case EXTENSIONS$1: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$3:
			case POLICY:
			case GEN_TIME:
			case ORDERING: return memberValue === TSTInfo.defaultValues(ORDERING);
			case MESSAGE_IMPRINT$1: return MessageImprint.compareWithDefault("hashAlgorithm", memberValue.hashAlgorithm) && MessageImprint.compareWithDefault("hashedMessage", memberValue.hashedMessage);
			case SERIAL_NUMBER:
			case NONCE$1: return memberValue.isEqual(TSTInfo.defaultValues(NONCE$1));
			case ACCURACY: return Accuracy.compareWithDefault("seconds", memberValue.seconds) && Accuracy.compareWithDefault("millis", memberValue.millis) && Accuracy.compareWithDefault("micros", memberValue.micros);
			case TSA: return GeneralName.compareWithDefault("type", memberValue.type) && GeneralName.compareWithDefault("value", memberValue.value);
			case EXTENSIONS$1: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || TST_INFO,
			value: [
				new build.Integer({ name: names.version || TST_INFO_VERSION }),
				new build.ObjectIdentifier({ name: names.policy || TST_INFO_POLICY }),
				MessageImprint.schema(names.messageImprint || { names: { blockName: TST_INFO_MESSAGE_IMPRINT } }),
				new build.Integer({ name: names.serialNumber || TST_INFO_SERIAL_NUMBER }),
				new build.GeneralizedTime({ name: names.genTime || TST_INFO_GEN_TIME }),
				Accuracy.schema(names.accuracy || { names: { blockName: TST_INFO_ACCURACY } }),
				new build.Boolean({
					name: names.ordering || TST_INFO_ORDERING,
					optional: true
				}),
				new build.Integer({
					name: names.nonce || TST_INFO_NONCE,
					optional: true
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [GeneralName.schema(names.tsa || { names: { blockName: TST_INFO_TSA } })]
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: [new build.Repeated({
						name: names.extensions || TST_INFO_EXTENSIONS,
						value: Extension.schema(names.extension || {})
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$4) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, TSTInfo.schema());
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result[TST_INFO_VERSION].valueBlock.valueDec;
		this.policy = asn1.result[TST_INFO_POLICY].valueBlock.toString();
		this.messageImprint = new MessageImprint({ schema: asn1.result[TST_INFO_MESSAGE_IMPRINT] });
		this.serialNumber = asn1.result[TST_INFO_SERIAL_NUMBER];
		this.genTime = asn1.result[TST_INFO_GEN_TIME].toDate();
		if (TST_INFO_ACCURACY in asn1.result) this.accuracy = new Accuracy({ schema: asn1.result[TST_INFO_ACCURACY] });
		if (TST_INFO_ORDERING in asn1.result) this.ordering = asn1.result[TST_INFO_ORDERING].valueBlock.value;
		if (TST_INFO_NONCE in asn1.result) this.nonce = asn1.result[TST_INFO_NONCE];
		if (TST_INFO_TSA in asn1.result) this.tsa = new GeneralName({ schema: asn1.result[TST_INFO_TSA] });
		if (TST_INFO_EXTENSIONS in asn1.result) this.extensions = Array.from(asn1.result[TST_INFO_EXTENSIONS], (element) => new Extension({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(new build.ObjectIdentifier({ value: this.policy }));
		outputArray.push(this.messageImprint.toSchema());
		outputArray.push(this.serialNumber);
		outputArray.push(new build.GeneralizedTime({ valueDate: this.genTime }));
		if (this.accuracy) outputArray.push(this.accuracy.toSchema());
		if (this.ordering !== void 0) outputArray.push(new build.Boolean({ value: this.ordering }));
		if (this.nonce) outputArray.push(this.nonce);
		if (this.tsa) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: [this.tsa.toSchema()]
		}));
		if (this.extensions) outputArray.push(new build.Constructed({
			optional: true,
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.extensions, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			policy: this.policy,
			messageImprint: this.messageImprint.toJSON(),
			serialNumber: this.serialNumber.toJSON(),
			genTime: this.genTime
		};
		if (this.accuracy) res.accuracy = this.accuracy.toJSON();
		if (this.ordering !== void 0) res.ordering = this.ordering;
		if (this.nonce) res.nonce = this.nonce.toJSON();
		if (this.tsa) res.tsa = this.tsa.toJSON();
		if (this.extensions) res.extensions = Array.from(this.extensions, (o) => o.toJSON());
		return res;
	}
	async verify(params, crypto = getCrypto(true)) {
		if (!params.data) throw new Error("\"data\" is a mandatory attribute for TST_INFO verification");
		const data = params.data;
		if (params.notBefore) {
			if (this.genTime < params.notBefore) throw new Error("Generation time for TSTInfo object is less than notBefore value");
		}
		if (params.notAfter) {
			if (this.genTime > params.notAfter) throw new Error("Generation time for TSTInfo object is more than notAfter value");
		}
		const shaAlgorithm = crypto.getAlgorithmByOID(this.messageImprint.hashAlgorithm.algorithmId, true, "MessageImprint.hashAlgorithm");
		const hash = await crypto.digest(shaAlgorithm.name, new Uint8Array(data));
		return bytes/* bytes_exports */.EH.equal(hash, this.messageImprint.hashedMessage.valueBlock.valueHexView);
	}
};
//#endregion
//#region src/SignedData.ts
const VERSION$2 = "version";
const DIGEST_ALGORITHMS = "digestAlgorithms";
const ENCAP_CONTENT_INFO = "encapContentInfo";
const CERTIFICATES = "certificates";
const CRLS = "crls";
const SIGNER_INFOS = "signerInfos";
const OCSPS = "ocsps";
const SIGNED_DATA = "SignedData";
const SIGNED_DATA_VERSION = `${SIGNED_DATA}.${VERSION$2}`;
const SIGNED_DATA_DIGEST_ALGORITHMS = `${SIGNED_DATA}.${DIGEST_ALGORITHMS}`;
const SIGNED_DATA_ENCAP_CONTENT_INFO = `${SIGNED_DATA}.${ENCAP_CONTENT_INFO}`;
const SIGNED_DATA_CERTIFICATES = `${SIGNED_DATA}.${CERTIFICATES}`;
const SIGNED_DATA_CRLS = `${SIGNED_DATA}.${CRLS}`;
const SIGNED_DATA_SIGNER_INFOS = `${SIGNED_DATA}.${SIGNER_INFOS}`;
const CLEAR_PROPS$3 = [
	SIGNED_DATA_VERSION,
	SIGNED_DATA_DIGEST_ALGORITHMS,
	SIGNED_DATA_ENCAP_CONTENT_INFO,
	SIGNED_DATA_CERTIFICATES,
	SIGNED_DATA_CRLS,
	SIGNED_DATA_SIGNER_INFOS
];
var SignedDataVerifyError = class extends Error {
	constructor({ message, code = 0, date = /* @__PURE__ */ new Date(), signatureVerified = null, signerCertificate = null, signerCertificateVerified = null, timestampSerial = null, certificatePath = [] }) {
		super(message);
		this.name = "SignedDataVerifyError";
		this.date = date;
		this.code = code;
		this.timestampSerial = timestampSerial;
		this.signatureVerified = signatureVerified;
		this.signerCertificate = signerCertificate;
		this.signerCertificateVerified = signerCertificateVerified;
		this.certificatePath = certificatePath;
	}
};
var SignedData = class SignedData extends PkiObject {
	static {
		this.CLASS_NAME = "SignedData";
	}
	static {
		this.ID_DATA = id_ContentType_Data;
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$2] ?? SignedData.defaultValues(VERSION$2);
		this.digestAlgorithms = parameters[DIGEST_ALGORITHMS] ?? SignedData.defaultValues(DIGEST_ALGORITHMS);
		this.encapContentInfo = parameters[ENCAP_CONTENT_INFO] ?? SignedData.defaultValues(ENCAP_CONTENT_INFO);
		if (CERTIFICATES in parameters) this.certificates = parameters[CERTIFICATES] ?? SignedData.defaultValues(CERTIFICATES);
		if (CRLS in parameters) this.crls = parameters[CRLS] ?? SignedData.defaultValues(CRLS);
		if (OCSPS in parameters) this.ocsps = parameters[OCSPS] ?? SignedData.defaultValues(OCSPS);
		this.signerInfos = parameters[SIGNER_INFOS] ?? SignedData.defaultValues(SIGNER_INFOS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$2: return 0;
			case DIGEST_ALGORITHMS: return [];
			case ENCAP_CONTENT_INFO: return new EncapsulatedContentInfo();
			case CERTIFICATES: return [];
			case CRLS: return [];
			case OCSPS: return [];
			case SIGNER_INFOS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$2: return memberValue === SignedData.defaultValues(VERSION$2);
			case ENCAP_CONTENT_INFO: return EncapsulatedContentInfo.compareWithDefault("eContentType", memberValue.eContentType) && EncapsulatedContentInfo.compareWithDefault("eContent", memberValue.eContent);
			case DIGEST_ALGORITHMS:
			case CERTIFICATES:
			case CRLS:
			case OCSPS:
			case SIGNER_INFOS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		if (names.optional === void 0) names.optional = false;
		return new build.Sequence({
			name: names.blockName || SIGNED_DATA,
			optional: names.optional,
			value: [
				new build.Integer({ name: names.version || SIGNED_DATA_VERSION }),
				new build.Set({ value: [new build.Repeated({
					name: names.digestAlgorithms || SIGNED_DATA_DIGEST_ALGORITHMS,
					value: AlgorithmIdentifier.schema()
				})] }),
				EncapsulatedContentInfo.schema(names.encapContentInfo || { names: { blockName: SIGNED_DATA_ENCAP_CONTENT_INFO } }),
				new build.Constructed({
					name: names.certificates || SIGNED_DATA_CERTIFICATES,
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: CertificateSet.schema().valueBlock.value
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 1
					},
					value: RevocationInfoChoices.schema(names.crls || { names: { crls: SIGNED_DATA_CRLS } }).valueBlock.value
				}),
				new build.Set({ value: [new build.Repeated({
					name: names.signerInfos || SIGNED_DATA_SIGNER_INFOS,
					value: SignerInfo.schema()
				})] })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$3) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, SignedData.schema());
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result[SIGNED_DATA_VERSION].valueBlock.valueDec;
		if (SIGNED_DATA_DIGEST_ALGORITHMS in asn1.result) this.digestAlgorithms = Array.from(asn1.result[SIGNED_DATA_DIGEST_ALGORITHMS], (algorithm) => new AlgorithmIdentifier({ schema: algorithm }));
		this.encapContentInfo = new EncapsulatedContentInfo({ schema: asn1.result[SIGNED_DATA_ENCAP_CONTENT_INFO] });
		if (SIGNED_DATA_CERTIFICATES in asn1.result) {
			const certificateSet = new CertificateSet({ schema: new build.Set({ value: asn1.result[SIGNED_DATA_CERTIFICATES].valueBlock.value }) });
			this.certificates = certificateSet.certificates.slice(0);
		}
		if (SIGNED_DATA_CRLS in asn1.result) this.crls = Array.from(asn1.result[SIGNED_DATA_CRLS], (crl) => {
			if (crl.idBlock.tagClass === 1) return new CertificateRevocationList({ schema: crl });
			crl.idBlock.tagClass = 1;
			crl.idBlock.tagNumber = 16;
			return new OtherRevocationInfoFormat({ schema: crl });
		});
		if (SIGNED_DATA_SIGNER_INFOS in asn1.result) this.signerInfos = Array.from(asn1.result[SIGNED_DATA_SIGNER_INFOS], (signerInfoSchema) => new SignerInfo({ schema: signerInfoSchema }));
	}
	toSchema(encodeFlag = false) {
		const outputArray = [];
		if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof OtherCertificateFormat) || this.crls && this.crls.length && this.crls.some((o) => o instanceof OtherRevocationInfoFormat)) this.version = 5;
		else if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof AttributeCertificateV2)) this.version = 4;
		else if (this.certificates && this.certificates.length && this.certificates.some((o) => o instanceof AttributeCertificateV1) || this.signerInfos.some((o) => o.version === 3) || this.encapContentInfo.eContentType !== SignedData.ID_DATA) this.version = 3;
		else this.version = 1;
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(new build.Set({ value: Array.from(this.digestAlgorithms, (algorithm) => algorithm.toSchema()) }));
		outputArray.push(this.encapContentInfo.toSchema());
		if (this.certificates) {
			const certificateSetSchema = new CertificateSet({ certificates: this.certificates }).toSchema();
			outputArray.push(new build.Constructed({
				idBlock: {
					tagClass: 3,
					tagNumber: 0
				},
				value: certificateSetSchema.valueBlock.value
			}));
		}
		if (this.crls) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 1
			},
			value: Array.from(this.crls, (crl) => {
				if (crl instanceof OtherRevocationInfoFormat) {
					const crlSchema = crl.toSchema();
					crlSchema.idBlock.tagClass = 3;
					crlSchema.idBlock.tagNumber = 1;
					return crlSchema;
				}
				return crl.toSchema(encodeFlag);
			})
		}));
		outputArray.push(new build.Set({ value: Array.from(this.signerInfos, (signerInfo) => signerInfo.toSchema()) }));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			digestAlgorithms: Array.from(this.digestAlgorithms, (algorithm) => algorithm.toJSON()),
			encapContentInfo: this.encapContentInfo.toJSON(),
			signerInfos: Array.from(this.signerInfos, (signerInfo) => signerInfo.toJSON())
		};
		if (this.certificates) res.certificates = Array.from(this.certificates, (certificate) => certificate.toJSON());
		if (this.crls) res.crls = Array.from(this.crls, (crl) => crl.toJSON());
		return res;
	}
	async verify({ signer = -1, data = EMPTY_BUFFER, trustedCerts = [], checkDate = /* @__PURE__ */ new Date(), checkChain = false, passedWhenNotRevValues = false, extendedMode = false, findOrigin = null, findIssuer = null } = {}, crypto = getCrypto(true)) {
		let signerCert = null;
		let timestampSerial = null;
		try {
			let messageDigestValue = EMPTY_BUFFER;
			let shaAlgorithm = "";
			let certificatePath = [];
			const signerInfo = this.signerInfos[signer];
			if (!signerInfo) throw new SignedDataVerifyError({
				date: checkDate,
				code: 1,
				message: "Unable to get signer by supplied index"
			});
			if (!this.certificates) throw new SignedDataVerifyError({
				date: checkDate,
				code: 2,
				message: "No certificates attached to this signed data"
			});
			if (signerInfo.sid instanceof IssuerAndSerialNumber) for (const certificate of this.certificates) {
				if (!(certificate instanceof Certificate)) continue;
				if (certificate.issuer.isEqual(signerInfo.sid.issuer) && certificate.serialNumber.isEqual(signerInfo.sid.serialNumber)) {
					signerCert = certificate;
					break;
				}
			}
			else {
				const sid = signerInfo.sid;
				const keyId = sid.idBlock.isConstructed ? sid.valueBlock.value[0].valueBlock.valueHex : sid.valueBlock.valueHex;
				for (const certificate of this.certificates) {
					if (!(certificate instanceof Certificate)) continue;
					const digest = await crypto.digest({ name: "sha-1" }, certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
					if (bytes/* bytes_exports */.EH.equal(digest, keyId)) {
						signerCert = certificate;
						break;
					}
				}
			}
			if (!signerCert) throw new SignedDataVerifyError({
				date: checkDate,
				code: 3,
				message: "Unable to find signer certificate"
			});
			if (this.encapContentInfo.eContentType === "1.2.840.113549.1.9.16.1.4") {
				if (!this.encapContentInfo.eContent) throw new SignedDataVerifyError({
					date: checkDate,
					code: 15,
					message: "Error during verification: TSTInfo eContent is empty",
					signatureVerified: null,
					signerCertificate: signerCert,
					timestampSerial,
					signerCertificateVerified: true
				});
				let tstInfo;
				try {
					tstInfo = TSTInfo.fromBER(this.encapContentInfo.eContent.getValue());
				} catch {
					throw new SignedDataVerifyError({
						date: checkDate,
						code: 15,
						message: "Error during verification: TSTInfo wrong ASN.1 schema ",
						signatureVerified: null,
						signerCertificate: signerCert,
						timestampSerial,
						signerCertificateVerified: true
					});
				}
				checkDate = tstInfo.genTime;
				timestampSerial = tstInfo.serialNumber.valueBlock.valueHexView.slice().buffer;
				if (data.byteLength === 0) throw new SignedDataVerifyError({
					date: checkDate,
					code: 4,
					message: "Missed detached data input array"
				});
				if (!await tstInfo.verify({ data }, crypto)) throw new SignedDataVerifyError({
					date: checkDate,
					code: 15,
					message: "Error during verification: TSTInfo verification is failed",
					signatureVerified: false,
					signerCertificate: signerCert,
					timestampSerial,
					signerCertificateVerified: true
				});
			}
			if (checkChain) {
				const certs = this.certificates.filter((certificate) => certificate instanceof Certificate && !!checkCA(certificate, signerCert));
				const chainParams = {
					checkDate,
					certs,
					trustedCerts
				};
				if (findIssuer) chainParams.findIssuer = findIssuer;
				if (findOrigin) chainParams.findOrigin = findOrigin;
				const chainEngine = new CertificateChainValidationEngine(chainParams);
				chainEngine.certs.push(signerCert);
				if (this.crls) {
					for (const crl of this.crls) if ("thisUpdate" in crl) chainEngine.crls.push(crl);
					else if (crl.otherRevInfoFormat === "1.3.6.1.5.5.7.48.1.1") chainEngine.ocsps.push(new BasicOCSPResponse({ schema: crl.otherRevInfo }));
				}
				if (this.ocsps) chainEngine.ocsps.push(...this.ocsps);
				const verificationResult = await chainEngine.verify({ passedWhenNotRevValues }, crypto).catch((e) => {
					throw new SignedDataVerifyError({
						date: checkDate,
						code: 5,
						message: `Validation of signer's certificate failed with error: ${e instanceof Object ? e.resultMessage : e}`,
						signerCertificate: signerCert,
						signerCertificateVerified: false
					});
				});
				if (verificationResult.certificatePath) certificatePath = verificationResult.certificatePath;
				if (!verificationResult.result) throw new SignedDataVerifyError({
					date: checkDate,
					code: 5,
					message: `Validation of signer's certificate failed: ${verificationResult.resultMessage}`,
					signerCertificate: signerCert,
					signerCertificateVerified: false
				});
			}
			const signerInfoHashAlgorithm = crypto.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId);
			if (!("name" in signerInfoHashAlgorithm)) throw new SignedDataVerifyError({
				date: checkDate,
				code: 7,
				message: `Unsupported signature algorithm: ${signerInfo.digestAlgorithm.algorithmId}`,
				signerCertificate: signerCert,
				signerCertificateVerified: true
			});
			shaAlgorithm = signerInfoHashAlgorithm.name;
			const eContent = this.encapContentInfo.eContent;
			if (eContent) {
				if (eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4) data = eContent.getValue();
				else data = eContent.valueBlock.valueBeforeDecodeView.slice().buffer;
			} else if (data.byteLength === 0) throw new SignedDataVerifyError({
				date: checkDate,
				code: 8,
				message: "Missed detached data input array",
				signerCertificate: signerCert,
				signerCertificateVerified: true
			});
			if (signerInfo.signedAttrs) {
				let foundContentType = false;
				let foundMessageDigest = false;
				for (const attribute of signerInfo.signedAttrs.attributes) {
					if (attribute.type === "1.2.840.113549.1.9.3") foundContentType = true;
					if (attribute.type === "1.2.840.113549.1.9.4") {
						foundMessageDigest = true;
						messageDigestValue = attribute.values[0].valueBlock.valueHex;
					}
					if (foundContentType && foundMessageDigest) break;
				}
				if (foundContentType === false) throw new SignedDataVerifyError({
					date: checkDate,
					code: 9,
					message: "Attribute \"content-type\" is a mandatory attribute for \"signed attributes\"",
					signerCertificate: signerCert,
					signerCertificateVerified: true
				});
				if (foundMessageDigest === false) throw new SignedDataVerifyError({
					date: checkDate,
					code: 10,
					message: "Attribute \"message-digest\" is a mandatory attribute for \"signed attributes\"",
					signatureVerified: null,
					signerCertificate: signerCert,
					signerCertificateVerified: true
				});
			}
			if (signerInfo.signedAttrs) {
				const messageDigest = await crypto.digest(shaAlgorithm, new Uint8Array(data));
				if (!bytes/* bytes_exports */.EH.equal(messageDigest, messageDigestValue)) throw new SignedDataVerifyError({
					date: checkDate,
					code: 15,
					message: "Error during verification: Message digest doesn't match",
					signatureVerified: null,
					signerCertificate: signerCert,
					timestampSerial,
					signerCertificateVerified: true
				});
				data = signerInfo.signedAttrs.encodedValue;
			}
			const verifyResult = signerInfo.signatureAlgorithm.algorithmId === "1.2.840.113549.1.1.1" ? await crypto.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, shaAlgorithm) : await crypto.verifyWithPublicKey(data, signerInfo.signature, signerCert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm);
			if (extendedMode) return {
				date: checkDate,
				code: 14,
				message: "",
				signatureVerified: verifyResult,
				signerCertificate: signerCert,
				timestampSerial,
				signerCertificateVerified: true,
				certificatePath
			};
			else return verifyResult;
		} catch (e) {
			if (e instanceof SignedDataVerifyError) throw e;
			throw new SignedDataVerifyError({
				date: checkDate,
				code: 15,
				message: `Error during verification: ${e instanceof Error ? e.message : e}`,
				signatureVerified: null,
				signerCertificate: signerCert,
				timestampSerial,
				signerCertificateVerified: true
			});
		}
	}
	async sign(privateKey, signerIndex, hashAlgorithm = "SHA-1", data = EMPTY_BUFFER, crypto = getCrypto(true)) {
		if (!privateKey) throw new Error("Need to provide a private key for signing");
		const signerInfo = this.signerInfos[signerIndex];
		if (!signerInfo) throw new RangeError("SignerInfo index is out of range");
		if (!signerInfo.signedAttrs?.attributes.length && "hash" in privateKey.algorithm && "hash" in privateKey.algorithm && privateKey.algorithm.hash) hashAlgorithm = privateKey.algorithm.hash.name;
		const hashAlgorithmOID = crypto.getOIDByAlgorithm({ name: hashAlgorithm }, true, "hashAlgorithm");
		if (this.digestAlgorithms.filter((algorithm) => algorithm.algorithmId === hashAlgorithmOID).length === 0) this.digestAlgorithms.push(new AlgorithmIdentifier({
			algorithmId: hashAlgorithmOID,
			algorithmParams: new build.Null()
		}));
		signerInfo.digestAlgorithm = new AlgorithmIdentifier({
			algorithmId: hashAlgorithmOID,
			algorithmParams: new build.Null()
		});
		const signatureParams = await crypto.getSignatureParameters(privateKey, hashAlgorithm);
		const parameters = signatureParams.parameters;
		signerInfo.signatureAlgorithm = signatureParams.signatureAlgorithm;
		if (signerInfo.signedAttrs) {
			if (signerInfo.signedAttrs.encodedValue.byteLength !== 0) data = signerInfo.signedAttrs.encodedValue;
			else {
				data = signerInfo.signedAttrs.toSchema().toBER();
				const view = (0,buffer_source/* toUint8Array */.Fo)(data);
				view[0] = 49;
			}
		} else {
			const eContent = this.encapContentInfo.eContent;
			if (eContent) {
				if (eContent.idBlock.tagClass === 1 && eContent.idBlock.tagNumber === 4) data = eContent.getValue();
				else data = eContent.valueBlock.valueBeforeDecodeView.slice().buffer;
			} else if (data.byteLength === 0) throw new Error("Missed detached data input array");
		}
		const signature = await crypto.signWithPrivateKey(data, privateKey, parameters);
		signerInfo.signature = new build.OctetString({ valueHex: signature });
	}
};
//#endregion
//#region src/PFX.ts
const VERSION$1 = "version";
const AUTH_SAFE = "authSafe";
const MAC_DATA = "macData";
const PARSED_VALUE = "parsedValue";
const CLERA_PROPS = [
	VERSION$1,
	AUTH_SAFE,
	MAC_DATA
];
var PFX = class PFX extends PkiObject {
	static {
		this.CLASS_NAME = "PFX";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION$1] ?? PFX.defaultValues(VERSION$1);
		this.authSafe = parameters[AUTH_SAFE] ?? PFX.defaultValues(AUTH_SAFE);
		if (MAC_DATA in parameters) this.macData = parameters[MAC_DATA] ?? PFX.defaultValues(MAC_DATA);
		if (PARSED_VALUE in parameters) this.parsedValue = parameters[PARSED_VALUE] ?? PFX.defaultValues(PARSED_VALUE);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION$1: return 3;
			case AUTH_SAFE: return new ContentInfo();
			case MAC_DATA: return new MacData();
			case PARSED_VALUE: return {};
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION$1: return memberValue === PFX.defaultValues(memberName);
			case AUTH_SAFE: return ContentInfo.compareWithDefault("contentType", memberValue.contentType) && ContentInfo.compareWithDefault("content", memberValue.content);
			case MAC_DATA: return MacData.compareWithDefault("mac", memberValue.mac) && MacData.compareWithDefault("macSalt", memberValue.macSalt) && MacData.compareWithDefault("iterations", memberValue.iterations);
			case PARSED_VALUE: return memberValue instanceof Object && Object.keys(memberValue).length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.version || VERSION$1 }),
				ContentInfo.schema(names.authSafe || { names: { blockName: AUTH_SAFE } }),
				MacData.schema(names.macData || { names: {
					blockName: MAC_DATA,
					optional: true
				} })
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLERA_PROPS) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PFX.schema({ names: {
			version: VERSION$1,
			authSafe: { names: { blockName: AUTH_SAFE } },
			macData: { names: { blockName: MAC_DATA } }
		} }));
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result.version.valueBlock.valueDec;
		this.authSafe = new ContentInfo({ schema: asn1.result.authSafe });
		if (MAC_DATA in asn1.result) this.macData = new MacData({ schema: asn1.result.macData });
	}
	toSchema() {
		const outputArray = [new build.Integer({ value: this.version }), this.authSafe.toSchema()];
		if (this.macData) outputArray.push(this.macData.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const output = {
			version: this.version,
			authSafe: this.authSafe.toJSON()
		};
		if (this.macData) output.macData = this.macData.toJSON();
		return output;
	}
	async makeInternalValues(parameters = {}, crypto = getCrypto(true)) {
		ArgumentError.assert(parameters, "parameters", "object");
		if (!this.parsedValue) throw new Error("Please call \"parseValues\" function first in order to make \"parsedValue\" data");
		ParameterError.assertEmpty(this.parsedValue.integrityMode, "integrityMode", "parsedValue");
		ParameterError.assertEmpty(this.parsedValue.authenticatedSafe, "authenticatedSafe", "parsedValue");
		switch (this.parsedValue.integrityMode) {
			case 0:
				{
					if (!("iterations" in parameters)) throw new ParameterError("iterations");
					ParameterError.assertEmpty(parameters.pbkdf2HashAlgorithm, "pbkdf2HashAlgorithm");
					ParameterError.assertEmpty(parameters.hmacHashAlgorithm, "hmacHashAlgorithm");
					ParameterError.assertEmpty(parameters.password, "password");
					const saltBuffer = /* @__PURE__ */ new ArrayBuffer(64);
					const saltView = new Uint8Array(saltBuffer);
					crypto.getRandomValues(saltView);
					const data = this.parsedValue.authenticatedSafe.toSchema().toBER(false);
					this.authSafe = new ContentInfo({
						contentType: ContentInfo.DATA,
						content: new build.OctetString({ valueHex: data })
					});
					const result = await crypto.stampDataWithPassword({
						password: parameters.password,
						hashAlgorithm: parameters.hmacHashAlgorithm,
						salt: saltBuffer,
						iterationCount: parameters.iterations,
						contentToStamp: data
					});
					this.macData = new MacData({
						mac: new DigestInfo({
							digestAlgorithm: new AlgorithmIdentifier({ algorithmId: crypto.getOIDByAlgorithm({ name: parameters.hmacHashAlgorithm }, true, "hmacHashAlgorithm") }),
							digest: new build.OctetString({ valueHex: result })
						}),
						macSalt: new build.OctetString({ valueHex: saltBuffer }),
						iterations: parameters.iterations
					});
				}
				break;
			case 1:
				{
					if (!("signingCertificate" in parameters)) throw new ParameterError("signingCertificate");
					ParameterError.assertEmpty(parameters.privateKey, "privateKey");
					ParameterError.assertEmpty(parameters.hashAlgorithm, "hashAlgorithm");
					const toBeSigned = this.parsedValue.authenticatedSafe.toSchema().toBER(false);
					const cmsSigned = new SignedData({
						version: 1,
						encapContentInfo: new EncapsulatedContentInfo({
							eContentType: "1.2.840.113549.1.7.1",
							eContent: new build.OctetString({ valueHex: toBeSigned })
						}),
						certificates: [parameters.signingCertificate]
					});
					const result = await crypto.digest({ name: parameters.hashAlgorithm }, new Uint8Array(toBeSigned));
					const signedAttr = [];
					signedAttr.push(new Attribute({
						type: "1.2.840.113549.1.9.3",
						values: [new build.ObjectIdentifier({ value: "1.2.840.113549.1.7.1" })]
					}));
					signedAttr.push(new Attribute({
						type: "1.2.840.113549.1.9.5",
						values: [new build.UTCTime({ valueDate: /* @__PURE__ */ new Date() })]
					}));
					signedAttr.push(new Attribute({
						type: "1.2.840.113549.1.9.4",
						values: [new build.OctetString({ valueHex: result })]
					}));
					cmsSigned.signerInfos.push(new SignerInfo({
						version: 1,
						sid: new IssuerAndSerialNumber({
							issuer: parameters.signingCertificate.issuer,
							serialNumber: parameters.signingCertificate.serialNumber
						}),
						signedAttrs: new SignedAndUnsignedAttributes({
							type: 0,
							attributes: signedAttr
						})
					}));
					await cmsSigned.sign(parameters.privateKey, 0, parameters.hashAlgorithm, void 0, crypto);
					this.authSafe = new ContentInfo({
						contentType: "1.2.840.113549.1.7.2",
						content: cmsSigned.toSchema(true)
					});
				}
				break;
			default: throw new Error(`Parameter "integrityMode" has unknown value: ${this.parsedValue.integrityMode}`);
		}
	}
	async parseInternalValues(parameters, crypto = getCrypto(true)) {
		ArgumentError.assert(parameters, "parameters", "object");
		if (parameters.checkIntegrity === void 0) parameters.checkIntegrity = true;
		this.parsedValue = {};
		switch (this.authSafe.contentType) {
			case ContentInfo.DATA:
				{
					ParameterError.assertEmpty(parameters.password, "password");
					this.parsedValue.integrityMode = 0;
					ArgumentError.assert(this.authSafe.content, "authSafe.content", build.OctetString);
					const authSafeContent = this.authSafe.content.getValue();
					this.parsedValue.authenticatedSafe = AuthenticatedSafe.fromBER(authSafeContent);
					if (parameters.checkIntegrity) {
						if (!this.macData) throw new Error("Absent \"macData\" value, can not check PKCS#12 data integrity");
						const hashAlgorithm = crypto.getAlgorithmByOID(this.macData.mac.digestAlgorithm.algorithmId, true, "digestAlgorithm");
						if (!await crypto.verifyDataStampedWithPassword({
							password: parameters.password,
							hashAlgorithm: hashAlgorithm.name,
							salt: (0,buffer_source/* toArrayBuffer */.XA)(this.macData.macSalt.valueBlock.valueHexView),
							iterationCount: this.macData.iterations || 1,
							contentToVerify: authSafeContent,
							signatureToVerify: (0,buffer_source/* toArrayBuffer */.XA)(this.macData.mac.digest.valueBlock.valueHexView)
						})) throw new Error("Integrity for the PKCS#12 data is broken!");
					}
				}
				break;
			case ContentInfo.SIGNED_DATA:
				{
					this.parsedValue.integrityMode = 1;
					const cmsSigned = new SignedData({ schema: this.authSafe.content });
					const eContent = cmsSigned.encapContentInfo.eContent;
					ParameterError.assert(eContent, "eContent", "cmsSigned.encapContentInfo");
					ArgumentError.assert(eContent, "eContent", build.OctetString);
					const data = eContent.getValue();
					this.parsedValue.authenticatedSafe = AuthenticatedSafe.fromBER(data);
					if (!await cmsSigned.verify({
						signer: 0,
						checkChain: false
					}, crypto)) throw new Error("Integrity for the PKCS#12 data is broken!");
				}
				break;
			default: throw new Error(`Incorrect value for "this.authSafe.contentType": ${this.authSafe.contentType}`);
		}
	}
};
//#endregion
//#region src/PKIStatusInfo.ts
const STATUS$1 = "status";
const STATUS_STRINGS = "statusStrings";
const FAIL_INFO = "failInfo";
const CLEAR_PROPS$2 = [
	STATUS$1,
	STATUS_STRINGS,
	FAIL_INFO
];
let PKIStatus = /* @__PURE__ */ function(PKIStatus) {
	PKIStatus[PKIStatus["granted"] = 0] = "granted";
	PKIStatus[PKIStatus["grantedWithMods"] = 1] = "grantedWithMods";
	PKIStatus[PKIStatus["rejection"] = 2] = "rejection";
	PKIStatus[PKIStatus["waiting"] = 3] = "waiting";
	PKIStatus[PKIStatus["revocationWarning"] = 4] = "revocationWarning";
	PKIStatus[PKIStatus["revocationNotification"] = 5] = "revocationNotification";
	return PKIStatus;
}({});
var PKIStatusInfo = class PKIStatusInfo extends PkiObject {
	static {
		this.CLASS_NAME = "PKIStatusInfo";
	}
	constructor(parameters = {}) {
		super();
		this.status = parameters[STATUS$1] ?? PKIStatusInfo.defaultValues(STATUS$1);
		if (STATUS_STRINGS in parameters) this.statusStrings = parameters[STATUS_STRINGS] ?? PKIStatusInfo.defaultValues(STATUS_STRINGS);
		if (FAIL_INFO in parameters) this.failInfo = parameters[FAIL_INFO] ?? PKIStatusInfo.defaultValues(FAIL_INFO);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case STATUS$1: return 2;
			case STATUS_STRINGS: return [];
			case FAIL_INFO: return new build.BitString();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case STATUS$1: return memberValue === PKIStatusInfo.defaultValues(memberName);
			case STATUS_STRINGS: return memberValue.length === 0;
			case FAIL_INFO: return memberValue.isEqual(PKIStatusInfo.defaultValues(memberName));
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || "",
			value: [
				new build.Integer({ name: names.status || "" }),
				new build.Sequence({
					optional: true,
					value: [new build.Repeated({
						name: names.statusStrings || "",
						value: new build.Utf8String()
					})]
				}),
				new build.BitString({
					name: names.failInfo || "",
					optional: true
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$2) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, PKIStatusInfo.schema({ names: {
			status: STATUS$1,
			statusStrings: STATUS_STRINGS,
			failInfo: FAIL_INFO
		} }));
		AsnError.assertSchema(asn1, this.className);
		const _status = asn1.result.status;
		if (_status.valueBlock.isHexOnly === true || _status.valueBlock.valueDec < 0 || _status.valueBlock.valueDec > 5) throw new Error("PKIStatusInfo \"status\" has invalid value");
		this.status = _status.valueBlock.valueDec;
		if (STATUS_STRINGS in asn1.result) this.statusStrings = asn1.result.statusStrings;
		if (FAIL_INFO in asn1.result) this.failInfo = asn1.result.failInfo;
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.status }));
		if (this.statusStrings) outputArray.push(new build.Sequence({
			optional: true,
			value: this.statusStrings
		}));
		if (this.failInfo) outputArray.push(this.failInfo);
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { status: this.status };
		if (this.statusStrings) res.statusStrings = Array.from(this.statusStrings, (o) => o.toJSON());
		if (this.failInfo) res.failInfo = this.failInfo.toJSON();
		return res;
	}
};
//#endregion
//#region src/TimeStampReq.ts
const VERSION = "version";
const MESSAGE_IMPRINT = "messageImprint";
const REQ_POLICY = "reqPolicy";
const NONCE = "nonce";
const CERT_REQ = "certReq";
const EXTENSIONS = "extensions";
const TIME_STAMP_REQ = "TimeStampReq";
const TIME_STAMP_REQ_VERSION = `${TIME_STAMP_REQ}.${VERSION}`;
const TIME_STAMP_REQ_MESSAGE_IMPRINT = `${TIME_STAMP_REQ}.${MESSAGE_IMPRINT}`;
const TIME_STAMP_REQ_POLICY = `${TIME_STAMP_REQ}.${REQ_POLICY}`;
const TIME_STAMP_REQ_NONCE = `${TIME_STAMP_REQ}.${NONCE}`;
const TIME_STAMP_REQ_CERT_REQ = `${TIME_STAMP_REQ}.${CERT_REQ}`;
const TIME_STAMP_REQ_EXTENSIONS = `${TIME_STAMP_REQ}.${EXTENSIONS}`;
const CLEAR_PROPS$1 = [
	TIME_STAMP_REQ_VERSION,
	TIME_STAMP_REQ_MESSAGE_IMPRINT,
	TIME_STAMP_REQ_POLICY,
	TIME_STAMP_REQ_NONCE,
	TIME_STAMP_REQ_CERT_REQ,
	TIME_STAMP_REQ_EXTENSIONS
];
var TimeStampReq = class TimeStampReq extends PkiObject {
	static {
		this.CLASS_NAME = "TimeStampReq";
	}
	constructor(parameters = {}) {
		super();
		this.version = parameters[VERSION] ?? TimeStampReq.defaultValues(VERSION);
		this.messageImprint = parameters[MESSAGE_IMPRINT] ?? TimeStampReq.defaultValues(MESSAGE_IMPRINT);
		if (REQ_POLICY in parameters) this.reqPolicy = parameters[REQ_POLICY] ?? TimeStampReq.defaultValues(REQ_POLICY);
		if (NONCE in parameters) this.nonce = parameters[NONCE] ?? TimeStampReq.defaultValues(NONCE);
		if (CERT_REQ in parameters) this.certReq = parameters[CERT_REQ] ?? TimeStampReq.defaultValues(CERT_REQ);
		if (EXTENSIONS in parameters) this.extensions = parameters[EXTENSIONS] ?? TimeStampReq.defaultValues(EXTENSIONS);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case VERSION: return 0;
			case MESSAGE_IMPRINT: return new MessageImprint();
			case REQ_POLICY: return "";
			case NONCE: return new build.Integer();
			case CERT_REQ: return false;
			case EXTENSIONS: return [];
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case VERSION:
			case REQ_POLICY:
			case CERT_REQ: return memberValue === TimeStampReq.defaultValues(memberName);
			case MESSAGE_IMPRINT: return MessageImprint.compareWithDefault("hashAlgorithm", memberValue.hashAlgorithm) && MessageImprint.compareWithDefault("hashedMessage", memberValue.hashedMessage);
			case NONCE: return memberValue.isEqual(TimeStampReq.defaultValues(memberName));
			case EXTENSIONS: return memberValue.length === 0;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || TIME_STAMP_REQ,
			value: [
				new build.Integer({ name: names.version || TIME_STAMP_REQ_VERSION }),
				MessageImprint.schema(names.messageImprint || { names: { blockName: TIME_STAMP_REQ_MESSAGE_IMPRINT } }),
				new build.ObjectIdentifier({
					name: names.reqPolicy || TIME_STAMP_REQ_POLICY,
					optional: true
				}),
				new build.Integer({
					name: names.nonce || TIME_STAMP_REQ_NONCE,
					optional: true
				}),
				new build.Boolean({
					name: names.certReq || TIME_STAMP_REQ_CERT_REQ,
					optional: true
				}),
				new build.Constructed({
					optional: true,
					idBlock: {
						tagClass: 3,
						tagNumber: 0
					},
					value: [new build.Repeated({
						name: names.extensions || TIME_STAMP_REQ_EXTENSIONS,
						value: Extension.schema()
					})]
				})
			]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS$1) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, TimeStampReq.schema());
		AsnError.assertSchema(asn1, this.className);
		this.version = asn1.result[TIME_STAMP_REQ_VERSION].valueBlock.valueDec;
		this.messageImprint = new MessageImprint({ schema: asn1.result[TIME_STAMP_REQ_MESSAGE_IMPRINT] });
		if (TIME_STAMP_REQ_POLICY in asn1.result) this.reqPolicy = asn1.result[TIME_STAMP_REQ_POLICY].valueBlock.toString();
		if (TIME_STAMP_REQ_NONCE in asn1.result) this.nonce = asn1.result[TIME_STAMP_REQ_NONCE];
		if (TIME_STAMP_REQ_CERT_REQ in asn1.result) this.certReq = asn1.result[TIME_STAMP_REQ_CERT_REQ].valueBlock.value;
		if (TIME_STAMP_REQ_EXTENSIONS in asn1.result) this.extensions = Array.from(asn1.result[TIME_STAMP_REQ_EXTENSIONS], (element) => new Extension({ schema: element }));
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(new build.Integer({ value: this.version }));
		outputArray.push(this.messageImprint.toSchema());
		if (this.reqPolicy) outputArray.push(new build.ObjectIdentifier({ value: this.reqPolicy }));
		if (this.nonce) outputArray.push(this.nonce);
		if (CERT_REQ in this && TimeStampReq.compareWithDefault(CERT_REQ, this.certReq) === false) outputArray.push(new build.Boolean({ value: this.certReq }));
		if (this.extensions) outputArray.push(new build.Constructed({
			idBlock: {
				tagClass: 3,
				tagNumber: 0
			},
			value: Array.from(this.extensions, (o) => o.toSchema())
		}));
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = {
			version: this.version,
			messageImprint: this.messageImprint.toJSON()
		};
		if (this.reqPolicy !== void 0) res.reqPolicy = this.reqPolicy;
		if (this.nonce !== void 0) res.nonce = this.nonce.toJSON();
		if (this.certReq !== void 0 && TimeStampReq.compareWithDefault(CERT_REQ, this.certReq) === false) res.certReq = this.certReq;
		if (this.extensions) res.extensions = Array.from(this.extensions, (o) => o.toJSON());
		return res;
	}
};
//#endregion
//#region src/TimeStampResp.ts
const STATUS = "status";
const TIME_STAMP_TOKEN = "timeStampToken";
const TIME_STAMP_RESP = "TimeStampResp";
const TIME_STAMP_RESP_STATUS = `${TIME_STAMP_RESP}.${STATUS}`;
const TIME_STAMP_RESP_TOKEN = `${TIME_STAMP_RESP}.${TIME_STAMP_TOKEN}`;
const CLEAR_PROPS = [TIME_STAMP_RESP_STATUS, TIME_STAMP_RESP_TOKEN];
var TimeStampResp = class TimeStampResp extends PkiObject {
	static {
		this.CLASS_NAME = "TimeStampResp";
	}
	constructor(parameters = {}) {
		super();
		this.status = parameters[STATUS] ?? TimeStampResp.defaultValues(STATUS);
		if (TIME_STAMP_TOKEN in parameters) this.timeStampToken = parameters[TIME_STAMP_TOKEN] ?? TimeStampResp.defaultValues(TIME_STAMP_TOKEN);
		if (parameters.schema) this.fromSchema(parameters.schema);
	}
	static defaultValues(memberName) {
		switch (memberName) {
			case STATUS: return new PKIStatusInfo();
			case TIME_STAMP_TOKEN: return new ContentInfo();
			default: return super.defaultValues(memberName);
		}
	}
	static compareWithDefault(memberName, memberValue) {
		switch (memberName) {
			case STATUS: return PKIStatusInfo.compareWithDefault(STATUS, memberValue.status) && "statusStrings" in memberValue === false && "failInfo" in memberValue === false;
			case TIME_STAMP_TOKEN: return memberValue.contentType === "" && memberValue.content instanceof build.Any;
			default: return super.defaultValues(memberName);
		}
	}
	static schema(parameters = {}) {
		const names = parameters.names ?? {};
		return new build.Sequence({
			name: names.blockName || TIME_STAMP_RESP,
			value: [PKIStatusInfo.schema(names.status || { names: { blockName: TIME_STAMP_RESP_STATUS } }), ContentInfo.schema(names.timeStampToken || { names: {
				blockName: TIME_STAMP_RESP_TOKEN,
				optional: true
			} })]
		});
	}
	fromSchema(schema) {
		for (const prop of CLEAR_PROPS) delete schema[prop];
		const asn1 = build.compareSchema(schema, schema, TimeStampResp.schema());
		AsnError.assertSchema(asn1, this.className);
		this.status = new PKIStatusInfo({ schema: asn1.result[TIME_STAMP_RESP_STATUS] });
		if (TIME_STAMP_RESP_TOKEN in asn1.result) this.timeStampToken = new ContentInfo({ schema: asn1.result[TIME_STAMP_RESP_TOKEN] });
	}
	toSchema() {
		const outputArray = [];
		outputArray.push(this.status.toSchema());
		if (this.timeStampToken) outputArray.push(this.timeStampToken.toSchema());
		return new build.Sequence({ value: outputArray });
	}
	toJSON() {
		const res = { status: this.status.toJSON() };
		if (this.timeStampToken) res.timeStampToken = this.timeStampToken.toJSON();
		return res;
	}
	async sign(privateKey, hashAlgorithm, crypto = getCrypto(true)) {
		this.assertContentType();
		return new SignedData({ schema: this.timeStampToken.content }).sign(privateKey, 0, hashAlgorithm, void 0, crypto);
	}
	async verify(verificationParameters = {
		signer: 0,
		trustedCerts: [],
		data: EMPTY_BUFFER
	}, crypto = getCrypto(true)) {
		this.assertContentType();
		return new SignedData({ schema: this.timeStampToken.content }).verify(verificationParameters, crypto);
	}
	assertContentType() {
		if (!this.timeStampToken) throw new Error("timeStampToken is absent in TSP response");
		if (this.timeStampToken.contentType !== "1.2.840.113549.1.7.2") throw new Error(`Wrong format of timeStampToken: ${this.timeStampToken.contentType}`);
	}
};
//#endregion
//#region src/CryptoEngine/CryptoEngineInit.ts
function initCryptoEngine() {
	if (typeof globalThis !== "undefined" && "crypto" in globalThis) {
		let engineName = "webcrypto";
		if ("webkitSubtle" in globalThis.crypto) engineName = "safari";
		setEngine(engineName, new CryptoEngine({
			name: engineName,
			crypto: globalThis.crypto
		}));
	} else if (typeof crypto !== "undefined" && "webcrypto" in crypto) {
		const name = "NodeJS ^15";
		const nodeCrypto = crypto.webcrypto;
		setEngine(name, new CryptoEngine({
			name,
			crypto: nodeCrypto
		}));
	}
}
//#endregion
//#region src/index.ts
initCryptoEngine();
//#endregion



/***/ })

};
