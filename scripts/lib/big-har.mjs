// Writes a large, realistic Chrome DevTools HAR for the HAR import bench: one page whose
// document is followed by about 2,000 sub-resources with their bodies, as "Export HAR (with
// sensitive data)" writes them: base64 images and fonts, big JavaScript bundles (a few with
// library banners, so the content scan has work), stylesheets, JSON XHRs, Chrome's
// `_initiator` stacks, timings, cookies and query strings. Deterministic for a given size.
//
//   node scripts/lib/big-har.mjs out.har 50      (size in MB)
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** A small deterministic PRNG (mulberry32), so every run writes the same file. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BANNERS = [
  '/*! jQuery v1.12.4 | (c) jQuery Foundation | jquery.org/license */',
  '/**\n * @license\n * Lodash <https://lodash.com/>\n * lodash 4.17.15\n */',
  '/*! jQuery UI - v1.13.1 - 2022-01-20 */',
  '/*! Bootstrap v3.4.1 (https://getbootstrap.com/) */',
];

function javascript(rand, chars) {
  const lines = [rand() < 0.1 ? BANNERS[Math.floor(rand() * BANNERS.length)] : '"use strict";'];
  let size = lines[0].length;
  let i = 0;
  while (size < chars) {
    const line = `function f${i}(a,b){if(a<b&&b>0){return "v\\"${i}\\"".concat(a)}var o={k:'${i.toString(36)}',n:${i}};return o.k+"\\n"}`;
    lines.push(line);
    size += line.length + 1;
    i++;
  }
  return lines.join('\n');
}

function base64Of(rand, bytes) {
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) buffer.writeUInt32LE(Math.floor(rand() * 4294967296), Math.min(i, bytes - 4));
  return buffer.toString('base64');
}

const REQUEST_HEADERS = [
  { name: ':authority', value: 'www.example.com' },
  { name: ':method', value: 'GET' },
  { name: ':scheme', value: 'https' },
  { name: 'accept', value: '*/*' },
  { name: 'accept-encoding', value: 'gzip, deflate, br, zstd' },
  { name: 'accept-language', value: 'en-GB,en;q=0.9,fr;q=0.8' },
  { name: 'cookie', value: 'sessionid=abc123; csrftoken=def456; _ga=GA1.2.3.4; consent=yes' },
  { name: 'referer', value: 'https://www.example.com/shop/' },
  { name: 'sec-ch-ua', value: '"Chromium";v="156", "Not.A/Brand";v="99"' },
  { name: 'sec-ch-ua-mobile', value: '?0' },
  { name: 'sec-ch-ua-platform', value: '"Linux"' },
  { name: 'sec-fetch-dest', value: 'script' },
  { name: 'sec-fetch-mode', value: 'no-cors' },
  { name: 'sec-fetch-site', value: 'same-origin' },
  { name: 'user-agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' },
];

function responseHeaders(mimeType, length) {
  return [
    { name: 'accept-ranges', value: 'bytes' },
    { name: 'age', value: '3021' },
    { name: 'cache-control', value: 'public, max-age=31536000, immutable' },
    { name: 'content-encoding', value: 'br' },
    { name: 'content-length', value: String(length) },
    { name: 'content-type', value: mimeType },
    { name: 'date', value: 'Tue, 25 Nov 2026 10:00:00 GMT' },
    { name: 'etag', value: '"5e1f-1a2b3c4d"' },
    { name: 'last-modified', value: 'Mon, 24 Nov 2026 09:00:00 GMT' },
    { name: 'server', value: 'nginx' },
    { name: 'strict-transport-security', value: 'max-age=63072000; includeSubDomains; preload' },
    { name: 'vary', value: 'Accept-Encoding' },
    { name: 'x-cache', value: 'HIT' },
    { name: 'x-content-type-options', value: 'nosniff' },
  ];
}

function initiator(i) {
  const frames = Array.from({ length: 6 }, (_, f) => ({
    functionName: `load${f}`,
    scriptId: String(100 + f),
    url: `https://www.example.com/static/runtime-${f}.js`,
    lineNumber: 10 * f + (i % 7),
    columnNumber: 120 + f,
  }));
  return { type: 'script', stack: { callFrames: frames, parent: { description: 'Promise.then', callFrames: frames.slice(0, 3) } } };
}

function entry(i, url, resourceType, mimeType, content, extra = {}) {
  const started = Date.parse('2026-11-25T10:00:00.000Z') + i * 7;
  const size = content.text === undefined ? 0 : content.text.length;
  return {
    _initiator: initiator(i),
    _priority: 'High',
    _resourceType: resourceType,
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: 'GET',
      url,
      httpVersion: 'http/2.0',
      headers: REQUEST_HEADERS,
      queryString: [{ name: 'v', value: String(i) }, { name: 'lang', value: 'en' }],
      cookies: [{ name: 'sessionid', value: 'abc123', path: '/', domain: 'www.example.com', expires: '2027-01-01T00:00:00.000Z', httpOnly: true, secure: true }],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: responseHeaders(mimeType, size),
      cookies: [],
      content: { size, mimeType, compression: Math.floor(size / 3), ...content },
      redirectURL: '',
      headersSize: -1,
      bodySize: Math.floor(size / 2),
      _transferSize: Math.floor(size / 2) + 400,
      _error: null,
    },
    serverIPAddress: '93.184.215.15',
    startedDateTime: new Date(started).toISOString(),
    time: 35.2 + (i % 40),
    timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 20.5, receive: 3.4, _blocked_queueing: 0.9 },
    ...extra,
  };
}

