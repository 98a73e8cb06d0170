import { describe, expect, it } from 'vitest';
import { parseProbeOutput } from '../../../src/core/libraries/runtime-result';

describe('parseProbeOutput: the probe’s answer is untrusted', () => {
  it('accepts the probe’s shape', () => {
    const parsed = parseProbeOutput({ v: 1, href: 'https://a.example/', hits: [['jquery', '3.7.1', 'window.jQuery.fn.jquery'], ['jquery', '1.12.4', 'window.widgetJQ.fn.jquery']] });
    expect(parsed).toEqual({
      href: 'https://a.example/',
      hits: [
        { component: 'jquery', version: '3.7.1', via: 'window.jQuery.fn.jquery' },
        { component: 'jquery', version: '1.12.4', via: 'window.widgetJQ.fn.jquery' },
      ],
      rejected: 0,
    });
  });

  it.each([null, 'x', 42, [], { v: 2, href: '', hits: [] }, { v: 1, href: 5, hits: [] }, { v: 1, href: '', hits: {} }])('refuses %j', (raw) => {
    expect(parseProbeOutput(raw)).toBeNull();
  });

  it('drops unknown libraries, wrong shapes and over-long versions, and counts them', () => {
    const parsed = parseProbeOutput({
      v: 1,
      href: 'https://a.example/',
      hits: [['not-a-library', '1.0.0', 'window.x'], ['jquery', '', 'window.$'], ['jquery', 'x'.repeat(65), 'window.$'], ['jquery', 3, 'window.$'], 'jquery', ['jquery', '3.7.1', 'window.$.fn.jquery']],
    });
    expect(parsed?.hits).toEqual([{ component: 'jquery', version: '3.7.1', via: 'window.$.fn.jquery' }]);
    expect(parsed?.rejected).toBe(5);
  });

  it('keeps a page-chosen version text as text (core decides it is not a version)', () => {
    const parsed = parseProbeOutput({ v: 1, href: '', hits: [['jquery', '<img src=x onerror=alert(1)>', 'window.jQuery.fn.jquery']] });
    expect(parsed?.hits[0]?.version).toBe('<img src=x onerror=alert(1)>');
  });

  it('replaces global names that are not plain identifiers', () => {
    const parsed = parseProbeOutput({ v: 1, href: '', hits: [['jquery', '3.7.1', 'window.<b>x</b>.fn.jquery'], ['jquery', '3.6.0', 'window.a.b.c.d.e.f.g.h.i']] });
    expect(parsed?.hits.map((entry) => entry.via)).toEqual(['window[unusual name]', 'window[unusual name]']);
  });

  it('caps the number of hits', () => {
    const hits = Array.from({ length: 300 }, (_, index) => ['jquery', `1.${index}.0`, 'window.jQuery.fn.jquery']);
    const parsed = parseProbeOutput({ v: 1, href: '', hits });
    expect(parsed?.hits).toHaveLength(200);
    expect(parsed?.rejected).toBe(100);
  });
});
