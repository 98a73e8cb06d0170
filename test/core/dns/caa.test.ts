import { describe, expect, it } from 'vitest';
import { caaIssuerDomain, parseCaaRecord } from '../../../src/core/dns/caa';

describe('parseCaaRecord', () => {
  it('reads the presentation form resolvers give', () => {
    expect(parseCaaRecord('0 issue "letsencrypt.org"')).toEqual({ flags: 0, tag: 'issue', value: 'letsencrypt.org', critical: false });
    expect(parseCaaRecord('128 ISSUEWILD ";"')).toEqual({ flags: 128, tag: 'issuewild', value: ';', critical: true });
    expect(parseCaaRecord('0 iodef "mailto:security@example.com"')?.value).toBe('mailto:security@example.com');
    expect(parseCaaRecord('0 issue "ca.example; account=\\"42\\""')?.value).toBe('ca.example; account="42"');
  });

  it('reads the RFC 3597 generic form (flags, tag length, tag, value)', () => {
    // 0, 5, "issue", "letsencrypt.org"
    const hex = '00 05 6973737565 6c657473656e63727970742e6f7267';
    expect(parseCaaRecord(`\\# 22 ${hex}`)).toEqual({ flags: 0, tag: 'issue', value: 'letsencrypt.org', critical: false });
    expect(parseCaaRecord(`\\# 21 ${hex}`)).toBeNull();
  });

  it('refuses what is not a CAA record', () => {
    expect(parseCaaRecord('')).toBeNull();
    expect(parseCaaRecord('issue letsencrypt.org')).toBeNull();
    expect(parseCaaRecord('300 issue "x"')).toBeNull();
    expect(parseCaaRecord('0 is-sue "x"')).toBeNull();
  });
});

describe('caaIssuerDomain', () => {
  it('is the domain before the parameters, lower case; empty means no CA', () => {
    expect(caaIssuerDomain('LetsEncrypt.org; validationmethods=dns-01')).toBe('letsencrypt.org');
    expect(caaIssuerDomain('pki.goog.')).toBe('pki.goog');
    expect(caaIssuerDomain(';')).toBe('');
  });
});
