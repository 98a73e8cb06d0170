import { afterAll, describe, expect, it } from 'vitest';
import type { ResourceType } from '../../src/core/capture';
import { checkResponse, EXPECTATIONS, KIND_OF_TYPE, RESPONSE_CHECKS, TYPE_LABELS, type CheckedResponse, type ResponseCheckContext } from '../../src/core/response-checks';
import { formatMaxAge } from '../../src/core/response-checks/document-policies';

const PAGE = 'https://shop.example/';
const CONTEXT: ResponseCheckContext = { documentUrl: PAGE, documentCoep: null, now: Date.UTC(2026, 0, 1) };

function response(type: ResourceType, url: string, headers: Array<[string, string]>, extra: Partial<CheckedResponse> = {}): CheckedResponse {
  return {
    url,
    method: 'GET',
    statusCode: 200,
    statusLine: 'HTTP/1.1 200 OK',
    headers: headers.map(([name, value]) => ({ name, value })),
    type,
    timeStamp: CONTEXT.now,
    fromCache: false,
    ...extra,
  };
}

/** Every finding id seen by these tests, to prove each check's possible findings are covered. */
const seen = new Set<string>();

function check(input: CheckedResponse, context: Partial<ResponseCheckContext> = {}) {
  const result = checkResponse(input, { ...CONTEXT, ...context });
  for (const finding of result.findings) seen.add(finding.id);
  return {
    ...result,
    ids: result.findings.map((finding) => finding.id),
    badge: (id: string) => result.badges.find((badge) => badge.id === id) ?? null,
  };
}

afterAll(() => {
  const possible = Object.values(RESPONSE_CHECKS).flatMap((responseCheck) => responseCheck.possibleFindings);
  // Cookie findings come from the page-level cookies check, tested in its own file.
  const own = possible.filter((id) => !RESPONSE_CHECKS.cookies?.possibleFindings.includes(id));
  expect(own.filter((id) => !seen.has(id))).toEqual([]);
});

describe('expectations per resource type', () => {
  it('maps every webRequest type to a kind and a DevTools-style label', () => {
    expect(KIND_OF_TYPE.main_frame).toBe('document');
    expect(KIND_OF_TYPE.xmlhttprequest).toBe('fetch');
    expect(TYPE_LABELS.xmlhttprequest).toBe('xhr/fetch');
    expect(TYPE_LABELS.sub_frame).toBe('sub_frame');
    for (const kind of Object.values(KIND_OF_TYPE)) expect(EXPECTATIONS[kind].length).toBeGreaterThan(0);
  });

  it('judges every kind by cookies, and only documents by CSP', () => {
    for (const checks of Object.values(EXPECTATIONS)) expect(checks).toContain('cookies');
    expect(EXPECTATIONS.document).toContain('document-policies');
    expect(EXPECTATIONS.script).not.toContain('document-policies');
  });
});

describe('X-Content-Type-Options', () => {
  it('asks scripts and stylesheets for nosniff', () => {
    const script = check(response('script', 'https://shop.example/app.js', [['Content-Type', 'text/javascript']]));
    expect(script.badge('nosniff')).toMatchObject({ label: 'no nosniff', state: 'bad' });
    expect(script.ids).toEqual(['nosniff-missing']);
    expect(script.problems).toBe(1);
    const style = check(response('stylesheet', 'https://shop.example/a.css', [['Content-Type', 'text/css'], ['X-Content-Type-Options', 'nosniff']]));
    expect(style.badge('nosniff')).toMatchObject({ label: 'nosniff', state: 'ok' });
    expect(style.problems).toBe(0);
  });

  it('asks JSON for nosniff whatever fetched it, and leaves images alone', () => {
    expect(check(response('xmlhttprequest', 'https://shop.example/api', [['Content-Type', 'application/problem+json']])).ids).toEqual(['nosniff-missing']);
    expect(check(response('other', 'https://shop.example/data', [['Content-Type', 'text/json']])).ids).toEqual(['nosniff-missing']);
    expect(check(response('xmlhttprequest', 'https://shop.example/page', [['Content-Type', 'text/html']])).badges).toEqual([]);
    expect(check(response('image', 'https://shop.example/a.png', [['Content-Type', 'image/png']])).badges).toEqual([]);
  });

  it('reports a value other than nosniff, including the header sent twice', () => {
    const twice = check(response('script', 'https://shop.example/a.js', [['Content-Type', 'text/javascript'], ['X-Content-Type-Options', 'nosniff'], ['X-Content-Type-Options', 'nosniff']]));
    expect(twice.ids).toEqual(['nosniff-invalid']);
    expect(twice.badge('nosniff')?.state).toBe('warn');
  });

  it('does not judge redirects or failed requests', () => {
    expect(check(response('script', 'https://shop.example/a.js', [], { statusCode: 302 })).findings).toEqual([]);
    expect(check(response('script', 'https://shop.example/a.js', [], { statusCode: 0, error: 'net::ERR_FAILED' })).findings).toEqual([]);
  });
});

