/**
 * Which response-check findings depend on what was recorded, for comparing a reload's rows
 * (response-log.ts). Kept apart from the checks so that the log can know them without
 * loading the checks themselves (the worker loads those only when a panel asks for rows).
 */

/** The `checkId` of the cookie check's findings (they read Set-Cookie, hidden from basic rows). */
export const COOKIE_CHECK_ID = 'response/cookies';

/** Findings that read the request's Origin header, so they depend on request headers having been recorded. */
export const REQUEST_HEADER_FINDINGS: ReadonlySet<string> = new Set(['cors-reflected-origin-with-credentials', 'cors-not-allowed']);
