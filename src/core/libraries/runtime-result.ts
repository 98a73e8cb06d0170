/**
 * Checks what the main-world probe returned. The probe runs in the page's own JavaScript
 * world, so the page can shape its answer (a fake `window.jQuery`, poisoned built-ins):
 * the result is `unknown` until it passes here, and every string in it stays untrusted text.
 */
import { isKnownComponent } from './probe-spec';

/** Longest strings kept; the probe applies the same caps, so longer means tampering. */
const MAX_VERSION_TEXT = 64;
const MAX_VIA = 200;
const MAX_HITS = 200;
const MAX_HREF = 8192;
/** A property path the probe writes: `window.` and identifiers joined by dots. */
const VIA_SHAPE = /^window(?:\.[A-Za-z_$][\w$]*){1,8}$/;

export interface ProbeHit {
  component: string;
  version: string;
  via: string;
}

export interface ProbeOutput {
  /** The document's URL as the probe saw it. */
  href: string;
  hits: ProbeHit[];
  /** Entries dropped for their shape or an unknown library. */
  rejected: number;
}

function isStringTriple(value: unknown): value is [string, string, string] {
  return Array.isArray(value) && value.length === 3 && value.every((part) => typeof part === 'string');
}

/** The probe's answer when it has the expected shape; null otherwise. */
export function parseProbeOutput(raw: unknown): ProbeOutput | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  if (record.v !== 1 || typeof record.href !== 'string' || record.href.length > MAX_HREF || !Array.isArray(record.hits)) return null;
  const hits: ProbeHit[] = [];
  let rejected = 0;
  for (const entry of record.hits.slice(0, MAX_HITS) as unknown[]) {
    if (!isStringTriple(entry)) {
      rejected++;
      continue;
    }
    const [component, version, via] = entry;
    if (!isKnownComponent(component) || version.length === 0 || version.length > MAX_VERSION_TEXT) {
      rejected++;
      continue;
    }
    // Global names are the page's choice; one that is not a plain identifier is kept as a fact
    // ("found under some global") without its name.
    hits.push({ component, version, via: via.length <= MAX_VIA && VIA_SHAPE.test(via) ? via : 'window[unusual name]' });
  }
  rejected += Math.max(0, record.hits.length - MAX_HITS);
  return { href: record.href, hits, rejected };
}
