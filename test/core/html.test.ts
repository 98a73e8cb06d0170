import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomSnapshot } from '../../src/core/capture';
import { decodeAttributeValue } from '../../src/core/html-entities';
import { observatoryBody, parseDocumentMarkup, parseHtml, parseHtmlConstructByConstruct } from '../../src/core/html';
import { captureFrom, loadHeaders, loadHtml } from '../helpers/fixtures';

const srcs = (html: string) => parseHtml(html).scripts.map((script) => script.src);
const metaNames = (html: string) => parseHtml(html).metas.map((meta) => meta.name);

describe('parseHtml on a realistic page', () => {
  const parsed = parseHtml(loadHtml('html-tags-everywhere'));

  it('finds metas anywhere, decodes their values, skips comments and raw text', () => {
    expect(parsed.metas).toEqual([
      { httpEquiv: 'Content-Security-Policy', name: null, content: "default-src 'self'; img-src https:" },
      { httpEquiv: null, name: 'referrer', content: 'no-referrer' },
      { httpEquiv: null, name: 'viewport', content: 'width=device-width' },
      // <template> content counts: htmlparser2 has no template handling.
      { httpEquiv: null, name: 'referrer', content: 'same-origin' },
    ]);
  });

  it('finds every script tag with its attributes, inline ones included', () => {
    expect(parsed.scripts).toEqual([
      { src: 'https://cdn.example.net/a.js', integrity: 'sha256-abc', crossorigin: 'anonymous', type: 'module' },
      { src: null, integrity: null, crossorigin: null, type: null },
      // <noscript> is not raw text for htmlparser2; <textarea> and CDATA are.
      { src: '/noscript.js', integrity: null, crossorigin: null, type: null },
      { src: null, integrity: null, crossorigin: null, type: null },
      { src: '/unquoted.js', integrity: null, crossorigin: null, type: null },
    ]);
  });
});

describe('parseHtml tokenizer rules', () => {
  it('ends comments at --> including the short forms <!--> and <!--->', () => {
    expect(metaNames('<!--><meta name=a content=1>')).toEqual(['a']);
    expect(metaNames('<!---><meta name=a content=1>')).toEqual(['a']);
    expect(metaNames('<!-- x -- y --><meta name=a content=1>')).toEqual(['a']);
    expect(metaNames('<!-- <meta name=a content=1> -->')).toEqual([]);
    expect(metaNames('<!-- never closed <meta name=a content=1>')).toEqual([]);
  });

  it('treats <!…> declarations and <?…> as running to the next >', () => {
    expect(metaNames('<!DOCTYPE html><meta name=a content=1>')).toEqual(['a']);
    // htmlparser2 consumes the character after `<!` before looking for `>`.
    expect(metaNames('<!><meta name=a content=1><meta name=b content=2>')).toEqual(['b']);
    expect(metaNames('<?xml version="1.0"?><meta name=a content=1>')).toEqual(['a']);
    expect(metaNames('<![CDATA[<meta name=a content=1>]]><meta name=b content=2>')).toEqual(['b']);
    expect(metaNames('<![CDATX <meta name=a content=1><meta name=b content=2>')).toEqual(['b']);
  });

  it('ends raw text only at its own end tag followed by > or whitespace', () => {
    expect(srcs('<script>x</SCRIPT ><script src=b></script>')).toEqual([null, 'b']);
    expect(srcs('<script>x</script/><script src=b></script></script><script src=c>')).toEqual([null, 'c']);
    expect(srcs('<style><script src=a></style><script src=b>')).toEqual(['b']);
    expect(srcs('<textarea><script src=a></textarea><script src=b>')).toEqual(['b']);
    expect(srcs('<title><script src=a></title ><script src=b>')).toEqual(['b']);
    expect(srcs('<xmp><script src=a></xmp><script src=b>')).toEqual(['b']);
    // htmlparser2 picks the raw-text element from the first two letters' groups.
    expect(srcs('<tmp><script src=a></xmp><script src=b>')).toEqual(['b']);
    expect(srcs('<scripts><script src=a></script>')).toEqual(['a']);
  });

  it('does not open raw text for a self-closed <script/>, but an unquoted value keeps its slash', () => {
    expect(srcs('<script src="a"/><script src="b"></script>')).toEqual(['a', 'b']);
    expect(srcs('<script src=a/><script src="b"></script>')).toEqual(['a/']);
  });

  it('lower-cases names, keeps the first of repeated attributes, gives "" to valueless ones', () => {
    expect(parseHtml('<SCRIPT SRC=a Src=b INTEGRITY crossorigin=use-credentials>').scripts).toEqual([
      { src: 'a', integrity: '', crossorigin: 'use-credentials', type: null },
    ]);
    expect(parseHtml('<meta name=referrer content="">').metas).toEqual([{ httpEquiv: null, name: 'referrer', content: '' }]);
  });

  it('handles attribute syntax edge cases', () => {
    expect(srcs('<script src="a"integrity="x">')).toEqual(['a']);
    expect(parseHtml('<script src = \'a b\' integrity=x>').scripts[0]).toMatchObject({ src: 'a b', integrity: 'x' });
    expect(parseHtml('<script =x src=a>').scripts[0]?.src).toBe('a');
    expect(srcs('<script src=>')).toEqual(['']);
  });

  it('drops a tag still open at the end of the input', () => {
    expect(srcs('<script src="a')).toEqual([]);
    expect(srcs('<script src=a')).toEqual([]);
    expect(metaNames('<meta name=a content=1')).toEqual([]);
  });

  it('ignores metas without content or without http-equiv/name', () => {
    expect(parseHtml('<meta charset=utf-8><meta name=a><meta content=x><meta http-equiv=refresh content=5>').metas).toEqual([
      { httpEquiv: 'refresh', name: null, content: '5' },
    ]);
  });

  it('does not mistake other tag names for meta or script', () => {
    expect(srcs('<scriptx src=a><script:x src=b><noscript src=c>')).toEqual([]);
    expect(metaNames('<metadata name=a content=1>')).toEqual([]);
    expect(srcs('< script src=a><<script src=b>')).toEqual(['b']);
  });
});

