/**
 * What the opt-in DNS lookup brought back for the audited host: the CAA answers of the host
 * and its parents (up to the first with CAA records) through the user's DNS-over-HTTPS
 * resolver, and whether the resolver validated them with DNSSEC. Filled by the worker and
 * the CLI (`doh-lookup.ts`); read by `dns-report.ts`.
 */

export interface DnsNameLookup {
  /** The name asked about. */
  name: string;
  /** The DNS RCODE; null when the lookup failed before an answer (network, timeout, bad JSON). */
  status: number | null;
  /** The resolver's AD bit on this answer. */
  authenticated: boolean;
  /** The CAA records' `data` as the resolver gave them. */
  caa: string[];
  /** Why there is no answer, in words; null when there is one. */
  error: string | null;
}

export interface DnsCapture {
  /** The DoH resolver asked (an https URL the user chose). */
  resolver: string;
  host: string;
  /** In asking order: the host first, then its parents, stopping at the first with CAA records or the first failure. */
  lookups: DnsNameLookup[];
}
