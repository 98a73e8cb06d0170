/**
 * Guessing what runs a site — server, framework, platform — from what its responses give
 * away: `Server`, `X-Powered-By` and friends, host names and cookie names (signatures in
 * `stack-signatures.ts` and `checks/tabgrade/known-cookies.ts`). Each guess carries a
 * confidence and the evidence behind it, so a view can say "probably Django (cookies
 * csrftoken, sessionid)" and offer that stack's fix first.
 *
 * Pure: reads the capture only. Evidence strings quote page-controlled header values and
 * cookie names; they are data to show as text.
 */
import type { HttpHeader, PageCapture } from './capture';
import { classifyCookie } from './checks/tabgrade/known-cookies';
import { navigationCookies } from './checks/tabgrade/navigation-cookies';
import type { Stack } from './findings';
import { headerNameIs, headerValues } from './headers';
import { HEADER_SIGNATURES, HOST_SIGNATURES, TECHNOLOGIES, type Confidence, type StackLayer } from './stack-signatures';

export type { Confidence, StackLayer } from './stack-signatures';

export interface StackGuess {
  /** Key of `TECHNOLOGIES`, e.g. `django`, `nginx`. */
  technology: string;
  label: string;
  layer: StackLayer;
  /** Whose fix snippets apply; null when Tabgrade has none. */
  fixStack: Stack | null;
  confidence: Confidence;
  /** A version the site disclosed, when it did. */
  version: string | null;
  /** Why Tabgrade thinks so, e.g. `Server: nginx/1.24.0`, `cookie csrftoken`. */
  evidence: string[];
}

export interface StackDetection {
  /** Every guess, most confident first (then framework before server before platform). */
  guesses: StackGuess[];
  /** The most likely application framework or language, if any. */
  framework: StackGuess | null;
  /** The most likely web server or hosting platform, if any. */
  server: StackGuess | null;
  /** Stacks to offer fixes for, best first, without repeats. */
  stacks: Stack[];
}

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { high: 3, medium: 2, low: 1 };
const LAYER_RANK: Readonly<Record<StackLayer, number>> = { framework: 4, language: 3, server: 2, platform: 1 };
const EVIDENCE_VALUE_CHARS = 120;

interface Accumulator {
  confidence: Confidence;
  version: string | null;
  evidence: string[];
  /** How many independent medium-or-better clues were seen. */
  clues: number;
}

class Evidence {
  private readonly found = new Map<string, Accumulator>();

  add(technology: string, confidence: Confidence, evidence: string, version: string | null = null): void {
    if (!Object.hasOwn(TECHNOLOGIES, technology)) return;
    const current = this.found.get(technology) ?? { confidence: 'low', version: null, evidence: [], clues: 0 };
    if (CONFIDENCE_RANK[confidence] > CONFIDENCE_RANK[current.confidence]) current.confidence = confidence;
    if (version !== null && current.version === null) current.version = version;
    if (!current.evidence.includes(evidence)) {
      current.evidence.push(evidence);
      if (confidence !== 'low') current.clues += 1;
    }
    this.found.set(technology, current);
  }

  guesses(): StackGuess[] {
    // Two independent medium clues make a high one (e.g. X-Runtime and a _app_session cookie).
    for (const accumulator of this.found.values()) {
      if (accumulator.confidence === 'medium' && accumulator.clues >= 2) accumulator.confidence = 'high';
    }
    // A framework implies its language, at the framework's confidence.
    for (const [technology, accumulator] of [...this.found]) {
      for (const implied of TECHNOLOGIES[technology]?.implies ?? []) {
        const label = TECHNOLOGIES[technology]?.label ?? technology;
        this.add(implied, accumulator.confidence, `implied by ${label}`);
      }
    }
    const guesses: StackGuess[] = [];
    for (const [technology, accumulator] of this.found) {
      const info = TECHNOLOGIES[technology];
      if (!info) continue;
      guesses.push({
        technology,
        label: info.label,
        layer: info.layer,
        fixStack: info.fixStack,
        confidence: accumulator.confidence,
        version: accumulator.version,
        evidence: accumulator.evidence,
      });
    }
    return guesses.sort(
      (a, b) =>
        CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence] ||
        LAYER_RANK[b.layer] - LAYER_RANK[a.layer] ||
        a.technology.localeCompare(b.technology),
    );
  }
}

