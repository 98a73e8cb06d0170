/**
 * Removing secrets from headers before a capture leaves the machine. Only the values
 * go: cookie names, cookie attributes and the authorization scheme stay, because the
 * checks (and a person reading the export) need them to judge the configuration.
 */
import type { HttpHeader } from '../capture';

export const REDACTED = 'REDACTED';

/** `name=value; Secure; …` → `name=REDACTED; Secure; …` (RFC 6265 §4.1.1). */
function redactSetCookieLine(line: string): string {
  const semicolon = line.indexOf(';');
  const pair = semicolon === -1 ? line : line.slice(0, semicolon);
  const attributes = semicolon === -1 ? '' : line.slice(semicolon);
  const equals = pair.indexOf('=');
  // A pair without "=" is a nameless cookie whose whole pair is the value (RFC 6265 §5.2).
  if (equals === -1) return (pair.trim() === '' ? pair : REDACTED) + attributes;
  const value = pair.slice(equals + 1);
  return pair.slice(0, equals + 1) + (value.trim() === '' ? value : REDACTED) + attributes;
}

/** `a=1; b=2` → `a=REDACTED; b=REDACTED` (RFC 6265 §4.2.1). */
function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const equals = pair.indexOf('=');
      // Keep the space after each ";" so the header still reads as it was sent.
      if (equals === -1) return pair.replace(/\S[\s\S]*$/, REDACTED);
      const value = pair.slice(equals + 1);
      return pair.slice(0, equals + 1) + (value.trim() === '' ? value : REDACTED);
    })
    .join(';');
}

/** `Bearer abc` → `Bearer REDACTED`: the scheme says how the site authenticates, the rest is the secret. */
function redactCredentials(value: string): string {
  const match = /^(\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s+\S/.exec(value);
  return match?.[1] === undefined ? REDACTED : `${match[1]} ${REDACTED}`;
}

/** The header with any secret value replaced by `REDACTED`; other headers are returned as they are. */
export function redactHeader(header: HttpHeader): HttpHeader {
  if (header.value === '') return header;
  switch (header.name.toLowerCase()) {
    case 'set-cookie':
      // Defensive: a capture from an older build may still hold Firefox's newline-joined value.
      return { name: header.name, value: header.value.split('\n').map(redactSetCookieLine).join('\n') };
    case 'cookie':
      return { name: header.name, value: redactCookieHeader(header.value) };
    case 'authorization':
    case 'proxy-authorization':
      return { name: header.name, value: redactCredentials(header.value) };
    default:
      return header;
  }
}