describe('decodeAttributeValue', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#39;&#x27;&#X27;', "'''"],
    ['a&amp b', 'a& b'],
    ['&ampx', '&ampx'],
    ['&amp=', '&amp='],
    ['&lt', '<'],
    ['&#0;&#128;&#xD800;&#x110000;', '\ufffd€\ufffd\ufffd'],
    ['&#65', 'A'],
    ['&#;&#x;', '&#;&#x;'],
    ['&unknown; &', '&unknown; &'],
    ['&colon;&sol;&sol;', '://'],
  ])('%j → %j', (raw, decoded) => {
    expect(decodeAttributeValue(raw)).toBe(decoded);
  });
});

describe('parseHtml robustness', () => {
  it('never throws and returns well-formed tags for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const parsed = parseHtml(text);
        for (const meta of parsed.metas) expect(typeof meta.content).toBe('string');
        for (const script of parsed.scripts) expect(script.src === null || typeof script.src === 'string').toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on markup-shaped noise', () => {
    const piece = fc.constantFrom('<', '>', '/', '!', '-', '?', '[', ']', '"', "'", '=', ' ', '&', '#', 'script', 'meta', 'title', 'CDATA[', 'src', 'content', 'name', 'a');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        expect(() => parseHtml(pieces.join(''))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['unclosed tags', '<a '.repeat(300_000)],
    ['lone angle brackets', '<'.repeat(1_000_000)],
    ['an unclosed comment', `<!--${'-'.repeat(1_000_000)}`],
    ['an unclosed script', `<script>${'</scrip'.repeat(140_000)}`],
    ['many attributes', `<meta ${'a=b '.repeat(300_000)}>`],
    ['many references', `<meta name=a content="${'&amp;&#39;&ampx'.repeat(70_000)}">`],
  ])('stays fast on %s (about 1 MB)', (_name, html) => {
    const started = performance.now();
    parseHtml(html);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('parseHtml skipping ahead agrees with the tokenizer reading every construct', () => {
  // The pieces that decide what the skipping may pass over (quotes around < and >,
  // comments, raw text, unfinished tags, names that only look like meta or script).
  const piece = fc.constantFrom(
    '<', '>', '/', '/>', '!', '-', '--', '?', '"', "'", '=', ' ', '\n', '\t', '&amp;', 'a', 'x',
    '<a', '<div', '<p', '<span', '</', '</a>', '<!--', '-->', '->', '--!>', ']>', '<!', '<!-', '<?', '<![CDATA[', ']]>', '<!doctype html>',
    '<meta', '<META', '<metax', '<Meta', '<script', '<SCRIPT', '</script>', '<scriptx', '<style', '</style', '<title', '<xitle', '</title>',
    '<textarea', '</textarea>', '<xmp', '<tmp', '</xmp>', ' content=', ' http-equiv=', ' name=', ' src=', ' integrity=', ' type=',
    '="', "='", '= "', '"<meta content=x name=y>"', "'>'", '"<"', 'href=a>b', ' src="x>y"', ' =x', ' a/b',
    '<meta name=n content=c>', '<meta http-equiv=h content="c">', '<script src=s>', '<script src="s" integrity=i>',
    '<a title="', "<a title='", '">', "'>", '<img src=x alt="">', '<br/>', '<p a b c d e f>',
    // The plainest tags (lower-case, only name="value" after single spaces), which the
    // skipping reads by a shortcut of its own, and near misses of that shape.
    '<article class="card">', '<a href="/l?x=1&amp;y=2">', '<em>', '<h2>', ' class="c"', ' data-x="', ' href="x>y"',
    '<p title="<meta name=a content=b>">', '<p title="<script src=s>">', '<mx a="b">', '<sx>', '<tx a="1"b="2">', '<a  b="c">', '<a B="c">', '<a b-="">',
  );
  it('on markup-shaped noise', () => {
    fc.assert(
      // Long arrays (fast-check's default size keeps them to about ten pieces), so that
      // constructs meet in many orders within one page.
      fc.property(fc.array(piece, { maxLength: 120, size: 'max' }), (pieces) => {
        const html = pieces.join('');
        expect(parseHtml(html)).toEqual(parseHtmlConstructByConstruct(html));
      }),
      { numRuns: 5000 },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (html) => {
        expect(parseHtml(html)).toEqual(parseHtmlConstructByConstruct(html));
      }),
      { numRuns: 1000 },
    );
  });

  it('on a tag with more attribute parts than one skip takes', () => {
    const html = `<p ${'a '.repeat(300)}title="<meta name=x content=y>"><meta name=z content=w>`;
    expect(metaNames(html)).toEqual(['z']);
    expect(parseHtml(html)).toEqual(parseHtmlConstructByConstruct(html));
  });

  it('on plain tags whose quoted values hold tags, and on their near misses', () => {
    for (const html of [
      '<p title="<meta name=x content=y>"><meta name=z content=w>',
      '<div class="a" data-x="<script src=s></script>"><script src=t></script>',
      '<a b="1"c="<meta name=x content=y>"><meta name=z content=w>',
      '<a b="1"\tc="<meta name=x content=y>"><meta name=z content=w>',
      '<a b="<meta name=x content=y>" /><meta name=z content=w>',
    ]) {
      expect(parseHtml(html)).toEqual(parseHtmlConstructByConstruct(html));
    }
    expect(metaNames('<p title="<meta name=x content=y>"><meta name=z content=w>')).toEqual(['z']);
    expect(parseHtml('<div class="a" data-x="<script src=s></script>"><script src=t></script>').scripts.map((script) => script.src)).toEqual(['t']);
  });

  it('on every HTML fixture', () => {
    const names = readdirSync(new URL('../fixtures/html/', import.meta.url)).filter((name) => name.endsWith('.html'));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const html = loadHtml(name.slice(0, -'.html'.length));
      expect(parseHtml(html)).toEqual(parseHtmlConstructByConstruct(html));
    }
  });
});

describe('observatoryBody', () => {
  it('reads JSON bodies the way the Observatory’s HTTP client hands them over', () => {
    expect(observatoryBody('<p>hi</p>')).toEqual({ kind: 'html', text: '<p>hi</p>' });
    expect(observatoryBody('"<script src=x></script>"')).toEqual({ kind: 'html', text: '<script src=x></script>' });
    expect(observatoryBody(' null ')).toEqual({ kind: 'html', text: '' });
    expect(observatoryBody('[]')).toEqual({ kind: 'html', text: '' });
    expect(observatoryBody('[1]')).toEqual({ kind: 'unparseable' });
    expect(observatoryBody('{"a":1}')).toEqual({ kind: 'unparseable' });
    expect(observatoryBody('{not json')).toEqual({ kind: 'html', text: '{not json' });
  });
});

describe('parseDocumentMarkup', () => {
  const html = '<meta http-equiv="content-security-policy" content="default-src \'none\'"><script src="/a.js"></script>';

  it('reads the served HTML', () => {
    const markup = parseDocumentMarkup(captureFrom({ headers: loadHeaders('html-page'), html }));
    expect(markup?.source).toBe('served');
    expect(markup?.metas).toHaveLength(1);
    expect(markup?.scripts.map((script) => script.src)).toEqual(['/a.js']);
  });

  it('is null for a document whose Content-Type is not HTML', () => {
    expect(parseDocumentMarkup(captureFrom({ headers: loadHeaders('sri-json-page'), html }))).toBeNull();
    // The Observatory compares the type case-sensitively.
    expect(parseDocumentMarkup(captureFrom({ headers: loadHeaders('sri-uppercase-html-type'), html }))).toBeNull();
  });

  it('reads scripts but not metas when there is no Content-Type at all', () => {
    const markup = parseDocumentMarkup(captureFrom({ headers: loadHeaders('sri-no-content-type'), html }));
    expect(markup?.metas).toEqual([]);
    expect(markup?.scripts).toHaveLength(1);
  });

  it('falls back to the DOM snapshot: its metas and parser-inserted scripts', () => {
    const dom: DomSnapshot = {
      url: 'https://example.com/',
      contentType: 'text/html',
      takenAt: 0,
      tags: [
        { element: 'script', url: 'https://cdn.example.net/a.js', rel: null, as: null, type: null, integrity: 'sha384-x', crossorigin: '', origin: 'parser', firstSeenMs: 0 },
        { element: 'script', url: 'https://ads.example.org/late.js', rel: null, as: null, type: null, integrity: null, crossorigin: null, origin: 'added-after-load', firstSeenMs: 900 },
        { element: 'link', url: 'https://example.com/s.css', rel: 'stylesheet', as: null, type: null, integrity: null, crossorigin: null, origin: 'parser', firstSeenMs: 0 },
      ],
      inlineScriptCount: 2,
      metas: [{ httpEquiv: null, name: 'referrer', content: 'no-referrer' }],
      truncated: false,
      totalTags: 3,
    };
    const markup = parseDocumentMarkup(captureFrom({ headers: loadHeaders('html-page'), overrides: { dom } }));
    expect(markup?.source).toBe('dom');
    expect(markup?.metas).toEqual([{ httpEquiv: null, name: 'referrer', content: 'no-referrer' }]);
    expect(markup?.scripts).toEqual([
      { src: 'https://cdn.example.net/a.js', integrity: 'sha384-x', crossorigin: '', type: null },
      { src: null, integrity: null, crossorigin: null, type: null },
      { src: null, integrity: null, crossorigin: null, type: null },
    ]);
  });

  it('is null when there is neither HTML nor a DOM snapshot', () => {
    expect(parseDocumentMarkup(captureFrom({ headers: loadHeaders('html-page') }))).toBeNull();
  });

  it('sees no tags in a JSON body', () => {
    const markup = parseDocumentMarkup(captureFrom({ headers: loadHeaders('html-page'), html: '{"html": "<meta name=a content=b>"}' }));
    expect(markup).toEqual({ metas: [], scripts: [], source: 'served' });
  });
});
