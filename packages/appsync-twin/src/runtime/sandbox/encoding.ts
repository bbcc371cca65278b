/** String encodings of `util.*` (UTF-8 throughout, as the docs state). Runs inside the sandbox realm. */

export function utf8Encode(value: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i += 1) {
    let code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      }
    }
    // Java encodes an unpaired surrogate as '?'.
    if (code >= 0xd800 && code <= 0xdfff) bytes.push(0x3f);
    else if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return bytes;
}

/** Decodes UTF-8, replacing malformed sequences with U+FFFD as Java's decoder does. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    const need =
      b0 < 0x80 ? 0 : b0 >= 0xf0 && b0 < 0xf5 ? 3 : b0 >= 0xe0 ? 2 : b0 >= 0xc2 && b0 < 0xe0 ? 1 : -1;
    if (need === 0) {
      out += String.fromCharCode(b0);
      i += 1;
      continue;
    }
    let code = need === 1 ? b0 & 31 : need === 2 ? b0 & 15 : b0 & 7;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k += 1) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (b & 63);
    }
    if (
      !ok ||
      (need === 2 && code < 0x800) ||
      (need === 3 && (code < 0x10000 || code > 0x10ffff)) ||
      (code >= 0xd800 && code <= 0xdfff)
    ) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64FromBytes(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63);
    out += b === undefined ? '=' : BASE64.charAt((n >> 6) & 63);
    out += c === undefined ? '=' : BASE64.charAt(n & 63);
  }
  return out;
}

export function bytesFromBase64(value: string): number[] {
  const clean = value.replace(/[\r\n]/g, '').replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(clean) || clean.length % 4 === 1)
    throw new Error('Illegal base64 character or length');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  return bytes;
}

export function base64Encode(value: string): string {
  return base64FromBytes(utf8Encode(String(value)));
}

export function base64Decode(value: string): string {
  return utf8Decode(bytesFromBase64(String(value)));
}

/** `application/x-www-form-urlencoded` as Java's URLEncoder: unreserved `A-Z a-z 0-9 . - * _`, space → `+`. */
export function urlEncode(value: string): string {
  let out = '';
  for (const byte of utf8Encode(String(value))) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function urlDecode(value: string): string {
  const input = String(value);
  const bytes: number[] = [];
  let out = '';
  const flush = (): void => {
    if (bytes.length) out += utf8Decode(bytes.splice(0));
  };
  for (let i = 0; i < input.length; i += 1) {
    const ch = input.charAt(i);
    if (ch === '%') {
      const hex = input.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        throw new Error(`URLDecoder: Illegal hex characters in escape (%) pattern - ${hex}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
      continue;
    }
    flush();
    out += ch === '+' ? ' ' : ch;
  }
  flush();
  return out;
}

/** Apache commons-text `escapeEcmaScript`. */
export function escapeJavaScript(value: string): string {
  let out = '';
  for (const ch of String(value)) {
    switch (ch) {
      case "'":
        out += "\\'";
        break;
      case '"':
        out += '\\"';
        break;
      case '\\':
        out += '\\\\';
        break;
      case '/':
        out += '\\/';
        break;
      case '\b':
        out += '\\b';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\t':
        out += '\\t';
        break;
      case '\f':
        out += '\\f';
        break;
      case '\r':
        out += '\\r';
        break;
      default: {
        const code = ch.codePointAt(0) ?? 0;
        if (code >= 32 && code <= 0x7f) out += ch;
        else {
          for (let i = 0; i < ch.length; i += 1)
            out += `\\u${ch.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
        }
      }
    }
  }
  return out;
}