describe('Content-Type of scripts and stylesheets', () => {
  it('accepts every JavaScript MIME type, JSON and CSS modules', () => {
    for (const type of ['text/javascript; charset=utf-8', 'application/javascript', 'application/x-javascript', 'application/json', 'text/css']) {
      expect(check(response('script', 'https://shop.example/a.js', [['Content-Type', type], ['X-Content-Type-Options', 'nosniff']])).findings).toEqual([]);
    }
  });

  it('says a wrongly typed script is refused with nosniff, and runs only by guessing without', () => {
    const refused = check(response('script', 'https://shop.example/a.js', [['Content-Type', 'text/plain'], ['X-Content-Type-Options', 'nosniff']]));
    expect(refused.findings).toMatchObject([{ id: 'script-wrong-content-type', severity: 'high', subject: 'text/plain' }]);
    const guessed = check(response('script', 'https://shop.example/a.js', [['Content-Type', 'text/plain']]));
    expect(guessed.findings.find((finding) => finding.id === 'script-wrong-content-type')?.severity).toBe('medium');
    // Browsers always refuse scripts typed as images, audio, video or CSV.
    expect(check(response('script', 'https://shop.example/a.js', [['Content-Type', 'image/png']])).findings[0]).toMatchObject({ severity: 'high' });
    expect(check(response('script', 'https://shop.example/a.js', [])).badge('content-type')?.label).toBe('type none');
  });

  it('says a stylesheet that is not text/css is refused', () => {
    const result = check(response('stylesheet', 'https://shop.example/a.css', [['Content-Type', 'text/html'], ['X-Content-Type-Options', 'nosniff']]));
    expect(result.ids).toEqual(['stylesheet-wrong-content-type']);
  });

  it('leaves error responses to their status', () => {
    expect(check(response('script', 'https://shop.example/a.js', [['Content-Type', 'text/html'], ['X-Content-Type-Options', 'nosniff']], { statusCode: 404 })).findings).toEqual([]);
  });
});

