/**
 * The names a CAA lookup asks about: the host, then each parent up the tree, until one has
 * a CAA record set (RFC 8659 §3: the "relevant RRset" is the first non-empty one climbing
 * towards the root; the root itself is never asked).
 */

/** Hosts deeper than this are cut: a page cannot make the lookup ask without end. */
const MAX_NAMES = 10;

/** `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com`, `com`; [] for IP addresses and single labels. */
export function caaLookupNames(host: string): string[] {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === '' || name.includes(':') || /^\d+(\.\d+){3}$/.test(name) || !name.includes('.')) return [];
  if (!/^[a-z0-9_.-]+$/.test(name) || name.split('.').some((label) => label === '' || label.length > 63)) return [];
  const labels = name.split('.');
  const names: string[] = [];
  for (let i = 0; i < labels.length && names.length < MAX_NAMES; i++) names.push(labels.slice(i).join('.'));
  return names;
}
