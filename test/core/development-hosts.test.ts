import { describe, expect, it } from 'vitest';
import { isDevelopmentHostname, isDevelopmentUrl } from '../../src/core/development-hosts';

describe('isDevelopmentHostname', () => {
  it.each([
    'localhost',
    'app.localhost',
    'LOCALHOST',
    'localhost.', // a fully-qualified spelling
    'myapp.local',
    'site.test',
    'api.internal',
    'x.invalid',
    'www.example', // RFC 2606 reserves .example itself, not example.com
    'nas.lan',
    'router.home',
    'box.localdomain',
    'home.arpa',
    'printer.home.arpa',
  ])('counts the local name %s', (host) => {
    expect(isDevelopmentHostname(host)).toBe(true);
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'the whole of 127/8'],
    ['10.0.0.1', '10/8'],
    ['10.255.255.255', '10/8, last'],
    ['172.16.0.1', '172.16/12, first'],
    ['172.31.255.255', '172.16/12, last'],
    ['192.168.1.5', '192.168/16'],
    ['169.254.10.20', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT, first'],
    ['100.127.255.255', 'carrier-grade NAT, last'],
    ['0.0.0.0', 'the unspecified address'],
  ])('counts the private address %s (%s)', (host) => {
    expect(isDevelopmentHostname(host)).toBe(true);
  });

  it.each([
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.1', 'just above 172.16/12'],
    ['192.167.1.1', 'next to 192.168/16'],
    ['192.169.1.1', 'next to 192.168/16'],
    ['169.253.1.1', 'next to link-local'],
    ['100.63.255.255', 'just below carrier-grade NAT'],
    ['100.128.0.1', 'just above carrier-grade NAT'],
    ['11.0.0.1', 'next to 10/8'],
    ['8.8.8.8', 'a public resolver'],
    ['128.0.0.1', 'next to 127/8'],
  ])('does not count the public address %s (%s)', (host) => {
    expect(isDevelopmentHostname(host)).toBe(false);
  });

  it.each([
    'example.com',
    'www.example.com',
    'localhost.example.com', // a public name that starts like a local one
    'test.com',
    'local.dev',
    'mylocal',
    'internal.company.com',
    'arpa',
    'evilhome.arpa', // not a subdomain of home.arpa
    '127.0.0.1.nip.io', // a public wildcard DNS name, not an address
  ])('does not count the public name %s', (host) => {
    expect(isDevelopmentHostname(host)).toBe(false);
  });

  it('is false for an empty host', () => {
    expect(isDevelopmentHostname('')).toBe(false);
    expect(isDevelopmentHostname('.')).toBe(false);
  });

  it.each([
    ['[::1]', true, 'loopback'],
    ['[::]', true, 'unspecified'],
    ['[fc00::1]', true, 'unique local, fc'],
    ['[fd12:3456:789a::1]', true, 'unique local, fd'],
    ['[fe80::1]', true, 'link-local'],
    ['[febf::1]', true, 'link-local, last /10'],
    ['[FE80::1]', true, 'upper case'],
    ['[fec0::1]', false, 'site-local, deprecated and outside fe80::/10'],
    ['[2001:db8::1]', false, 'documentation range, globally scoped'],
    ['[2606:4700::1111]', false, 'a public address'],
    ['[::ffff:192.168.1.5]', true, 'IPv4-mapped, dotted'],
    ['[::ffff:8.8.8.8]', false, 'IPv4-mapped public address, dotted'],
    ['::1', false, 'without brackets it is not a URL hostname'],
  ])('judges the IPv6 hostname %s as %s (%s)', (host, expected) => {
    expect(isDevelopmentHostname(host)).toBe(expected);
  });
});

describe('isDevelopmentUrl', () => {
  it.each([
    'http://localhost:8000/',
    'https://localhost:8443/admin',
    'http://127.0.0.1/',
    'http://[::1]:3000/',
    'http://192.168.1.5/',
    'http://app.local/',
    'http://site.test/',
    'http://LOCALHOST./',
  ])('counts %s', (url) => {
    expect(isDevelopmentUrl(url)).toBe(true);
  });

  it('reads the address the way the URL parser normalises it', () => {
    // Decimal and hex spellings of 127.0.0.1: the browser goes to loopback.
    expect(isDevelopmentUrl('http://2130706433/')).toBe(true);
    expect(isDevelopmentUrl('http://0x7f.1/')).toBe(true);
    expect(isDevelopmentUrl('http://[0:0:0:0:0:0:0:1]/')).toBe(true);
  });

  // URL.hostname spells an IPv4-mapped IPv6 address in hex ([::ffff:7f00:1]), not dotted,
  // and the browser connects to the IPv4 address it maps.
  it('counts an IPv4-mapped IPv6 address of a private IPv4 address', () => {
    expect(isDevelopmentUrl('http://[::ffff:127.0.0.1]/')).toBe(true);
    expect(isDevelopmentUrl('http://[::ffff:192.168.1.5]:8080/')).toBe(true);
    expect(isDevelopmentUrl('http://[::ffff:8.8.8.8]/')).toBe(false);
  });

  it.each(['https://example.com/', 'http://example.com/', 'https://localhost.example.com/', 'http://8.8.8.8/', 'https://user:pw@example.com/?host=localhost#localhost'])(
    'does not count %s',
    (url) => {
      expect(isDevelopmentUrl(url)).toBe(false);
    },
  );

  it('is false for a URL that does not parse, and for one without a host', () => {
    expect(isDevelopmentUrl('not a url')).toBe(false);
    expect(isDevelopmentUrl('')).toBe(false);
    expect(isDevelopmentUrl('about:blank')).toBe(false);
    expect(isDevelopmentUrl('data:text/html,localhost')).toBe(false);
  });
});
