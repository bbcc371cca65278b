/**
 * `util.xml.toMap` / `toJsonString`: a small XML reader (elements, attributes ignored, text, CDATA,
 * entities). Repeated sibling elements become arrays; numeric text becomes numbers, `true`/`false`
 * booleans (documented example). Malformed XML yields `null` (the return type allows it).
 */

type XmlValue = string | number | boolean | null | XmlMap | XmlValue[];
interface XmlMap {
  [key: string]: XmlValue;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function scalar(text: string): XmlValue {
  const trimmed = text.trim();
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return text;
}

class Reader {
  private index = 0;
  constructor(private readonly input: string) {}

  private skipMisc(): void {
    for (;;) {
      const rest = this.input.slice(this.index);
      const skip = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/.exec(rest);
      if (!skip || skip[0].length === 0) return;
      this.index += skip[0].length;
    }
  }

  document(): XmlMap {
    this.skipMisc();
    const [name, value] = this.element();
    this.skipMisc();
    if (this.index !== this.input.length) throw new Error('Trailing content');
    return { [name]: value };
  }

  private element(): [string, XmlValue] {
    const open = /^<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
      this.input.slice(this.index),
    );
    if (!open) throw new Error('Expected an element');
    this.index += open[0].length;
    const name = open[1] ?? '';
    if (open[3] === '/') return [name, null];
    const children: Array<[string, XmlValue]> = [];
    let text = '';
    for (;;) {
      const rest = this.input.slice(this.index);
      if (rest.startsWith(`</${name}`)) {
        const close = /^<\/[^>]+>/.exec(rest);
        this.index += close ? close[0].length : rest.length;
        break;
      }
      if (rest.length === 0) throw new Error(`Unclosed element ${name}`);
      if (rest.startsWith('<![CDATA[')) {
        const end = rest.indexOf(']]>');
        if (end < 0) throw new Error('Unclosed CDATA');
        text += rest.slice(9, end);
        this.index += end + 3;
      } else if (rest.startsWith('<!--') || rest.startsWith('<?')) this.skipMisc();
      else if (rest.startsWith('<')) children.push(this.element());
      else {
        const end = rest.indexOf('<');
        text += decodeEntities(end < 0 ? rest : rest.slice(0, end));
        this.index += end < 0 ? rest.length : end;
      }
    }
    if (children.length === 0) return [name, text.length ? scalar(text) : null];
    const map: XmlMap = {};
    for (const [childName, childValue] of children) {
      const existing = map[childName];
      if (existing === undefined) map[childName] = childValue;
      else if (Array.isArray(existing)) existing.push(childValue);
      else map[childName] = [existing, childValue];
    }
    return [name, map];
  }
}

export function xmlToMap(xml: string): XmlMap | null {
  if (typeof xml !== 'string') return null;
  try {
    return new Reader(xml).document();
  } catch {
    return null;
  }
}

export const xmlUtil = {
  toMap: xmlToMap,
  toJsonString: (xml: string, stringEncode?: boolean): string => {
    const json = JSON.stringify(xmlToMap(xml));
    return stringEncode ? JSON.stringify(json) : json;
  },
};
