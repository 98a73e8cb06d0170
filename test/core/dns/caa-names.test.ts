import { describe, expect, it } from 'vitest';
import { caaLookupNames } from '../../../src/core/dns/caa-names';

describe('caaLookupNames', () => {
  it('climbs from the host to each parent, never the root', () => {
    expect(caaLookupNames('a.b.Example.com.')).toEqual(['a.b.example.com', 'b.example.com', 'example.com', 'com']);
    expect(caaLookupNames('example.com')).toEqual(['example.com', 'com']);
  });

  it('asks nothing for IP addresses, single labels and odd names', () => {
    expect(caaLookupNames('127.0.0.1')).toEqual([]);
    expect(caaLookupNames('[::1]')).toEqual([]);
    expect(caaLookupNames('localhost')).toEqual([]);
    expect(caaLookupNames('a..example.com')).toEqual([]);
    expect(caaLookupNames('exa mple.com')).toEqual([]);
  });

  it('is bounded for very deep hosts', () => {
    expect(caaLookupNames(`${'a.'.repeat(30)}example.com`)).toHaveLength(10);
  });
});
