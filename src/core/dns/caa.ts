/**
 * CAA records (RFC 8659): which certificate authorities may issue for a domain. A record is
 * a flags byte, a tag (`issue`, `issuewild`, `iodef`, …) and a value; DoH JSON resolvers
 * give it in presentation form (`0 issue "letsencrypt.org"`) or, for types they do not
 * render, in RFC 3597 generic form (`\# 19 00 05 69737375 65 …`).
 */

export interface CaaRecord {
  flags: number;
  /** Lower-cased: tags are case-insensitive (RFC 8659 §4.1). */
  tag: string;
  value: string;
  /** Bit 128: a CA that does not understand the tag must not issue. */
  critical: boolean;
}

function record(flags: number, tag: string, value: string): CaaRecord | null {
  if (!Number.isInteger(flags) || flags < 0 || flags > 255) return null;
  if (!/^[A-Za-z0-9]{1,15}$/.test(tag)) return null;
  return { flags, tag: tag.toLowerCase(), value, critical: (flags & 128) !== 0 };
}

function fromGeneric(data: string): CaaRecord | null {
  const match = /^\\#\s+(\d+)\s*([0-9A-Fa-f\s]*)$/.exec(data.trim());
  if (match === null) return null;
  const hex = match[2]!.replace(/\s+/g, '');
  if (hex.length % 2 !== 0 || hex.length / 2 !== Number(match[1])) return null;
  const bytes = Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  if (bytes.length < 2) return null;
  const tagLength = bytes[1]!;
  if (bytes.length < 2 + tagLength) return null;
  const ascii = (part: number[]): string => String.fromCharCode(...part);
  return record(bytes[0]!, ascii(bytes.slice(2, 2 + tagLength)), ascii(bytes.slice(2 + tagLength)));
}

/** One CAA record from a DoH answer's `data`; null when it is neither form. */
export function parseCaaRecord(data: string): CaaRecord | null {
  if (data.trim().startsWith('\\#')) return fromGeneric(data);
  const match = /^\s*(\d{1,3})\s+([A-Za-z0-9]+)\s+(.*?)\s*$/.exec(data);
  if (match === null) return null;
  let value = match[3]!;
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
  return record(Number(match[1]), match[2]!, value);
}

/**
 * The issuer domain of an `issue`/`issuewild` value: the part before any `;` parameters
 * (RFC 8659 §4.2). An empty domain (`;`) means no CA may issue.
 */
export function caaIssuerDomain(value: string): string {
  return value.split(';')[0]!.trim().toLowerCase().replace(/\.$/, '');
}
