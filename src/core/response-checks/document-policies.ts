/**
 * The headers that protect a document (the top page or a frame), read from its response
 * alone: Content-Security-Policy, Strict-Transport-Security and framing protection
 * (CSP frame-ancestors or X-Frame-Options). HSTS is read with the Observatory's own rules
 * (`readHstsHeader`). A `<meta>` CSP is not a header: the full report (the popup's) reads
 * it, so the row can say "no CSP" where the report finds a meta policy.
 */
import { readHstsHeader, SIX_MONTHS_SECONDS } from '../checks/observatory/strict-transport-security';
import { splitPolicyList } from '../checks/observatory/csp-parser';
import { headerValues, joinedHeader } from '../headers';
import type { ResponseBadge, ResponseCheck, ResponseCheckOutput, CheckedResponse, ResponseKind } from './types';
import { HTML_MEDIA_TYPES, isRedirectStatus, MDN_HEADERS, quote, responseFindingMaker, responseMediaType } from './shared';

const make = responseFindingMaker('document-policies');

/** `max-age` in the unit people think in: 300 → "5 min", 31536000 → "365 d". */
export function formatMaxAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} d`;
}

/** Directive names of the enforced policies (lower-cased), to see frame-ancestors. */
function directiveNames(values: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const policy of splitPolicyList(values)) {
    for (const directive of policy.split(';')) {
      const name = directive.trim().split(/\s+/)[0]?.toLowerCase();
      if (name) names.add(name);
    }
  }
  return names;
}

function csp(response: CheckedResponse, kind: ResponseKind, out: ResponseCheckOutput): Set<string> {
  const enforced = headerValues(response.headers, 'content-security-policy').filter((value) => value.trim() !== '');
  const reportOnly = headerValues(response.headers, 'content-security-policy-report-only').filter((value) => value.trim() !== '');
  const what = kind === 'frame' ? 'frame' : 'page';
  if (enforced.length > 0) {
    out.badges.push({ id: 'csp', label: 'CSP', state: 'ok', title: `Content-Security-Policy: ${quote(enforced.join(', '), 200)}` });
    return directiveNames(enforced);
  }
  if (reportOnly.length > 0) {
    out.badges.push({ id: 'csp', label: 'CSP report-only', state: 'warn', title: 'Only a report-only policy: violations are reported, nothing is blocked.' });
    out.findings.push(make({
      id: 'csp-report-only',
      severity: 'medium',
      title: `The ${what} has only a report-only Content Security Policy`,
      detail: 'Content-Security-Policy-Report-Only reports violations without blocking anything, which is the right way to trial a policy, but it does not protect the page until it is sent as Content-Security-Policy.',
      recommendation: 'Send the policy as Content-Security-Policy once its reports are clean',
      learnMoreUrl: `${MDN_HEADERS}/Content-Security-Policy-Report-Only`,
    }));
    return new Set();
  }
  out.badges.push({ id: 'csp', label: 'no CSP', state: 'bad', title: 'No Content-Security-Policy header (a <meta> policy, if any, is read by the full report).' });
  out.findings.push(make({
    id: 'csp-missing',
    severity: kind === 'frame' ? 'low' : 'medium',
    title: `The ${what} has no Content-Security-Policy header`,
    detail: 'A Content Security Policy limits where scripts, styles and frames may come from, which turns most cross-site scripting bugs into blocked requests. A policy in a <meta> tag also counts for most directives; the full report takes it into account.',
    recommendation: "Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
    learnMoreUrl: `${MDN_HEADERS}/Content-Security-Policy`,
  }));
  return new Set();
}

function hsts(response: CheckedResponse, kind: ResponseKind, out: ResponseCheckOutput): void {
  const joined = joinedHeader(response.headers, 'strict-transport-security');
  let https: boolean;
  try {
    https = new URL(response.url).protocol === 'https:';
  } catch {
    return;
  }
  if (!https) {
    if (joined === null) return;
    out.badges.push({ id: 'hsts', label: 'HSTS ignored', state: 'info', title: 'Browsers ignore Strict-Transport-Security received over plain HTTP.' });
    out.findings.push(make({
      id: 'hsts-over-http',
      severity: 'info',
      title: 'Strict-Transport-Security over plain HTTP is ignored',
      detail: 'Browsers only honour HSTS received over HTTPS (RFC 6797 §8.1), so this header does nothing here. Redirect to HTTPS and send it there.',
      learnMoreUrl: `${MDN_HEADERS}/Strict-Transport-Security`,
    }));
    return;
  }
  if (joined === null) {
    // A frame from another host says nothing about this site; only the page is asked for HSTS.
    if (kind !== 'document') return;
    out.badges.push({ id: 'hsts', label: 'no HSTS', state: 'bad', title: 'No Strict-Transport-Security header on an HTTPS page.' });
    out.findings.push(make({
      id: 'hsts-missing',
      severity: 'medium',
      title: 'HTTPS page without Strict-Transport-Security',
      detail: 'Without HSTS, a user who types the address or follows an http:// link makes a first plain-HTTP request that a network attacker can intercept. HSTS makes the browser use HTTPS only, for max-age seconds.',
      recommendation: 'Strict-Transport-Security: max-age=63072000; includeSubDomains',
      learnMoreUrl: `${MDN_HEADERS}/Strict-Transport-Security`,
    }));
    return;
  }
  const reading = readHstsHeader(joined);
  if (reading.result === 'hsts-header-invalid' || reading.maxAge === null) {
    out.badges.push({ id: 'hsts', label: 'HSTS invalid', state: 'bad', title: `Strict-Transport-Security: ${quote(joined)} cannot be read (no max-age, or sent twice).` });
    out.findings.push(make({
      id: 'hsts-invalid',
      severity: 'medium',
      title: 'Strict-Transport-Security cannot be read',
      detail: 'The header needs exactly one max-age=<seconds> directive and must be sent once; browsers ignore a header they cannot read.',
      subject: quote(joined),
      recommendation: 'Strict-Transport-Security: max-age=63072000; includeSubDomains',
      learnMoreUrl: `${MDN_HEADERS}/Strict-Transport-Security`,
    }));
    return;
  }
  const short = reading.maxAge < SIX_MONTHS_SECONDS;
  out.badges.push({
    id: 'hsts',
    label: `HSTS ${formatMaxAge(reading.maxAge)}`,
    state: short ? 'warn' : 'ok',
    title: `Strict-Transport-Security: ${quote(joined)}`,
  });
  if (short) {
    out.findings.push(make({
      id: 'hsts-short',
      severity: 'low',
      title: `HSTS max-age is short (${formatMaxAge(reading.maxAge)})`,
      detail: 'A short max-age is the right way to trial HSTS, but it protects only visitors who came back within that time. The Observatory asks for at least six months; a year or two is usual.',
      subject: `max-age=${reading.maxAge}`,
      recommendation: 'max-age=63072000 (two years) once HTTPS works everywhere',
      learnMoreUrl: `${MDN_HEADERS}/Strict-Transport-Security`,
    }));
  }
}

function framing(response: CheckedResponse, kind: ResponseKind, directives: Set<string>, out: ResponseCheckOutput): void {
  if (directives.has('frame-ancestors')) {
    out.badges.push({ id: 'framing', label: 'frame-ancestors', state: 'ok', title: 'Framing is limited by the CSP frame-ancestors directive.' });
    return;
  }
  const xfo = joinedHeader(response.headers, 'x-frame-options');
  if (xfo === null) {
    // A frame is meant to be framed; only the top page is asked to protect itself.
    if (kind !== 'document') return;
    out.badges.push({ id: 'framing', label: 'frameable', state: 'bad', title: 'Neither X-Frame-Options nor CSP frame-ancestors: any site can frame this page.' });
    out.findings.push(make({
      id: 'framing-unprotected',
      severity: 'medium',
      title: 'Any site can frame this page (no X-Frame-Options or frame-ancestors)',
      detail: 'A page that any site may put in a frame can be overlaid with decoys so that users click its buttons without knowing (clickjacking).',
      recommendation: "Content-Security-Policy: frame-ancestors 'self' (and X-Frame-Options: SAMEORIGIN for old browsers)",
      learnMoreUrl: `${MDN_HEADERS}/X-Frame-Options`,
    }));
    return;
  }
  const value = xfo.trim().toLowerCase();
  if (value === 'deny' || value === 'sameorigin') {
    out.badges.push({ id: 'framing', label: `XFO ${value.toUpperCase()}`, state: 'ok', title: `X-Frame-Options: ${quote(xfo)}` });
    return;
  }
  const allowFrom = value.startsWith('allow-from');
  out.badges.push({ id: 'framing', label: allowFrom ? 'XFO ALLOW-FROM' : 'XFO invalid', state: allowFrom ? 'warn' : 'bad', title: `X-Frame-Options: ${quote(xfo)}` });
  out.findings.push(make({
    id: allowFrom ? 'xfo-allow-from' : 'xfo-invalid',
    severity: allowFrom ? 'low' : 'medium',
    title: allowFrom ? 'X-Frame-Options ALLOW-FROM is ignored by current browsers' : 'X-Frame-Options has a value browsers ignore',
    detail: allowFrom
      ? 'No current browser supports ALLOW-FROM, so the page can be framed by anyone. CSP frame-ancestors names allowed embedders and works everywhere.'
      : 'Only DENY and SAMEORIGIN are understood (sent once); anything else leaves the page frameable.',
    subject: quote(xfo),
    recommendation: allowFrom ? 'Content-Security-Policy: frame-ancestors <the allowed origins>' : 'X-Frame-Options: SAMEORIGIN',
    learnMoreUrl: `${MDN_HEADERS}/X-Frame-Options`,
  }));
}

export const documentPoliciesCheck: ResponseCheck = {
  id: 'document-policies',
  title: 'CSP, HSTS and framing protection of documents',
  possibleFindings: ['csp-missing', 'csp-report-only', 'hsts-missing', 'hsts-invalid', 'hsts-short', 'hsts-over-http', 'framing-unprotected', 'xfo-allow-from', 'xfo-invalid'],
  run(response, kind) {
    const out: ResponseCheckOutput = { badges: [], findings: [] };
    if ((kind !== 'document' && kind !== 'frame') || response.statusCode === 0) return out;
    hsts(response, kind, out);
    // A redirect or a non-HTML document (an image opened in the tab) renders no page to protect.
    const type = responseMediaType(response.headers);
    if (isRedirectStatus(response.statusCode) || (type !== null && !HTML_MEDIA_TYPES.has(type))) return out;
    const directives = csp(response, kind, out);
    framing(response, kind, directives, out);
    // Badges read CSP, HSTS, framing, whatever order they were found in.
    out.badges.sort((a, b) => BADGE_ORDER.indexOf(a.id) - BADGE_ORDER.indexOf(b.id));
    return out;
  },
};

const BADGE_ORDER: ReadonlyArray<ResponseBadge['id']> = ['csp', 'hsts', 'framing'];

