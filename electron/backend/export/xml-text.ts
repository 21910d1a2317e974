// The few XML text rules a package-level patcher needs: entity decoding and escaping.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? '';
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR). */
export function stripInvalidXmlChars(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** Value of one attribute in an element's attribute text, decoded; undefined when absent. */
const attrPatterns = new Map<string, RegExp>();

export function attr(attributes: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attrPatterns.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  if (!m) return undefined;
  return decodeXml(m[1] ?? m[2] ?? '');
}

/** Attribute text without the named attributes. */
export function withoutAttrs(attributes: string, names: readonly string[]): string {
  let out = attributes;
  for (const name of names) out = out.replace(new RegExp(`\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`, 'g'), '');
  return out;
}

/** The concatenated text of every <t> run, skipping phonetic runs (<rPh>), as Excel shows a string item. */
export function runText(inner: string): string {
  const withoutPhonetic = inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) text += decodeXml(m[1] ?? '');
  return text;
}