function documentEntry() {
  const scripts = Array.from({ length: 40 }, (_, i) => `<script src="/static/chunk-${i}.js" defer></script>`).join('\n');
  const cards = '<article class="card"><h2>Product</h2><p>Text with <a href="/p?x=1&amp;y=2">a link</a> and “quotes”.</p></article>\n'.repeat(1500);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop — Example</title>\n<link rel="stylesheet" href="/static/app.css">\n${scripts}\n</head><body>${cards}</body></html>`;
  const document = entry(0, 'https://www.example.com/shop/', 'document', 'text/html', { text: html });
  document.response.headers = [
    { name: 'content-type', value: 'text/html; charset=utf-8' },
    { name: 'content-security-policy', value: "default-src 'self'; script-src 'self'; img-src 'self' data:; frame-ancestors 'none'" },
    { name: 'strict-transport-security', value: 'max-age=63072000; includeSubDomains; preload' },
    { name: 'x-content-type-options', value: 'nosniff' },
    { name: 'x-frame-options', value: 'DENY' },
    { name: 'referrer-policy', value: 'strict-origin-when-cross-origin' },
    { name: 'set-cookie', value: 'sessionid=abc123; Path=/; Secure; HttpOnly; SameSite=Lax' },
    { name: 'set-cookie', value: 'csrftoken=def456; Path=/; Secure; SameSite=Strict' },
  ];
  return document;
}

/** The n-th sub-resource: a mix of what a heavy shop page loads. */
function subresource(rand, i) {
  const roll = rand();
  if (roll < 0.4) {
    return entry(i, `https://img.example-static.com/p/${i}.webp`, 'image', 'image/webp', { text: base64Of(rand, 2_000 + Math.floor(rand() * 20_000)), encoding: 'base64' });
  }
  if (roll < 0.6) {
    // Mostly chunks of 5–60 KB, now and then a vendor bundle of 1–2 MB.
    const chars = rand() < 0.01 ? 1_000_000 + Math.floor(rand() * 1_000_000) : 5_000 + Math.floor(rand() * 55_000);
    return entry(i, `https://www.example.com/static/chunk-${i}.js`, 'script', 'application/javascript', { text: javascript(rand, chars) });
  }
  if (roll < 0.7) {
    const css = `.c${i}{color:#06c;margin:0 auto}\n`.repeat(100 + Math.floor(rand() * 400));
    return entry(i, `https://www.example.com/static/style-${i}.css`, 'stylesheet', 'text/css', { text: css });
  }
  if (roll < 0.75) {
    return entry(i, `https://fonts.example.net/f/${i}.woff2`, 'font', 'font/woff2', { text: base64Of(rand, 20_000 + Math.floor(rand() * 30_000)), encoding: 'base64' });
  }
  const json = JSON.stringify({ id: i, items: Array.from({ length: 10 + Math.floor(rand() * 40) }, (_, k) => ({ k, name: `item ${k}`, price: k * 1.5 })) });
  return entry(i, `https://api.example.com/v1/items?page=${i}`, 'fetch', 'application/json', { text: json });
}

/** Writes the HAR to `path`, about `megabytes` MB; returns its size in bytes. */
export function writeBigHar(path, megabytes) {
  const target = megabytes * 1024 * 1024;
  const rand = random(0x7ab9ade);
  const fd = openSync(path, 'w');
  let written = 0;
  const write = (text) => {
    written += writeSync(fd, text);
  };
  try {
    const page = { startedDateTime: '2026-11-25T10:00:00.000Z', id: 'page_1', title: 'https://www.example.com/shop/', pageTimings: { onContentLoad: 900.5, onLoad: 2100.25 } };
    write(`{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[${JSON.stringify(page)}],"entries":[`);
    write(JSON.stringify(documentEntry()));
    // Sizes are scaled so that about 2,000 entries fill 50 MB; bigger files have more of them.
    for (let i = 1; written < target - 1024; i++) write(',' + JSON.stringify(subresource(rand, i)));
    write(']}}');
  } finally {
    closeSync(fd);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path, megabytes] = process.argv.slice(2);
  if (path === undefined) {
    process.stderr.write('usage: node scripts/lib/big-har.mjs OUT.har [MB]\n');
    process.exit(2);
  }
  const bytes = writeBigHar(path, Number(megabytes ?? 50));
  process.stdout.write(`${path}: ${(bytes / 1024 / 1024).toFixed(1)} MB\n`);
}
