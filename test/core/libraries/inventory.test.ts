import { describe, expect, it } from 'vitest';
import { libraryInventory } from '../../../src/core/libraries/inventory';
import { hit, link, pageWith, script } from '../../helpers/page-capture';

describe('libraryInventory', () => {
  it('merges a URL detection and a runtime hit of the same version into one row, first party', () => {
    const rows = libraryInventory(
      pageWith([script('https://static.example.com/js/jquery-3.4.1.min.js')], { runtime: [hit('jquery', '3.4.1', 'window.jQuery.fn.jquery')] }),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ component: 'jquery', name: 'jQuery', version: '3.4.1', party: 'first', thirdPartyHosts: [] });
    expect(rows[0]?.sources.map((source) => source.kind)).toEqual(['file', 'runtime']);
    expect(rows[0]?.assessment?.status).toBe('vulnerable');
  });

  it('names the host of a third-party embed and keeps two copies apart, worst first', () => {
    const rows = libraryInventory(
      pageWith(
        [
          script('https://www.example.com/js/jquery-3.7.1.min.js'),
          script('https://widget.vendor.net/embed/jquery-1.12.4.min.js', { origin: 'added-after-load', firstSeenMs: 1200 }),
        ],
        { runtime: [hit('jquery', '3.7.1', 'window.jQuery.fn.jquery'), hit('jquery', '1.12.4', 'window.widgetJQ.fn.jquery')] },
      ),
    );
    expect(rows.map((row) => `${row.version}:${row.party}`)).toEqual(['1.12.4:third', '3.7.1:first']);
    expect(rows[0]?.thirdPartyHosts).toEqual(['widget.vendor.net']);
    expect(rows[0]?.sources[0]).toMatchObject({ kind: 'file', addedAfterLoad: true, host: 'widget.vendor.net' });
  });

  it('treats another site on the same private suffix as a third party', () => {
    const [row] = libraryInventory(pageWith([script('https://other.github.io/jquery-3.4.1.js')], { url: 'https://mine.github.io/' }));
    expect(row?.party).toBe('third');
  });

  it('marks a library seen only at run time as of unknown origin', () => {
    const [row] = libraryInventory(pageWith([], { runtime: [hit('lodash', '4.17.15', 'window._.VERSION')] }));
    expect(row).toMatchObject({ component: 'lodash', party: 'unknown', sources: [{ kind: 'runtime', via: 'window._.VERSION' }] });
  });

  it('keeps a page-reported non-version as text and does not look it up', () => {
    const [row] = libraryInventory(pageWith([], { runtime: [hit('jquery', '<img src=x onerror=alert(1)>', 'window.jQuery.fn.jquery')] }));
    expect(row).toMatchObject({ version: '<img src=x onerror=alert(1)>', recognised: false, assessment: null });
  });

  it('reads only scripts (and script preloads), not stylesheets', () => {
    const rows = libraryInventory(
      pageWith([
        link('https://cdn.example/bootstrap/3.4.1/js/bootstrap.min.js'),
        link('https://cdn.example/jquery-3.4.1.js', { rel: 'preload', as: 'script' }),
      ]),
    );
    expect(rows.map((row) => row.component)).toEqual(['jquery']);
  });
});

describe('data blocks', () => {
  it('ignores a script of a non-JavaScript type: it is never loaded', () => {
    expect(libraryInventory(pageWith([script('https://cdn.example/jquery-3.4.1.js', { type: 'text/plain' })]))).toEqual([]);
  });
});
