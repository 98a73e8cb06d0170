/**
 * The data model the browser adapters fill and every check reads.
 *
 * Everything here is plain, JSON-serialisable data: the background stores it in
 * `storage.session`, the popup receives it over messaging, the CLI builds it from
 * a HAR file and tests build it from fixtures. No browser API is referenced here.
 */
import type { TlsInfo } from './tls';
import type { DnsCapture } from './dns/dns-capture';

/** One header line exactly as received: name casing, order and duplicates kept. */
export interface HttpHeader {
  name: string;
  value: string;
}

/** Resource types as the webRequest API names them (plus `other` for anything new). */
export type ResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'webtransport'
  | 'webbundle'
  | 'other';

/** One HTTP response the browser received. */
export interface ResponseCapture {
  url: string;
  method: string;
  /** 0 when the request failed before any response arrived. */
  statusCode: number;
  /** e.g. `HTTP/1.1 200 OK`, when the browser reports it. */
  statusLine: string;
  headers: HttpHeader[];
  type: ResourceType;
  /** Milliseconds since the epoch, as the browser stamped the response. */
  timeStamp: number;
  fromCache: boolean;
  /** Server IP address when the browser reports it. */
  ip?: string;
  /** Set when the request ended in a network error instead of a response. */
  error?: string;
}

/** One hop of a redirect chain: the response that redirected and where it pointed. */
export interface RedirectHop {
  url: string;
  statusCode: number;
  statusLine: string;
  /** The `Location` the browser followed (`redirectUrl` in webRequest). */
  location: string;
  headers: HttpHeader[];
  /**
   * True when the browser redirected internally without asking the server (Chrome's
   * "307 Internal Redirect" for HSTS upgrades and extension redirects).
   */
  internal: boolean;
}

/** How a tag got into the document, as far as the content script can tell. */
export type TagOrigin = 'parser' | 'added-after-load';

/** A `<script src>` or `<link>` seen in the DOM. */
export interface ExternalResourceTag {
  element: 'script' | 'link';
  /** Absolute URL as the browser resolved it (`script.src`, `link.href`). */
  url: string;
  /** The `rel` attribute of a link, lower-cased; null for scripts. */
  rel: string | null;
  /** The `as` attribute of a preload link; null when absent. */
  as: string | null;
  /** The `type` attribute (e.g. `module`); null when absent. */
  type: string | null;
  /** The `integrity` attribute verbatim; null when absent. */
  integrity: string | null;
  /** The `crossorigin` attribute verbatim (`""` when present without value); null when absent. */
  crossorigin: string | null;
  origin: TagOrigin;
  /** Milliseconds after the snapshot started that the tag was first seen. */
  firstSeenMs: number;
}

/** A `<meta>` that can carry policy (`http-equiv` or `name=referrer`). */
export interface MetaTag {
  httpEquiv: string | null;
  name: string | null;
  content: string;
}

/** What the content script saw in the document. */
export interface DomSnapshot {
  /** `document.URL` when the snapshot was taken. */
  url: string;
  /** `document.contentType`, e.g. `text/html`. */
  contentType: string;
  /** Milliseconds since the epoch. */
  takenAt: number;
  tags: ExternalResourceTag[];
  inlineScriptCount: number;
  metas: MetaTag[];
  /** True when the page had more tags than the snapshot keeps; `totalTags` says how many. */
  truncated: boolean;
  totalTags: number;
}

/** The HTML of the main document, for checks that read it the way a scanner would. */
export interface DocumentHtml {
  text: string;
  /**
   * `served`: the bytes of the response as the server sent them (HAR body, or a re-read
   * of the document from the browser's cache); `dom`: a serialisation of the live DOM,
   * used only when the served HTML could not be had.
   */
  source: 'served' | 'dom';
  /** True when the text was cut to the size limit. */
  truncated: boolean;
}

/** An extra request made to judge something the browser did not see by itself. */
export interface ProbeResult {
  /** The URL that was requested. */
  url: string;
  /** Redirects followed from `url`, in order. */
  redirects: RedirectHop[];
  /** The last response, after redirects; null when the request failed. */
  response: ResponseCapture | null;
  /** Body text of the last response when it is relevant (policy files); capped. */
  body?: string;
  /** A network error or refusal, in words. */
  error?: string;
}

export interface Probes {
  /** `http://<host>/`: how the site answers plain HTTP (redirection test). */
  http?: ProbeResult;
  /** A cross-origin preflight (`OPTIONS` with `Origin`) to the document URL (CORS test). */
  cors?: ProbeResult;
  /** `/crossdomain.xml` of the audited origin. */
  crossdomainXml?: ProbeResult;
  /** `/clientaccesspolicy.xml` of the audited origin. */
  clientaccesspolicyXml?: ProbeResult;
  /**
   * A path that does not exist on the audited origin, with its body: shows the framework's
   * debug error page when DEBUG is on. Only for sites the user opted in.
   */
  notFound?: ProbeResult;
}

/**
 * A library version read from the page's own globals by the main-world probe (e.g.
 * `window.jQuery.fn.jquery`). Everything in it is page-controlled text: the worker checks its
 * shape, and core checks the version again before any lookup.
 */
export interface RuntimeLibraryHit {
  /** retire.js component id (one the bundled data knows). */
  component: string;
  /** The version as the page reported it, bounded in length. */
  version: string;
  /** The property path it was read from, e.g. `window.widgetJQ.fn.jquery`. */
  via: string;
  /** Milliseconds after the navigation started that a probe first saw it. */
  firstSeenMs: number;
}

