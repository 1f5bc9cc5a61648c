export const id = 723;
export const ids = [723];
export const modules = {

/***/ 44777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ __exportAll)
/* harmony export */ });
//#region \0rolldown/runtime.js
var __defProp = Object.defineProperty;
var __exportAll = (all, no_symbols) => {
	let target = {};
	for (var name in all) __defProp(target, name, {
		get: all[name],
		enumerable: true
	});
	if (!no_symbols) __defProp(target, Symbol.toStringTag, { value: "Module" });
	return target;
};
//#endregion



/***/ }),

/***/ 33340:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EH: () => (/* binding */ bytes_exports)
});

// UNUSED EXPORTS: assertBufferSource, compare, concat, concatToUint8Array, copy, endsWith, equal, includes, indexOf, isArrayBuffer, isArrayBufferLike, isArrayBufferView, isBufferSource, isSharedArrayBuffer, lastIndexOf, slice, startsWith, tail, toArrayBuffer, toArrayBufferLike, toUint8Array, toUint8ArrayCopy, toView, toViewCopy

// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/_virtual/_rolldown/runtime.js
var runtime = __webpack_require__(44777);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/bytes/buffer-source.js
var buffer_source = __webpack_require__(32139);
;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/bytes/concat.js

//#region src/bytes/concat.ts
function concatToUint8Array(buffers) {
	const views = [];
	let length = 0;
	for (const buffer of buffers) {
		const view = (0,buffer_source/* toUint8Array */.Fo)(buffer);
		views.push(view);
		length += view.byteLength;
	}
	const result = new Uint8Array(length);
	let offset = 0;
	for (const view of views) {
		result.set(view, offset);
		offset += view.byteLength;
	}
	return result;
}
function concat(first, second, ...rest) {
	let buffers;
	let type;
	if (typeof second === "function") {
		buffers = Array.from(first);
		type = second;
	} else if ((0,buffer_source/* isBufferSource */.W$)(first)) buffers = [
		first,
		second,
		...rest
	].filter(buffer_source/* isBufferSource */.W$);
	else {
		buffers = Array.from(first);
		if (second) buffers.push(second);
		buffers.push(...rest);
	}
	const bytes = concatToUint8Array(buffers);
	return type ? (0,buffer_source/* toView */.P1)(bytes, type) : bytes.buffer;
}
//#endregion


;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/bytes/equal.js

//#region src/bytes/equal.ts
function equal(a, b, options = {}) {
	const left = (0,buffer_source/* toUint8Array */.Fo)(a);
	const right = (0,buffer_source/* toUint8Array */.Fo)(b);
	if (!options.constantTime && left.byteLength !== right.byteLength) return false;
	const length = Math.max(left.byteLength, right.byteLength);
	let diff = left.byteLength ^ right.byteLength;
	for (let i = 0; i < length; i++) diff |= (left[i] ?? 0) ^ (right[i] ?? 0);
	return diff === 0;
}
//#endregion


;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/bytes/sequence.js

//#region src/bytes/sequence.ts
function clampIndex(value, fallback, length) {
	const normalized = Number.isFinite(value) ? Math.trunc(value) : fallback;
	if (normalized <= 0) return 0;
	if (normalized >= length) return length;
	return normalized;
}
function normalizeForwardRange(length, options) {
	const start = clampIndex(options?.start, 0, length);
	const end = clampIndex(options?.end, length, length);
	return end >= start ? [start, end] : [start, start];
}
function normalizeReverseRange(length, options) {
	const start = clampIndex(options?.start, length, length);
	const end = clampIndex(options?.end, 0, length);
	return start >= end ? [end, start] : [start, start];
}
function normalizeSliceIndex(value, fallback, length) {
	const normalized = Number.isFinite(value) ? Math.trunc(value) : fallback;
	if (normalized < 0) return Math.max(length + normalized, 0);
	if (normalized > length) return length;
	return normalized;
}
function encodeAscii(text) {
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 255;
	return bytes;
}
function encodeUtf8(text) {
	return new TextEncoder().encode(text);
}
function toPatternBytes(pattern, options) {
	if (typeof pattern === "string") return options?.encoding === "utf8" ? encodeUtf8(pattern) : encodeAscii(pattern);
	return (0,buffer_source/* toUint8Array */.Fo)(pattern);
}
function bytesEqualAt(data, pattern, offset) {
	for (let index = 0; index < pattern.byteLength; index++) if (data[offset + index] !== pattern[index]) return false;
	return true;
}
function indexOf(data, pattern, options) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const needle = toPatternBytes(pattern, options);
	const [start, end] = normalizeForwardRange(bytes.byteLength, options);
	if (needle.byteLength === 0) return start;
	const lastOffset = end - needle.byteLength;
	if (lastOffset < start) return -1;
	for (let offset = start; offset <= lastOffset; offset++) if (bytesEqualAt(bytes, needle, offset)) return offset;
	return -1;
}
function lastIndexOf(data, pattern, options) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const needle = toPatternBytes(pattern, options);
	const [end, start] = normalizeReverseRange(bytes.byteLength, options);
	if (needle.byteLength === 0) return start;
	const firstOffset = start - needle.byteLength;
	if (firstOffset < end) return -1;
	for (let offset = firstOffset; offset >= end; offset--) if (bytesEqualAt(bytes, needle, offset)) return offset;
	return -1;
}
function includes(data, pattern, options) {
	return indexOf(data, pattern, options) !== -1;
}
function startsWith(data, pattern, options) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const needle = toPatternBytes(pattern, options);
	if (needle.byteLength > bytes.byteLength) return false;
	return bytesEqualAt(bytes, needle, 0);
}
function endsWith(data, pattern, options) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const needle = toPatternBytes(pattern, options);
	if (needle.byteLength > bytes.byteLength) return false;
	return bytesEqualAt(bytes, needle, bytes.byteLength - needle.byteLength);
}
function slice(data, start, end) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const normalizedStart = normalizeSliceIndex(start, 0, bytes.byteLength);
	const normalizedEnd = normalizeSliceIndex(end, bytes.byteLength, bytes.byteLength);
	if (normalizedEnd <= normalizedStart) return bytes.subarray(normalizedStart, normalizedStart);
	return bytes.subarray(normalizedStart, normalizedEnd);
}
function tail(data, length) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	const normalizedLength = Number.isFinite(length) ? Math.max(0, Math.trunc(length)) : 0;
	if (normalizedLength >= bytes.byteLength) return bytes;
	return bytes.subarray(bytes.byteLength - normalizedLength);
}
function copy(data) {
	return (0,buffer_source/* toUint8ArrayCopy */.Wm)(data);
}
function compare(a, b) {
	const left = (0,buffer_source/* toUint8Array */.Fo)(a);
	const right = (0,buffer_source/* toUint8Array */.Fo)(b);
	const limit = Math.min(left.byteLength, right.byteLength);
	for (let index = 0; index < limit; index++) {
		if (left[index] < right[index]) return -1;
		if (left[index] > right[index]) return 1;
	}
	if (left.byteLength < right.byteLength) return -1;
	if (left.byteLength > right.byteLength) return 1;
	return 0;
}
//#endregion


;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/bytes.js





//#region src/bytes/index.ts
var bytes_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	assertBufferSource: () => buffer_source/* assertBufferSource */.Ww,
	compare: () => compare,
	concat: () => concat,
	concatToUint8Array: () => concatToUint8Array,
	copy: () => copy,
	endsWith: () => endsWith,
	equal: () => equal,
	includes: () => includes,
	indexOf: () => indexOf,
	isArrayBuffer: () => buffer_source/* isArrayBuffer */.mw,
	isArrayBufferLike: () => buffer_source/* isArrayBufferLike */.B1,
	isArrayBufferView: () => buffer_source/* isArrayBufferView */.hc,
	isBufferSource: () => buffer_source/* isBufferSource */.W$,
	isSharedArrayBuffer: () => buffer_source/* isSharedArrayBuffer */.L8,
	lastIndexOf: () => lastIndexOf,
	slice: () => slice,
	startsWith: () => startsWith,
	tail: () => tail,
	toArrayBuffer: () => buffer_source/* toArrayBuffer */.XA,
	toArrayBufferLike: () => buffer_source/* toArrayBufferLike */.I7,
	toUint8Array: () => buffer_source/* toUint8Array */.Fo,
	toUint8ArrayCopy: () => buffer_source/* toUint8ArrayCopy */.Wm,
	toView: () => buffer_source/* toView */.P1,
	toViewCopy: () => buffer_source/* toViewCopy */.Cm
});
//#endregion



/***/ }),

/***/ 32139:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B1: () => (/* binding */ isArrayBufferLike),
/* harmony export */   Cm: () => (/* binding */ toViewCopy),
/* harmony export */   Fo: () => (/* binding */ toUint8Array),
/* harmony export */   I7: () => (/* binding */ toArrayBufferLike),
/* harmony export */   L8: () => (/* binding */ isSharedArrayBuffer),
/* harmony export */   P1: () => (/* binding */ toView),
/* harmony export */   W$: () => (/* binding */ isBufferSource),
/* harmony export */   Wm: () => (/* binding */ toUint8ArrayCopy),
/* harmony export */   Ww: () => (/* binding */ assertBufferSource),
/* harmony export */   XA: () => (/* binding */ toArrayBuffer),
/* harmony export */   hc: () => (/* binding */ isArrayBufferView),
/* harmony export */   mw: () => (/* binding */ isArrayBuffer)
/* harmony export */ });
//#region src/bytes/buffer-source.ts
const ARRAY_BUFFER_TAG = "[object ArrayBuffer]";
const SHARED_ARRAY_BUFFER_TAG = "[object SharedArrayBuffer]";
function tagOf(value) {
	return Object.prototype.toString.call(value);
}
function isDataViewConstructor(type) {
	return type === DataView || type.prototype instanceof DataView;
}
function bytesPerElement(type) {
	if (isDataViewConstructor(type)) return 1;
	return type.BYTES_PER_ELEMENT ?? 1;
}
function isArrayBufferViewLike(value) {
	if (ArrayBuffer.isView(value)) return true;
	if (!value || typeof value !== "object") return false;
	const view = value;
	return typeof view.byteOffset === "number" && typeof view.byteLength === "number" && isArrayBufferLike(view.buffer);
}
function copyBytes(data) {
	const view = toUint8Array(data);
	const copy = new Uint8Array(view.byteLength);
	copy.set(view);
	return copy;
}
function isArrayBuffer(value) {
	return tagOf(value) === ARRAY_BUFFER_TAG;
}
function isSharedArrayBuffer(value) {
	return typeof SharedArrayBuffer !== "undefined" && tagOf(value) === SHARED_ARRAY_BUFFER_TAG;
}
function isArrayBufferLike(value) {
	return isArrayBuffer(value) || isSharedArrayBuffer(value);
}
function isArrayBufferView(value) {
	return isArrayBufferViewLike(value);
}
function isBufferSource(value) {
	return isArrayBufferLike(value) || isArrayBufferView(value);
}
function assertBufferSource(value) {
	if (!isBufferSource(value)) throw new TypeError("Expected ArrayBuffer, SharedArrayBuffer, or ArrayBufferView");
}
function toUint8Array(data) {
	assertBufferSource(data);
	if (isArrayBufferLike(data)) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
function toUint8ArrayCopy(data) {
	return copyBytes(data);
}
function toArrayBuffer(data) {
	assertBufferSource(data);
	if (isArrayBuffer(data)) return data;
	const buffer = new ArrayBuffer(data.byteLength);
	new Uint8Array(buffer).set(toUint8Array(data));
	return buffer;
}
function toArrayBufferLike(data) {
	assertBufferSource(data);
	if (isArrayBufferLike(data)) return data;
	if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) return data.buffer;
	return copyBytes(data).buffer;
}
function toView(data, type) {
	assertBufferSource(data);
	if (ArrayBuffer.isView(data) && data.constructor === type) return data;
	const view = toUint8Array(data);
	const elementSize = bytesPerElement(type);
	if (view.byteOffset % elementSize !== 0 || view.byteLength % elementSize !== 0) throw new RangeError(`Cannot create ${type.name} over unaligned byte range`);
	if (isDataViewConstructor(type)) return new type(view.buffer, view.byteOffset, view.byteLength);
	return new type(view.buffer, view.byteOffset, view.byteLength / elementSize);
}
function toViewCopy(data, type) {
	return toView(toUint8ArrayCopy(data), type);
}
//#endregion



/***/ }),

/***/ 35580:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D4: () => (/* binding */ decode),
/* harmony export */   cp: () => (/* binding */ binary_exports),
/* harmony export */   lF: () => (/* binding */ encode)
/* harmony export */ });
/* unused harmony exports binary, is */
/* harmony import */ var _virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44777);
/* harmony import */ var _bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32139);


//#region src/encoding/binary.ts
var binary_exports = /* @__PURE__ */ (0,_virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .__exportAll */ .I)({
	binary: () => binary,
	decode: () => decode,
	encode: () => encode,
	is: () => is
});
function encode(data) {
	const bytes = (0,_bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__/* .toUint8Array */ .Fo)(data);
	let result = "";
	for (const byte of bytes) result += String.fromCharCode(byte);
	return result;
}
function decode(text) {
	const result = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) result[i] = text.charCodeAt(i) & 255;
	return result;
}
function is(text) {
	return typeof text === "string";
}
const binary = {
	encode,
	decode,
	is
};
//#endregion



/***/ }),

/***/ 2052:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KF: () => (/* binding */ hex_exports)
/* harmony export */ });
/* unused harmony exports decode, encode, format, formats, hex, is, normalize, parse */
/* harmony import */ var _virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44777);
/* harmony import */ var _bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32139);


//#region src/encoding/hex.ts
var hex_exports = /* @__PURE__ */ (0,_virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .__exportAll */ .I)({
	decode: () => decode,
	encode: () => encode,
	format: () => format,
	formats: () => formats,
	hex: () => hex,
	is: () => is,
	normalize: () => normalize,
	parse: () => parse
});
const HEX_CHARACTER_REGEX = /^[0-9a-f]$/i;
const COMMON_SEPARATORS = [
	" ",
	"	",
	"\n",
	"\r",
	":",
	"-",
	"."
];
function resolveSeparators(options) {
	if (options.separators === "none") return [];
	if (!options.separators || options.separators === "common") return COMMON_SEPARATORS;
	return options.separators;
}
function validateSeparator(separator) {
	if (!separator) throw new TypeError("Hex separators must be non-empty strings");
}
function matchSeparator(text, index, separators) {
	for (const separator of separators) if (text.startsWith(separator, index)) return separator;
}
function detectCase(text) {
	const hasUpper = /[A-F]/.test(text);
	const hasLower = /[a-f]/.test(text);
	return hasUpper && !hasLower ? "upper" : "lower";
}
function detectLineSeparator(text) {
	const match = /\r\n|\n/.exec(text);
	if (!match) return;
	return match[0] === "\r\n" ? "\r\n" : "\n";
}
function compactForDetection(text) {
	return text.replace(/[^0-9a-f]/gi, "");
}
function detectGroup(text) {
	const segments = text.match(/[0-9A-Fa-f]+|[^0-9A-Fa-f]+/g) ?? [];
	if (segments.length < 3) return;
	const hexSegments = segments.filter((_, index) => index % 2 === 0);
	const separators = segments.filter((_, index) => index % 2 === 1);
	const separator = separators[0];
	if (!separator || separators.some((item) => item !== separator)) return;
	if (hexSegments.some((segment) => segment.length === 0 || segment.length % 2 !== 0)) return;
	const firstLength = hexSegments[0]?.length ?? 0;
	if (!firstLength) return;
	if (hexSegments.slice(0, -1).some((segment) => segment.length !== firstLength)) return;
	if ((hexSegments[hexSegments.length - 1]?.length ?? 0) > firstLength) return;
	return {
		size: firstLength / 2,
		separator
	};
}
function detectFormat(text) {
	const trimmed = text.trim();
	const prefix = /^0x/i.test(trimmed) ? "0x" : "";
	const body = prefix ? trimmed.slice(2) : trimmed;
	const lineSeparator = detectLineSeparator(body);
	const lines = body.split(/\r\n|\n/).filter((line) => line.length > 0);
	const group = detectGroup(lines[0]?.trim() ?? "");
	const format = {
		case: detectCase(trimmed),
		prefix
	};
	if (group) format.group = group;
	if (lineSeparator && lines.length > 1) {
		const firstLineBytes = compactForDetection(lines[0] ?? "").length / 2;
		if (firstLineBytes > 0 && lines.slice(0, -1).every((line) => compactForDetection(line).length / 2 === firstLineBytes)) format.line = {
			bytesPerLine: firstLineBytes,
			separator: lineSeparator
		};
	}
	return format;
}
function normalizeText(text, options) {
	const allowPrefix = options.allowPrefix ?? true;
	const separators = [...resolveSeparators(options)].sort((left, right) => right.length - left.length);
	for (const separator of separators) validateSeparator(separator);
	let working = text.trim();
	if (/^0x/i.test(working)) {
		if (!allowPrefix) throw new TypeError("Hexadecimal text must not include a 0x prefix");
		working = working.slice(2);
	}
	let normalized = "";
	let lastTokenWasSeparator = false;
	for (let index = 0; index < working.length;) {
		const character = working[index] ?? "";
		if (HEX_CHARACTER_REGEX.test(character)) {
			normalized += character;
			lastTokenWasSeparator = false;
			index += 1;
			continue;
		}
		const separator = matchSeparator(working, index, separators);
		if (!separator) throw new TypeError("Input is not valid hexadecimal text");
		if (options.strict && (lastTokenWasSeparator || normalized.length === 0)) throw new TypeError("Hexadecimal text contains misplaced separators");
		lastTokenWasSeparator = true;
		index += separator.length;
	}
	if (options.strict && lastTokenWasSeparator && normalized.length > 0) throw new TypeError("Hexadecimal text must not end with a separator");
	if (normalized.length % 2 !== 0) {
		if (!options.allowOddLength) throw new TypeError("Hexadecimal text must contain an even number of characters");
		normalized = `0${normalized}`;
	}
	return normalized.toLowerCase();
}
function groupPairs(pairs, group) {
	if (!group) return pairs.join("");
	if (!Number.isInteger(group.size) || group.size < 1) throw new RangeError("Hex group size must be a positive integer");
	const chunks = [];
	for (let index = 0; index < pairs.length; index += group.size) chunks.push(pairs.slice(index, index + group.size).join(""));
	return chunks.join(group.separator);
}
function normalize(text, options = {}) {
	return normalizeText(text, options);
}
function is(text, options = {}) {
	if (typeof text !== "string") return false;
	try {
		normalize(text, options);
		return true;
	} catch {
		return false;
	}
}
function encode(data, options = {}) {
	const bytes = (0,_bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__/* .toUint8Array */ .Fo)(data);
	const casing = options.case ?? "lower";
	const pairs = Array.from(bytes, (byte) => {
		const text = byte.toString(16).padStart(2, "0");
		return casing === "upper" ? text.toUpperCase() : text;
	});
	let body = "";
	if (options.line) {
		const bytesPerLine = options.line.bytesPerLine;
		if (!Number.isInteger(bytesPerLine) || bytesPerLine < 1) throw new RangeError("Hex bytesPerLine must be a positive integer");
		const separator = options.line.separator ?? "\n";
		const lines = [];
		for (let index = 0; index < pairs.length; index += bytesPerLine) lines.push(groupPairs(pairs.slice(index, index + bytesPerLine), options.group));
		body = lines.join(separator);
	} else body = groupPairs(pairs, options.group);
	return `${options.prefix ?? ""}${body}`;
}
function decode(text, options = {}) {
	const normalized = normalize(text, options);
	const result = new Uint8Array(normalized.length / 2);
	for (let i = 0; i < normalized.length; i += 2) result[i / 2] = Number.parseInt(normalized.slice(i, i + 2), 16);
	return result;
}
function parse(text, options = {}) {
	const normalized = normalize(text, options);
	return {
		bytes: decode(normalized),
		format: detectFormat(text),
		normalized
	};
}
function format(data, value) {
	return encode(data, value);
}
const formats = {
	compact: Object.freeze({}),
	upper: Object.freeze({ case: "upper" }),
	colon: Object.freeze({ group: {
		size: 1,
		separator: ":"
	} }),
	colonUpper: Object.freeze({
		case: "upper",
		group: {
			size: 1,
			separator: ":"
		}
	}),
	groupsOf4: Object.freeze({ group: {
		size: 4,
		separator: " "
	} }),
	prefixed: Object.freeze({ prefix: "0x" })
};
const hex = {
	encode,
	decode,
	format,
	formats,
	is,
	normalize,
	parse
};
//#endregion



