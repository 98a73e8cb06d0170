/**
 * Request headers as the DevTools panel keeps them: the values that are credentials
 * (`Cookie`, `Authorization`, `Proxy-Authorization`) are replaced before they are stored,
 * keeping what helps debugging — the cookie names and the authentication scheme.
 */
import type { HttpHeader } from './capture';

export const REDACTED = '[redacted by Tabgrade]';

/** `a=1; b=2` → `a=[redacted…]; b=[redacted…]`: which cookies were sent, not their values. */
function redactCookieHeader(value: string): string {
  return value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return `${equals === -1 ? pair : pair.slice(0, equals)}=${REDACTED}`;
    })
    .join('; ');
}

/** `Bearer abc…` → `Bearer [redacted…]`: the scheme says which login is in play. */
function redactCredentials(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/.exec(value);
  return scheme === null ? REDACTED : `${scheme[1]} ${REDACTED}`;
}

export function redactRequestHeaders(headers: readonly HttpHeader[]): HttpHeader[] {
  return headers.map((header) => {
    const name = header.name.toLowerCase();
    if (name === 'cookie') return { name: header.name, value: redactCookieHeader(header.value) };
    if (name === 'authorization' || name === 'proxy-authorization') return { name: header.name, value: redactCredentials(header.value) };
    return header;
  });
}
