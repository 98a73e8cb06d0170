/**
 * The short rollout guide shown under a draft — report-only, watch, enforce — and how to
 * flip each stack from report-only to enforcing. Knowledge as data: the view only lists it.
 * The sequence is the one MDN ("Content-Security-Policy-Report-Only") and web.dev ("strict
 * CSP: roll out") recommend.
 */
import type { Stack } from '../findings';

export interface RolloutStep {
  title: string;
  detail: string;
}

export const ROLLOUT_STEPS: readonly RolloutStep[] = [
  {
    title: 'Send it as report-only',
    detail: 'Deploy the snippet as it is: Content-Security-Policy-Report-Only blocks nothing, it only reports what it would have blocked.',
  },
  {
    title: 'Watch',
    detail:
      'Browse the site (turn on “Learn this site” so every page you open adds what it needs) and read the browser console: each “[Report Only] Refused to …” line is something the policy would block. To hear from real visitors too, add report-uri (and, for Chromium, a Reporting-Endpoints header with report-to) pointing at an endpoint that stores the reports, and give it a week or two.',
  },
  {
    title: 'Fix or allow',
    detail:
      'Fix what is listed under “What will break” and what the reports show, or add exactly the origin that was refused. Inline scripts whose text changes per request cannot be allowed by hash: give them a nonce. Regenerate the draft after changes.',
  },
  {
    title: 'Enforce',
    detail: 'When the reports are quiet, switch the header to Content-Security-Policy (below). Keep the next version of the policy in report-only beside it while you tighten it.',
  },
];

/** How to go from report-only to enforcing in each stack's snippet. */
export const ENFORCE_HOW: Readonly<Record<Stack, string>> = {
  django: 'Rename SECURE_CSP_REPORT_ONLY to SECURE_CSP (django-csp: CONTENT_SECURITY_POLICY_REPORT_ONLY to CONTENT_SECURITY_POLICY).',
  express: 'Remove reportOnly: true.',
  rails: 'Remove config.content_security_policy_report_only = true.',
  laravel: 'Change the header name to Content-Security-Policy in the middleware.',
  aspnet: 'Change the header name to Content-Security-Policy.',
  php: 'Change the header name to Content-Security-Policy.',
  apache: 'Change the header name to Content-Security-Policy.',
  nginx: 'Change the header name to Content-Security-Policy.',
  caddy: 'Change the header name to Content-Security-Policy.',
  iis: 'Change the header name to Content-Security-Policy.',
  netlify: 'Change the header name to Content-Security-Policy in _headers.',
};

/** What no draft made from one browser's view can know; shown once beside the drafts. */
export const DRAFT_LIMITS: readonly string[] = [
  'Only what the pages loaded while you looked is in the draft: pages not visited, logged-in areas and actions not taken (a checkout, an upload) may need more.',
  'Requests made by frames inside the page are counted with the page’s own, which can add origins the page itself does not need.',
  'Styles and scripts that other scripts insert as text (CSS-in-JS, tag managers) cannot be seen in the HTML; the report-only phase shows them.',
];
