// Writes test/fixtures/har/preloaded/*.har: three HSTS-preloaded sites visited as a user
// does (typing the bare name: http:// → 301 → https://), with response headers written from
// the headers these sites document or have been widely reported to send, abridged. They are
// reconstructions for testing the preload lookups, not captures of the live sites.
// Run: node scripts/make-preloaded-hars.mjs
import { writeFileSync } from 'node:fs';

const SITES = {
  'github.com': [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Strict-Transport-Security', 'max-age=31536000; includeSubdomains; preload'],
    ['X-Frame-Options', 'deny'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'origin-when-cross-origin, strict-origin-when-cross-origin'],
    ['Content-Security-Policy', "default-src 'none'; base-uri 'self'; child-src github.com/assets-cdn/worker/ gist.github.com/assets-cdn/worker/; connect-src 'self' uploads.github.com api.github.com; font-src github.githubassets.com; form-action 'self' github.com gist.github.com; frame-ancestors 'none'; frame-src viewscreen.githubusercontent.com; img-src 'self' data: github.githubassets.com avatars.githubusercontent.com; manifest-src 'self'; media-src github.com; script-src github.githubassets.com; style-src 'unsafe-inline' github.githubassets.com; upgrade-insecure-requests; worker-src github.com/assets-cdn/worker/ gist.github.com/assets-cdn/worker/"],
    ['Set-Cookie', '_gh_sess=fixture; path=/; secure; HttpOnly; SameSite=Lax'],
    ['Set-Cookie', '_octo=GH1.1.fixture; Path=/; Domain=github.com; Expires=Sat, 04 Dec 2027 10:00:00 GMT; Secure; SameSite=Lax'],
  ],
  'stripe.com': [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains; preload'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Content-Security-Policy', "base-uri 'none'; default-src 'self'; frame-ancestors 'self'; object-src 'none'; script-src 'self' https://js.stripe.com; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; upgrade-insecure-requests"],
    ['Cross-Origin-Opener-Policy', 'same-origin-allow-popups'],
  ],
  'web.dev': [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'SAMEORIGIN'],
    ['Content-Security-Policy', "script-src 'strict-dynamic' 'nonce-fixture' 'unsafe-inline' https: http:; object-src 'none'; base-uri 'self'; report-uri https://csp.withgoogle.com/csp/devsite/v2"],
    ['Cross-Origin-Opener-Policy', 'same-origin-allow-popups'],
  ],
};

function entry(url, status, headers, body, started) {
  const location = headers.find(([name]) => name === 'Location')?.[1] ?? '';
  return {
    _resourceType: 'document',
    pageref: 'page_1',
    startedDateTime: new Date(Date.UTC(2026, 11, 3, 10, 0, 0, started)).toISOString(),
    time: 40,
    request: { method: 'GET', url, httpVersion: 'http/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status,
      statusText: status === 200 ? 'OK' : 'Moved Permanently',
      httpVersion: 'http/1.1',
      headers: headers.map(([name, value]) => ({ name, value })),
      cookies: [],
      content: { size: body.length, mimeType: 'text/html', text: body },
      redirectURL: location,
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { send: 0, wait: 30, receive: 10 },
  };
}

for (const [host, headers] of Object.entries(SITES)) {
  const body = `<!doctype html><html lang="en"><title>${host}</title><h1>${host}</h1></html>`;
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Tabgrade fixture (scripts/make-preloaded-hars.mjs)', version: '1' },
      comment: `Reconstructed from the headers ${host} documents or is widely reported to send (abridged); not a capture of the live site.`,
      pages: [{ startedDateTime: '2026-12-03T10:00:00.000Z', id: 'page_1', title: `http://${host}/`, pageTimings: { onContentLoad: -1, onLoad: 500 } }],
      entries: [
        entry(`http://${host}/`, 301, [['Location', `https://${host}/`], ['Content-Type', 'text/html']], '', 0),
        entry(`https://${host}/`, 200, headers, body, 50),
      ],
    },
  };
  writeFileSync(new URL(`../test/fixtures/har/preloaded/${host}.har`, import.meta.url), `${JSON.stringify(har, null, 2)}\n`);
}
