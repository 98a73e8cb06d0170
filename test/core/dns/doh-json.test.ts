import { describe, expect, it } from 'vitest';
import { CAA_TYPE, parseDohJson } from '../../../src/core/dns/doh-json';

describe('parseDohJson', () => {
  it('reads status, the AD bit and the answer records', () => {
    const answer = parseDohJson({ Status: 0, TC: false, AD: true, Answer: [{ name: 'example.com', type: 257, TTL: 300, data: '0 issue "letsencrypt.org"' }] });
    expect(answer).toEqual({ status: 0, authenticated: true, records: [{ name: 'example.com', type: CAA_TYPE, data: '0 issue "letsencrypt.org"' }] });
  });

  it('treats a missing AD or Answer as not authenticated and empty', () => {
    expect(parseDohJson({ Status: 3 })).toEqual({ status: 3, authenticated: false, records: [] });
    expect(parseDohJson({ Status: 0, AD: 'yes', Answer: 'x' })).toEqual({ status: 0, authenticated: false, records: [] });
  });

  it('drops malformed records and refuses what is not a DNS JSON answer', () => {
    expect(parseDohJson({ Status: 0, Answer: [null, { name: 'a', type: '257', data: 'x' }, { name: 'a', type: 257, data: 'ok' }] })?.records).toEqual([{ name: 'a', type: 257, data: 'ok' }]);
    expect(parseDohJson(null)).toBeNull();
    expect(parseDohJson('<html>')).toBeNull();
    expect(parseDohJson({ Status: 'NOERROR' })).toBeNull();
  });

  it('bounds what a hostile resolver can send', () => {
    const answer = parseDohJson({ Status: 0, Answer: Array.from({ length: 500 }, () => ({ name: 'a', type: 257, data: 'x'.repeat(5000) })) });
    expect(answer?.records).toHaveLength(50);
    expect(answer?.records[0]?.data).toHaveLength(1024);
  });
});