describe('CORS on XHR/fetch and fonts', () => {
  const API = 'https://api.example/v1';

  it('is quiet about same-origin requests without CORS headers', () => {
    expect(check(response('xmlhttprequest', 'https://shop.example/api', [['Content-Type', 'text/plain']])).badges).toEqual([]);
  });

  it('says a cross-origin response without Access-Control-Allow-Origin cannot be read', () => {
    const result = check(response('xmlhttprequest', API, [['Content-Type', 'text/plain']]));
    expect(result.badge('cors')).toMatchObject({ label: 'no CORS', state: 'warn' });
    expect(result.findings).toMatchObject([{ id: 'cors-not-allowed', severity: 'info', recommendation: 'Access-Control-Allow-Origin: https://shop.example' }]);
    expect(check(response('font', 'https://fonts.example/a.woff2', [])).findings[0]?.title).toMatch(/font/);
  });

  it('accepts a wildcard without credentials', () => {
    const result = check(response('xmlhttprequest', API, [['Access-Control-Allow-Origin', '*'], ['Content-Type', 'text/plain']]));
    expect(result.badge('cors')).toMatchObject({ label: 'CORS *', state: 'ok' });
    expect(result.findings).toEqual([]);
  });

  it('flags a wildcard with credentials, several origins and null', () => {
    expect(check(response('xmlhttprequest', API, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Credentials', 'true']])).ids).toEqual(['cors-wildcard-with-credentials']);
    const list = check(response('xmlhttprequest', API, [['Access-Control-Allow-Origin', 'https://a.example, https://b.example']]));
    expect(list.ids).toEqual(['cors-several-origins']);
    expect(list.badge('cors')).toMatchObject({ label: 'CORS list', state: 'bad' });
    expect(check(response('xmlhttprequest', API, [['Access-Control-Allow-Origin', 'https://a.example'], ['Access-Control-Allow-Origin', 'https://a.example']])).ids).toEqual(['cors-several-origins']);
    expect(check(response('xmlhttprequest', API, [['Access-Control-Allow-Origin', 'null']])).ids).toEqual(['cors-null-origin']);
  });

  it('asks for Vary: Origin with a named origin, and notes an echoed origin with credentials', () => {
    const headers: Array<[string, string]> = [['Access-Control-Allow-Origin', 'https://shop.example'], ['Access-Control-Allow-Credentials', 'true']];
    const withoutVary = check(response('xmlhttprequest', API, headers, { requestHeaders: [{ name: 'Origin', value: 'https://shop.example' }] }));
    expect(withoutVary.ids.sort()).toEqual(['cors-origin-without-vary', 'cors-reflected-origin-with-credentials']);
    expect(withoutVary.badge('cors')).toMatchObject({ label: 'CORS origin + credentials', state: 'warn' });
    const withVary = check(response('xmlhttprequest', API, [...headers, ['Vary', 'Accept-Encoding, Origin']]));
    expect(withVary.ids).toEqual([]);
    expect(withVary.badge('cors')?.state).toBe('ok');
  });

  it('trusts the request’s Origin header over the page URL to tell cross-origin', () => {
    // A same-origin request from a frame of another origin: the request says so.
    const result = check(response('xmlhttprequest', 'https://shop.example/api', [], { requestHeaders: [{ name: 'Origin', value: 'https://widget.example' }] }));
    expect(result.ids).toEqual(['cors-not-allowed']);
  });
});

describe('Cross-Origin-Resource-Policy on assets', () => {
  const IMAGE = 'https://cdn.example/logo.png';

  it('says nothing without COEP and without CORP', () => {
    expect(check(response('image', IMAGE, [['Content-Type', 'image/png']])).badges).toEqual([]);
  });

  it('under COEP require-corp, flags cross-origin assets without CORP or CORS', () => {
    const coep = { documentCoep: 'require-corp' as const };
    const missing = check(response('image', IMAGE, [['Content-Type', 'image/png']]), coep);
    expect(missing.ids).toEqual(['corp-missing-under-coep']);
    expect(missing.badge('corp')).toMatchObject({ label: 'no CORP', state: 'bad' });
    expect(check(response('image', IMAGE, [['Cross-Origin-Resource-Policy', 'cross-origin']]), coep).badge('corp')).toMatchObject({ label: 'CORP cross-origin', state: 'ok' });
    // CORS-mode responses and same-origin assets need no CORP.
    expect(check(response('script', 'https://cdn.example/a.js', [['Content-Type', 'text/javascript'], ['X-Content-Type-Options', 'nosniff'], ['Access-Control-Allow-Origin', '*']]), coep).findings).toEqual([]);
    expect(check(response('image', 'https://shop.example/a.png', []), coep).badges).toEqual([]);
    // credentialless loads them without cookies instead.
    expect(check(response('image', IMAGE, []), { documentCoep: 'credentialless' }).findings).toEqual([]);
  });

  it('flags CORP same-origin or same-site on an asset from elsewhere, COEP or not', () => {
    expect(check(response('image', IMAGE, [['Cross-Origin-Resource-Policy', 'same-origin']])).ids).toEqual(['corp-blocks-embedding']);
    expect(check(response('image', IMAGE, [['Cross-Origin-Resource-Policy', 'same-site']])).ids).toEqual(['corp-blocks-embedding']);
    // Same site (registrable domain shop.example): allowed.
    expect(check(response('image', 'https://img.shop.example/a.png', [['Cross-Origin-Resource-Policy', 'same-site']])).findings).toEqual([]);
    expect(check(response('image', IMAGE, [['Cross-Origin-Resource-Policy', 'whatever']])).badge('corp')?.state).toBe('warn');
  });
});

describe('frames under COEP', () => {
  it('asks frames of a require-corp page for a COEP of their own', () => {
    const frame = (headers: Array<[string, string]>) => check(response('sub_frame', 'https://widget.example/', [['Content-Type', 'text/html'], ...headers]), { documentCoep: 'require-corp' });
    expect(frame([]).ids).toContain('frame-without-coep');
    expect(frame([['Cross-Origin-Embedder-Policy', 'credentialless']]).ids).not.toContain('frame-without-coep');
    expect(frame([['Cross-Origin-Embedder-Policy', 'credentialless']]).badge('coep')?.state).toBe('ok');
  });
});

describe('documents: CSP, HSTS, framing', () => {
  const html = (headers: Array<[string, string]>, url = PAGE, type: ResourceType = 'main_frame') => check(response(type, url, [['Content-Type', 'text/html; charset=utf-8'], ...headers]));

  it('flags a page without CSP, HSTS or framing protection', () => {
    const bare = html([]);
    expect(bare.ids).toEqual(expect.arrayContaining(['csp-missing', 'hsts-missing', 'framing-unprotected', 'nosniff-missing']));
    expect(bare.badges.map((badge) => badge.id)).toEqual(['csp', 'hsts', 'framing', 'nosniff']);
  });

  it('accepts a well-configured page', () => {
    const good = html([
      ['Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'"],
      ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
      ['X-Content-Type-Options', 'nosniff'],
    ]);
    expect(good.findings).toEqual([]);
    expect(good.badges.map((badge) => `${badge.label}:${badge.state}`)).toEqual(['CSP:ok', 'HSTS 730 d:ok', 'frame-ancestors:ok', 'nosniff:ok']);
  });

  it('reads HSTS with the Observatory’s rules: short, invalid, sent twice, ignored over HTTP', () => {
    expect(html([['Strict-Transport-Security', 'max-age=300']]).badge('hsts')).toMatchObject({ label: 'HSTS 5 min', state: 'warn' });
    expect(html([['Strict-Transport-Security', 'max-age=300']]).ids).toContain('hsts-short');
    expect(html([['Strict-Transport-Security', 'includeSubDomains']]).ids).toContain('hsts-invalid');
    expect(html([['Strict-Transport-Security', 'max-age=31536000'], ['Strict-Transport-Security', 'max-age=31536000']]).ids).toContain('hsts-invalid');
    const overHttp = html([['Strict-Transport-Security', 'max-age=31536000']], 'http://localhost:8000/');
    expect(overHttp.ids).toContain('hsts-over-http');
    expect(overHttp.badge('hsts')?.state).toBe('info');
    // Plain HTTP without HSTS: nothing to ask for there.
    expect(html([], 'http://localhost:8000/').badge('hsts')).toBeNull();
  });

  it('reports a report-only CSP and X-Frame-Options values browsers ignore', () => {
    expect(html([['Content-Security-Policy-Report-Only', "default-src 'self'"]]).ids).toContain('csp-report-only');
    expect(html([['X-Frame-Options', 'ALLOW-FROM https://a.example']]).ids).toContain('xfo-allow-from');
    expect(html([['X-Frame-Options', 'yes please']]).ids).toContain('xfo-invalid');
    expect(html([['X-Frame-Options', 'sameorigin']]).badge('framing')).toMatchObject({ label: 'XFO SAMEORIGIN', state: 'ok' });
  });

  it('does not ask frames for framing protection or HSTS, and lowers a frame’s missing CSP', () => {
    const frame = html([], 'https://widget.example/embed', 'sub_frame');
    expect(frame.ids).not.toContain('framing-unprotected');
    expect(frame.ids).not.toContain('hsts-missing');
    expect(frame.findings.find((finding) => finding.id === 'csp-missing')?.severity).toBe('low');
  });

  it('judges only HSTS on a redirect, and nothing page-like on a non-HTML document', () => {
    const redirect = check(response('main_frame', PAGE, [['Location', '/next']], { statusCode: 301 }));
    expect(redirect.badges.map((badge) => badge.id)).toEqual(['hsts']);
    const image = check(response('main_frame', 'https://shop.example/a.png', [['Content-Type', 'image/png'], ['Strict-Transport-Security', 'max-age=63072000']]));
    expect(image.ids).toEqual([]);
  });

  it('writes max-age in the unit people think in', () => {
    expect([30, 300, 7200, 86_400, 31_536_000].map(formatMaxAge)).toEqual(['30 s', '5 min', '2 h', '24 h', '365 d']);
  });
});

describe('cookies on any response', () => {
  it('judges each cookie the way the full report does, on XHRs too', () => {
    const result = check(response('xmlhttprequest', 'https://shop.example/login', [['Set-Cookie', 'sessionid=abc; Path=/'], ['Set-Cookie', 'theme=dark; Secure; Path=/']]));
    expect(result.badge('cookies')).toMatchObject({ label: '2 cookies', state: 'bad' });
    expect(result.ids).toEqual(expect.arrayContaining(['cookie-session-without-secure', 'cookie-session-without-httponly']));
    expect(result.findings.every((finding) => finding.checkId === 'response/cookies')).toBe(true);
    expect(result.badge('cookies')?.title).toBe('Sets sessionid, theme');
  });

  it('is content with a well-set cookie, and quiet without cookies', () => {
    const good = check(response('image', 'https://shop.example/pixel.gif', [['Set-Cookie', '__Host-sid=abc; Secure; HttpOnly; SameSite=Lax; Path=/']]));
    expect(good.badge('cookies')).toMatchObject({ label: '1 cookie', state: 'ok' });
    expect(check(response('image', 'https://shop.example/a.png', [])).badge('cookies')).toBeNull();
  });
});

describe('robustness', () => {
  it('never throws on odd input and keeps page text bounded', () => {
    const long = 'x'.repeat(10_000);
    const result = check(response('xmlhttprequest', 'not a url', [['Access-Control-Allow-Origin', long], ['Content-Type', long], ['Set-Cookie', long]]));
    for (const badge of result.badges) expect(badge.label.length).toBeLessThan(120);
    for (const finding of result.findings) expect((finding.subject ?? '').length).toBeLessThan(400);
  });

  it('sorts findings most severe first and counts problems above info', () => {
    const result = check(response('script', 'https://cdn.example/a.js', [['Content-Type', 'text/plain'], ['X-Content-Type-Options', 'nosniff']]), { documentCoep: 'require-corp' });
    expect(result.findings.map((finding) => finding.severity)).toEqual(['high', 'high']);
    expect(result.problems).toBe(2);
  });
});
