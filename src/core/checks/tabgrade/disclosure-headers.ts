/**
 * Headers that tell the world what runs the site, as data.
 *
 * Names from the OWASP Secure Headers Project's list of headers to remove
 * (owasp.org/www-project-secure-headers, `headers_remove.json`, read 2026-11-26), narrowed
 * to those seen on real sites and that name software. A bare product name ("Express")
 * helps an attacker little and is informational; a version number lets them look up known
 * vulnerabilities for that exact release, so it is reported as low. None of this is a
 * vulnerability by itself: removing it buys time, patching is what protects.
 */
import type { Severity } from '../../findings';

export interface DisclosureHeader {
  /** Header name as usually written. */
  header: string;
  /** Finding id; also the key of its fix snippets. */
  id: string;
  /** What it reveals, in words. */
  reveals: string;
  severityWithVersion: Severity;
  /** Null: not reported at all without a version. */
  severityWithoutVersion: Severity | null;
}

export const DISCLOSURE_HEADERS: readonly DisclosureHeader[] = [
  { header: 'X-Powered-By', id: 'x-powered-by-disclosed', reveals: 'the language or framework (PHP, ASP.NET, Express, Next.js …)', severityWithVersion: 'low', severityWithoutVersion: 'info' },
  { header: 'X-AspNet-Version', id: 'x-aspnet-version-disclosed', reveals: 'the exact .NET Framework runtime version', severityWithVersion: 'low', severityWithoutVersion: 'info' },
  { header: 'X-AspNetMvc-Version', id: 'x-aspnetmvc-version-disclosed', reveals: 'the ASP.NET MVC version', severityWithVersion: 'low', severityWithoutVersion: 'info' },
  { header: 'X-Generator', id: 'x-generator-disclosed', reveals: 'the CMS and often its major version (Drupal, TYPO3 …)', severityWithVersion: 'low', severityWithoutVersion: null },
  { header: 'X-Php-Version', id: 'x-php-version-disclosed', reveals: 'the PHP version', severityWithVersion: 'low', severityWithoutVersion: 'info' },
  { header: 'X-Powered-CMS', id: 'x-powered-cms-disclosed', reveals: 'the CMS', severityWithVersion: 'low', severityWithoutVersion: null },
  { header: 'X-Powered-By-Plesk', id: 'x-powered-by-plesk-disclosed', reveals: 'the Plesk hosting panel', severityWithVersion: 'low', severityWithoutVersion: null },
];

/**
 * Whether a product string carries a version: a dotted number after a `/`, `(`, space or
 * `v` (Apache/2.4.53, Jetty(9.4.51), v1.2), or a bare number right after a product name
 * (PHP/8, Drupal 10) — not a bare name such as "nginx" or "PleskLin".
 */
export function hasVersion(value: string): boolean {
  return /(?:^|[/(\s_-]|\bv)\d+\.\d+/i.test(value) || /[A-Za-z][\s/]\d+\b/.test(value);
}
