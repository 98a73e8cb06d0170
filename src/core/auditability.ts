/**
 * Which tabs Tabgrade can audit, and why not when it cannot. Browsers keep their own
 * pages, extension galleries and local files away from extensions' webRequest and
 * content scripts, so there are no headers or DOM to read there.
 */

export type Auditability =
  | { auditable: true }
  | { auditable: false; reason: NotAuditableReason; explanation: string };

export type NotAuditableReason =
  | 'browser-page'
  | 'extension-page'
  | 'web-store'
  | 'view-source'
  | 'local-file'
  | 'data-url'
  | 'no-url'
  | 'unsupported-scheme';

/** Extension galleries where browsers refuse content scripts and hide requests. */
const WEB_STORE_PREFIXES: readonly string[] = [
  'https://chromewebstore.google.com/',
  'https://chrome.google.com/webstore',
  'https://microsoftedge.microsoft.com/addons',
  'https://addons.mozilla.org/',
];

const EXPLANATIONS: Record<NotAuditableReason, string> = {
  'browser-page': 'This is one of the browser’s own pages. It is not served over HTTP, so there are no response headers to grade.',
  'extension-page': 'This page belongs to an extension. Browsers do not let one extension inspect another’s pages.',
  'web-store': 'Browsers protect their extension stores from every extension, so Tabgrade cannot see this page’s headers or content.',
  'view-source': 'This is a view-source page. Open the page itself to audit it.',
  'local-file': 'Local files are not served over HTTP, so they have no response headers to grade. Serve the folder (for example `python3 -m http.server`) and open it over http://localhost.',
  'data-url': 'data: and blob: pages have no server response to grade.',
  'no-url': 'The browser did not share this tab’s address, which it does for its own pages (chrome://, about:, edge://) and other pages closed to extensions.',
  'unsupported-scheme': 'Tabgrade audits pages served over http:// and https:// only.',
};

function notAuditable(reason: NotAuditableReason): Auditability {
  return { auditable: false, reason, explanation: EXPLANATIONS[reason] };
}

/** Decides from a tab's URL (undefined when the browser withholds it) whether it can be audited. */
export function auditability(url: string | undefined | null): Auditability {
  if (!url) return notAuditable('no-url');
  const lower = url.toLowerCase();
  if (lower.startsWith('view-source:')) return notAuditable('view-source');
  if (lower.startsWith('file:')) return notAuditable('local-file');
  if (lower.startsWith('data:') || lower.startsWith('blob:')) return notAuditable('data-url');
  if (/^(chrome|edge|brave|opera|vivaldi|about|devtools|chrome-search|chrome-untrusted):/.test(lower)) {
    return notAuditable('browser-page');
  }
  if (/^(chrome-extension|moz-extension|extension|safari-web-extension):/.test(lower)) {
    return notAuditable('extension-page');
  }
  if (!lower.startsWith('http://') && !lower.startsWith('https://')) return notAuditable('unsupported-scheme');
  if (WEB_STORE_PREFIXES.some((prefix) => lower.startsWith(prefix))) return notAuditable('web-store');
  return { auditable: true };
}
