// @vitest-environment jsdom
/**
 * The incremental snapshot (src/content/incremental-snapshot.ts) against the full one
 * (takeSnapshot, the reference): after any sequence of DOM mutations — tags added, removed,
 * moved, attributes set and removed, `<base>` and same-document URL changes — both read
 * the same snapshot. Property-tested over random mutation sequences. (jsdom resolves `src`
 * and `href` against the document's first URL whatever `<base>` or `history` say, so the
 * base-URL part is proven in Chromium: test/e2e/incremental-snapshot.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS, type DomSnapshot } from '../../src/core/capture';
import { ATTRIBUTES_READ, IncrementalSnapshot } from '../../src/content/incremental-snapshot';
import { TagClock, mutationsTouchTags, takeSnapshot } from '../../src/content/snapshot';
import { applyOperations, domMutationBatches, START_HTML } from '../helpers/dom-mutations';

const withoutTime = ({ takenAt: _takenAt, ...rest }: DomSnapshot) => rest;

/** A fresh document body, a clock, both snapshots and the observer the content script uses. */
function setUp(html = '') {
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  history.replaceState(null, '', new URL('/start/page.html', location.origin).href);
  const clock = new TagClock();
  const incremental = new IncrementalSnapshot(clock);
  const observer = new MutationObserver((records) => incremental.invalidate(records));
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ATTRIBUTES_READ });
  const compare = () => {
    incremental.invalidate(observer.takeRecords());
    expect(withoutTime(incremental.take(document))).toEqual(withoutTime(takeSnapshot(document, clock)));
  };
  return { clock, incremental, observer, compare };
}

describe('incremental DOM snapshot', () => {
  it('reads what the full snapshot reads, after any sequence of mutations', () => {
    fc.assert(
      fc.property(domMutationBatches, (batches) => {
        const { observer, compare } = setUp(START_HTML);
        try {
          compare();
          for (const batch of batches) {
            applyOperations(batch);
            compare();
          }
        } finally {
          observer.disconnect();
        }
      }),
      { numRuns: 250 },
    );
  });

  it('sends nothing when nothing it reads changed, and the changed snapshot when something did', () => {
    const { incremental, observer } = setUp('<script src="/a.js"></script>');
    const settle = () => incremental.invalidate(observer.takeRecords());
    expect(incremental.takeIfChanged(document)?.tags.map((tag) => tag.url)).toEqual([`${location.origin}/a.js`]);
    document.body.append(document.createElement('p'));
    settle();
    expect(incremental.takeIfChanged(document)).toBeNull();
    document.querySelector('script')?.setAttribute('integrity', 'sha384-new');
    settle();
    expect(incremental.takeIfChanged(document)?.tags[0]?.integrity).toBe('sha384-new');
    expect(incremental.takeIfChanged(document, true)).not.toBeNull();
    observer.disconnect();
  });

  it('keeps the full snapshot’s limit, counting every tag past it', () => {
    const count = CAPTURE_LIMITS.tagsPerSnapshot + 50;
    const { incremental, observer, compare } = setUp(Array.from({ length: count }, (_, index) => `<script type="text/plain" src="/t/${index}.js"></script>`).join(''));
    compare();
    document.body.firstElementChild?.remove();
    compare();
    const snapshot = incremental.take(document);
    expect(snapshot).toMatchObject({ truncated: true, totalTags: count - 1 });
    expect(snapshot.tags).toHaveLength(CAPTURE_LIMITS.tagsPerSnapshot);
    observer.disconnect();
  });

  it('counts attribute changes and removals of the elements it reads as changes worth a snapshot', () => {
    const { observer } = setUp('<div id="box"><script src="/a.js"></script></div><p id="p"></p>');
    document.querySelector('script')?.setAttribute('src', '/b.js');
    expect(mutationsTouchTags(observer.takeRecords())).toBe(true);
    document.getElementById('box')?.remove();
    expect(mutationsTouchTags(observer.takeRecords())).toBe(true);
    document.getElementById('p')?.setAttribute('data-x', '1');
    document.getElementById('p')?.append(document.createElement('span'));
    expect(mutationsTouchTags(observer.takeRecords())).toBe(false);
    observer.disconnect();
  });
});
