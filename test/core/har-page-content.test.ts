import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { importHar } from '../../src/core/har';
import { servedDom } from '../../src/core/har/page-content';
import { libraryInventory } from '../../src/core/libraries/inventory';
import { buildReport } from '../../src/core/report';

const require = createRequire(import.meta.url);
const jquery1 = readFileSync(require.resolve('jquery-1.12.4/dist/jquery.min.js'), 'utf8');

function entry(url: string, mimeType: string, text: string, headers: Array<{ name: string; value: string }> = []) {
  return {
    startedDateTime: '2026-12-01T10:00:00.000Z',
    time: 10,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', headers: [], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: mimeType }, ...headers],
      cookies: [],
      content: { size: text.length, mimeType, text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 5, receive: 5 },
  };
}

function har(entries: unknown[]) {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}

describe('servedDom', () => {
  it('lists scripts and stylesheet links of the served HTML, resolved against <base href>', () => {
    const html = `<!doctype html><base href="https://cdn.example/assets/">
<script src="app.js" integrity="sha384-abc" crossorigin="anonymous"></script><script>inline()</script><script type="application/ld+json">{}</script>
<link rel="stylesheet" href="/site.css"><link rel="icon" href="/favicon.ico"><link rel="preload" as="script" href="https://x.example/p.js">
<!-- <script src="commented.js"></script> --><meta http-equiv="Content-Security-Policy" content="default-src 'self'">`;
    const dom = servedDom({ text: html, source: 'served', truncated: false }, 'https://shop.example/page', 'text/html', 1);
    expect(dom.tags.map((tag) => [tag.element, tag.url, tag.rel])).toEqual([
      ['script', 'https://cdn.example/assets/app.js', null],
      ['link', 'https://cdn.example/site.css', 'stylesheet'],
      ['link', 'https://x.example/p.js', 'preload'],
    ]);
    expect(dom.tags[0]).toMatchObject({ integrity: 'sha384-abc', crossorigin: 'anonymous', origin: 'parser' });
    // The JSON-LD block is data, not a script: counted as the content script counts.
    expect(dom.inlineScriptCount).toBe(1);
    expect(dom.metas).toEqual([{ httpEquiv: 'Content-Security-Policy', name: null, content: "default-src 'self'" }]);
  });
});

describe('a HAR gets the findings it can support', () => {
  const page = '<!doctype html><title>Shop</title><script src="https://widgets.example/form.js"></script><link rel="stylesheet" href="https://cdn.example/theme.css">';
  const imported = importHar(
    har([
      entry('https://shop.example/', 'text/html; charset=utf-8', page, [{ name: 'Strict-Transport-Security', value: 'max-age=63072000' }]),
      // No version in its URL: only the body names it.
      entry('https://widgets.example/form.js', 'application/javascript', jquery1),
      entry('https://cdn.example/theme.css', 'text/css', 'body{}'),
    ]),
  );

  it('finds jQuery 1.12.4 in a script body whose URL names no version', () => {
    expect(imported.capture.contentLibraries).toEqual([{ url: 'https://widgets.example/form.js', component: 'jquery', version: '1.12.4' }]);
    const [row] = libraryInventory(imported.capture);
    expect(row).toMatchObject({ component: 'jquery', version: '1.12.4', party: 'third', thirdPartyHosts: ['widgets.example'] });
    expect(row?.sources[0]).toMatchObject({ kind: 'file', detection: 'content' });
  });

  it('reports the library, the SRI gaps and their caps from the HAR alone', () => {
    const report = buildReport(imported.capture, { now: Date.parse('2026-12-01T10:00:00Z') });
    const ids = report.findings.map((finding) => finding.id);
    expect(ids).toEqual(expect.arrayContaining(['vulnerable-library', 'sri-missing-on-cross-origin-script', 'sri-missing-on-cross-origin-stylesheet']));
    expect(report.verdict.caps.map((cap) => cap.rule)).toEqual(expect.arrayContaining(['vulnerable-library-medium', 'cross-origin-stylesheet-without-integrity']));
    expect(report.resources.map((resource) => resource.url)).toEqual(['https://widgets.example/form.js', 'https://cdn.example/theme.css']);
  });
});
