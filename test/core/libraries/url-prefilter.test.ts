import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DATA } from '../../../src/core/libraries/data';
import { scanFileName, scanUri } from '../../../src/core/libraries/retire-engine';
import { buildPrefilter, candidates, requiredLiteral } from '../../../src/core/libraries/url-prefilter';

describe('requiredLiteral', () => {
  it.each([
    ['/([0-9][0-9.a-z_\\-]+)/jquery(\\.min)?\\.js', '/jquery'],
    ['jquery-([0-9][0-9.a-z_\\-]+)(\\.min)?\\.js', 'jquery-'],
    ['/moment\\.js/([0-9][0-9.a-z_\\-]+)/moment(.min)?\\.js', '/moment.js/'],
    ['/[Ss]wiper[@/]([0-9][0-9.a-z_\\-]+)/swiper', '/swiper'],
    ['/[Ss]wiper[@/]([0-9])', 'wiper'],
    ['angular(?:js)?-([0-9])', 'angular'],
    // `.` unescaped is a wildcard; `s?` makes the s optional.
    ['jquery.validat(ion|e)', 'validat'],
    ['abcs?defg', 'defg'],
  ])('%s → %s', (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  it('gives up on top-level alternation and on short literals', () => {
    expect(requiredLiteral('jquery|zepto')).toBeNull();
    expect(requiredLiteral('d[0-9]+/')).toBeNull();
    expect(requiredLiteral('d3[@/]([0-9]+)/')).toBe('d3');
    expect(requiredLiteral('/d3[@/]([0-9]+)/')).toBe('/d3');
  });

  it('every literal it finds really is in its pattern’s text', () => {
    for (const component of Object.values(LIBRARY_DATA.components)) {
      for (const source of [...(component.extractors.uri ?? []), ...(component.extractors.filename ?? [])]) {
        const literal = requiredLiteral(source);
        if (literal !== null) expect(source.replace(/\\(.)/g, '$1')).toContain(literal);
      }
    }
  });
});

/** What the engine finds on the full repository, without the filter. */
function unfiltered(url: string): string[] {
  const fileName = url.slice(url.lastIndexOf('/') + 1);
  return [...scanUri(url, LIBRARY_DATA.components), ...scanFileName(fileName, LIBRARY_DATA.components)]
    .map((found) => `${found.detection}:${found.component}@${found.version}`)
    .sort();
}

function filtered(url: string): string[] {
  const index = buildPrefilter(LIBRARY_DATA.components);
  const fileName = url.slice(url.lastIndexOf('/') + 1);
  const uri = candidates(index, LIBRARY_DATA.components, 'uri', url);
  const file = candidates(index, LIBRARY_DATA.components, 'filename', fileName);
  return [...(uri === null ? [] : scanUri(url, uri)), ...(file === null ? [] : scanFileName(fileName, file))]
    .map((found) => `${found.detection}:${found.component}@${found.version}`)
    .sort();
}

describe('the prefilter only skips work, never results', () => {
  const corpus = [
    'https://code.jquery.com/jquery-3.4.1.min.js',
    'https://ajax.googleapis.com/ajax/libs/jquery/1.12.4/jquery.min.js',
    'https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.29.1/moment.min.js',
    'https://cdn.jsdelivr.net/npm/vue@2.6.14/dist/vue.js',
    'https://unpkg.com/react-dom@16.14.0/umd/react-dom.production.min.js',
    'https://cdnjs.cloudflare.com/ajax/libs/twitter-bootstrap/3.4.1/js/bootstrap.min.js',
    'https://cdn.jsdelivr.net/npm/swiper@8.0.0/swiper-bundle.min.js',
    'https://cdnjs.cloudflare.com/ajax/libs/d3/5.16.0/d3.min.js',
    'https://example.com/static/d3-5.16.0.min.js',
    'https://example.com/js/jquery.validate-1.19.0.min.js',
    'https://example.com/js/handlebars-v4.5.2.js',
    'https://example.com/js/angular-1.8.3.min.js',
    'https://example.com/app.js',
  ];

  it.each(corpus)('%s', (url) => {
    expect(filtered(url)).toEqual(unfiltered(url));
  });

  it('holds for URLs built from library names, versions and separators', () => {
    const names = Object.keys(LIBRARY_DATA.components).flatMap((name) => [name, name.toLowerCase()]);
    const piece = fc.oneof(
      fc.constantFrom(...names, 'js', 'dist', 'npm', 'ajax', 'libs', 'min', 'umd', 'Chart.js', 'three.js', 'pdf.js', 'highlight.js'),
      fc.constantFrom('1.2.3', '3.4.1', '16.14.0', '0.9.0-beta.2', '2'),
      fc.stringMatching(/^[a-z0-9]{1,6}$/),
    );
    const separator = fc.constantFrom('/', '-', '.', '@', '_', '');
    const url = fc
      .array(fc.tuple(piece, separator), { minLength: 1, maxLength: 6 })
      .chain((parts) => fc.constantFrom('.js', '.min.js', '/', '').map((ending) => `https://cdn.example/${parts.map(([a, b]) => a + b).join('')}${ending}`));
    fc.assert(fc.property(url, (candidate) => {
      expect(filtered(candidate)).toEqual(unfiltered(candidate));
    }), { numRuns: 400 });
  });
});
