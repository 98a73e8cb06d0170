import { describe, expect, it } from 'vitest';
import { elementRef, isJavascriptUrl, scanMarkup } from '../../../src/core/csp-builder/page-markup';
import { fixtureText } from './support';

describe('scanMarkup: inline code', () => {
  it('keeps inline script text exactly, with CR LF and lone CR turned into LF as the HTML parser does', () => {
    const markup = scanMarkup('<script>\r\n  a();\r  b();\r\n</script>');
    expect(markup.inlineScripts).toEqual([{ text: '\n  a();\n  b();\n', kind: 'classic', hasNonce: false, where: 'script' }]);
  });

  it('counts only scripts that run: JSON data blocks and empty scripts are not inline code; modules, import maps and speculation rules are', () => {
    const markup = scanMarkup(
      '<script type="application/ld+json">{"a":1}</script><script></script><script type=module>m()</script>' +
        '<script type="importmap">{"imports":{}}</script><script type="speculationrules">{}</script><script type="text/javascript" nonce="abc">x()</script>',
    );
    expect(markup.inlineScripts.map((script) => [script.kind, script.text, script.hasNonce])).toEqual([
      ['module', 'm()', false],
      ['importmap', '{"imports":{}}', false],
      ['speculationrules', '{}', false],
      ['classic', 'x()', true],
    ]);
  });

  it('reads a script as raw text up to </script, so markup inside it is not elements', () => {
    const markup = scanMarkup('<script>document.write("<div onclick=\\"x()\\">")</script><p>after</p>');
    expect(markup.eventHandlers).toEqual([]);
    expect(markup.inlineScripts).toHaveLength(1);
  });

  it('collects inline styles and style attributes', () => {
    const markup = scanMarkup('<style nonce=n>p{color:red}</style><div id="hero" style="color: blue">x</div><span style="">y</span>');
    expect(markup.inlineStyles).toEqual([{ text: 'p{color:red}', hasNonce: true, where: 'style' }]);
    expect(markup.styleAttributes).toEqual([{ attribute: 'style', where: 'div#hero', value: 'color: blue' }]);
  });
});

describe('scanMarkup: what a policy stops', () => {
  it('finds inline event handlers, named by the element a person would look for', () => {
    const markup = scanMarkup('<button id="subscribe" onclick="track(\'s\')">S</button><div class="share big" onMouseOver="show(this)"></div><body onload=init()>');
    expect(markup.eventHandlers).toEqual([
      { attribute: 'onclick', where: 'button#subscribe', value: "track('s')" },
      { attribute: 'onmouseover', where: 'div.share', value: 'show(this)' },
      { attribute: 'onload', where: 'body', value: 'init()' },
    ]);
  });

  it('ignores handlers in comments, <noscript> (it never runs with scripting on) and <textarea>', () => {
    const markup = scanMarkup('<!-- <a onclick="x()"> --><noscript><img src="p.gif" onload="y()"></noscript><textarea><b onclick="z()"></textarea>');
    expect(markup.eventHandlers).toEqual([]);
    expect(markup.declared).toEqual([]);
  });

  it('finds javascript: URLs however the URL parser would still read them', () => {
    const markup = scanMarkup('<a class="back" href="javascript:history.back()">b</a><a href=" JaVa&#x09;ScRiPt:alert(1)">c</a><a href="/javascript:x">d</a><form action="javascript:go()"></form>');
    expect(markup.javascriptUrls.map((use) => `${use.attribute} ${use.where}`)).toEqual(['href a.back', 'href a', 'action form']);
    expect(isJavascriptUrl('\u0001 java\nscript:x')).toBe(true);
    expect(isJavascriptUrl('https://example.com/javascript:')).toBe(false);
  });
});

describe('scanMarkup: URLs the page asks for', () => {
  it('lists scripts (parser-inserted, with their nonce), stylesheets, preloads, images, media, frames, plugins, forms and <base>', () => {
    const markup = scanMarkup(
      '<base href="https://static.example/"><script src="/a.js" nonce="n1"></script><script type="text/template" src="/t.html"></script>' +
        '<link rel="stylesheet" href="/s.css"><link rel=preload as=font href="/f.woff2"><link rel="modulepreload" href="/m.js"><link rel="manifest" href="/app.webmanifest"><link rel="icon" href="/i.png">' +
        '<img src="/1.png" srcset="/2.png 2x, /3.png 3x"><video poster="/p.jpg" src="/v.mp4"></video><iframe src="https://frame.example/"></iframe>' +
        '<object data="/doc.pdf"></object><embed src="/x.swf"><form method="post"></form><button formaction="https://other.example/go">g</button>',
    );
    expect(markup.baseHref).toBe('https://static.example/');
    expect(markup.declared.map((item) => `${item.kind} ${item.url}${item.parserInserted ? ' (parser)' : ''}${item.nonce === null ? '' : ` nonce=${item.nonce}`}`)).toEqual([
      'script /a.js (parser) nonce=n1',
      'style /s.css (parser)',
      'font /f.woff2',
      'script /m.js',
      'manifest /app.webmanifest',
      'image /i.png',
      'image /1.png',
      'image /2.png',
      'image /3.png',
      'image /p.jpg',
      'media /v.mp4',
      'frame https://frame.example/',
      'object /doc.pdf (parser)',
      'object /x.swf (parser)',
      'form  (parser)',
      'form https://other.example/go',
    ]);
  });

  it('decodes character references in attribute values, keeps the first of two same-named attributes, and never throws on cut-off input', () => {
    expect(scanMarkup('<img src="/a?x=1&amp;y=2" src="/b">').declared.map((item) => item.url)).toEqual(['/a?x=1&y=2']);
    expect(() => scanMarkup('<div class="unterminated')).not.toThrow();
    expect(scanMarkup('<script>never closed').inlineScripts).toEqual([{ text: 'never closed', kind: 'classic', hasNonce: false, where: 'script' }]);
  });

  it('reads the blog fixture: two handlers, one javascript: link, two style attributes, and nothing from inside <noscript>', () => {
    const markup = scanMarkup(fixtureText('blog-with-cdn.html'));
    expect(markup.eventHandlers.map((use) => `${use.attribute} on ${use.where}`)).toEqual(['onclick on button#subscribe', 'onmouseover on div.share']);
    expect(markup.javascriptUrls.map((use) => use.where)).toEqual(['a.back']);
    expect(markup.styleAttributes.map((use) => use.where)).toEqual(['header', 'div.share']);
    expect(markup.declared.some((item) => item.url.includes('tracker.example.net'))).toBe(false);
  });
});

describe('elementRef', () => {
  it('prefers the id, then the first class, then the name, then the tag alone', () => {
    expect(elementRef('button', new Map([['id', 'go'], ['class', 'x']]))).toBe('button#go');
    expect(elementRef('div', new Map([['class', '  card  wide ']]))).toBe('div.card');
    expect(elementRef('input', new Map([['name', 'email']]))).toBe('input[name=email]');
    expect(elementRef('body', new Map())).toBe('body');
  });
});
