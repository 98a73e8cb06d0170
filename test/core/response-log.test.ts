import { describe, expect, it } from 'vitest';
import { emptyCapture, type ResourceType } from '../../src/core/capture';
import { redactRequestHeaders, REDACTED } from '../../src/core/request-headers';
import { entriesFromCapture, TabResponseLog, type NewEntry } from '../../src/core/response-log';
import { ROW_JUDGES } from '../../src/core/response-row-judges';

let clock = Date.UTC(2026, 0, 1);

function entry(requestId: string, type: ResourceType, url: string, headers: Array<[string, string]> = [], extra: Partial<NewEntry> = {}): NewEntry {
  clock += 10;
  return {
    url,
    method: 'GET',
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: headers.map(([name, value]) => ({ name, value })),
    type,
    timeStamp: clock,
    fromCache: false,
    requestId,
    requestHeaders: null,
    detail: 'full',
    ...extra,
  };
}

const PAGE = 'https://shop.example/';

describe('the response log', () => {
  it('starts a load at each navigation and keeps sub-resources in the current one', () => {
    const log = new TabResponseLog('e1');
    const first = log.append(entry('1', 'main_frame', PAGE, [['Content-Type', 'text/html']]));
    expect(first.newLoad).toMatchObject({ url: PAGE, previousLoadId: null, documentUrl: PAGE });
    const script = log.append(entry('2', 'script', `${PAGE}app.js`));
    expect(script.newLoad).toBeNull();
    expect(script.entry.loadId).toBe(first.entry.loadId);
    const second = log.append(entry('3', 'main_frame', `${PAGE}other`));
    expect(second.newLoad?.url).toBe(`${PAGE}other`);
    expect(log.loadInfos()).toHaveLength(2);
    expect(log.allEntries().map((row) => row.id)).toEqual([1, 2, 3]);
  });

  it('keeps a redirect chain in one load, named by the URL it started at', () => {
    const log = new TabResponseLog('e1');
    const hop = log.append(entry('7', 'main_frame', 'http://shop.example/', [['Location', PAGE]], { statusCode: 301, redirectUrl: PAGE }));
    const final = log.append(entry('7', 'main_frame', PAGE, [['Content-Type', 'text/html']]));
    expect(final.newLoad).toBeNull();
    expect(hop.newLoad).toMatchObject({ url: 'http://shop.example/', documentUrl: PAGE });
  });

  it('does not start a load for a cancelled navigation (a download, Stop)', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE));
    const cancelled = log.append(entry('9', 'main_frame', `${PAGE}file.zip`, [], { statusCode: 0, error: 'net::ERR_ABORTED' }));
    expect(cancelled.newLoad).toBeNull();
  });

  it('puts rows seen before any navigation into a load of their own', () => {
    const log = new TabResponseLog('e1');
    expect(log.knowsItsPage).toBe(false);
    const orphan = log.append(entry('5', 'image', `${PAGE}a.png`));
    expect(orphan.newLoad).toMatchObject({ url: '', documentUrl: null });
    log.append(entry('6', 'main_frame', PAGE));
    expect(log.knowsItsPage).toBe(true);
  });

  it('judges rows with the document’s context (COEP in a secure context)', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE, [['Content-Type', 'text/html'], ['Cross-Origin-Embedder-Policy', 'require-corp']]));
    const image = log.append(entry('2', 'image', 'https://cdn.example/a.png', [['Content-Type', 'image/png']]));
    expect(log.loadInfos()[0]?.documentCoep).toBe('require-corp');
    expect(log.row(image.entry, ROW_JUDGES).findings.map((finding) => finding.id)).toEqual(['corp-missing-under-coep']);
    // Judged once: the same object comes back.
    expect(log.row(image.entry, ROW_JUDGES)).toBe(log.row(image.entry, ROW_JUDGES));
  });

  it('reads the document’s COEP as a structured field when a row is judged (parameters and all)', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE, [['Content-Type', 'text/html'], ['Cross-Origin-Embedder-Policy', 'require-corp; report-to="coep"']]));
    const image = log.append(entry('2', 'image', 'https://cdn.example/a.png', [['Content-Type', 'image/png']]));
    expect(log.row(image.entry, ROW_JUDGES).findings.map((finding) => finding.id)).toEqual(['corp-missing-under-coep']);
    const unparsable = new TabResponseLog('e2');
    unparsable.append(entry('1', 'main_frame', PAGE, [['Content-Type', 'text/html'], ['Cross-Origin-Embedder-Policy', '"require-corp"']]));
    const other = unparsable.append(entry('2', 'image', 'https://cdn.example/a.png', [['Content-Type', 'image/png']]));
    expect(unparsable.row(other.entry, ROW_JUDGES).findings).toEqual([]);
  });

  it('ignores COEP on a page that is not a secure context', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', 'http://shop.example/', [['Content-Type', 'text/html'], ['Cross-Origin-Embedder-Policy', 'require-corp']]));
    expect(log.loadInfos()[0]?.documentCoep).toBeNull();
  });

  it('compares a reload with the previous load of the same URL, request by request', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE, [['Content-Type', 'text/html'], ['Strict-Transport-Security', 'max-age=300']]));
    log.append(entry('2', 'xmlhttprequest', `${PAGE}api`, [['Content-Type', 'application/json']]));
    log.append(entry('3', 'xmlhttprequest', `${PAGE}api`, [['Content-Type', 'application/json']]));
    const reload = log.append(entry('4', 'main_frame', PAGE, [['Content-Type', 'text/html'], ['Strict-Transport-Security', 'max-age=31536000']]));
    expect(reload.newLoad?.previousLoadId).toBe(log.loadInfos()[0]?.loadId);
    const document = log.row(reload.entry, ROW_JUDGES);
    expect(document.comparison?.status).toBe('changed');
    expect(document.comparison?.changes.map((change) => change.text)).toContain('HSTS max-age 300 → 31536000');
    // The second call to the same URL is compared with the previous load's second call.
    log.append(entry('5', 'xmlhttprequest', `${PAGE}api`, [['Content-Type', 'application/json']]));
    const second = log.append(entry('6', 'xmlhttprequest', `${PAGE}api`, [['Content-Type', 'application/json'], ['X-Content-Type-Options', 'nosniff']]));
    expect(second.entry.occurrence).toBe(1);
    expect(log.row(second.entry, ROW_JUDGES).comparison?.changes.map((change) => change.text)).toEqual([
      'X-Content-Type-Options added: nosniff',
      'Resolved: JSON response without X-Content-Type-Options: nosniff',
    ]);
    const extra = log.append(entry('7', 'script', `${PAGE}new.js`));
    expect(log.row(extra.entry, ROW_JUDGES).comparison?.status).toBe('new');
  });

  it('does not compare a navigation to another URL, and has no comparison for a first load', () => {
    const log = new TabResponseLog('e1');
    const first = log.append(entry('1', 'main_frame', PAGE));
    expect(log.row(first.entry, ROW_JUDGES).comparison).toBeNull();
    const other = log.append(entry('2', 'main_frame', `${PAGE}b`));
    expect(log.row(other.entry, ROW_JUDGES).comparison).toBeNull();
    // Back to the first URL: compared with its earlier load, not the one in between.
    const back = log.append(entry('3', 'main_frame', PAGE));
    expect(back.newLoad?.previousLoadId).toBe(log.loadInfos()[0]?.loadId);
  });

  it('leaves cookies out of a comparison when only one load could see them', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE));
    log.append(entry('2', 'xmlhttprequest', `${PAGE}api`, [], { detail: 'basic' }));
    log.append(entry('3', 'main_frame', PAGE));
    const api = log.append(entry('4', 'xmlhttprequest', `${PAGE}api`, [['Set-Cookie', 'sessionid=1; Path=/']]));
    expect(log.row(api.entry, ROW_JUDGES).comparison).toEqual({ status: 'unchanged', changes: [] });
    // Its own findings still judge the cookie.
    expect(log.row(api.entry, ROW_JUDGES).findings.some((finding) => finding.id === 'cookie-session-without-httponly')).toBe(true);
  });

  it('leaves request-header findings out of a comparison when only one load recorded request headers', () => {
    const log = new TabResponseLog('e1');
    const cors: Array<[string, string]> = [['Access-Control-Allow-Origin', PAGE.slice(0, -1)], ['Access-Control-Allow-Credentials', 'true'], ['Vary', 'Origin']];
    log.append(entry('1', 'main_frame', PAGE));
    log.append(entry('2', 'xmlhttprequest', 'https://api.example/me', cors));
    log.append(entry('3', 'main_frame', PAGE));
    const api = log.append(entry('4', 'xmlhttprequest', 'https://api.example/me', cors, { requestHeaders: [{ name: 'Origin', value: PAGE.slice(0, -1) }] }));
    expect(log.row(api.entry, ROW_JUDGES).findings.map((finding) => finding.id)).toEqual(['cors-reflected-origin-with-credentials']);
    expect(log.row(api.entry, ROW_JUDGES).comparison).toEqual({ status: 'unchanged', changes: [] });
  });

  it('is bounded: the oldest rows go, and loads without rows are forgotten', () => {
    const log = new TabResponseLog('e1', { entriesPerTab: 50, loadsRemembered: 2 });
    for (let load = 0; load < 4; load++) {
      log.append(entry(`nav${load}`, 'main_frame', `${PAGE}${load}`));
      for (let index = 0; index < 30; index++) log.append(entry(`r${load}-${index}`, 'image', `${PAGE}${load}/${index}.png`));
    }
    expect(log.size).toBeLessThanOrEqual(52);
    expect(log.dropped).toBe(124 - log.size);
    expect(log.allEntries().at(-1)?.url).toBe(`${PAGE}3/29.png`);
    const loads = log.loadInfos().map((load) => load.url);
    expect(loads).not.toContain(`${PAGE}0`);
    expect(loads).toContain(`${PAGE}3`);
  });

  it('marks a request that failed after its response started', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE));
    const fetched = log.append(entry('2', 'xmlhttprequest', `${PAGE}stream`));
    log.row(fetched.entry, ROW_JUDGES);
    expect(log.markFailed('2', 'net::ERR_ABORTED')?.id).toBe(fetched.entry.id);
    expect(log.row(fetched.entry, ROW_JUDGES).error).toBe('net::ERR_ABORTED');
    expect(log.markFailed('2', 'again')).toBeNull();
    expect(log.markFailed('nope', 'x')).toBeNull();
  });

  it('lists rows added since a given id', () => {
    const log = new TabResponseLog('e1');
    log.append(entry('1', 'main_frame', PAGE));
    log.append(entry('2', 'script', `${PAGE}a.js`));
    log.append(entry('3', 'script', `${PAGE}b.js`));
    expect(log.entriesSince(1).map((row) => row.url)).toEqual([`${PAGE}a.js`, `${PAGE}b.js`]);
    expect(log.entriesSince(3)).toEqual([]);
  });
});

