/**
 * Deprecated and obsolete security headers, as data. Tabgrade never asks for these; when
 * a site still sends one, it says what became of it and what (if anything) replaces it.
 * X-XSS-Protection needs its value read, so it has its own check (`x-xss-protection.ts`).
 *
 * Sources: MDN header reference pages and browser release notes, read 2026-11-26.
 */
import type { Severity } from '../../findings';
import { MDN_HEADERS } from './shared';

export interface DeprecatedHeader {
  header: string;
  /** Finding id; also the key of its fix snippets. */
  id: string;
  severity: Severity;
  /** What happened to it. */
  status: string;
  /** Why remove it (or what to do instead). */
  advice: string;
  /** A header that supersedes it, when one does. */
  replacement?: string;
  /** When the replacement is present, the finding drops to this severity. */
  severityWithReplacement?: Severity;
  learnMoreUrl: string;
}

export const DEPRECATED_HEADERS: readonly DeprecatedHeader[] = [
  {
    header: 'Public-Key-Pins',
    id: 'hpkp-deprecated',
    severity: 'low',
    status: 'HTTP Public Key Pinning was removed from Chrome 72 and Firefox 72 (2019–2020) and was never in Safari; no current browser enforces it.',
    advice: 'Remove it. It protects nothing today, and an old browser that still caches a pin can lock visitors out after a key change. Certificate Transparency, now mandatory, covers the threat it addressed.',
    learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Glossary/HPKP',
  },
  {
    header: 'Public-Key-Pins-Report-Only',
    id: 'hpkp-report-only-deprecated',
    severity: 'info',
    status: 'Report-only key pinning went away with HPKP itself (Chrome 72, Firefox 72).',
    advice: 'Remove it: no browser reads it.',
    learnMoreUrl: 'https://developer.mozilla.org/en-US/docs/Glossary/HPKP',
  },
  {
    header: 'Expect-CT',
    id: 'expect-ct-obsolete',
    severity: 'info',
    status: 'Expect-CT is obsolete: Chrome removed it in version 107 (2022) because Certificate Transparency is required for every publicly trusted certificate anyway; other browsers never implemented it.',
    advice: 'Remove it; nothing replaces it because nothing needs to.',
    learnMoreUrl: `${MDN_HEADERS}/Expect-CT`,
  },
  {
    header: 'Feature-Policy',
    id: 'feature-policy-superseded',
    severity: 'info',
    status: 'Feature-Policy was renamed Permissions-Policy (2020), with a new structured syntax (camera=() rather than camera \'none\'). Chromium still reads Feature-Policy only when Permissions-Policy is absent.',
    advice: 'Send the same restrictions as Permissions-Policy and drop Feature-Policy. Rails’ config.permissions_policy still emits Feature-Policy (rails/rails#48878), so Rails apps set Permissions-Policy through default_headers instead.',
    replacement: 'Permissions-Policy',
    severityWithReplacement: 'info',
    learnMoreUrl: `${MDN_HEADERS}/Permissions-Policy`,
  },
  {
    header: 'P3P',
    id: 'p3p-obsolete',
    severity: 'info',
    status: 'P3P compact privacy policies were only ever read by Internet Explorer, which is retired.',
    advice: 'Remove it.',
    learnMoreUrl: 'https://www.w3.org/TR/P3P/',
  },
  {
    header: 'X-Content-Security-Policy',
    id: 'x-content-security-policy-obsolete',
    severity: 'low',
    status: 'X-Content-Security-Policy was the prefixed CSP of Firefox before version 23 and of Internet Explorer 10–11 (sandbox only). Current browsers ignore it.',
    advice: 'Send the policy as Content-Security-Policy and drop the prefixed header; without the standard header, modern browsers enforce no policy at all.',
    replacement: 'Content-Security-Policy',
    severityWithReplacement: 'info',
    learnMoreUrl: `${MDN_HEADERS}/Content-Security-Policy`,
  },
  {
    header: 'X-WebKit-CSP',
    id: 'x-webkit-csp-obsolete',
    severity: 'low',
    status: 'X-WebKit-CSP was the prefixed CSP of Chrome before version 25 and Safari before 7. Current browsers ignore it.',
    advice: 'Send the policy as Content-Security-Policy and drop the prefixed header; without the standard header, modern browsers enforce no policy at all.',
    replacement: 'Content-Security-Policy',
    severityWithReplacement: 'info',
    learnMoreUrl: `${MDN_HEADERS}/Content-Security-Policy`,
  },
];