/***/ }),

/***/ 16492:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FU: () => (/* binding */ uint_exports),
/* harmony export */   eg: () => (/* binding */ decodeBigInt),
/* harmony export */   lF: () => (/* binding */ encode)
/* harmony export */ });
/* unused harmony exports decode, uint */
/* harmony import */ var _virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(44777);
/* harmony import */ var _bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32139);


//#region src/integer/uint.ts
var uint_exports = /* @__PURE__ */ (0,_virtual_rolldown_runtime_js__WEBPACK_IMPORTED_MODULE_0__/* .__exportAll */ .I)({
	decode: () => decode,
	decodeBigInt: () => decodeBigInt,
	encode: () => encode,
	uint: () => uint
});
function resolveBits(bitsPerByte = 8) {
	if (!Number.isInteger(bitsPerByte) || bitsPerByte < 1 || bitsPerByte > 8) throw new RangeError("bitsPerByte must be an integer from 1 to 8");
	return bitsPerByte;
}
function pad(digits, length) {
	if (length === void 0) return Uint8Array.from(digits);
	if (!Number.isInteger(length) || length < 0) throw new RangeError("length must be a non-negative integer");
	if (digits.length > length) throw new RangeError(`Value does not fit into ${length} byte(s)`);
	const result = new Uint8Array(length);
	result.set(digits, length - digits.length);
	return result;
}
function encode(value, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const digits = [];
	if (typeof value === "bigint") {
		if (value < 0n) throw new RangeError("Unsigned integer must not be negative");
		const shift = BigInt(bits);
		const mask = (1n << shift) - 1n;
		do {
			digits.push(Number(value & mask));
			value >>= shift;
		} while (value > 0n);
	} else {
		if (!Number.isSafeInteger(value) || value < 0) throw new RangeError("Unsigned integer must be a non-negative safe integer; use bigint for larger values");
		const radix = 2 ** bits;
		do {
			digits.push(value % radix);
			value = Math.floor(value / radix);
		} while (value > 0);
	}
	return pad(digits.reverse(), options.length);
}
function decodeBigInt(data, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const shift = BigInt(bits);
	const radix = 1 << bits;
	let result = 0n;
	for (const digit of (0,_bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__/* .toUint8Array */ .Fo)(data)) {
		if (digit >= radix) throw new RangeError(`Byte 0x${digit.toString(16)} exceeds ${bits} bits`);
		result = result << shift | BigInt(digit);
	}
	return result;
}
function decode(data, options = {}) {
	const bits = resolveBits(options.bitsPerByte);
	const radix = 2 ** bits;
	let result = 0;
	for (const digit of (0,_bytes_buffer_source_js__WEBPACK_IMPORTED_MODULE_1__/* .toUint8Array */ .Fo)(data)) {
		if (digit >= radix) throw new RangeError(`Byte 0x${digit.toString(16)} exceeds ${bits} bits`);
		if (result > (Number.MAX_SAFE_INTEGER - digit) / radix) throw new RangeError("Value exceeds Number.MAX_SAFE_INTEGER; use decodeBigInt instead");
		result = result * radix + digit;
	}
	return result;
}
const uint = {
	encode,
	decode,
	decodeBigInt
};
//#endregion



/***/ }),

/***/ 84723:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Any: () => (/* binding */ Any),
  BaseBlock: () => (/* binding */ BaseBlock),
  BaseStringBlock: () => (/* binding */ BaseStringBlock),
  BitString: () => (/* binding */ BitString),
  BmpString: () => (/* binding */ BmpString),
  Boolean: () => (/* binding */ Boolean),
  CharacterString: () => (/* binding */ CharacterString),
  Choice: () => (/* binding */ Choice),
  Constructed: () => (/* binding */ Constructed),
  DATE: () => (/* binding */ DATE),
  DEFAULT_MAX_CONTENT_LENGTH: () => (/* binding */ DEFAULT_MAX_CONTENT_LENGTH),
  DEFAULT_MAX_DEPTH: () => (/* binding */ DEFAULT_MAX_DEPTH),
  DEFAULT_MAX_NODES: () => (/* binding */ DEFAULT_MAX_NODES),
  DateTime: () => (/* binding */ DateTime),
  Duration: () => (/* binding */ Duration),
  EndOfContent: () => (/* binding */ EndOfContent),
  Enumerated: () => (/* binding */ Enumerated),
  GeneralString: () => (/* binding */ GeneralString),
  GeneralizedTime: () => (/* binding */ GeneralizedTime),
  GraphicString: () => (/* binding */ GraphicString),
  HexBlock: () => (/* binding */ HexBlock),
  IA5String: () => (/* binding */ IA5String),
  Integer: () => (/* binding */ Integer),
  Null: () => (/* binding */ Null),
  NumericString: () => (/* binding */ NumericString),
  ObjectIdentifier: () => (/* binding */ ObjectIdentifier),
  OctetString: () => (/* binding */ OctetString),
  Primitive: () => (/* binding */ Primitive),
  PrintableString: () => (/* binding */ PrintableString),
  RawData: () => (/* binding */ RawData),
  RelativeObjectIdentifier: () => (/* binding */ RelativeObjectIdentifier),
  Repeated: () => (/* binding */ Repeated),
  Sequence: () => (/* binding */ Sequence),
  Set: () => (/* binding */ Set),
  TIME: () => (/* binding */ TIME),
  TeletexString: () => (/* binding */ TeletexString),
  TimeOfDay: () => (/* binding */ TimeOfDay),
  UTCTime: () => (/* binding */ UTCTime),
  UniversalString: () => (/* binding */ UniversalString),
  Utf8String: () => (/* binding */ Utf8String),
  ValueBlock: () => (/* binding */ ValueBlock),
  VideotexString: () => (/* binding */ VideotexString),
  ViewWriter: () => (/* binding */ ViewWriter),
  VisibleString: () => (/* binding */ VisibleString),
  compareSchema: () => (/* binding */ compareSchema),
  fromBER: () => (/* binding */ fromBER),
  verifySchema: () => (/* binding */ verifySchema)
});

// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/bytes/buffer-source.js
var buffer_source = __webpack_require__(32139);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/encoding/hex.js
var hex = __webpack_require__(2052);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/integer/uint.js
var uint = __webpack_require__(16492);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/bytes.js + 3 modules
var bytes = __webpack_require__(33340);
// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/_virtual/_rolldown/runtime.js
var runtime = __webpack_require__(44777);
;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/integer/int.js



//#region src/integer/int.ts
var int_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	decode: () => decode,
	decodeBigInt: () => decodeBigInt,
	encode: () => encode,
	int: () => int_int,
	isMinimal: () => isMinimal
});
function toBigInt(value) {
	if (typeof value === "bigint") return value;
	if (!Number.isSafeInteger(value)) throw new RangeError("Integer must be a safe integer; use bigint for larger values");
	return BigInt(value);
}
function encode(value, options = {}) {
	const integer = toBigInt(value);
	let size = 1;
	while (integer < -(1n << BigInt(size * 8 - 1)) || integer >= 1n << BigInt(size * 8 - 1)) size++;
	const length = options.length ?? size;
	if (!Number.isInteger(length) || length < 1) throw new RangeError("length must be a positive integer");
	if (size > length) throw new RangeError(`Value does not fit into ${length} byte(s)`);
	const unsigned = integer < 0n ? integer + (1n << BigInt(length * 8)) : integer;
	return (0,uint/* encode */.lF)(unsigned, { length });
}
function decodeBigInt(data) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	if (!bytes.byteLength) throw new RangeError("Two's complement input must not be empty");
	const unsigned = (0,uint/* decodeBigInt */.eg)(bytes);
	return bytes[0] & 128 ? unsigned - (1n << BigInt(bytes.byteLength * 8)) : unsigned;
}
function decode(data) {
	const value = decodeBigInt(data);
	if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError("Value is outside the safe integer range; use decodeBigInt instead");
	return Number(value);
}
function isMinimal(data) {
	const bytes = (0,buffer_source/* toUint8Array */.Fo)(data);
	if (bytes.byteLength < 2) return bytes.byteLength === 1;
	const redundantZero = bytes[0] === 0 && (bytes[1] & 128) === 0;
	const redundantOnes = bytes[0] === 255 && (bytes[1] & 128) !== 0;
	return !redundantZero && !redundantOnes;
}
const int_int = {
	encode,
	decode,
	decodeBigInt,
	isMinimal
};
//#endregion


// EXTERNAL MODULE: ./node_modules/@peculiar/utils/build/encoding/binary.js
var binary = __webpack_require__(35580);
;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/encoding/utf8.js


//#region src/encoding/utf8.ts
var utf8_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	decode: () => utf8_decode,
	encode: () => utf8_encode,
	utf8: () => utf8
});
function utf8_encode(text) {
	return new TextEncoder().encode(text);
}
function utf8_decode(data) {
	return new TextDecoder("utf-8", { fatal: false }).decode((0,buffer_source/* toUint8Array */.Fo)(data));
}
const utf8 = {
	encode: utf8_encode,
	decode: utf8_decode
};
//#endregion


;// CONCATENATED MODULE: ./node_modules/@peculiar/utils/build/encoding/utf16.js


//#region src/encoding/utf16.ts
var utf16_exports = /* @__PURE__ */ (0,runtime/* __exportAll */.I)({
	decode: () => utf16_decode,
	encode: () => utf16_encode,
	utf16: () => utf16
});
function utf16_encode(text, options = {}) {
	const result = /* @__PURE__ */ new ArrayBuffer(text.length * 2);
	const view = new DataView(result);
	for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), options.littleEndian ?? false);
	return new Uint8Array(result);
}
function utf16_decode(data, options = {}) {
	const buffer = (0,buffer_source/* toArrayBuffer */.XA)(data);
	const view = new DataView(buffer);
	let result = "";
	for (let i = 0; i < buffer.byteLength; i += 2) result += String.fromCharCode(view.getUint16(i, options.littleEndian ?? false));
	return result;
}
const utf16 = {
	encode: utf16_encode,
	decode: utf16_decode
};
//#endregion


