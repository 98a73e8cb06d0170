/**
 * Hosts that only a developer's own machine or network can reach: loopback, private and
 * link-local addresses, and the special-use names people give local sites (`.localhost`,
 * `.local`, `.test`, `.internal`, `.home.arpa`, …). A page there is under development, so
 * Tabgrade never caps its grade for a development server or debug headers, and it can show
 * what the same page would score in production over HTTPS.
 */

/** Top-level names reserved for local or test use (RFC 6761, RFC 6762, RFC 8375, ICANN's `.internal`). */
const LOCAL_TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(['localhost', 'local', 'test', 'internal', 'invalid', 'example', 'lan', 'home', 'localdomain']);

function isPrivateIpv4(host: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (match === null) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return (
    a === 127 || // loopback
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254) || // link-local
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT, also used by VPNs such as Tailscale
    a === 0
  );
}

function isPrivateIpv6(host: string): boolean {
  if (!host.startsWith('[') || !host.endsWith(']')) return false;
  const address = host.slice(1, -1).toLowerCase();
  if (address === '::1' || address === '::') return true;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped !== null) return isPrivateIpv4(mapped[1] ?? '');
  // The URL parser writes an IPv4-mapped address in hex: [::ffff:127.0.0.1] → [::ffff:7f00:1].
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mappedHex !== null) {
    const high = Number.parseInt(mappedHex[1] ?? '0', 16);
    const low = Number.parseInt(mappedHex[2] ?? '0', 16);
    return isPrivateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  // fc00::/7 (unique local) and fe80::/10 (link-local).
  return /^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address);
}

/** True for a host name (as `URL.hostname` spells it) that is not reachable from the public internet. */
export function isDevelopmentHostname(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return false;
  if (isPrivateIpv4(host) || isPrivateIpv6(host)) return true;
  const labels = host.split('.');
  const top = labels[labels.length - 1] ?? '';
  if (LOCAL_TOP_LEVEL_NAMES.has(top)) return true;
  // RFC 8375: home.arpa is for home networks.
  return host === 'home.arpa' || host.endsWith('.home.arpa');
}

/** `isDevelopmentHostname` for a URL; false when it does not parse. */
export function isDevelopmentUrl(url: string): boolean {
  try {
    return isDevelopmentHostname(new URL(url).hostname);
  } catch {
    return false;
  }
}
