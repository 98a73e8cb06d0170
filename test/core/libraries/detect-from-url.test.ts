import { describe, expect, it } from 'vitest';
import { detectFromUrl } from '../../../src/core/libraries/detect-from-url';

describe('detectFromUrl', () => {
  it.each([
    ['https://code.jquery.com/jquery-3.4.1.min.js', 'jquery', '3.4.1', 'filename'],
    ['https://cdnjs.cloudflare.com/ajax/libs/jquery/1.12.4/jquery.min.js', 'jquery', '1.12.4', 'uri'],
    ['http://127.0.0.1:8080/vendor/jquery-1.12.4.js?v=3#x', 'jquery', '1.12.4', 'filename'],
    ['https://cdn.example/jquery-migrate-1.4.1.min.js', 'jquery-migrate', '1.4.1', 'filename'],
    ['https://cdn.jsdelivr.net/npm/vue@2.6.14/dist/vue.js', 'vue', '2.6.14', 'uri'],
    ['https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.29.1/moment.min.js', 'moment.js', '2.29.1', 'uri'],
    ['https://stackpath.example/bootstrap/3.4.1/js/bootstrap.min.js', 'bootstrap', '3.4.1', 'uri'],
    ['https://cdn.example/angular-1.8.3.min.js', 'angularjs', '1.8.3', 'filename'],
    ['https://cdn.example/handlebars-4.5.2.js', 'handlebars', '4.5.2', 'filename'],
  ])('%s → %s %s (%s)', (url, component, version, detection) => {
    expect(detectFromUrl(url)).toContainEqual({ component, version, detection });
  });

  it('finds nothing in an unversioned or unrelated URL', () => {
    expect(detectFromUrl('https://cdn.example/jquery.min.js')).toEqual([]);
    expect(detectFromUrl('https://www.example.com/static/app.3f9a1c.js')).toEqual([]);
    // A version in the query string is not part of the file's name or path.
    expect(detectFromUrl('https://cdn.example/jquery.min.js?ver=3.4.1')).toEqual([]);
  });

  it('answers the same for a URL seen before and one never seen', () => {
    const url = 'https://cdn.example/jquery-2.2.4.min.js?cache=7';
    const first = detectFromUrl(url);
    expect(first).toContainEqual({ component: 'jquery', version: '2.2.4', detection: 'filename' });
    expect(detectFromUrl(url)).toEqual(first);
    expect(detectFromUrl('https://cdn.example/chunk-2.2.4.js?cache=7')).toEqual([]);
    expect(detectFromUrl('https://cdn.example/chunk-2.2.4.js?cache=7')).toEqual([]);
  });

  it('does not scan absurdly long URLs', () => {
    expect(detectFromUrl(`https://cdn.example/${'a'.repeat(3000)}/jquery-3.4.1.js`)).toEqual([]);
  });

  it('reports a library once per URL even when two extractors agree', () => {
    const found = detectFromUrl('https://cdn.example/libs/1.12.4/jquery-1.12.4.js');
    expect(found.filter((detection) => detection.component === 'jquery')).toHaveLength(1);
  });
});
