/**
 * Links to advisories, built from their ids rather than stored (keeps the bundled data
 * small). Ids are checked against their published formats before a link is made.
 */
const CVE_ID = /^CVE-\d{4}-\d{4,7}$/;
const GHSA_ID = /^GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}$/;

export function advisoryLink(id: string): string | null {
  if (CVE_ID.test(id)) return `https://nvd.nist.gov/vuln/detail/${id}`;
  if (GHSA_ID.test(id)) return `https://github.com/advisories/${id}`;
  return null;
}

/** Only https links from the data are passed on. */
export function safeLink(url: string | undefined): string | null {
  return url !== undefined && /^https:\/\/[^\s"'<>]+$/.test(url) ? url : null;
}