describe('rows from a saved capture', () => {
  it('rebuilds redirects, document and sub-resources, the document under its navigation’s request id', () => {
    const capture = {
      ...emptyCapture({ navigationId: '42@1700000000000', tabId: 1, url: 'http://shop.example/', startedAt: 1 }),
      redirects: [{ url: 'http://shop.example/', statusCode: 301, statusLine: '', location: PAGE, headers: [], internal: false }],
      document: { url: PAGE, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'main_frame' as const, timeStamp: 2, fromCache: false },
      subresources: [{ url: `${PAGE}a.js`, method: 'GET', statusCode: 200, statusLine: '', headers: [], type: 'script' as const, timeStamp: 3, fromCache: false }],
    };
    const entries = entriesFromCapture(capture);
    expect(entries.map((row) => [row.requestId, row.url, row.redirectUrl ?? null, row.detail])).toEqual([
      ['42', 'http://shop.example/', PAGE, 'full'],
      ['42', PAGE, null, 'full'],
      ['capture-0', `${PAGE}a.js`, null, 'basic'],
    ]);
    const log = new TabResponseLog('e2');
    for (const row of entries) log.append(row);
    expect(log.loadInfos()).toHaveLength(1);
    expect(log.knowsItsPage).toBe(true);
  });
});

describe('request headers', () => {
  it('keeps cookie names and the authentication scheme, never their values', () => {
    const redacted = redactRequestHeaders([
      { name: 'Cookie', value: 'sessionid=abc; csrftoken=def; flag' },
      { name: 'Authorization', value: 'Bearer eyJhbGciOi' },
      { name: 'proxy-authorization', value: 'secret' },
      { name: 'Origin', value: 'https://shop.example' },
    ]);
    expect(redacted).toEqual([
      { name: 'Cookie', value: `sessionid=${REDACTED}; csrftoken=${REDACTED}; flag=${REDACTED}` },
      { name: 'Authorization', value: `Bearer ${REDACTED}` },
      { name: 'proxy-authorization', value: REDACTED },
      { name: 'Origin', value: 'https://shop.example' },
    ]);
  });
});