function quote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length <= EVIDENCE_VALUE_CHARS ? trimmed : `${trimmed.slice(0, EVIDENCE_VALUE_CHARS)}…`;
}

function fromHeaders(headers: readonly HttpHeader[], evidence: Evidence): void {
  for (const signature of HEADER_SIGNATURES) {
    for (const value of headerValues(headers, signature.header)) {
      const match = signature.pattern.exec(value.trim());
      if (!match) continue;
      const version = signature.versionGroup === undefined ? null : (match[signature.versionGroup] ?? null);
      const name = headers.find((header) => headerNameIs(header.name, signature.header))?.name ?? signature.header;
      evidence.add(signature.technology, signature.confidence, `${name}: ${quote(value)}`, version);
    }
  }
}

function fromHost(url: string, evidence: Evidence): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return;
  }
  for (const signature of HOST_SIGNATURES) {
    if (signature.pattern.test(host)) evidence.add(signature.technology, signature.confidence, `host ${quote(host)}`);
  }
}

/** Cookie names other software uses too, which point at a framework only weakly. */
const GENERIC_COOKIE_NAMES: ReadonlySet<string> = new Set(['session', 'sessionid', 'csrftoken', '_session_id']);

/** Laravel's session cookie is "<app name slug>_session"; with XSRF-TOKEN it is a strong sign. */
const LARAVEL_SESSION = /^[a-z0-9]+(?:_[a-z0-9]+)*_session$/;

function fromCookies(capture: PageCapture, evidence: Evidence): void {
  const names = [...new Set(navigationCookies(capture).map((entry) => entry.cookie.name))];
  const hasXsrfToken = names.includes('XSRF-TOKEN');
  for (const name of names) {
    const kind = classifyCookie(name);
    const technology = kind.technology;
    if (technology !== null && kind.known !== null && Object.hasOwn(TECHNOLOGIES, technology)) {
      // A unique exact name (PHPSESSID, connect.sid) is a strong clue; a generic one
      // ("session", sessionid or csrftoken alone) or a name family (_<app>_session) less so.
      const weak = typeof kind.known.match !== 'string' || GENERIC_COOKIE_NAMES.has(name);
      evidence.add(technology, weak ? 'medium' : 'high', `cookie ${quote(name)}`);
    }
    if (hasXsrfToken && LARAVEL_SESSION.test(name)) {
      evidence.add('laravel', 'high', `cookies XSRF-TOKEN and ${quote(name)}`);
    }
  }
  // Django sets both names by default; together they are as good as certain.
  if (names.includes('csrftoken') && names.includes('sessionid')) evidence.add('django', 'high', 'cookies csrftoken and sessionid');
}

/** Guesses the site's server, framework and platform, with confidence and evidence. */
export function detectStack(capture: PageCapture): StackDetection {
  const evidence = new Evidence();
  for (const hop of capture.redirects) if (!hop.internal) fromHeaders(hop.headers, evidence);
  if (capture.document) fromHeaders(capture.document.headers, evidence);
  fromHost(capture.document?.url ?? capture.url, evidence);
  fromCookies(capture, evidence);

  const guesses = evidence.guesses();
  const framework = guesses.find((guess) => guess.layer === 'framework' || guess.layer === 'language') ?? null;
  const server = guesses.find((guess) => guess.layer === 'server' || guess.layer === 'platform') ?? null;

  // Fixes: confident frameworks and languages first (their settings fix things at the
  // source), then servers and platforms, then frameworks that are only a low guess.
  const stacks: Stack[] = [];
  const tier = (guess: StackGuess): number =>
    guess.layer === 'framework' || guess.layer === 'language' ? (guess.confidence === 'low' ? 0 : 2) : 1;
  const byUsefulness = [...guesses].sort((a, b) => tier(b) - tier(a));
  for (const guess of byUsefulness) {
    if (guess.fixStack !== null && !stacks.includes(guess.fixStack)) stacks.push(guess.fixStack);
  }
  return { guesses, framework, server, stacks };
}