;// CONCATENATED MODULE: ./node_modules/asn1js/build/index.js
/*!
 * Copyright (c) 2014, GMO GlobalSign
 * Copyright (c) 2015-2022, Peculiar Ventures
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
 * * Neither the name of the copyright holder nor the names of its
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

//#region src/internals/utils.ts
function concat(buffers) {
	let outputLength = 0;
	let prevLength = 0;
	for (let i = 0; i < buffers.length; i++) {
		const buffer = buffers[i];
		outputLength += buffer.byteLength;
	}
	const retView = new Uint8Array(outputLength);
	for (let i = 0; i < buffers.length; i++) {
		const buffer = buffers[i];
		retView.set(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer), prevLength);
		prevLength += buffer.byteLength;
	}
	return retView.buffer;
}
function checkBufferParams(baseBlock, inputBuffer, inputOffset, inputLength) {
	if (!(inputBuffer instanceof Uint8Array)) {
		baseBlock.error = "Wrong parameter: inputBuffer must be 'Uint8Array'";
		return false;
	}
	if (!inputBuffer.byteLength) {
		baseBlock.error = "Wrong parameter: inputBuffer has zero length";
		return false;
	}
	if (inputOffset < 0) {
		baseBlock.error = "Wrong parameter: inputOffset less than zero";
		return false;
	}
	if (inputLength < 0) {
		baseBlock.error = "Wrong parameter: inputLength less than zero";
		return false;
	}
	if (inputBuffer.byteLength - inputOffset - inputLength < 0) {
		baseBlock.error = "End of input reached before message was fully decoded (inconsistent offset and length values)";
		return false;
	}
	return true;
}
//#endregion
//#region src/ViewWriter.ts
var ViewWriter = class {
	constructor() {
		this.items = [];
	}
	write(buf) {
		this.items.push(buf instanceof ArrayBuffer ? buf : concat([buf]));
	}
	final() {
		return concat(this.items);
	}
};
const ORIGINAL_VIEW_WRITER_WRITE = ViewWriter.prototype.write;
const ORIGINAL_VIEW_WRITER_FINAL = ViewWriter.prototype.final;
const EMPTY_BUFFER = /* @__PURE__ */ new ArrayBuffer(0);
const EMPTY_VIEW = /* @__PURE__ */ new Uint8Array(0);
const END_OF_CONTENT_NAME = "EndOfContent";
const OCTET_STRING_NAME = "OCTET STRING";
const BIT_STRING_NAME = "BIT STRING";
//#endregion
//#region src/HexBlock.ts
function HexBlock(BaseClass) {
	return class Some extends BaseClass {
		static {
			this.NAME = "hexBlock";
		}
		get valueHex() {
			return this.valueHexView.slice().buffer;
		}
		set valueHex(value) {
			this.valueHexView = new Uint8Array(value);
		}
		constructor(...args) {
			super(...args);
			const params = args[0] || {};
			this.isHexOnly = params.isHexOnly ?? false;
			this.valueHexView = params.valueHex ? (0,buffer_source/* toUint8Array */.Fo)(params.valueHex) : EMPTY_VIEW;
		}
		fromBER(inputBuffer, inputOffset, inputLength, _context) {
			const view = inputBuffer instanceof ArrayBuffer ? new Uint8Array(inputBuffer) : inputBuffer;
			if (!checkBufferParams(this, view, inputOffset, inputLength)) return -1;
			const endLength = inputOffset + inputLength;
			this.valueHexView = view.subarray(inputOffset, endLength);
			if (!this.valueHexView.length) {
				this.warnings.push("Zero buffer length");
				return inputOffset;
			}
			this.blockLength = inputLength;
			return endLength;
		}
		toBER(sizeOnly = false) {
			if (!this.isHexOnly) {
				this.error = "Flag 'isHexOnly' is not set, abort";
				return EMPTY_BUFFER;
			}
			if (sizeOnly) return new ArrayBuffer(this.valueHexView.byteLength);
			if (this.valueHexView.buffer instanceof ArrayBuffer && this.valueHexView.byteLength === this.valueHexView.buffer.byteLength) return this.valueHexView.buffer;
			return (0,buffer_source/* toArrayBuffer */.XA)(this.valueHexView);
		}
		toJSON() {
			return {
				...super.toJSON(),
				isHexOnly: this.isHexOnly,
				valueHex: hex/* hex_exports */.KF.encode(this.valueHexView)
			};
		}
	};
}
//#endregion
//#region src/internals/LocalBaseBlock.ts
var LocalBaseBlock = class {
	static {
		this.NAME = "baseBlock";
	}
	static blockName() {
		return this.NAME;
	}
	get valueBeforeDecode() {
		return this.valueBeforeDecodeView.slice().buffer;
	}
	set valueBeforeDecode(value) {
		this.valueBeforeDecodeView = new Uint8Array(value);
	}
	constructor({ blockLength = 0, error = "", warnings = [], valueBeforeDecode = EMPTY_VIEW } = {}) {
		this.blockLength = blockLength;
		this.error = error;
		this.warnings = warnings;
		this.valueBeforeDecodeView = (0,buffer_source/* toUint8Array */.Fo)(valueBeforeDecode);
	}
	toJSON() {
		return {
			blockName: this.constructor.NAME,
			blockLength: this.blockLength,
			error: this.error,
			warnings: this.warnings,
			valueBeforeDecode: hex/* hex_exports */.KF.encode(this.valueBeforeDecodeView)
		};
	}
};
//#endregion
//#region src/ValueBlock.ts
var ValueBlock = class extends LocalBaseBlock {
	static {
		this.NAME = "valueBlock";
	}
	fromBER(_inputBuffer, _inputOffset, _inputLength, _context) {
		throw TypeError("User need to make a specific function in a class which extends 'ValueBlock'");
	}
	toBER(_sizeOnly, _writer) {
		throw TypeError("User need to make a specific function in a class which extends 'ValueBlock'");
	}
};
//#endregion
//#region src/internals/integerUtils.ts
function decodeBase128(view) {
	try {
		return uint/* uint_exports */.FU.decode(view, { bitsPerByte: 7 });
	} catch {
		return;
	}
}
function encodeBase128(value) {
	try {
		return uint/* uint_exports */.FU.encode(value, { bitsPerByte: 7 });
	} catch {
		return;
	}
}
function bytesToSignedBigInt(view) {
	if (!view.byteLength) return BigInt(0);
	const value = BigInt(`0x${hex/* hex_exports */.KF.encode(view)}`);
	if (view[0] & 128) return value - (BigInt(1) << BigInt(view.byteLength * 8));
	return value;
}
function signedBigIntToBytes(value) {
	const byteLength = ((value < 0 ? -value - BigInt(1) : value).toString(2).length >> 3) + 1;
	const unsigned = value < 0 ? value + (BigInt(1) << BigInt(byteLength * 8)) : value;
	return hex/* hex_exports */.KF.decode(unsigned.toString(16).padStart(byteLength * 2, "0"));
}
//#endregion
//#region src/internals/LocalIdentificationBlock.ts
var LocalIdentificationBlock = class extends HexBlock(LocalBaseBlock) {
	static {
		this.NAME = "identificationBlock";
	}
	constructor({ idBlock = {} } = {}) {
		super();
		if (idBlock) {
			this.isHexOnly = idBlock.isHexOnly ?? false;
			this.valueHexView = idBlock.valueHex ? (0,buffer_source/* toUint8Array */.Fo)(idBlock.valueHex) : EMPTY_VIEW;
			this.tagClass = idBlock.tagClass ?? -1;
			this.tagNumber = idBlock.tagNumber ?? -1;
			this.isConstructed = idBlock.isConstructed ?? false;
		} else {
			this.tagClass = -1;
			this.tagNumber = -1;
			this.isConstructed = false;
		}
	}
	toBER(sizeOnly = false) {
		let firstOctet = 0;
		switch (this.tagClass) {
			case 1:
				firstOctet |= 0;
				break;
			case 2:
				firstOctet |= 64;
				break;
			case 3:
				firstOctet |= 128;
				break;
			case 4:
				firstOctet |= 192;
				break;
			default:
				this.error = "Unknown tag class";
				return EMPTY_BUFFER;
		}
		if (this.isConstructed) firstOctet |= 32;
		if (this.tagNumber < 31 && !this.isHexOnly) {
			const retView = /* @__PURE__ */ new Uint8Array(1);
			if (!sizeOnly) {
				let number = this.tagNumber;
				number &= 31;
				firstOctet |= number;
				retView[0] = firstOctet;
			}
			return retView.buffer;
		}
		if (!this.isHexOnly) {
			const encodedView = encodeBase128(this.tagNumber);
			if (!encodedView) {
				this.error = "Error during encoding tag number";
				return EMPTY_BUFFER;
			}
			const size = encodedView.byteLength;
			const retView = new Uint8Array(size + 1);
			retView[0] = firstOctet | 31;
			if (!sizeOnly) {
				for (let i = 0; i < size - 1; i++) retView[i + 1] = encodedView[i] | 128;
				retView[size] = encodedView[size - 1];
			}
			return retView.buffer;
		}
		const retView = new Uint8Array(this.valueHexView.byteLength + 1);
		retView[0] = firstOctet | 31;
		if (!sizeOnly) {
			const curView = this.valueHexView;
			for (let i = 0; i < curView.length - 1; i++) retView[i + 1] = curView[i] | 128;
			retView[this.valueHexView.byteLength] = curView[curView.length - 1];
		}
		return retView.buffer;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, inputView, inputOffset, inputLength)) return -1;
		const fastArgs = Number.isInteger(inputOffset) && Number.isInteger(inputLength);
		const intBuffer = fastArgs ? inputView : inputView.subarray(inputOffset, inputOffset + inputLength);
		const baseIndex = fastArgs ? inputOffset : 0;
		const bufferLength = fastArgs ? inputLength : intBuffer.length;
		if (bufferLength === 0) {
			this.error = "Zero buffer length";
			return -1;
		}
		switch (intBuffer[baseIndex] & 192) {
			case 0:
				this.tagClass = 1;
				break;
			case 64:
				this.tagClass = 2;
				break;
			case 128:
				this.tagClass = 3;
				break;
			case 192:
				this.tagClass = 4;
				break;
			default:
				this.error = "Unknown tag class";
				return -1;
		}
		this.isConstructed = (intBuffer[baseIndex] & 32) === 32;
		this.isHexOnly = false;
		const tagNumberMask = intBuffer[baseIndex] & 31;
		if (tagNumberMask !== 31) {
			this.tagNumber = tagNumberMask;
			this.blockLength = 1;
		} else {
			let count = 0;
			while (true) {
				const tagByteIndex = count + 1;
				if (tagByteIndex >= bufferLength) {
					this.error = "End of input reached before message was fully decoded";
					return -1;
				}
				count++;
				if ((intBuffer[baseIndex + tagByteIndex] & 128) === 0) break;
			}
			this.blockLength = count + 1;
			const intTagNumberBuffer = this.valueHexView = new Uint8Array(count);
			for (let i = 0; i < count; i++) intTagNumberBuffer[i] = intBuffer[baseIndex + i + 1] & 127;
			const tagNumber = this.blockLength <= 9 ? decodeBase128(intTagNumberBuffer) : void 0;
			if (tagNumber !== void 0) this.tagNumber = tagNumber;
			else {
				this.isHexOnly = true;
				this.warnings.push("Tag too long, represented as hex-coded");
			}
		}
		if (this.tagClass === 1 && this.isConstructed) switch (this.tagNumber) {
			case 1:
			case 2:
			case 5:
			case 6:
			case 9:
			case 13:
			case 14:
			case 23:
			case 24:
			case 31:
			case 32:
			case 33:
			case 34:
				this.error = "Constructed encoding used for primitive type";
				return -1;
		}
		return inputOffset + this.blockLength;
	}
	toJSON() {
		return {
			...super.toJSON(),
			tagClass: this.tagClass,
			tagNumber: this.tagNumber,
			isConstructed: this.isConstructed
		};
	}
};
const ORIGINAL_LOCAL_IDENTIFICATION_TO_BER = LocalIdentificationBlock.prototype.toBER;
const ORIGINAL_LOCAL_IDENTIFICATION_FROM_BER = LocalIdentificationBlock.prototype.fromBER;
//#endregion
//#region src/internals/LocalLengthBlock.ts
var LocalLengthBlock = class extends LocalBaseBlock {
	static {
		this.NAME = "lengthBlock";
	}
	constructor({ lenBlock = {} } = {}) {
		super();
		this.isIndefiniteForm = lenBlock.isIndefiniteForm ?? false;
		this.longFormUsed = lenBlock.longFormUsed ?? false;
		this.length = lenBlock.length ?? 0;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const view = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, view, inputOffset, inputLength)) return -1;
		const fastArgs = Number.isInteger(inputOffset) && Number.isInteger(inputLength);
		const intBuffer = fastArgs ? view : view.subarray(inputOffset, inputOffset + inputLength);
		const baseIndex = fastArgs ? inputOffset : 0;
		const bufferLength = fastArgs ? inputLength : intBuffer.length;
		if (bufferLength === 0) {
			this.error = "Zero buffer length";
			return -1;
		}
		if (intBuffer[baseIndex] === 255) {
			this.error = "Length block 0xFF is reserved by standard";
			return -1;
		}
		this.isIndefiniteForm = intBuffer[baseIndex] === 128;
		if (this.isIndefiniteForm) {
			this.blockLength = 1;
			return inputOffset + this.blockLength;
		}
		this.longFormUsed = !!(intBuffer[baseIndex] & 128);
		if (this.longFormUsed === false) {
			this.length = intBuffer[baseIndex];
			this.blockLength = 1;
			return inputOffset + this.blockLength;
		}
		const count = intBuffer[baseIndex] & 127;
		if (count > 8) {
			this.error = "Too big integer";
			return -1;
		}
		if (count + 1 > bufferLength) {
			this.error = "End of input reached before message was fully decoded";
			return -1;
		}
		const lenOffset = inputOffset + 1;
		const lengthBufferView = view.subarray(lenOffset, lenOffset + count);
		if (lengthBufferView[0] === 0) this.warnings.push("Needlessly long encoded length");
		try {
			this.length = uint/* uint_exports */.FU.decode(lengthBufferView);
		} catch {
			this.error = "Too big integer";
			return -1;
		}
		if (this.longFormUsed && this.length <= 127) this.warnings.push("Unnecessary usage of long length form");
		this.blockLength = count + 1;
		return inputOffset + this.blockLength;
	}
	toBER(sizeOnly = false) {
		let retBuf;
		let retView;
		if (this.length > 127) this.longFormUsed = true;
		if (this.isIndefiniteForm) {
			retBuf = /* @__PURE__ */ new ArrayBuffer(1);
			if (sizeOnly === false) {
				retView = new Uint8Array(retBuf);
				retView[0] = 128;
			}
			return retBuf;
		}
		if (this.longFormUsed) {
			let encodedBuf;
			try {
				encodedBuf = uint/* uint_exports */.FU.encode(this.length);
			} catch {
				this.error = "Too big length";
				return EMPTY_BUFFER;
			}
			retBuf = new ArrayBuffer(encodedBuf.byteLength + 1);
			if (sizeOnly) return retBuf;
			retView = new Uint8Array(retBuf);
			retView[0] = encodedBuf.byteLength | 128;
			retView.set(encodedBuf, 1);
			return retBuf;
		}
		retBuf = /* @__PURE__ */ new ArrayBuffer(1);
		if (sizeOnly === false) {
			retView = new Uint8Array(retBuf);
			retView[0] = this.length;
		}
		return retBuf;
	}
	toJSON() {
		return {
			...super.toJSON(),
			isIndefiniteForm: this.isIndefiniteForm,
			longFormUsed: this.longFormUsed,
			length: this.length
		};
	}
};
const ORIGINAL_LOCAL_LENGTH_TO_BER = LocalLengthBlock.prototype.toBER;
const ORIGINAL_LOCAL_LENGTH_FROM_BER = LocalLengthBlock.prototype.fromBER;
//#endregion
//#region src/TypeStore.ts
const typeStore = {};
//#endregion
//#region src/internals/BEREncoder.ts
const originalUint8ArraySliceInfo = findMethod(Uint8Array.prototype, "slice");
const originalUint8ArrayConstructor = Object.getOwnPropertyDescriptor(Uint8Array.prototype, "constructor")?.value;
const originalArrayIterator = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator)?.value;
const intrinsicTypedArrayByteLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), "byteLength")?.get;
const BUILTIN_DISPATCH_PAYLOAD_THRESHOLD = 16384;
const BUILTIN_DISPATCH_MAX_DEPTH = 64;
let builtinRegistry;
function registerBuiltinEncoder(builtinConstructors, internals) {
	const nextInternals = internals || builtinRegistry;
	if (!nextInternals) {
		builtinRegistry = void 0;
		return;
	}
	builtinRegistry = {
		...nextInternals,
		...builtinConstructors
	};
}
function dataProperty(object, name) {
	const descriptor = Object.getOwnPropertyDescriptor(object, name);
	if (!descriptor || !("value" in descriptor)) return void 0;
	return descriptor.value;
}
function intrinsicPayloadByteLength(value) {
	if (!intrinsicTypedArrayByteLength || !value || typeof value !== "object") return void 0;
	try {
		const byteLength = intrinsicTypedArrayByteLength.call(value);
		return typeof byteLength === "number" ? byteLength : void 0;
	} catch {
		return;
	}
}
function largePayloadOrChain(block, depth) {
	if (depth > BUILTIN_DISPATCH_MAX_DEPTH || !block || typeof block !== "object") return false;
	const valueBlockDescriptor = Object.getOwnPropertyDescriptor(block, "valueBlock");
	if (!valueBlockDescriptor || !("value" in valueBlockDescriptor)) return false;
	const valueBlock = valueBlockDescriptor.value;
	if (!valueBlock || typeof valueBlock !== "object") return false;
	const payloadDescriptor = Object.getOwnPropertyDescriptor(valueBlock, "valueHexView");
	if (payloadDescriptor) {
		if (!("value" in payloadDescriptor)) return false;
		const byteLength = intrinsicPayloadByteLength(payloadDescriptor.value);
		return byteLength !== void 0 && byteLength >= BUILTIN_DISPATCH_PAYLOAD_THRESHOLD;
	}
	const valuesDescriptor = Object.getOwnPropertyDescriptor(valueBlock, "value");
	if (!valuesDescriptor || !("value" in valuesDescriptor) || !Array.isArray(valuesDescriptor.value)) return false;
	const values = valuesDescriptor.value;
	const lengthDescriptor = Object.getOwnPropertyDescriptor(values, "length");
	if (!lengthDescriptor || !("value" in lengthDescriptor) || lengthDescriptor.value !== 1) return false;
	const indexDescriptor = Object.getOwnPropertyDescriptor(values, "0");
	if (!indexDescriptor || !("value" in indexDescriptor)) return false;
	return largePayloadOrChain(indexDescriptor.value, depth + 1);
}
function shouldUseBuiltinEncoder(block) {
	try {
		return largePayloadOrChain(block, 0);
	} catch {
		return false;
	}
}
function sameDataMethod(current, original) {
	return !!current && "value" in current && current.value === original && current.writable === true && current.enumerable === false && current.configurable === true;
}
function writerMethodsStable(registry) {
	return sameDataMethod(Object.getOwnPropertyDescriptor(registry.ViewWriter.prototype, "write"), registry.originalWriterWrite) && sameDataMethod(Object.getOwnPropertyDescriptor(registry.ViewWriter.prototype, "final"), registry.originalWriterFinal);
}
function findMethod(prototype, name) {
	let current = prototype;
	while (current) {
		const descriptor = Object.getOwnPropertyDescriptor(current, name);
		if (descriptor) {
			if ("value" in descriptor && typeof descriptor.value === "function") return {
				declaringPrototype: current,
				method: descriptor.value
			};
			return;
		}
		current = Object.getPrototypeOf(current);
	}
}
function stableInheritedMethod(prototype, name, original) {
	if (!original) return false;
	let current = prototype;
	while (current) {
		const descriptor = Object.getOwnPropertyDescriptor(current, name);
		if (current === original.declaringPrototype) return !!descriptor && "value" in descriptor && descriptor.value === original.method;
		if (descriptor) return false;
		current = Object.getPrototypeOf(current);
	}
	return false;
}
function prototypeMethod(object, prototype, name, expected) {
	if (Object.prototype.hasOwnProperty.call(object, name)) return false;
	if (Object.getPrototypeOf(object) !== prototype) return false;
	const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
	return !!descriptor && "value" in descriptor && descriptor.value === expected;
}
function inheritedMethod(object, name, expected, primitiveConstructor) {
	if (Object.prototype.hasOwnProperty.call(object, name)) return false;
	const prototype = Object.getPrototypeOf(object);
	const originalPrimitiveValuePrototype = Object.getPrototypeOf(primitiveConstructor.prototype);
	if (prototype !== primitiveConstructor.prototype || Object.getPrototypeOf(prototype) !== originalPrimitiveValuePrototype) return false;
	if (prototype && Object.getOwnPropertyDescriptor(prototype, name)) return false;
	const parentDescriptor = Object.getOwnPropertyDescriptor(originalPrimitiveValuePrototype, name);
	return !!parentDescriptor && "value" in parentDescriptor && parentDescriptor.value === expected;
}
function plainPayload(value, allowEmpty = false) {
	if (!(value instanceof Uint8Array) || Object.getPrototypeOf(value) !== Uint8Array.prototype) return void 0;
	for (const name of [
		"buffer",
		"byteOffset",
		"byteLength",
		"length",
		"slice",
		"constructor"
	]) if (Object.prototype.hasOwnProperty.call(value, name)) return void 0;
	const constructorDescriptor = Object.getOwnPropertyDescriptor(Uint8Array.prototype, "constructor");
	if (!constructorDescriptor || !("value" in constructorDescriptor) || constructorDescriptor.value !== originalUint8ArrayConstructor) return void 0;
	if (!stableInheritedMethod(Uint8Array.prototype, "slice", originalUint8ArraySliceInfo)) return void 0;
	try {
		const buffer = value.buffer;
		if (!(buffer instanceof ArrayBuffer) || Object.getPrototypeOf(buffer) !== ArrayBuffer.prototype) return void 0;
		if (Object.prototype.hasOwnProperty.call(buffer, "byteLength")) return void 0;
		if (value.byteLength !== value.length || !allowEmpty && value.byteLength === 0) return void 0;
		if (value.byteOffset < 0 || value.byteOffset + value.byteLength > buffer.byteLength) return void 0;
	} catch {
		return;
	}
	return value;
}
function validIdBlock(block, constructed, registry) {
	if (Object.getPrototypeOf(block) !== registry.LocalIdentificationBlock.prototype) return false;
	if (!prototypeMethod(block, registry.LocalIdentificationBlock.prototype, "toBER", registry.originalIdentificationToBER)) return false;
	const tagClass = dataProperty(block, "tagClass");
	const tagNumber = dataProperty(block, "tagNumber");
	const isConstructed = dataProperty(block, "isConstructed");
	const isHexOnly = dataProperty(block, "isHexOnly");
	const valueHexView = dataProperty(block, "valueHexView");
	if (typeof tagClass !== "number" || !Number.isInteger(tagClass) || tagClass < 1 || tagClass > 4) return false;
	if (typeof tagNumber !== "number" || !Number.isInteger(tagNumber) || tagNumber < 0) return false;
	if (isConstructed !== constructed || typeof isHexOnly !== "boolean") return false;
	if (isHexOnly) return !!plainPayload(valueHexView);
	return Number.isSafeInteger(tagNumber);
}
function validLengthBlock(block, allowIndefinite, registry) {
	if (Object.getPrototypeOf(block) !== registry.LocalLengthBlock.prototype) return false;
	if (!prototypeMethod(block, registry.LocalLengthBlock.prototype, "toBER", registry.originalLengthToBER)) return false;
	const indefinite = dataProperty(block, "isIndefiniteForm");
	const longForm = dataProperty(block, "longFormUsed");
	const lengthDescriptor = Object.getOwnPropertyDescriptor(block, "length");
	const length = lengthDescriptor && "value" in lengthDescriptor ? lengthDescriptor.value : void 0;
	const longFormDescriptor = Object.getOwnPropertyDescriptor(block, "longFormUsed");
	return typeof indefinite === "boolean" && (indefinite === false || allowIndefinite) && typeof longForm === "boolean" && !!longFormDescriptor && "value" in longFormDescriptor && longFormDescriptor.writable === true && !!lengthDescriptor && "value" in lengthDescriptor && lengthDescriptor.writable === true && typeof length === "number" && Number.isSafeInteger(length) && length >= 0;
}
function validBaseBlock(block, isConstructed, registry) {
	const idBlock = dataProperty(block, "idBlock");
	const lenBlock = dataProperty(block, "lenBlock");
	return !!idBlock && !!lenBlock && validIdBlock(idBlock, isConstructed, registry) && validLengthBlock(lenBlock, isConstructed, registry);
}
function constructedChild(block, registry) {
	const valueBlock = dataProperty(block, "valueBlock");
	if (!valueBlock || Object.getPrototypeOf(valueBlock) !== registry.LocalConstructedValueBlock.prototype) return void 0;
	if (!prototypeMethod(valueBlock, registry.LocalConstructedValueBlock.prototype, "toBER", registry.originalConstructedToBER)) return void 0;
	const values = dataProperty(valueBlock, "value");
	if (!Array.isArray(values) || Object.getPrototypeOf(values) !== Array.prototype) return void 0;
	const lengthDescriptor = Object.getOwnPropertyDescriptor(values, "length");
	if (!lengthDescriptor || !("value" in lengthDescriptor) || lengthDescriptor.value !== 1) return void 0;
	if (Object.prototype.hasOwnProperty.call(values, Symbol.iterator)) return void 0;
	const iteratorDescriptor = Object.getOwnPropertyDescriptor(Array.prototype, Symbol.iterator);
	if (!iteratorDescriptor || !("value" in iteratorDescriptor) || iteratorDescriptor.value !== originalArrayIterator) return void 0;
	const indexDescriptor = Object.getOwnPropertyDescriptor(values, "0");
	if (!indexDescriptor || !("value" in indexDescriptor)) return void 0;
	if (Object.getOwnPropertyNames(values).length !== 2) return void 0;
	return indexDescriptor.value;
}
function bitPayload(block, registry) {
	const valueBlock = dataProperty(block, "valueBlock");
	if (!valueBlock || Object.getPrototypeOf(valueBlock) !== registry.LocalBitStringValueBlock.prototype) return void 0;
	if (!prototypeMethod(valueBlock, registry.LocalBitStringValueBlock.prototype, "toBER", registry.originalBitStringToBER)) return void 0;
	if (dataProperty(valueBlock, "isConstructed") !== false) return void 0;
	const unusedBits = dataProperty(valueBlock, "unusedBits");
	if (typeof unusedBits !== "number" || !Number.isInteger(unusedBits) || unusedBits < 0 || unusedBits > 7) return void 0;
	const payload = plainPayload(dataProperty(valueBlock, "valueHexView"), true);
	if (!payload) return void 0;
	return {
		payload,
		prefix: Uint8Array.of(payload.byteLength ? unusedBits : 0)
	};
}
function primitivePayload(block, kind, registry) {
	const valueBlock = dataProperty(block, "valueBlock");
	if (!valueBlock) return void 0;
	if (kind === "integer") {
		if (Object.getPrototypeOf(valueBlock) !== registry.LocalIntegerValueBlock.prototype) return void 0;
		if (!prototypeMethod(valueBlock, registry.LocalIntegerValueBlock.prototype, "toBER", registry.originalIntegerToBER)) return void 0;
	} else if (kind === "octet") {
		if (Object.getPrototypeOf(valueBlock) !== registry.LocalOctetStringValueBlock.prototype) return void 0;
		if (!prototypeMethod(valueBlock, registry.LocalOctetStringValueBlock.prototype, "toBER", registry.originalOctetStringToBER)) return void 0;
		if (dataProperty(valueBlock, "isConstructed") !== false) return void 0;
	} else {
		if (Object.getPrototypeOf(valueBlock) !== registry.LocalPrimitiveValueBlock.prototype) return void 0;
		if (!inheritedMethod(valueBlock, "toBER", registry.originalPrimitiveToBER, registry.LocalPrimitiveValueBlock)) return void 0;
	}
	if (kind === "primitive" && dataProperty(valueBlock, "isHexOnly") !== true) return void 0;
	if (typeof dataProperty(valueBlock, "isHexOnly") !== "boolean") return void 0;
	return plainPayload(dataProperty(valueBlock, "valueHexView"));
}
function validOuterMethod(block, registry) {
	if (Object.prototype.hasOwnProperty.call(block, "toBER")) return false;
	let prototype = block;
	while (prototype) {
		const descriptor = Object.getOwnPropertyDescriptor(prototype, "toBER");
		if (descriptor) return "value" in descriptor && descriptor.value === registry.originalBaseBlockToBER;
		prototype = Object.getPrototypeOf(prototype);
	}
	return false;
}
function isPrimitive(block, type, registry) {
	const constructor = registry[type];
	return !!constructor && Object.getPrototypeOf(block) === constructor.prototype;
}
function isConstructed(block, registry) {
	return Object.getPrototypeOf(block) === registry.Sequence.prototype || Object.getPrototypeOf(block) === registry.Set.prototype || Object.getPrototypeOf(block) === registry.Constructed.prototype;
}
function inspectNode(block, depth, registry) {
	if (depth > BUILTIN_DISPATCH_MAX_DEPTH || !block || typeof block !== "object") return void 0;
	try {
		if (!validOuterMethod(block, registry)) return void 0;
		const primitiveKind = isPrimitive(block, "BitString", registry) ? "bit" : isPrimitive(block, "Integer", registry) ? "integer" : isPrimitive(block, "OctetString", registry) ? "octet" : isPrimitive(block, "Primitive", registry) ? "primitive" : void 0;
		const constructed = primitiveKind === void 0 && isConstructed(block, registry);
		if (!primitiveKind && !constructed) return void 0;
		if (!validBaseBlock(block, constructed, registry)) return void 0;
		const idBlock = dataProperty(block, "idBlock");
		const lenBlock = dataProperty(block, "lenBlock");
		if (!idBlock || !lenBlock) return void 0;
		if (primitiveKind) {
			const bit = primitiveKind === "bit" ? bitPayload(block, registry) : void 0;
			const payload = primitiveKind === "bit" ? bit?.payload : primitivePayload(block, primitiveKind, registry);
			return payload ? {
				block,
				kind: primitiveKind,
				idBlock,
				lenBlock,
				indefinite: false,
				payload,
				prefix: bit?.prefix
			} : void 0;
		}
		const child = constructedChild(block, registry);
		const validatedChild = child && inspectNode(child, depth + 1, registry);
		const indefinite = dataProperty(lenBlock, "isIndefiniteForm");
		return validatedChild ? {
			block,
			kind: "constructed",
			idBlock,
			lenBlock,
			indefinite: indefinite === true,
			child: validatedChild
		} : void 0;
	} catch {
		return;
	}
}
function buildNode(node, sizeOnly, registry) {
	const id = Reflect.apply(registry.originalIdentificationToBER, node.idBlock, [sizeOnly]);
	if (!(id instanceof ArrayBuffer) || id.byteLength === 0) throw TypeError("Built-in identifier encoding failed");
	let payload;
	if (node.kind === "constructed") payload = buildNode(node.child, sizeOnly, registry);
	else payload = node.payload;
	const length = (payload instanceof Uint8Array ? payload.byteLength : payload.total) + (node.prefix?.byteLength ?? 0);
	let len;
	if (node.indefinite) len = Uint8Array.of(128).buffer;
	else {
		node.lenBlock.length = length;
		len = Reflect.apply(registry.originalLengthToBER, node.lenBlock, [sizeOnly]);
		if (!(len instanceof ArrayBuffer) || len.byteLength === 0) throw TypeError("Built-in length encoding failed");
	}
	const total = id.byteLength + len.byteLength + length + (node.indefinite ? 2 : 0);
	if (!Number.isSafeInteger(total)) throw RangeError("Built-in encoding is too large");
	return {
		id,
		len,
		payload,
		length,
		total,
		indefinite: node.indefinite,
		prefix: node.prefix
	};
}
function flatten(node, output, offset, sizeOnly) {
	output.set(new Uint8Array(node.id), offset);
	offset += node.id.byteLength;
	output.set(new Uint8Array(node.len), offset);
	offset += node.len.byteLength;
	if (node.prefix) {
		if (!sizeOnly) output.set(node.prefix, offset);
		offset += node.prefix.byteLength;
	}
	if (node.payload instanceof Uint8Array) {
		if (!sizeOnly) output.set(node.payload, offset);
		offset += node.payload.byteLength;
	} else offset = flatten(node.payload, output, offset, sizeOnly);
	if (node.indefinite) offset += 2;
	return offset;
}
function tryEncodeBuiltin(block, sizeOnly = false) {
	const registry = builtinRegistry;
	if (!registry || !writerMethodsStable(registry)) return void 0;
	const validated = inspectNode(block, 0, registry);
	if (!validated) return void 0;
	const node = buildNode(validated, sizeOnly, registry);
	const output = new Uint8Array(node.total);
	flatten(node, output, 0, sizeOnly);
	return output.buffer;
}
//#endregion
//#region src/BaseBlock.ts
var BaseBlock = class extends LocalBaseBlock {
	static {
		this.NAME = "BaseBlock";
	}
	constructor({ name = "", optional = false, primitiveSchema, ...parameters } = {}, valueBlockType) {
		super(parameters);
		this.name = name;
		this.optional = optional;
		if (primitiveSchema) this.primitiveSchema = primitiveSchema;
		this.idBlock = new LocalIdentificationBlock(parameters);
		this.lenBlock = new LocalLengthBlock(parameters);
		this.valueBlock = valueBlockType ? new valueBlockType(parameters) : new ValueBlock(parameters);
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		const resultOffset = this.valueBlock.fromBER(inputBuffer, inputOffset, this.lenBlock.isIndefiniteForm ? inputLength : this.lenBlock.length, context);
		if (resultOffset === -1) {
			this.error = this.valueBlock.error;
			return resultOffset;
		}
		if (!this.idBlock.error.length) this.blockLength += this.idBlock.blockLength;
		if (!this.lenBlock.error.length) this.blockLength += this.lenBlock.blockLength;
		if (!this.valueBlock.error.length) this.blockLength += this.valueBlock.blockLength;
		return resultOffset;
	}
	toBER(sizeOnly, writer) {
		const _writer = writer || new ViewWriter();
		if (!writer) {
			prepareIndefiniteForm(this);
			if (sizeOnly === true || sizeOnly === false || sizeOnly === void 0) {
				if (shouldUseBuiltinEncoder(this)) {
					const encoded = tryEncodeBuiltin(this, sizeOnly === true);
					if (encoded) return encoded;
				}
			}
		}
		const idBlockBuf = this.idBlock.toBER(sizeOnly);
		_writer.write(idBlockBuf);
		if (this.lenBlock.isIndefiniteForm) {
			_writer.write(new Uint8Array([128]).buffer);
			this.valueBlock.toBER(sizeOnly, _writer);
			_writer.write(/* @__PURE__ */ new ArrayBuffer(2));
		} else {
			const valueBlockBuf = this.valueBlock.toBER(sizeOnly);
			this.lenBlock.length = valueBlockBuf.byteLength;
			const lenBlockBuf = this.lenBlock.toBER(sizeOnly);
			_writer.write(lenBlockBuf);
			_writer.write(valueBlockBuf);
		}
		if (!writer) return _writer.final();
		return EMPTY_BUFFER;
	}
	toJSON() {
		const object = {
			...super.toJSON(),
			idBlock: this.idBlock.toJSON(),
			lenBlock: this.lenBlock.toJSON(),
			valueBlock: this.valueBlock.toJSON(),
			name: this.name,
			optional: this.optional
		};
		if (this.primitiveSchema) object.primitiveSchema = this.primitiveSchema.toJSON();
		return object;
	}
	toString(encoding = "ascii") {
		if (encoding === "ascii") return this.onAsciiEncoding();
		return hex/* hex_exports */.KF.encode(this.toBER());
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${hex/* hex_exports */.KF.encode(this.valueBlock.valueBeforeDecodeView)}`;
	}
	isEqual(other) {
		if (this === other) return true;
		if (!(other instanceof this.constructor)) return false;
		const thisRaw = this.toBER();
		const otherRaw = other.toBER();
		return bytes/* bytes_exports */.EH.equal(thisRaw, otherRaw);
	}
};
const ORIGINAL_BASE_BLOCK_TO_BER = BaseBlock.prototype.toBER;
function prepareIndefiniteForm(baseBlock) {
	if (baseBlock instanceof typeStore.Constructed) {
		for (const value of baseBlock.valueBlock.value) if (prepareIndefiniteForm(value)) baseBlock.lenBlock.isIndefiniteForm = true;
	}
	return !!baseBlock.lenBlock?.isIndefiniteForm;
}
//#endregion
//#region src/BaseStringBlock.ts
var BaseStringBlock = class extends BaseBlock {
	static {
		this.NAME = "BaseStringBlock";
	}
	getValue() {
		return this.valueBlock.value;
	}
	setValue(value) {
		this.valueBlock.value = value;
	}
	constructor({ value = "", ...parameters } = {}, stringValueBlockType) {
		super(parameters, stringValueBlockType);
		if (value) this.fromString(value);
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const resultOffset = this.valueBlock.fromBER(inputBuffer, inputOffset, this.lenBlock.isIndefiniteForm ? inputLength : this.lenBlock.length);
		if (resultOffset === -1) {
			this.error = this.valueBlock.error;
			return resultOffset;
		}
		const valueError = this.checkValue(this.valueBlock.valueHexView);
		if (valueError) {
			this.error = valueError;
			return -1;
		}
		this.fromBuffer(this.valueBlock.valueHexView);
		if (!this.idBlock.error.length) this.blockLength += this.idBlock.blockLength;
		if (!this.lenBlock.error.length) this.blockLength += this.lenBlock.blockLength;
		if (!this.valueBlock.error.length) this.blockLength += this.valueBlock.blockLength;
		return resultOffset;
	}
	checkValue(_view) {
		return "";
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : '${this.valueBlock.value}'`;
	}
};
//#endregion
//#region src/internals/LocalPrimitiveValueBlock.ts
var LocalPrimitiveValueBlock = class extends HexBlock(ValueBlock) {
	static {
		this.NAME = "PrimitiveValueBlock";
	}
	constructor({ isHexOnly = true, ...parameters } = {}) {
		super(parameters);
		this.isHexOnly = isHexOnly;
	}
};
const ORIGINAL_LOCAL_PRIMITIVE_TO_BER = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(LocalPrimitiveValueBlock.prototype), "toBER")?.value;
//#endregion
//#region src/Primitive.ts
var Primitive = class extends BaseBlock {
	static {
		typeStore.Primitive = this;
	}
	static {
		this.NAME = "PRIMITIVE";
	}
	constructor(parameters = {}) {
		super(parameters, LocalPrimitiveValueBlock);
		this.idBlock.isConstructed = false;
	}
};
//#endregion
//#region src/parser.ts
let fastParserRegistry;
function registerFastParser(constructors) {
	fastParserRegistry = {
		Integer: constructors.Integer,
		Null: constructors.Null,
		Sequence: constructors.Sequence
	};
}
function fastParserContext(context) {
	const nodes = Object.getOwnPropertyDescriptor(context, "nodesCount");
	const maxNodes = Object.getOwnPropertyDescriptor(context, "maxNodes");
	const maxContentLength = Object.getOwnPropertyDescriptor(context, "maxContentLength");
	if (!nodes || !("value" in nodes) || nodes.writable !== true) return false;
	if (!maxNodes || !("value" in maxNodes) || !maxContentLength || !("value" in maxContentLength)) return false;
	return typeof nodes.value === "number" && Number.isSafeInteger(nodes.value) && nodes.value >= 0 && typeof maxNodes.value === "number" && Number.isSafeInteger(maxNodes.value) && maxNodes.value >= 0 && typeof maxContentLength.value === "number" && Number.isSafeInteger(maxContentLength.value) && maxContentLength.value >= 0 && nodes.value < maxNodes.value;
}
function fastParserType(store, name, value) {
	const descriptor = Object.getOwnPropertyDescriptor(store, name);
	return !!descriptor && "value" in descriptor && descriptor.value === value;
}
function tryFastFromBER(inputBuffer, inputOffset, inputLength, context) {
	const registry = fastParserRegistry;
	if (!registry) return void 0;
	let Constructor;
	let length = 0;
	try {
		if (Object.getPrototypeOf(inputBuffer) !== Uint8Array.prototype) return void 0;
		if (!Number.isSafeInteger(inputOffset) || inputOffset < 0 || !Number.isSafeInteger(inputLength) || inputLength < 2) return;
		if (inputOffset > inputBuffer.byteLength || inputLength > inputBuffer.byteLength - inputOffset) return void 0;
		const tag = inputBuffer[inputOffset];
		if (tag !== 2 && tag !== 5 && tag !== 48) return void 0;
		length = inputBuffer[inputOffset + 1];
		if (length >= 128 || length > inputLength - 2) return void 0;
		if (tag === 5 && length !== 0) return void 0;
		if (!fastParserContext(context)) return void 0;
		if (length > Object.getOwnPropertyDescriptor(context, "maxContentLength").value) return;
		const constructorName = tag === 2 ? "Integer" : tag === 5 ? "Null" : "Sequence";
		Constructor = registry[constructorName];
		if (!fastParserType(typeStore, constructorName, Constructor)) return void 0;
		const identificationFromBER = Object.getOwnPropertyDescriptor(LocalIdentificationBlock.prototype, "fromBER");
		const lengthFromBER = Object.getOwnPropertyDescriptor(LocalLengthBlock.prototype, "fromBER");
		if (!identificationFromBER || !("value" in identificationFromBER) || identificationFromBER.value !== ORIGINAL_LOCAL_IDENTIFICATION_FROM_BER || !lengthFromBER || !("value" in lengthFromBER) || lengthFromBER.value !== ORIGINAL_LOCAL_LENGTH_FROM_BER) return void 0;
	} catch {
		return;
	}
	if (!Constructor) return void 0;
	const result = new Constructor();
	result.idBlock.tagClass = 1;
	result.idBlock.tagNumber = inputBuffer[inputOffset] & 31;
	result.idBlock.isConstructed = inputBuffer[inputOffset] === 48;
	result.idBlock.isHexOnly = false;
	result.idBlock.blockLength = 1;
	result.lenBlock.isIndefiniteForm = false;
	result.lenBlock.longFormUsed = false;
	result.lenBlock.length = length;
	result.lenBlock.blockLength = 1;
	context.nodesCount += 1;
	const resultOffset = result.fromBER(inputBuffer, inputOffset + 2, length, context);
	result.valueBeforeDecodeView = inputBuffer.subarray(inputOffset, inputOffset + result.blockLength);
	return {
		offset: resultOffset,
		result
	};
}
const DEFAULT_MAX_DEPTH = 100;
const DEFAULT_MAX_NODES = 1e4;
const DEFAULT_MAX_CONTENT_LENGTH = 16777216;
const MAX_DEPTH_EXCEEDED_ERROR = "Maximum ASN.1 nesting depth exceeded";
const MAX_NODES_EXCEEDED_ERROR = "Maximum ASN.1 node count exceeded";
const MAX_CONTENT_LENGTH_EXCEEDED_ERROR = "Maximum ASN.1 content length exceeded";
function createFromBerContext(options = {}) {
	return {
		depth: 0,
		maxDepth: options.maxDepth ?? 100,
		nodesCount: 0,
		maxNodes: options.maxNodes ?? 1e4,
		maxContentLength: options.maxContentLength ?? 16777216,
		parseEmbedded: options.parseEmbedded ?? true
	};
}
function createErrorResult(error) {
	const result = new BaseBlock({}, ValueBlock);
	result.error = error;
	return {
		offset: -1,
		result
	};
}
function checkNodesLimit(context) {
	context.nodesCount += 1;
	if (context.nodesCount > context.maxNodes) return MAX_NODES_EXCEEDED_ERROR;
}
function checkContentLengthLimit(inputLength, context) {
	if (inputLength > context.maxContentLength) return MAX_CONTENT_LENGTH_EXCEEDED_ERROR;
}
function localFromBERWithChildContext(inputBuffer, inputOffset, inputLength, context) {
	const childDepth = context.depth + 1;
	if (childDepth > context.maxDepth) return createErrorResult(MAX_DEPTH_EXCEEDED_ERROR);
	context.depth = childDepth;
	try {
		return localFromBER(inputBuffer, inputOffset, inputLength, context);
	} finally {
		context.depth -= 1;
	}
}
function localChangeType(inputObject, newType) {
	if (inputObject instanceof newType) return inputObject;
	const newObject = new newType();
	newObject.idBlock = inputObject.idBlock;
	newObject.lenBlock = inputObject.lenBlock;
	newObject.warnings = inputObject.warnings;
	newObject.valueBeforeDecodeView = inputObject.valueBeforeDecodeView;
	return newObject;
}
function localFromBER(inputBuffer, inputOffset = 0, inputLength = inputBuffer.length, context = createFromBerContext()) {
	const fastResult = tryFastFromBER(inputBuffer, inputOffset, inputLength, context);
	if (fastResult) return fastResult;
	const incomingOffset = inputOffset;
	let returnObject = new BaseBlock({}, ValueBlock);
	if (!checkBufferParams(returnObject, inputBuffer, inputOffset, inputLength)) return {
		offset: -1,
		result: returnObject
	};
	if (Number.isInteger(inputOffset) && Number.isInteger(inputLength) ? inputLength === 0 : inputBuffer.subarray(inputOffset, inputOffset + inputLength).length === 0) {
		returnObject.error = "Zero buffer length";
		return {
			offset: -1,
			result: returnObject
		};
	}
	const nodesLimitError = checkNodesLimit(context);
	if (nodesLimitError) {
		returnObject.error = nodesLimitError;
		return {
			offset: -1,
			result: returnObject
		};
	}
	let resultOffset = returnObject.idBlock.fromBER(inputBuffer, inputOffset, inputLength);
	if (returnObject.idBlock.warnings.length) returnObject.warnings.concat(returnObject.idBlock.warnings);
	if (resultOffset === -1) {
		returnObject.error = returnObject.idBlock.error;
		return {
			offset: -1,
			result: returnObject
		};
	}
	inputOffset = resultOffset;
	inputLength -= returnObject.idBlock.blockLength;
	resultOffset = returnObject.lenBlock.fromBER(inputBuffer, inputOffset, inputLength);
	if (returnObject.lenBlock.warnings.length) returnObject.warnings.concat(returnObject.lenBlock.warnings);
	if (resultOffset === -1) {
		returnObject.error = returnObject.lenBlock.error;
		return {
			offset: -1,
			result: returnObject
		};
	}
	inputOffset = resultOffset;
	inputLength -= returnObject.lenBlock.blockLength;
	const valueLength = returnObject.lenBlock.isIndefiniteForm ? inputLength : returnObject.lenBlock.length;
	const contentLengthError = checkContentLengthLimit(valueLength, context);
	if (contentLengthError) {
		returnObject.error = contentLengthError;
		return {
			offset: -1,
			result: returnObject
		};
	}
	if (!returnObject.idBlock.isConstructed && returnObject.lenBlock.isIndefiniteForm) {
		returnObject.error = "Indefinite length form used for primitive encoding form";
		return {
			offset: -1,
			result: returnObject
		};
	}
	let newASN1Type = BaseBlock;
	switch (returnObject.idBlock.tagClass) {
		case 1:
			if (returnObject.idBlock.tagNumber >= 37 && returnObject.idBlock.isHexOnly === false) {
				returnObject.error = "UNIVERSAL 37 and upper tags are reserved by ASN.1 standard";
				return {
					offset: -1,
					result: returnObject
				};
			}
			switch (returnObject.idBlock.tagNumber) {
				case 0:
					if (returnObject.idBlock.isConstructed && returnObject.lenBlock.length > 0) {
						returnObject.error = "Type [UNIVERSAL 0] is reserved";
						return {
							offset: -1,
							result: returnObject
						};
					}
					newASN1Type = typeStore.EndOfContent;
					break;
				case 1:
					newASN1Type = typeStore.Boolean;
					break;
				case 2:
					newASN1Type = typeStore.Integer;
					break;
				case 3:
					newASN1Type = typeStore.BitString;
					break;
				case 4:
					newASN1Type = typeStore.OctetString;
					break;
				case 5:
					newASN1Type = typeStore.Null;
					break;
				case 6:
					newASN1Type = typeStore.ObjectIdentifier;
					break;
				case 10:
					newASN1Type = typeStore.Enumerated;
					break;
				case 12:
					newASN1Type = typeStore.Utf8String;
					break;
				case 13:
					newASN1Type = typeStore.RelativeObjectIdentifier;
					break;
				case 14:
					newASN1Type = typeStore.TIME;
					break;
				case 15:
					returnObject.error = "[UNIVERSAL 15] is reserved by ASN.1 standard";
					return {
						offset: -1,
						result: returnObject
					};
				case 16:
					newASN1Type = typeStore.Sequence;
					break;
				case 17:
					newASN1Type = typeStore.Set;
					break;
				case 18:
					newASN1Type = typeStore.NumericString;
					break;
				case 19:
					newASN1Type = typeStore.PrintableString;
					break;
				case 20:
					newASN1Type = typeStore.TeletexString;
					break;
				case 21:
					newASN1Type = typeStore.VideotexString;
					break;
				case 22:
					newASN1Type = typeStore.IA5String;
					break;
				case 23:
					newASN1Type = typeStore.UTCTime;
					break;
				case 24:
					newASN1Type = typeStore.GeneralizedTime;
					break;
				case 25:
					newASN1Type = typeStore.GraphicString;
					break;
				case 26:
					newASN1Type = typeStore.VisibleString;
					break;
				case 27:
					newASN1Type = typeStore.GeneralString;
					break;
				case 28:
					newASN1Type = typeStore.UniversalString;
					break;
				case 29:
					newASN1Type = typeStore.CharacterString;
					break;
				case 30:
					newASN1Type = typeStore.BmpString;
					break;
				case 31:
					newASN1Type = typeStore.DATE;
					break;
				case 32:
					newASN1Type = typeStore.TimeOfDay;
					break;
				case 33:
					newASN1Type = typeStore.DateTime;
					break;
				case 34:
					newASN1Type = typeStore.Duration;
					break;
				default: {
					const newObject = returnObject.idBlock.isConstructed ? new typeStore.Constructed() : new typeStore.Primitive();
					newObject.idBlock = returnObject.idBlock;
					newObject.lenBlock = returnObject.lenBlock;
					newObject.warnings = returnObject.warnings;
					returnObject = newObject;
				}
			}
			break;
		default: newASN1Type = returnObject.idBlock.isConstructed ? typeStore.Constructed : typeStore.Primitive;
	}
	returnObject = localChangeType(returnObject, newASN1Type);
	resultOffset = returnObject.fromBER(inputBuffer, inputOffset, valueLength, context);
	returnObject.valueBeforeDecodeView = inputBuffer.subarray(incomingOffset, incomingOffset + returnObject.blockLength);
	return {
		offset: resultOffset,
		result: returnObject
	};
}
function fromBER(inputBuffer, options = {}) {
	if (!inputBuffer.byteLength) {
		const result = new BaseBlock({}, ValueBlock);
		result.error = "Input buffer has zero length";
		return {
			offset: -1,
			result
		};
	}
	const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
	return localFromBER(options.copyInput === false ? inputView : inputView.slice(), 0, inputBuffer.byteLength, createFromBerContext(options));
}
//#endregion
//#region src/internals/LocalConstructedValueBlock.ts
function checkLen(indefiniteLength, length) {
	if (indefiniteLength) return 1;
	return length;
}
var LocalConstructedValueBlock = class extends ValueBlock {
	static {
		this.NAME = "ConstructedValueBlock";
	}
	constructor({ value = [], isIndefiniteForm = false, ...parameters } = {}) {
		super(parameters);
		this.value = value;
		this.isIndefiniteForm = isIndefiniteForm;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		const view = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		const parseContext = context ?? createFromBerContext();
		if (!checkBufferParams(this, view, inputOffset, inputLength)) return -1;
		this.valueBeforeDecodeView = view.subarray(inputOffset, inputOffset + inputLength);
		if (this.valueBeforeDecodeView.length === 0) {
			this.warnings.push("Zero buffer length");
			return inputOffset;
		}
		let currentOffset = inputOffset;
		while (checkLen(this.isIndefiniteForm, inputLength) > 0) {
			const returnObject = localFromBERWithChildContext(view, currentOffset, inputLength, parseContext);
			if (returnObject.offset === -1) {
				this.error = returnObject.result.error;
				this.warnings.concat(returnObject.result.warnings);
				return -1;
			}
			currentOffset = returnObject.offset;
			this.blockLength += returnObject.result.blockLength;
			inputLength -= returnObject.result.blockLength;
			this.value.push(returnObject.result);
			if (this.isIndefiniteForm && returnObject.result.constructor.NAME === "EndOfContent") break;
		}
		if (this.isIndefiniteForm) {
			if (this.value[this.value.length - 1].constructor.NAME === "EndOfContent") this.value.pop();
			else this.warnings.push("No EndOfContent block encoded");
		}
		return currentOffset;
	}
	toBER(sizeOnly, writer) {
		const _writer = writer || new ViewWriter();
		for (let i = 0; i < this.value.length; i++) this.value[i].toBER(sizeOnly, _writer);
		if (!writer) return _writer.final();
		return EMPTY_BUFFER;
	}
	toJSON() {
		const object = {
			...super.toJSON(),
			isIndefiniteForm: this.isIndefiniteForm,
			value: []
		};
		for (const value of this.value) object.value.push(value.toJSON());
		return object;
	}
};
const ORIGINAL_LOCAL_CONSTRUCTED_TO_BER = LocalConstructedValueBlock.prototype.toBER;
//#endregion
//#region src/Constructed.ts
var Constructed = class extends BaseBlock {
	static {
		typeStore.Constructed = this;
	}
	static {
		this.NAME = "CONSTRUCTED";
	}
	constructor(parameters = {}) {
		super(parameters, LocalConstructedValueBlock);
		this.idBlock.isConstructed = true;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		this.valueBlock.isIndefiniteForm = this.lenBlock.isIndefiniteForm;
		const resultOffset = this.valueBlock.fromBER(inputBuffer, inputOffset, this.lenBlock.isIndefiniteForm ? inputLength : this.lenBlock.length, context);
		if (resultOffset === -1) {
			this.error = this.valueBlock.error;
			return resultOffset;
		}
		if (!this.idBlock.error.length) this.blockLength += this.idBlock.blockLength;
		if (!this.lenBlock.error.length) this.blockLength += this.lenBlock.blockLength;
		if (!this.valueBlock.error.length) this.blockLength += this.valueBlock.blockLength;
		return resultOffset;
	}
	onAsciiEncoding() {
		const values = [];
		for (const value of this.valueBlock.value) values.push(value.toString("ascii").split("\n").map((o) => `  ${o}`).join("\n"));
		const blockName = this.idBlock.tagClass === 3 ? `[${this.idBlock.tagNumber}]` : this.constructor.NAME;
		return values.length ? `${blockName} :\n${values.join("\n")}` : `${blockName} :`;
	}
};
//#endregion
//#region src/internals/LocalEndOfContentValueBlock.ts
var LocalEndOfContentValueBlock = class extends ValueBlock {
	static {
		this.override = "EndOfContentValueBlock";
	}
	fromBER(inputBuffer, inputOffset, _inputLength) {
		return inputOffset;
	}
	toBER(_sizeOnly) {
		return EMPTY_BUFFER;
	}
};
//#endregion
//#region src/EndOfContent.ts
var EndOfContent = class extends BaseBlock {
	static {
		typeStore.EndOfContent = this;
	}
	static {
		this.NAME = END_OF_CONTENT_NAME;
	}
	constructor(parameters = {}) {
		super(parameters, LocalEndOfContentValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 0;
	}
};
//#endregion
//#region src/Null.ts
var Null = class extends BaseBlock {
	static {
		typeStore.Null = this;
	}
	static {
		this.NAME = "NULL";
	}
	constructor(parameters = {}) {
		super(parameters, ValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 5;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		if (this.lenBlock.length > 0) this.warnings.push("Non-zero length of value block for Null type");
		if (!this.idBlock.error.length) this.blockLength += this.idBlock.blockLength;
		if (!this.lenBlock.error.length) this.blockLength += this.lenBlock.blockLength;
		this.blockLength += inputLength;
		if (inputOffset + inputLength > inputBuffer.byteLength) {
			this.error = "End of input reached before message was fully decoded (inconsistent offset and length values)";
			return -1;
		}
		return inputOffset + inputLength;
	}
	toBER(sizeOnly, writer) {
		const retBuf = /* @__PURE__ */ new ArrayBuffer(2);
		if (!sizeOnly) {
			const retView = new Uint8Array(retBuf);
			retView[0] = 5;
			retView[1] = 0;
		}
		if (writer) writer.write(retBuf);
		return retBuf;
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME}`;
	}
};
//#endregion
//#region src/internals/LocalBooleanValueBlock.ts
var LocalBooleanValueBlock = class extends HexBlock(ValueBlock) {
	static {
		this.NAME = "BooleanValueBlock";
	}
	get value() {
		for (const octet of this.valueHexView) if (octet > 0) return true;
		return false;
	}
	set value(value) {
		this.valueHexView[0] = value ? 255 : 0;
	}
	constructor({ value, ...parameters } = {}) {
		super(parameters);
		if (parameters.valueHex) this.valueHexView = (0,buffer_source/* toUint8Array */.Fo)(parameters.valueHex);
		else this.valueHexView = /* @__PURE__ */ new Uint8Array(1);
		if (value) this.value = value;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, inputView, inputOffset, inputLength)) return -1;
		this.valueHexView = inputView.subarray(inputOffset, inputOffset + inputLength);
		if (inputLength > 1) this.warnings.push("Boolean value encoded in more then 1 octet");
		this.isHexOnly = true;
		if (inputLength > 1 && !int_exports.isMinimal(this.valueHexView)) this.warnings.push("Needlessly long format");
		this.blockLength = inputLength;
		return inputOffset + inputLength;
	}
	toBER() {
		return this.valueHexView.slice().buffer;
	}
	toJSON() {
		return {
			...super.toJSON(),
			value: this.value
		};
	}
};
//#endregion
//#region src/Boolean.ts
var Boolean = class extends BaseBlock {
	static {
		typeStore.Boolean = this;
	}
	getValue() {
		return this.valueBlock.value;
	}
	setValue(value) {
		this.valueBlock.value = value;
	}
	static {
		this.NAME = "BOOLEAN";
	}
	constructor(parameters = {}) {
		super(parameters, LocalBooleanValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 1;
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${this.getValue}`;
	}
};
//#endregion
//#region src/internals/LocalOctetStringValueBlock.ts
var LocalOctetStringValueBlock = class extends HexBlock(LocalConstructedValueBlock) {
	static {
		this.NAME = "OctetStringValueBlock";
	}
	constructor({ isConstructed = false, ...parameters } = {}) {
		super(parameters);
		this.isConstructed = isConstructed;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		let resultOffset = 0;
		if (this.isConstructed) {
			this.isHexOnly = false;
			resultOffset = LocalConstructedValueBlock.prototype.fromBER.call(this, inputBuffer, inputOffset, inputLength, context);
			if (resultOffset === -1) return resultOffset;
			for (let i = 0; i < this.value.length; i++) {
				const currentBlockName = this.value[i].constructor.NAME;
				if (currentBlockName === "EndOfContent") {
					if (this.isIndefiniteForm) break;
					else {
						this.error = "EndOfContent is unexpected, OCTET STRING may consists of OCTET STRINGs only";
						return -1;
					}
				}
				if (currentBlockName !== "OCTET STRING") {
					this.error = "OCTET STRING may consists of OCTET STRINGs only";
					return -1;
				}
			}
		} else {
			this.isHexOnly = true;
			resultOffset = super.fromBER(inputBuffer, inputOffset, inputLength);
			this.blockLength = inputLength;
		}
		return resultOffset;
	}
	toBER(sizeOnly, writer) {
		if (this.isConstructed) return LocalConstructedValueBlock.prototype.toBER.call(this, sizeOnly, writer);
		return sizeOnly ? new ArrayBuffer(this.valueHexView.byteLength) : this.valueHexView.slice().buffer;
	}
	toJSON() {
		return {
			...super.toJSON(),
			isConstructed: this.isConstructed
		};
	}
};
const ORIGINAL_LOCAL_OCTET_STRING_TO_BER = LocalOctetStringValueBlock.prototype.toBER;
//#endregion
//#region src/OctetString.ts
var OctetString = class OctetString extends BaseBlock {
	static {
		typeStore.OctetString = this;
	}
	static {
		this.NAME = OCTET_STRING_NAME;
	}
	constructor({ idBlock = {}, lenBlock = {}, ...parameters } = {}) {
		parameters.isConstructed ??= !!parameters.value?.length;
		super({
			idBlock: {
				isConstructed: parameters.isConstructed,
				...idBlock
			},
			lenBlock: {
				...lenBlock,
				isIndefiniteForm: !!parameters.isIndefiniteForm
			},
			...parameters
		}, LocalOctetStringValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 4;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		this.valueBlock.isConstructed = this.idBlock.isConstructed;
		this.valueBlock.isIndefiniteForm = this.lenBlock.isIndefiniteForm;
		if (inputLength === 0) {
			if (this.idBlock.error.length === 0) this.blockLength += this.idBlock.blockLength;
			if (this.lenBlock.error.length === 0) this.blockLength += this.lenBlock.blockLength;
			return inputOffset;
		}
		if (!this.valueBlock.isConstructed && context?.parseEmbedded !== false) {
			const buf = (inputBuffer instanceof ArrayBuffer ? new Uint8Array(inputBuffer) : inputBuffer).subarray(inputOffset, inputOffset + inputLength);
			try {
				if (buf.byteLength) {
					const parseContext = context ?? createFromBerContext();
					const asn = localFromBERWithChildContext(buf, 0, buf.byteLength, parseContext);
					if (asn.offset !== -1 && asn.offset === inputLength) this.valueBlock.value = [asn.result];
				}
			} catch {}
		}
		return super.fromBER(inputBuffer, inputOffset, inputLength, context);
	}
	onAsciiEncoding() {
		if (this.valueBlock.isConstructed || this.valueBlock.value && this.valueBlock.value.length) return Constructed.prototype.onAsciiEncoding.call(this);
		return `${this.constructor.NAME} : ${hex/* hex_exports */.KF.encode(this.valueBlock.valueHexView)}`;
	}
	getValue() {
		if (!this.idBlock.isConstructed) return this.valueBlock.valueHexView.slice().buffer;
		const array = [];
		for (const content of this.valueBlock.value) if (content instanceof OctetString) array.push(content.valueBlock.valueHexView);
		return concat(array);
	}
};
//#endregion
//#region src/internals/LocalBitStringValueBlock.ts
var LocalBitStringValueBlock = class extends HexBlock(LocalConstructedValueBlock) {
	static {
		this.NAME = "BitStringValueBlock";
	}
	constructor({ unusedBits = 0, isConstructed = false, ...parameters } = {}) {
		super(parameters);
		this.unusedBits = unusedBits;
		this.isConstructed = isConstructed;
		this.blockLength = this.valueHexView.byteLength;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		if (!inputLength) return inputOffset;
		let resultOffset = -1;
		if (this.isConstructed) {
			resultOffset = LocalConstructedValueBlock.prototype.fromBER.call(this, inputBuffer, inputOffset, inputLength, context);
			if (resultOffset === -1) return resultOffset;
			for (const value of this.value) {
				const currentBlockName = value.constructor.NAME;
				if (currentBlockName === "EndOfContent") {
					if (this.isIndefiniteForm) break;
					else {
						this.error = "EndOfContent is unexpected, BIT STRING may consists of BIT STRINGs only";
						return -1;
					}
				}
				if (currentBlockName !== "BIT STRING") {
					this.error = "BIT STRING may consists of BIT STRINGs only";
					return -1;
				}
				const valueBlock = value.valueBlock;
				if (this.unusedBits > 0 && valueBlock.unusedBits > 0) {
					this.error = "Using of \"unused bits\" inside constructive BIT STRING allowed for least one only";
					return -1;
				}
				this.unusedBits = valueBlock.unusedBits;
			}
			return resultOffset;
		}
		const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, inputView, inputOffset, inputLength)) return -1;
		const intBuffer = inputView.subarray(inputOffset, inputOffset + inputLength);
		this.unusedBits = intBuffer[0];
		if (this.unusedBits > 7) {
			this.error = "Unused bits for BitString must be in range 0-7";
			return -1;
		}
		if (!this.unusedBits && context?.parseEmbedded !== false) {
			const buf = intBuffer.subarray(1);
			try {
				if (buf.byteLength) {
					const parseContext = context ?? createFromBerContext();
					const asn = localFromBERWithChildContext(buf, 0, buf.byteLength, parseContext);
					if (asn.offset !== -1 && asn.offset === inputLength - 1) this.value = [asn.result];
				}
			} catch {}
		}
		this.valueHexView = intBuffer.subarray(1);
		this.blockLength = intBuffer.length;
		return inputOffset + inputLength;
	}
	toBER(sizeOnly, writer) {
		if (this.isConstructed) return LocalConstructedValueBlock.prototype.toBER.call(this, sizeOnly, writer);
		if (sizeOnly) return new ArrayBuffer(this.valueHexView.byteLength + 1);
		if (!this.valueHexView.byteLength) {
			const empty = /* @__PURE__ */ new Uint8Array(1);
			empty[0] = 0;
			return empty.buffer;
		}
		const retView = new Uint8Array(this.valueHexView.length + 1);
		retView[0] = this.unusedBits;
		retView.set(this.valueHexView, 1);
		return retView.buffer;
	}
	toJSON() {
		return {
			...super.toJSON(),
			unusedBits: this.unusedBits,
			isConstructed: this.isConstructed
		};
	}
};
const ORIGINAL_LOCAL_BIT_STRING_TO_BER = LocalBitStringValueBlock.prototype.toBER;
//#endregion
//#region src/BitString.ts
var BitString = class extends BaseBlock {
	static {
		typeStore.BitString = this;
	}
	static {
		this.NAME = BIT_STRING_NAME;
	}
	constructor({ idBlock = {}, lenBlock = {}, ...parameters } = {}) {
		parameters.isConstructed ??= !!parameters.value?.length;
		super({
			idBlock: {
				isConstructed: parameters.isConstructed,
				...idBlock
			},
			lenBlock: {
				...lenBlock,
				isIndefiniteForm: !!parameters.isIndefiniteForm
			},
			...parameters
		}, LocalBitStringValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 3;
	}
	fromBER(inputBuffer, inputOffset, inputLength, context) {
		this.valueBlock.isConstructed = this.idBlock.isConstructed;
		this.valueBlock.isIndefiniteForm = this.lenBlock.isIndefiniteForm;
		return super.fromBER(inputBuffer, inputOffset, inputLength, context);
	}
	onAsciiEncoding() {
		if (this.valueBlock.isConstructed || this.valueBlock.value && this.valueBlock.value.length) return Constructed.prototype.onAsciiEncoding.call(this);
		else {
			const bits = [];
			const valueHex = this.valueBlock.valueHexView;
			for (const byte of valueHex) bits.push(byte.toString(2).padStart(8, "0"));
			const bitsStr = bits.join("");
			return `${this.constructor.NAME} : ${bitsStr.substring(0, bitsStr.length - this.valueBlock.unusedBits)}`;
		}
	}
};
//#endregion
//#region src/internals/LocalIntegerValueBlock.ts
var LocalIntegerValueBlock = class extends HexBlock(ValueBlock) {
	setValueHex() {
		if (this.valueHexView.length >= 4) {
			this.warnings.push("Too big Integer for decoding, hex only");
			this.isHexOnly = true;
			this._valueDec = 0;
		} else {
			this.isHexOnly = false;
			if (this.valueHexView.length > 0) {
				if (!int_exports.isMinimal(this.valueHexView)) this.warnings.push("Needlessly long format");
				this._valueDec = int_exports.decode(this.valueHexView);
			}
		}
	}
	static {
		this.NAME = "IntegerValueBlock";
	}
	static {
		Object.defineProperty(this.prototype, "valueHex", {
			set: function(v) {
				this.valueHexView = new Uint8Array(v);
				this.setValueHex();
			},
			get: function() {
				return this.valueHexView.slice().buffer;
			}
		});
	}
	constructor({ value, ...parameters } = {}) {
		super(parameters);
		this._valueDec = 0;
		if (parameters.valueHex) this.setValueHex();
		if (value !== void 0) this.valueDec = value;
	}
	set valueDec(v) {
		if (!Number.isInteger(v)) throw new RangeError(`Integer value must be an integer, got ${v}`);
		this.valueHexView = int_exports.encode(BigInt(v));
		this.isHexOnly = false;
		this._valueDec = v;
	}
	get valueDec() {
		return this._valueDec;
	}
	fromDER(inputBuffer, inputOffset, inputLength, expectedLength = 0) {
		const offset = this.fromBER(inputBuffer, inputOffset, inputLength);
		if (offset === -1) return offset;
		const view = this.valueHexView;
		if (view[0] === 0 && (view[1] & 128) !== 0) this.valueHexView = view.subarray(1);
		else if (expectedLength !== 0) {
			if (view.length < expectedLength) {
				if (expectedLength - view.length > 1) expectedLength = view.length + 1;
				this.valueHexView = view.subarray(expectedLength - view.length);
			}
		}
		return offset;
	}
	toDER(sizeOnly = false) {
		const view = this.valueHexView;
		switch (true) {
			case (view[0] & 128) !== 0:
				{
					const updatedView = new Uint8Array(this.valueHexView.length + 1);
					updatedView[0] = 0;
					updatedView.set(view, 1);
					this.valueHexView = updatedView;
				}
				break;
			case view[0] === 0 && (view[1] & 128) === 0: this.valueHexView = this.valueHexView.subarray(1);
		}
		return this.toBER(sizeOnly);
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const resultOffset = super.fromBER(inputBuffer, inputOffset, inputLength);
		if (resultOffset === -1) return resultOffset;
		this.setValueHex();
		return resultOffset;
	}
	toBER(sizeOnly) {
		return sizeOnly ? new ArrayBuffer(this.valueHexView.length) : this.valueHexView.slice().buffer;
	}
	toJSON() {
		return {
			...super.toJSON(),
			valueDec: this.valueDec
		};
	}
	toString() {
		return bytesToSignedBigInt(this.valueHexView).toString(10);
	}
};
const ORIGINAL_LOCAL_INTEGER_TO_BER = LocalIntegerValueBlock.prototype.toBER;
const ORIGINAL_LOCAL_INTEGER_TO_STRING = LocalIntegerValueBlock.prototype.toString;
//#endregion
//#region src/Integer.ts
var Integer = class Integer extends BaseBlock {
	static {
		typeStore.Integer = this;
	}
	static {
		this.NAME = "INTEGER";
	}
	constructor(parameters = {}) {
		super(parameters, LocalIntegerValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 2;
	}
	toBigInt() {
		const valueBlock = this.valueBlock;
		const toString = valueBlock.toString;
		if (toString === ORIGINAL_LOCAL_INTEGER_TO_STRING) return bytesToSignedBigInt(valueBlock.valueHexView);
		return BigInt(Reflect.apply(toString, valueBlock, []));
	}
	static fromBigInt(value) {
		return new Integer({ valueHex: signedBigIntToBytes(BigInt(value)) });
	}
	convertToDER() {
		const integer = new Integer({ valueHex: this.valueBlock.valueHexView });
		integer.valueBlock.toDER();
		return integer;
	}
	convertFromDER() {
		return new Integer({ valueHex: this.valueBlock.valueHexView[0] === 0 ? this.valueBlock.valueHexView.subarray(1) : this.valueBlock.valueHexView });
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${this.valueBlock.toString()}`;
	}
};
//#endregion
//#region src/Enumerated.ts
var Enumerated = class extends Integer {
	static {
		typeStore.Enumerated = this;
	}
	static {
		this.NAME = "ENUMERATED";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 10;
	}
};
//#endregion
//#region src/internals/LocalSidValueBlock.ts
var LocalSidValueBlock = class extends HexBlock(ValueBlock) {
	static {
		this.NAME = "sidBlock";
	}
	constructor({ valueDec = -1, isFirstSid = false, ...parameters } = {}) {
		super(parameters);
		this.valueDec = valueDec;
		this.isFirstSid = isFirstSid;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		if (!inputLength) return inputOffset;
		const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, inputView, inputOffset, inputLength)) return -1;
		const intBuffer = inputView.subarray(inputOffset, inputOffset + inputLength);
		if (this.blockLength === 0 && Number.isInteger(inputOffset) && Number.isInteger(inputLength)) {
			let sidLength = 0;
			while (sidLength < inputLength) {
				const octet = intBuffer[sidLength];
				sidLength++;
				if ((octet & 128) === 0) break;
			}
			this.blockLength = sidLength;
			this.valueHexView = new Uint8Array(sidLength);
			for (let i = 0; i < sidLength; i++) this.valueHexView[i] = intBuffer[i] & 127;
		} else {
			this.valueHexView = new Uint8Array(inputLength);
			for (let i = 0; i < inputLength; i++) {
				this.valueHexView[i] = intBuffer[i] & 127;
				this.blockLength++;
				if ((intBuffer[i] & 128) === 0) break;
			}
			const tempView = new Uint8Array(this.blockLength);
			for (let i = 0; i < this.blockLength; i++) tempView[i] = this.valueHexView[i];
			this.valueHexView = tempView;
		}
		if ((intBuffer[this.blockLength - 1] & 128) !== 0) {
			this.error = "End of input reached before message was fully decoded";
			return -1;
		}
		if (this.valueHexView[0] === 0) this.warnings.push("Needlessly long format of SID encoding");
		const valueDec = this.blockLength <= 8 ? decodeBase128(this.valueHexView) : void 0;
		if (valueDec !== void 0) this.valueDec = valueDec;
		else {
			this.isHexOnly = true;
			this.warnings.push("Too big SID for decoding, hex only");
		}
		return inputOffset + this.blockLength;
	}
	set valueBigInt(value) {
		const bytes = encodeBase128(BigInt(value));
		if (!bytes) {
			this.error = "Error during encoding SID value";
			return;
		}
		for (let i = 0; i < bytes.length - 1; i++) bytes[i] |= 128;
		this.fromBER(bytes, 0, bytes.length);
	}
	toBER(sizeOnly) {
		if (this.isHexOnly) {
			if (sizeOnly) return new ArrayBuffer(this.valueHexView.byteLength);
			const curView = this.valueHexView;
			const retView = new Uint8Array(this.blockLength);
			for (let i = 0; i < this.blockLength - 1; i++) retView[i] = curView[i] | 128;
			retView[this.blockLength - 1] = curView[this.blockLength - 1];
			return (0,buffer_source/* toArrayBuffer */.XA)(retView);
		}
		const encodedBuf = encodeBase128(this.valueDec);
		if (!encodedBuf) {
			this.error = "Error during encoding SID value";
			return EMPTY_BUFFER;
		}
		const retView = new Uint8Array(encodedBuf.byteLength);
		if (!sizeOnly) {
			const len = encodedBuf.byteLength - 1;
			for (let i = 0; i < len; i++) retView[i] = encodedBuf[i] | 128;
			retView[len] = encodedBuf[len];
		}
		return (0,buffer_source/* toArrayBuffer */.XA)(retView);
	}
	toString() {
		let result = "";
		if (this.isHexOnly) result = hex/* hex_exports */.KF.encode(this.valueHexView);
		else if (this.isFirstSid) {
			let sidValue = this.valueDec;
			if (this.valueDec <= 39) result = "0.";
			else if (this.valueDec <= 79) {
				result = "1.";
				sidValue -= 40;
			} else {
				result = "2.";
				sidValue -= 80;
			}
			result += sidValue.toString();
		} else result = this.valueDec.toString();
		return result;
	}
	toJSON() {
		return {
			...super.toJSON(),
			valueDec: this.valueDec,
			isFirstSid: this.isFirstSid
		};
	}
};
//#endregion
//#region src/internals/LocalObjectIdentifierValueBlock.ts
var LocalObjectIdentifierValueBlock = class extends ValueBlock {
	static {
		this.NAME = "ObjectIdentifierValueBlock";
	}
	constructor({ value = "", ...parameters } = {}) {
		super(parameters);
		this.value = [];
		if (value) this.fromString(value);
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		let resultOffset = inputOffset;
		while (inputLength > 0) {
			const sidBlock = new LocalSidValueBlock();
			resultOffset = sidBlock.fromBER(inputBuffer, resultOffset, inputLength);
			if (resultOffset === -1) {
				this.blockLength = 0;
				this.error = sidBlock.error;
				return resultOffset;
			}
			if (this.value.length === 0) sidBlock.isFirstSid = true;
			this.blockLength += sidBlock.blockLength;
			inputLength -= sidBlock.blockLength;
			this.value.push(sidBlock);
		}
		return resultOffset;
	}
	toBER(sizeOnly) {
		const retBuffers = [];
		for (let i = 0; i < this.value.length; i++) {
			const valueBuf = this.value[i].toBER(sizeOnly);
			if (valueBuf.byteLength === 0) {
				this.error = this.value[i].error;
				return EMPTY_BUFFER;
			}
			retBuffers.push(valueBuf);
		}
		return concat(retBuffers);
	}
	fromString(string) {
		this.value = [];
		let pos1 = 0;
		let pos2 = 0;
		let sid = "";
		let flag = false;
		do {
			pos2 = string.indexOf(".", pos1);
			if (pos2 === -1) sid = string.substring(pos1);
			else sid = string.substring(pos1, pos2);
			pos1 = pos2 + 1;
			if (flag) {
				const sidBlock = this.value[0];
				let plus = 0;
				switch (sidBlock.valueDec) {
					case 0: break;
					case 1:
						plus = 40;
						break;
					case 2:
						plus = 80;
						break;
					default:
						this.value = [];
						return;
				}
				const parsedSID = parseInt(sid, 10);
				if (isNaN(parsedSID)) return;
				sidBlock.valueDec = parsedSID + plus;
				flag = false;
			} else {
				const sidBlock = new LocalSidValueBlock();
				if (sid > Number.MAX_SAFE_INTEGER) sidBlock.valueBigInt = BigInt(sid);
				else {
					sidBlock.valueDec = parseInt(sid, 10);
					if (isNaN(sidBlock.valueDec)) return;
				}
				if (!this.value.length) {
					sidBlock.isFirstSid = true;
					flag = true;
				}
				this.value.push(sidBlock);
			}
		} while (pos2 !== -1);
	}
	toString() {
		let result = "";
		let isHexOnly = false;
		for (let i = 0; i < this.value.length; i++) {
			isHexOnly = this.value[i].isHexOnly;
			let sidStr = this.value[i].toString();
			if (i !== 0) result = `${result}.`;
			if (isHexOnly) {
				sidStr = `{${sidStr}}`;
				if (this.value[i].isFirstSid) result = `2.{${sidStr} - 80}`;
				else result += sidStr;
			} else result += sidStr;
		}
		return result;
	}
	toJSON() {
		const object = {
			...super.toJSON(),
			value: this.toString(),
			sidArray: []
		};
		for (let i = 0; i < this.value.length; i++) object.sidArray.push(this.value[i].toJSON());
		return object;
	}
};
//#endregion
//#region src/ObjectIdentifier.ts
var ObjectIdentifier = class extends BaseBlock {
	static {
		typeStore.ObjectIdentifier = this;
	}
	static {
		this.NAME = "OBJECT IDENTIFIER";
	}
	getValue() {
		return this.valueBlock.toString();
	}
	setValue(value) {
		this.valueBlock.fromString(value);
	}
	constructor(parameters = {}) {
		super(parameters, LocalObjectIdentifierValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 6;
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${this.valueBlock.toString() || "empty"}`;
	}
	toJSON() {
		return {
			...super.toJSON(),
			value: this.getValue()
		};
	}
};
//#endregion
//#region src/internals/LocalRelativeSidValueBlock.ts
var LocalRelativeSidValueBlock = class extends HexBlock(LocalBaseBlock) {
	static {
		this.NAME = "relativeSidBlock";
	}
	constructor({ valueDec = 0, ...parameters } = {}) {
		super(parameters);
		this.valueDec = valueDec;
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		if (inputLength === 0) return inputOffset;
		const inputView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		if (!checkBufferParams(this, inputView, inputOffset, inputLength)) return -1;
		const intBuffer = inputView.subarray(inputOffset, inputOffset + inputLength);
		if (this.blockLength === 0 && Number.isInteger(inputOffset) && Number.isInteger(inputLength)) {
			let sidLength = 0;
			while (sidLength < inputLength) {
				const octet = intBuffer[sidLength];
				sidLength++;
				if ((octet & 128) === 0) break;
			}
			this.blockLength = sidLength;
			this.valueHexView = new Uint8Array(sidLength);
			for (let i = 0; i < sidLength; i++) this.valueHexView[i] = intBuffer[i] & 127;
		} else {
			this.valueHexView = new Uint8Array(inputLength);
			for (let i = 0; i < inputLength; i++) {
				this.valueHexView[i] = intBuffer[i] & 127;
				this.blockLength++;
				if ((intBuffer[i] & 128) === 0) break;
			}
			const tempView = new Uint8Array(this.blockLength);
			for (let i = 0; i < this.blockLength; i++) tempView[i] = this.valueHexView[i];
			this.valueHexView = tempView;
		}
		if ((intBuffer[this.blockLength - 1] & 128) !== 0) {
			this.error = "End of input reached before message was fully decoded";
			return -1;
		}
		if (this.valueHexView[0] === 0) this.warnings.push("Needlessly long format of SID encoding");
		const valueDec = this.blockLength <= 8 ? decodeBase128(this.valueHexView) : void 0;
		if (valueDec !== void 0) this.valueDec = valueDec;
		else {
			this.isHexOnly = true;
			this.warnings.push("Too big SID for decoding, hex only");
		}
		return inputOffset + this.blockLength;
	}
	toBER(sizeOnly) {
		if (this.isHexOnly) {
			if (sizeOnly) return new ArrayBuffer(this.valueHexView.byteLength);
			const curView = this.valueHexView;
			const retView = new Uint8Array(this.blockLength);
			for (let i = 0; i < this.blockLength - 1; i++) retView[i] = curView[i] | 128;
			retView[this.blockLength - 1] = curView[this.blockLength - 1];
			return retView.buffer;
		}
		const encodedBuf = encodeBase128(this.valueDec);
		if (!encodedBuf) {
			this.error = "Error during encoding SID value";
			return EMPTY_BUFFER;
		}
		const retView = new Uint8Array(encodedBuf.byteLength);
		if (!sizeOnly) {
			const len = encodedBuf.byteLength - 1;
			for (let i = 0; i < len; i++) retView[i] = encodedBuf[i] | 128;
			retView[len] = encodedBuf[len];
		}
		return retView.buffer;
	}
	toString() {
		let result = "";
		if (this.isHexOnly) result = hex/* hex_exports */.KF.encode(this.valueHexView);
		else result = this.valueDec.toString();
		return result;
	}
	toJSON() {
		return {
			...super.toJSON(),
			valueDec: this.valueDec
		};
	}
};
//#endregion
//#region src/internals/LocalRelativeObjectIdentifierValueBlock.ts
var LocalRelativeObjectIdentifierValueBlock = class extends ValueBlock {
	static {
		this.NAME = "RelativeObjectIdentifierValueBlock";
	}
	constructor({ value = "", ...parameters } = {}) {
		super(parameters);
		this.value = [];
		if (value) this.fromString(value);
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		let resultOffset = inputOffset;
		while (inputLength > 0) {
			const sidBlock = new LocalRelativeSidValueBlock();
			resultOffset = sidBlock.fromBER(inputBuffer, resultOffset, inputLength);
			if (resultOffset === -1) {
				this.blockLength = 0;
				this.error = sidBlock.error;
				return resultOffset;
			}
			this.blockLength += sidBlock.blockLength;
			inputLength -= sidBlock.blockLength;
			this.value.push(sidBlock);
		}
		return resultOffset;
	}
	toBER(sizeOnly, _writer) {
		const retBuffers = [];
		for (let i = 0; i < this.value.length; i++) {
			const valueBuf = this.value[i].toBER(sizeOnly);
			if (valueBuf.byteLength === 0) {
				this.error = this.value[i].error;
				return EMPTY_BUFFER;
			}
			retBuffers.push(valueBuf);
		}
		return concat(retBuffers);
	}
	fromString(string) {
		this.value = [];
		let pos1 = 0;
		let pos2 = 0;
		let sid = "";
		do {
			pos2 = string.indexOf(".", pos1);
			if (pos2 === -1) sid = string.substring(pos1);
			else sid = string.substring(pos1, pos2);
			pos1 = pos2 + 1;
			const sidBlock = new LocalRelativeSidValueBlock();
			sidBlock.valueDec = parseInt(sid, 10);
			if (isNaN(sidBlock.valueDec)) return true;
			this.value.push(sidBlock);
		} while (pos2 !== -1);
		return true;
	}
	toString() {
		let result = "";
		let isHexOnly = false;
		for (let i = 0; i < this.value.length; i++) {
			isHexOnly = this.value[i].isHexOnly;
			let sidStr = this.value[i].toString();
			if (i !== 0) result = `${result}.`;
			if (isHexOnly) {
				sidStr = `{${sidStr}}`;
				result += sidStr;
			} else result += sidStr;
		}
		return result;
	}
	toJSON() {
		const object = {
			...super.toJSON(),
			value: this.toString(),
			sidArray: []
		};
		for (let i = 0; i < this.value.length; i++) object.sidArray.push(this.value[i].toJSON());
		return object;
	}
};
//#endregion
//#region src/RelativeObjectIdentifier.ts
var RelativeObjectIdentifier = class extends BaseBlock {
	static {
		typeStore.RelativeObjectIdentifier = this;
	}
	getValue() {
		return this.valueBlock.toString();
	}
	setValue(value) {
		this.valueBlock.fromString(value);
	}
	static {
		this.NAME = "RelativeObjectIdentifier";
	}
	constructor(parameters = {}) {
		super(parameters, LocalRelativeObjectIdentifierValueBlock);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 13;
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${this.valueBlock.toString() || "empty"}`;
	}
	toJSON() {
		return {
			...super.toJSON(),
			value: this.getValue()
		};
	}
};
//#endregion
//#region src/Sequence.ts
var Sequence = class extends Constructed {
	static {
		typeStore.Sequence = this;
	}
	static {
		this.NAME = "SEQUENCE";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 16;
	}
};
//#endregion
//#region src/Set.ts
var Set = class extends Constructed {
	static {
		typeStore.Set = this;
	}
	static {
		this.NAME = "SET";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 17;
	}
};
//#endregion
//#region src/internals/LocalStringValueBlock.ts
var LocalStringValueBlock = class extends HexBlock(ValueBlock) {
	static {
		this.NAME = "StringValueBlock";
	}
	constructor({ ...parameters } = {}) {
		super(parameters);
		this.isHexOnly = true;
		this.value = "";
	}
	toJSON() {
		return {
			...super.toJSON(),
			value: this.value
		};
	}
};
//#endregion
//#region src/internals/LocalSimpleStringValueBlock.ts
var LocalSimpleStringValueBlock = class extends LocalStringValueBlock {
	static {
		this.NAME = "SimpleStringValueBlock";
	}
};
//#endregion
//#region src/internals/LocalSimpleStringBlock.ts
var LocalSimpleStringBlock = class extends BaseStringBlock {
	static {
		this.NAME = "SIMPLE STRING";
	}
	constructor({ ...parameters } = {}) {
		super(parameters, LocalSimpleStringValueBlock);
	}
	fromBuffer(inputBuffer) {
		this.valueBlock.value = String.fromCharCode.apply(null, (0,buffer_source/* toUint8Array */.Fo)(inputBuffer));
	}
	fromString(inputString) {
		const strLen = inputString.length;
		const view = this.valueBlock.valueHexView = new Uint8Array(strLen);
		for (let i = 0; i < strLen; i++) view[i] = inputString.charCodeAt(i);
		this.valueBlock.value = inputString;
	}
};
//#endregion
//#region src/internals/LocalUtf8StringValueBlock.ts
const strictUtf8Decoder = new TextDecoder("utf-8", {
	fatal: true,
	ignoreBOM: true
});
const LONE_SURROGATE = /\p{Cs}/u;
var LocalUtf8StringValueBlock = class extends LocalSimpleStringBlock {
	static {
		this.NAME = "Utf8StringValueBlock";
	}
	fromBuffer(inputBuffer) {
		this.valueBlock.valueHexView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		try {
			this.valueBlock.value = strictUtf8Decoder.decode(this.valueBlock.valueHexView);
		} catch (ex) {
			this.warnings.push(`Error during "decodeURIComponent": ${ex}, using raw string`);
			this.valueBlock.value = binary/* binary_exports */.cp.encode(inputBuffer);
		}
	}
	fromString(inputString) {
		if (LONE_SURROGATE.test(inputString)) throw new TypeError("The string contains lone surrogates and cannot be encoded as UTF-8");
		this.valueBlock.valueHexView = utf8_exports.encode(inputString);
		this.valueBlock.value = inputString;
	}
};
//#endregion
//#region src/Utf8String.ts
var Utf8String = class extends LocalUtf8StringValueBlock {
	static {
		typeStore.Utf8String = this;
	}
	static {
		this.NAME = "UTF8String";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 12;
	}
};
//#endregion
//#region src/internals/LocalBmpStringValueBlock.ts
var LocalBmpStringValueBlock = class extends LocalSimpleStringBlock {
	static {
		this.NAME = "BmpStringValueBlock";
	}
	checkValue(view) {
		return view.length % 2 !== 0 ? "BMPString value length must be a multiple of 2" : "";
	}
	fromBuffer(inputBuffer) {
		this.valueBlock.value = utf16_exports.decode(inputBuffer);
		this.valueBlock.valueHexView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
	}
	fromString(inputString) {
		this.valueBlock.value = inputString;
		this.valueBlock.valueHexView = utf16_exports.encode(inputString);
	}
};
//#endregion
//#region src/BmpString.ts
var BmpString = class extends LocalBmpStringValueBlock {
	static {
		typeStore.BmpString = this;
	}
	static {
		this.NAME = "BMPString";
	}
	constructor({ ...parameters } = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 30;
	}
};
//#endregion
//#region src/internals/LocalUniversalStringValueBlockParams.ts
const MAX_CODE_POINT = 1114111;
const REPLACEMENT_CODE_POINT = 65533;
var LocalUniversalStringValueBlock = class extends LocalSimpleStringBlock {
	static {
		this.NAME = "UniversalStringValueBlock";
	}
	checkValue(view) {
		return view.length % 4 !== 0 ? "UniversalString value length must be a multiple of 4" : "";
	}
	fromBuffer(inputBuffer) {
		const view = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer);
		const data = new DataView(view.buffer, view.byteOffset, view.byteLength);
		const count = view.length >> 2;
		const codePoints = [];
		for (let i = 0; i < count; i++) {
			const codePoint = data.getUint32(i * 4);
			if (codePoint > MAX_CODE_POINT) {
				this.warnings.push(`Code point 0x${codePoint.toString(16)} is outside the Unicode range, using U+FFFD`);
				codePoints.push(REPLACEMENT_CODE_POINT);
			} else if (codePoint >= 55296 && codePoint <= 57343) {
				const next = i + 1 < count ? data.getUint32((i + 1) * 4) : 0;
				if (codePoint <= 56319 && next >= 56320 && next <= 57343) {
					codePoints.push(65536 + (codePoint - 55296 << 10) + (next - 56320));
					i++;
				} else {
					this.warnings.push(`Code point 0x${codePoint.toString(16)} is a lone surrogate, using U+FFFD`);
					codePoints.push(REPLACEMENT_CODE_POINT);
				}
			} else codePoints.push(codePoint);
		}
		let value = "";
		for (let i = 0; i < codePoints.length; i += 8192) value += String.fromCodePoint(...codePoints.slice(i, i + 8192));
		this.valueBlock.value = value;
	}
	fromString(inputString) {
		const codePoints = Array.from(inputString, (char) => char.codePointAt(0));
		const valueHexView = this.valueBlock.valueHexView = new Uint8Array(codePoints.length * 4);
		for (let i = 0; i < codePoints.length; i++) valueHexView.set(uint/* uint_exports */.FU.encode(codePoints[i], { length: 4 }), i * 4);
		this.valueBlock.value = inputString;
	}
};
//#endregion
//#region src/UniversalString.ts
var UniversalString = class extends LocalUniversalStringValueBlock {
	static {
		typeStore.UniversalString = this;
	}
	static {
		this.NAME = "UniversalString";
	}
	constructor({ ...parameters } = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 28;
	}
};
//#endregion
//#region src/NumericString.ts
var NumericString = class extends LocalSimpleStringBlock {
	static {
		typeStore.NumericString = this;
	}
	static {
		this.NAME = "NumericString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 18;
	}
};
//#endregion
//#region src/PrintableString.ts
var PrintableString = class extends LocalSimpleStringBlock {
	static {
		typeStore.PrintableString = this;
	}
	static {
		this.NAME = "PrintableString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 19;
	}
};
//#endregion
//#region src/TeletexString.ts
var TeletexString = class extends LocalSimpleStringBlock {
	static {
		typeStore.TeletexString = this;
	}
	static {
		this.NAME = "TeletexString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 20;
	}
};
//#endregion
//#region src/VideotexString.ts
var VideotexString = class extends LocalSimpleStringBlock {
	static {
		typeStore.VideotexString = this;
	}
	static {
		this.NAME = "VideotexString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 21;
	}
};
//#endregion
//#region src/IA5String.ts
var IA5String = class extends LocalSimpleStringBlock {
	static {
		typeStore.IA5String = this;
	}
	static {
		this.NAME = "IA5String";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 22;
	}
};
//#endregion
//#region src/GraphicString.ts
var GraphicString = class extends LocalSimpleStringBlock {
	static {
		typeStore.GraphicString = this;
	}
	static {
		this.NAME = "GraphicString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 25;
	}
};
//#endregion
//#region src/VisibleString.ts
var VisibleString = class extends LocalSimpleStringBlock {
	static {
		typeStore.VisibleString = this;
	}
	static {
		this.NAME = "VisibleString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 26;
	}
};
//#endregion
//#region src/GeneralString.ts
var GeneralString = class extends LocalSimpleStringBlock {
	static {
		typeStore.GeneralString = this;
	}
	static {
		this.NAME = "GeneralString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 27;
	}
};
//#endregion
//#region src/CharacterString.ts
var CharacterString = class extends LocalSimpleStringBlock {
	static {
		typeStore.CharacterString = this;
	}
	static {
		this.NAME = "CharacterString";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 29;
	}
};
//#endregion
//#region src/UTCTime.ts
var UTCTime = class extends VisibleString {
	static {
		typeStore.UTCTime = this;
	}
	static {
		this.NAME = "UTCTime";
	}
	constructor({ value, valueDate, ...parameters } = {}) {
		super(parameters);
		this.year = 0;
		this.month = 0;
		this.day = 0;
		this.hour = 0;
		this.minute = 0;
		this.second = 0;
		if (value) {
			this.fromString(value);
			this.valueBlock.valueHexView = new Uint8Array(value.length);
			for (let i = 0; i < value.length; i++) this.valueBlock.valueHexView[i] = value.charCodeAt(i);
		}
		if (valueDate) {
			this.fromDate(valueDate);
			this.valueBlock.valueHexView = new Uint8Array(this.toBuffer());
		}
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 23;
	}
	fromBuffer(inputBuffer) {
		this.fromString(String.fromCharCode.apply(null, (0,buffer_source/* toUint8Array */.Fo)(inputBuffer)));
	}
	toBuffer() {
		this.checkYear();
		const str = this.toString();
		const buffer = new ArrayBuffer(str.length);
		const view = new Uint8Array(buffer);
		for (let i = 0; i < str.length; i++) view[i] = str.charCodeAt(i);
		return buffer;
	}
	checkYear() {
		if (!(this.year >= 1950 && this.year <= 2049)) throw new RangeError(`UTCTime year must be between 1950 and 2049, got ${this.year}; use GeneralizedTime instead`);
	}
	fromDate(inputDate) {
		this.year = inputDate.getUTCFullYear();
		this.month = inputDate.getUTCMonth() + 1;
		this.day = inputDate.getUTCDate();
		this.hour = inputDate.getUTCHours();
		this.minute = inputDate.getUTCMinutes();
		this.second = inputDate.getUTCSeconds();
	}
	toDate() {
		return new Date(Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second));
	}
	fromString(inputString) {
		const parserArray = /(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/gi.exec(inputString);
		if (parserArray === null) {
			this.error = "Wrong input string for conversion";
			return;
		}
		const year = parseInt(parserArray[1], 10);
		if (year >= 50) this.year = 1900 + year;
		else this.year = 2e3 + year;
		this.month = parseInt(parserArray[2], 10);
		this.day = parseInt(parserArray[3], 10);
		this.hour = parseInt(parserArray[4], 10);
		this.minute = parseInt(parserArray[5], 10);
		this.second = parseInt(parserArray[6], 10);
	}
	toString(encoding = "iso") {
		if (encoding === "iso") {
			const outputArray = Array.from({ length: 7 });
			outputArray[0] = String(this.year % 100).padStart(2, "0");
			outputArray[1] = String(this.month).padStart(2, "0");
			outputArray[2] = String(this.day).padStart(2, "0");
			outputArray[3] = String(this.hour).padStart(2, "0");
			outputArray[4] = String(this.minute).padStart(2, "0");
			outputArray[5] = String(this.second).padStart(2, "0");
			outputArray[6] = "Z";
			return outputArray.join("");
		}
		return super.toString(encoding);
	}
	onAsciiEncoding() {
		return `${this.constructor.NAME} : ${this.toDate().toISOString()}`;
	}
	toJSON() {
		return {
			...super.toJSON(),
			year: this.year,
			month: this.month,
			day: this.day,
			hour: this.hour,
			minute: this.minute,
			second: this.second
		};
	}
};
//#endregion
//#region src/GeneralizedTime.ts
var GeneralizedTime = class extends UTCTime {
	static {
		typeStore.GeneralizedTime = this;
	}
	static {
		this.NAME = "GeneralizedTime";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.millisecond ??= 0;
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 24;
	}
	checkYear() {}
	fromDate(inputDate) {
		super.fromDate(inputDate);
		this.millisecond = inputDate.getUTCMilliseconds();
	}
	toDate() {
		const utcDate = Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second, this.millisecond);
		return new Date(utcDate);
	}
	fromString(inputString) {
		let isUTC = false;
		let timeString = "";
		let dateTimeString = "";
		let fractionPart = 0;
		let parser;
		let hourDifference = 0;
		let minuteDifference = 0;
		if (inputString[inputString.length - 1] === "Z") {
			timeString = inputString.substring(0, inputString.length - 1);
			isUTC = true;
		} else {
			const number = new Number(inputString[inputString.length - 1]);
			if (isNaN(number.valueOf())) throw new Error("Wrong input string for conversion");
			timeString = inputString;
		}
		if (isUTC) {
			if (timeString.indexOf("+") !== -1) throw new Error("Wrong input string for conversion");
			if (timeString.indexOf("-") !== -1) throw new Error("Wrong input string for conversion");
		} else {
			let multiplier = 1;
			let differencePosition = timeString.indexOf("+");
			let differenceString = "";
			if (differencePosition === -1) {
				differencePosition = timeString.indexOf("-");
				multiplier = -1;
			}
			if (differencePosition !== -1) {
				differenceString = timeString.substring(differencePosition + 1);
				timeString = timeString.substring(0, differencePosition);
				if (differenceString.length !== 2 && differenceString.length !== 4) throw new Error("Wrong input string for conversion");
				let number = parseInt(differenceString.substring(0, 2), 10);
				if (isNaN(number.valueOf())) throw new Error("Wrong input string for conversion");
				hourDifference = multiplier * number;
				if (differenceString.length === 4) {
					number = parseInt(differenceString.substring(2, 4), 10);
					if (isNaN(number.valueOf())) throw new Error("Wrong input string for conversion");
					minuteDifference = multiplier * number;
				}
			}
		}
		let fractionPointPosition = timeString.indexOf(".");
		if (fractionPointPosition === -1) fractionPointPosition = timeString.indexOf(",");
		if (fractionPointPosition !== -1) {
			const fractionPartCheck = /* @__PURE__ */ new Number(`0${timeString.substring(fractionPointPosition)}`);
			if (isNaN(fractionPartCheck.valueOf())) throw new Error("Wrong input string for conversion");
			fractionPart = fractionPartCheck.valueOf();
			dateTimeString = timeString.substring(0, fractionPointPosition);
		} else dateTimeString = timeString;
		switch (true) {
			case dateTimeString.length === 8:
				parser = /(\d{4})(\d{2})(\d{2})/gi;
				if (fractionPointPosition !== -1) throw new Error("Wrong input string for conversion");
				break;
			case dateTimeString.length === 10:
				parser = /(\d{4})(\d{2})(\d{2})(\d{2})/gi;
				if (fractionPointPosition !== -1) {
					let fractionResult = 60 * fractionPart;
					this.minute = Math.floor(fractionResult);
					fractionResult = 60 * (fractionResult - this.minute);
					this.second = Math.floor(fractionResult);
					fractionResult = 1e3 * (fractionResult - this.second);
					this.millisecond = Math.floor(fractionResult);
				}
				break;
			case dateTimeString.length === 12:
				parser = /(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})/gi;
				if (fractionPointPosition !== -1) {
					let fractionResult = 60 * fractionPart;
					this.second = Math.floor(fractionResult);
					fractionResult = 1e3 * (fractionResult - this.second);
					this.millisecond = Math.floor(fractionResult);
				}
				break;
			case dateTimeString.length === 14:
				parser = /(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/gi;
				if (fractionPointPosition !== -1) {
					const fractionResult = 1e3 * fractionPart;
					this.millisecond = Math.floor(fractionResult);
				}
				break;
			default: throw new Error("Wrong input string for conversion");
		}
		const parserArray = parser.exec(dateTimeString);
		if (parserArray === null) throw new Error("Wrong input string for conversion");
		for (let j = 1; j < parserArray.length; j++) switch (j) {
			case 1:
				this.year = parseInt(parserArray[j], 10);
				break;
			case 2:
				this.month = parseInt(parserArray[j], 10);
				break;
			case 3:
				this.day = parseInt(parserArray[j], 10);
				break;
			case 4:
				this.hour = parseInt(parserArray[j], 10) + hourDifference;
				break;
			case 5:
				this.minute = parseInt(parserArray[j], 10) + minuteDifference;
				break;
			case 6:
				this.second = parseInt(parserArray[j], 10);
				break;
			default: throw new Error("Wrong input string for conversion");
		}
		if (isUTC === false) {
			const tempDate = new Date(this.year, this.month, this.day, this.hour, this.minute, this.second, this.millisecond);
			this.year = tempDate.getUTCFullYear();
			this.month = tempDate.getUTCMonth();
			this.day = tempDate.getUTCDay();
			this.hour = tempDate.getUTCHours();
			this.minute = tempDate.getUTCMinutes();
			this.second = tempDate.getUTCSeconds();
			this.millisecond = tempDate.getUTCMilliseconds();
		}
	}
	toString(encoding = "iso") {
		if (encoding === "iso") {
			const outputArray = [];
			outputArray.push(String(this.year).padStart(4, "0"));
			outputArray.push(String(this.month).padStart(2, "0"));
			outputArray.push(String(this.day).padStart(2, "0"));
			outputArray.push(String(this.hour).padStart(2, "0"));
			outputArray.push(String(this.minute).padStart(2, "0"));
			outputArray.push(String(this.second).padStart(2, "0"));
			if (this.millisecond !== 0) {
				outputArray.push(".");
				outputArray.push(String(this.millisecond).padStart(3, "0").replace(/0+$/, ""));
			}
			outputArray.push("Z");
			return outputArray.join("");
		}
		return super.toString(encoding);
	}
	toJSON() {
		return {
			...super.toJSON(),
			millisecond: this.millisecond
		};
	}
};
//#endregion
//#region src/DATE.ts
var DATE = class extends Utf8String {
	static {
		typeStore.DATE = this;
	}
	static {
		this.NAME = "DATE";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 31;
	}
};
//#endregion
//#region src/TimeOfDay.ts
var TimeOfDay = class extends Utf8String {
	static {
		typeStore.TimeOfDay = this;
	}
	static {
		this.NAME = "TimeOfDay";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 32;
	}
};
//#endregion
//#region src/DateTime.ts
var DateTime = class extends Utf8String {
	static {
		typeStore.DateTime = this;
	}
	static {
		this.NAME = "DateTime";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 33;
	}
};
//#endregion
//#region src/Duration.ts
var Duration = class extends Utf8String {
	static {
		typeStore.Duration = this;
	}
	static {
		this.NAME = "Duration";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 34;
	}
};
//#endregion
//#region src/TIME.ts
var TIME = class extends Utf8String {
	static {
		typeStore.TIME = this;
	}
	static {
		this.NAME = "TIME";
	}
	constructor(parameters = {}) {
		super(parameters);
		this.idBlock.tagClass = 1;
		this.idBlock.tagNumber = 14;
	}
};
//#endregion
//#region src/Any.ts
var Any = class {
	constructor({ name = "", optional = false } = {}) {
		this.name = name;
		this.optional = optional;
	}
};
//#endregion
//#region src/Choice.ts
var Choice = class extends Any {
	constructor({ value = [], ...parameters } = {}) {
		super(parameters);
		this.value = value;
	}
};
//#endregion
//#region src/Repeated.ts
var Repeated = class extends Any {
	constructor({ value = new Any(), local = false, ...parameters } = {}) {
		super(parameters);
		this.value = value;
		this.local = local;
	}
};
//#endregion
//#region src/RawData.ts
var RawData = class {
	get data() {
		return this.dataView.slice().buffer;
	}
	set data(value) {
		this.dataView = (0,buffer_source/* toUint8Array */.Fo)(value);
	}
	constructor({ data = EMPTY_VIEW } = {}) {
		this.dataView = (0,buffer_source/* toUint8Array */.Fo)(data);
	}
	fromBER(inputBuffer, inputOffset, inputLength) {
		const endLength = inputOffset + inputLength;
		this.dataView = (0,buffer_source/* toUint8Array */.Fo)(inputBuffer).subarray(inputOffset, endLength);
		return endLength;
	}
	toBER(_sizeOnly) {
		return this.dataView.slice().buffer;
	}
};
//#endregion
//#region src/schema.ts
function compareSchema(root, inputData, inputSchema) {
	if (inputSchema instanceof Choice) {
		for (const element of inputSchema.value) if (compareSchema(root, inputData, element).verified) return {
			verified: true,
			result: root
		};
		{
			const _result = {
				verified: false,
				result: { error: "Wrong values for Choice type" }
			};
			if (inputSchema.hasOwnProperty("name")) _result.name = inputSchema.name;
			return _result;
		}
	}
	if (inputSchema instanceof Any) {
		if (inputSchema.hasOwnProperty("name")) root[inputSchema.name] = inputData;
		return {
			verified: true,
			result: root
		};
	}
	if (root instanceof Object === false) return {
		verified: false,
		result: { error: "Wrong root object" }
	};
	if (inputData instanceof Object === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 data" }
	};
	if (inputSchema instanceof Object === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if ("idBlock" in inputSchema === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if ("fromBER" in inputSchema.idBlock === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if ("toBER" in inputSchema.idBlock === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	const encodedId = inputSchema.idBlock.toBER(false);
	if (encodedId.byteLength === 0) return {
		verified: false,
		result: { error: "Error encoding idBlock for ASN.1 schema" }
	};
	if (inputSchema.idBlock.fromBER(encodedId, 0, encodedId.byteLength) === -1) return {
		verified: false,
		result: { error: "Error decoding idBlock for ASN.1 schema" }
	};
	if (inputSchema.idBlock.hasOwnProperty("tagClass") === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if (inputSchema.idBlock.tagClass !== inputData.idBlock.tagClass) return {
		verified: false,
		result: root
	};
	if (inputSchema.idBlock.hasOwnProperty("tagNumber") === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if (inputSchema.idBlock.tagNumber !== inputData.idBlock.tagNumber) return {
		verified: false,
		result: root
	};
	if (inputSchema.idBlock.hasOwnProperty("isConstructed") === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if (inputSchema.idBlock.isConstructed !== inputData.idBlock.isConstructed) return {
		verified: false,
		result: root
	};
	if (!("isHexOnly" in inputSchema.idBlock)) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema" }
	};
	if (inputSchema.idBlock.isHexOnly !== inputData.idBlock.isHexOnly) return {
		verified: false,
		result: root
	};
	if (inputSchema.idBlock.isHexOnly) {
		if ("valueHexView" in inputSchema.idBlock === false) return {
			verified: false,
			result: { error: "Wrong ASN.1 schema" }
		};
		const schemaView = inputSchema.idBlock.valueHexView;
		const asn1View = inputData.idBlock.valueHexView;
		if (schemaView.length !== asn1View.length) return {
			verified: false,
			result: root
		};
		for (let i = 0; i < schemaView.length; i++) if (schemaView[i] !== asn1View[1]) return {
			verified: false,
			result: root
		};
	}
	if (inputSchema.name) {
		inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
		if (inputSchema.name) root[inputSchema.name] = inputData;
	}
	if (inputSchema instanceof typeStore.Constructed) {
		let admission = 0;
		let result = {
			verified: false,
			result: { error: "Unknown error" }
		};
		let maxLength = inputSchema.valueBlock.value.length;
		if (maxLength > 0) {
			if (inputSchema.valueBlock.value[0] instanceof Repeated) maxLength = inputData.valueBlock.value.length;
		}
		if (maxLength === 0) return {
			verified: true,
			result: root
		};
		if (inputData.valueBlock.value.length === 0 && inputSchema.valueBlock.value.length !== 0) {
			let _optional = true;
			for (let i = 0; i < inputSchema.valueBlock.value.length; i++) _optional = _optional && (inputSchema.valueBlock.value[i].optional || false);
			if (_optional) return {
				verified: true,
				result: root
			};
			if (inputSchema.name) {
				inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
				if (inputSchema.name) delete root[inputSchema.name];
			}
			root.error = "Inconsistent object length";
			return {
				verified: false,
				result: root
			};
		}
		for (let i = 0; i < maxLength; i++) if (i - admission >= inputData.valueBlock.value.length) {
			if (inputSchema.valueBlock.value[i].optional === false) {
				const _result = {
					verified: false,
					result: root
				};
				root.error = "Inconsistent length between ASN.1 data and schema";
				if (inputSchema.name) {
					inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
					if (inputSchema.name) {
						delete root[inputSchema.name];
						_result.name = inputSchema.name;
					}
				}
				return _result;
			}
		} else if (inputSchema.valueBlock.value[0] instanceof Repeated) {
			result = compareSchema(root, inputData.valueBlock.value[i], inputSchema.valueBlock.value[0].value);
			if (result.verified === false) {
				if (inputSchema.valueBlock.value[0].optional) admission++;
				else {
					if (inputSchema.name) {
						inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
						if (inputSchema.name) delete root[inputSchema.name];
					}
					return result;
				}
			}
			if ("name" in inputSchema.valueBlock.value[0] && inputSchema.valueBlock.value[0].name.length > 0) {
				let arrayRoot = {};
				if ("local" in inputSchema.valueBlock.value[0] && inputSchema.valueBlock.value[0].local) arrayRoot = inputData;
				else arrayRoot = root;
				if (typeof arrayRoot[inputSchema.valueBlock.value[0].name] === "undefined") arrayRoot[inputSchema.valueBlock.value[0].name] = [];
				arrayRoot[inputSchema.valueBlock.value[0].name].push(inputData.valueBlock.value[i]);
			}
		} else {
			result = compareSchema(root, inputData.valueBlock.value[i - admission], inputSchema.valueBlock.value[i]);
			if (result.verified === false) {
				if (inputSchema.valueBlock.value[i].optional) admission++;
				else {
					if (inputSchema.name) {
						inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
						if (inputSchema.name) delete root[inputSchema.name];
					}
					return result;
				}
			}
		}
		if (result.verified === false) {
			const _result = {
				verified: false,
				result: root
			};
			if (inputSchema.name) {
				inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
				if (inputSchema.name) {
					delete root[inputSchema.name];
					_result.name = inputSchema.name;
				}
			}
			return _result;
		}
		return {
			verified: true,
			result: root
		};
	}
	if (inputSchema.primitiveSchema && "valueHexView" in inputData.valueBlock) {
		const asn1 = localFromBER(inputData.valueBlock.valueHexView);
		if (asn1.offset === -1) {
			const _result = {
				verified: false,
				result: asn1.result
			};
			if (inputSchema.name) {
				inputSchema.name = inputSchema.name.replace(/^\s+|\s+$/g, "");
				if (inputSchema.name) {
					delete root[inputSchema.name];
					_result.name = inputSchema.name;
				}
			}
			return _result;
		}
		return compareSchema(root, asn1.result, inputSchema.primitiveSchema);
	}
	return {
		verified: true,
		result: root
	};
}
function verifySchema(inputBuffer, inputSchema) {
	if (inputSchema instanceof Object === false) return {
		verified: false,
		result: { error: "Wrong ASN.1 schema type" }
	};
	const asn1 = localFromBER((0,buffer_source/* toUint8Array */.Fo)(inputBuffer));
	if (asn1.offset === -1) return {
		verified: false,
		result: asn1.result
	};
	return compareSchema(asn1.result, asn1.result, inputSchema);
}
//#endregion
//#region src/index.ts
registerBuiltinEncoder({
	BitString,
	Integer,
	OctetString,
	Primitive,
	Constructed,
	Sequence,
	Set
}, {
	BaseBlock,
	ViewWriter,
	LocalIdentificationBlock,
	LocalLengthBlock,
	LocalIntegerValueBlock,
	LocalOctetStringValueBlock,
	LocalConstructedValueBlock,
	LocalBitStringValueBlock,
	LocalPrimitiveValueBlock,
	originalBaseBlockToBER: ORIGINAL_BASE_BLOCK_TO_BER,
	originalWriterWrite: ORIGINAL_VIEW_WRITER_WRITE,
	originalWriterFinal: ORIGINAL_VIEW_WRITER_FINAL,
	originalIdentificationToBER: ORIGINAL_LOCAL_IDENTIFICATION_TO_BER,
	originalLengthToBER: ORIGINAL_LOCAL_LENGTH_TO_BER,
	originalIntegerToBER: ORIGINAL_LOCAL_INTEGER_TO_BER,
	originalOctetStringToBER: ORIGINAL_LOCAL_OCTET_STRING_TO_BER,
	originalBitStringToBER: ORIGINAL_LOCAL_BIT_STRING_TO_BER,
	originalConstructedToBER: ORIGINAL_LOCAL_CONSTRUCTED_TO_BER,
	originalPrimitiveToBER: ORIGINAL_LOCAL_PRIMITIVE_TO_BER
});
registerFastParser({
	Integer,
	Null,
	Sequence
});
//#endregion



/***/ })

};