/** A library version found in the body of a script the HAR recorded. */
export interface ContentLibraryHit {
  url: string;
  component: string;
  version: string;
}

/** What the main-world probes found on this document, merged over every run. */
export interface RuntimeLibraries {
  /** How many probe runs were merged. */
  probes: number;
  /** Milliseconds since the epoch of the last run. */
  lastProbedAt: number;
  hits: RuntimeLibraryHit[];
  /** Entries the worker dropped because they did not have the expected shape. */
  rejected: number;
  /** Why the last run could not read the page (e.g. a page closed to extensions); null when it ran. */
  error: string | null;
}

export type SriAlgorithm = 'sha256' | 'sha384' | 'sha512';

/** The "verify hashes" outcome for one resource. */
export interface SriVerificationResult {
  url: string;
  /** The `integrity` attribute compared against (null: none, a hash to paste was computed). */
  integrity: string | null;
  /**
   * `match`/`mismatch`: the file's digest against the strongest usable hash in `integrity`;
   * `no-usable-hash`: the attribute has no well-formed hash to compare; `computed`: no attribute,
   * only a suggested value; `fetch-failed`: the file could not be read.
   */
  status: 'match' | 'mismatch' | 'no-usable-hash' | 'computed' | 'fetch-failed';
  /** The algorithm compared, when one was. */
  algorithm: SriAlgorithm | null;
  /** The file's actual digest (base64) for `algorithm`. */
  actual: string | null;
  /** A ready-to-paste `integrity` value for the file as fetched (`sha384-…`). */
  suggested: string | null;
  /** Size of the fetched body in bytes. */
  bytes: number | null;
  error: string | null;
}

/** The last "verify hashes" run for this document. */
export interface SriVerification {
  state: 'running' | 'done';
  startedAt: number;
  completedAt: number | null;
  results: SriVerificationResult[];
  /** Resources not fetched because of the per-run cap. */
  skipped: number;
}

export type CaptureState = 'loading' | 'complete' | 'error';

/** Everything Tabgrade knows about one top-level navigation of one tab. */
export interface PageCapture {
  schemaVersion: 1;
  /** Unique per navigation; changes when the tab navigates or reloads. */
  navigationId: string;
  /** The browser tab, when captured from a browser; null for HAR or fixtures. */
  tabId: number | null;
  /** The URL the navigation started at (before redirects). */
  requestedUrl: string;
  /** The final URL of the main document (after redirects). */
  url: string;
  state: CaptureState;
  startedAt: number;
  completedAt: number | null;
  /** The main document's final response; null until it arrives or when it failed. */
  document: ResponseCapture | null;
  /** The hops that led to `document`, in order. */
  redirects: RedirectHop[];
  /** Responses of sub-frames and sub-resources, oldest first, capped. */
  subresources: ResponseCapture[];
  /** How many sub-resource responses were not kept because of the cap. */
  droppedSubresources: number;
  dom: DomSnapshot | null;
  html: DocumentHtml | null;
  probes: Probes;
  /** A navigation error in words (e.g. `net::ERR_CONNECTION_REFUSED`). */
  error: string | null;
  /** Library versions read from the page's globals; absent until the first probe ran. */
  runtimeLibraries?: RuntimeLibraries;
  /**
   * Libraries named inside script bodies (retire.js's file-content extractors). Only a HAR
   * import fills it: the extension never reads script bodies.
   */
  contentLibraries?: ContentLibraryHit[];
  /** The last on-demand check of `integrity` hashes against the files; absent until asked. */
  sriVerification?: SriVerification;
  /** The document's TLS connection and certificate, where the browser shares them (Firefox; Chrome with its securityInfo feature on), or from the CLI's own handshake (`tabgrade audit`). */
  tls?: TlsInfo;
  /** Set when the browser could share the TLS facts but does not: Chrome with its `WebRequestSecurityInfo` feature (chrome://flags/#web-request-security-info) off. */
  tlsNotShared?: 'chrome-feature-off';
  /** CAA and DNSSEC through the user's DNS-over-HTTPS resolver; only when the user turned DNS lookups on (`settings.dns`, `tabgrade audit --dns`). */
  dns?: DnsCapture;
}

/** Limits that keep captures bounded however long the browser runs. */
export const CAPTURE_LIMITS = {
  /** Sub-resource responses kept per navigation. */
  subresourcesPerPage: 200,
  /** Tags kept in one DOM snapshot. */
  tagsPerSnapshot: 2000,
  /** Headers kept per response; more are dropped with a synthetic note. */
  headersPerResponse: 500,
  /** Characters kept of one header value. */
  headerValueChars: 16384,
  /** Characters of HTML kept for HTML-reading checks. */
  htmlChars: 1_000_000,
  /** Captures kept in total (tabs). */
  tabs: 60,
  /** Redirect hops kept per navigation. */
  redirects: 30,
  /** Meta tags kept per snapshot. */
  metas: 50,
} as const;

/** A new, empty capture for a navigation that has just started. */
export function emptyCapture(init: {
  navigationId: string;
  tabId: number | null;
  url: string;
  startedAt: number;
}): PageCapture {
  return {
    schemaVersion: 1,
    navigationId: init.navigationId,
    tabId: init.tabId,
    requestedUrl: init.url,
    url: init.url,
    state: 'loading',
    startedAt: init.startedAt,
    completedAt: null,
    document: null,
    redirects: [],
    subresources: [],
    droppedSubresources: 0,
    dom: null,
    html: null,
    probes: {},
    error: null,
  };
}
