/**
 * Tabgrade's HAR exports carry what only the live page showed (`_tabgradeLivePage`), so the
 * HAR round trip reaches the popup's verdict; the field is untrusted input when read back.
 */
import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../src/core/capture';
import { importHar } from '../../src/core/har';
import { LIVE_PAGE_FIELD, parseLivePage } from '../../src/core/har/live-page';
import { captureToHar } from '../../src/core/har/write';
import { buildReport } from '../../src/core/report';
import { hit, pageWith, script } from '../helpers/page-capture';

/** A page whose widget added jQuery 1.12.4 after load, and whose probe read it at run time. */
function widgetPage(): PageCapture {
  return pageWith(
    [script('https://www.example.com/app.js'), script('https://widgets.example/vendor/jquery-1.12.4.min.js', { origin: 'added-after-load', firstSeenMs: 1200 })],
    { runtime: [hit('jquery', '1.12.4', 'window.widgetJQ.fn.jquery')] },
  );
}

function roundTrip(capture: PageCapture): ReturnType<typeof importHar> {
  return importHar(JSON.parse(JSON.stringify(captureToHar(capture, { includeSecrets: false }))));
}

function withLivePage(value: unknown): unknown {
  const har = JSON.parse(JSON.stringify(captureToHar(widgetPage(), { includeSecrets: false }))) as { log: { pages: Array<Record<string, unknown>> } };
  const page = har.log.pages[0];
  if (page !== undefined) page[LIVE_PAGE_FIELD] = value;
  return har;
}

describe('the live page in a Tabgrade HAR', () => {
  it('round-trips the tags and run-time libraries, and with them the verdict', () => {
    const capture = widgetPage();
    const imported = roundTrip(capture);
    expect(imported.livePage).toBe(true);
    expect(imported.capture.dom?.tags).toEqual(capture.dom?.tags);
    expect(imported.capture.runtimeLibraries?.hits).toEqual(capture.runtimeLibraries?.hits);
    const live = buildReport(capture, { now: 0 });
    const fromHar = buildReport(imported.capture, { now: 0 });
    expect(live.verdict.caps.map((cap) => cap.rule)).toContain('vulnerable-library-medium');
    expect(fromHar.verdict).toEqual(live.verdict);
    expect(fromHar.libraries.map((row) => [row.name, row.version])).toEqual(live.libraries.map((row) => [row.name, row.version]));
  });

  it('is left out when the live page showed nothing beyond the responses', () => {
    const capture = { ...widgetPage(), dom: null, runtimeLibraries: undefined } as PageCapture;
    const har = captureToHar(capture, { includeSecrets: false }) as unknown as { log: { pages: Array<Record<string, unknown>> } };
    expect(har.log.pages[0]?.[LIVE_PAGE_FIELD]).toBeUndefined();
    expect(roundTrip(capture).livePage).toBe(false);
  });

  it.each([
    ['not an object', 'x'],
    ['another version', { version: 2, dom: null, runtimeLibraries: null }],
    ['neither part usable', { version: 1, dom: { url: 1 }, runtimeLibraries: 'x' }],
  ])('is ignored when %s', (_name, value) => {
    expect(parseLivePage(value)).toBeNull();
    const imported = importHar(withLivePage(value));
    expect(imported.livePage).toBe(false);
  });

  it('drops tags and hits out of shape, and says the tag list is incomplete', () => {
    const good = script('https://cdn.example/a.js');
    const parsed = parseLivePage({
      version: 1,
      dom: {
        url: 'https://www.example.com/',
        contentType: 'text/html',
        takenAt: 1,
        tags: [good, { ...good, element: 'iframe' }, { ...good, url: 'javascript:alert(1)' }, { ...good, integrity: 'x'.repeat(10_000) }, { ...good, origin: 'evil' }, null, 'tag'],
        inlineScriptCount: 0,
        metas: [{ httpEquiv: 'Content-Security-Policy', name: null, content: "default-src 'self'" }, { httpEquiv: 5 }],
        truncated: false,
        totalTags: 7,
      },
      runtimeLibraries: {
        probes: 1,
        lastProbedAt: 1,
        hits: [hit('jquery', '3.7.1', 'window.jQuery.fn.jquery'), hit('not-a-library', '1.0.0', 'window.x'), hit('jquery', '', 'window.jQuery'), { component: 'jquery' }],
        rejected: 0,
        error: null,
      },
    });
    expect(parsed?.dom?.tags).toEqual([good]);
    expect(parsed?.dom?.truncated).toBe(true);
    expect(parsed?.dom?.metas).toHaveLength(1);
    expect(parsed?.runtimeLibraries?.hits.map((entry) => entry.version)).toEqual(['3.7.1']);
    expect(parsed?.runtimeLibraries?.rejected).toBe(3);
  });

  it('keeps at most the snapshot limit of tags from a huge field', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => script(`https://cdn.example/${i}.js`));
    const parsed = parseLivePage({ version: 1, dom: { url: 'https://www.example.com/', contentType: 'text/html', takenAt: 1, tags, inlineScriptCount: 0, metas: [], truncated: false, totalTags: 5000 }, runtimeLibraries: null });
    expect(parsed?.dom?.tags).toHaveLength(2000);
    expect(parsed?.dom).toMatchObject({ truncated: true, totalTags: 5000 });
  });
});
