import { describe, expect, it } from 'vitest';
import type { PageCapture } from '../../src/core/capture';
import { REDACTED } from '../../src/core/har';
import { captureHasUrlSecrets, captureWithoutUrlSecrets, copiedUrlValuesOf, redactUrlSecrets, redactUrlsInText } from '../../src/core/url-secrets';
import { captureFrom } from '../helpers/fixtures';

const TOKEN = 'ONE-TIME-TOKEN-7f3a9c';

describe('redactUrlSecrets', () => {
  it.each([
    [`https://a.example/login?once=${TOKEN}&next=/account`, `https://a.example/login?once=${REDACTED}&next=${REDACTED}`],
    // Names without a value, empty values and already redacted ones stay as they are.
    ['https://a.example/?debug&empty=&x=REDACTED', 'https://a.example/?debug&empty=&x=REDACTED'],
    // A plain anchor names a place on the page; a fragment with values carries data.
    ['https://a.example/docs?v=2#install', `https://a.example/docs?v=${REDACTED}#install`],
    [`https://a.example/callback#access_token=${TOKEN}&token_type=bearer`, `https://a.example/callback#access_token=${REDACTED}&token_type=${REDACTED}`],
    [`https://a.example/#/reset?token=${TOKEN}`, `https://a.example/#/reset?token=${REDACTED}`],
    ['https://a.example/#/settings', 'https://a.example/#/settings'],
    // A password in the authority is a credential; the user name and the port stay.
    ['https://deploy:hunter22@a.example:8443/?q=1', `https://deploy:${REDACTED}@a.example:8443/?q=${REDACTED}`],
    ['https://a.example:8443/x', 'https://a.example:8443/x'],
    // Relative URLs (a Location header) and text that is not normalised.
    [`/welcome?once=${TOKEN}`, `/welcome?once=${REDACTED}`],
    ['HTTPS://A.example/%7Ea/?Q=%20x', `HTTPS://A.example/%7Ea/?Q=${REDACTED}`],
  ])('%s → %s', (url, expected) => {
    expect(redactUrlSecrets(url)).toBe(expected);
  });

  it('is idempotent', () => {
    const once = redactUrlSecrets(`https://a.example/login?once=${TOKEN}#a=b`);
    expect(redactUrlSecrets(once)).toBe(once);
  });
});

describe('redactUrlsInText', () => {
  it('redacts every URL in prose, HTML and header values, and leaves the rest alone', () => {
    const text = [
      `Redirected to https://a.example/login?once=${TOKEN}.`,
      `<a href="/login?once=${TOKEN}&amp;next=/x">again</a>`,
      `<form action="?once=${TOKEN}">`,
      `url(/img.png?v=123) and 0; url=/go?once=${TOKEN}`,
      'What? nothing=here, and text/html; charset=utf-8',
    ].join('\n');
    const redacted = redactUrlsInText(text);
    expect(redacted).not.toContain(TOKEN);
    expect(redacted).toBe(
      [
        `Redirected to https://a.example/login?once=${REDACTED}.`,
        `<a href="/login?once=${REDACTED}&amp;next=${REDACTED}">again</a>`,
        `<form action="?once=${REDACTED}">`,
        `url(/img.png?v=${REDACTED}) and 0; url=/go?once=${REDACTED}`,
        'What? nothing=here, and text/html; charset=utf-8',
      ].join('\n'),
    );
  });
});

function oneTimeLinkCapture(): PageCapture {
  // The link in the e-mail: /login?once=…, which redirects to the account with the token kept.
  const capture = captureFrom({
    url: `https://a.example/account?welcome=${TOKEN}`,
    headers: [{ name: 'Content-Type', value: 'text/html' }],
    redirects: [
      {
        url: `https://a.example/login?once=${TOKEN}&next=/account`,
        statusCode: 302,
        statusLine: 'HTTP/1.1 302 Found',
        location: `/account?welcome=${TOKEN}`,
        headers: [{ name: 'Location', value: `/account?welcome=${TOKEN}` }],
        internal: false,
      },
    ],
  });
  return { ...capture, requestedUrl: `https://a.example/login?once=${TOKEN}&next=/account` };
}

describe('the capture’s URLs', () => {
  it('finds the long query values worth replacing elsewhere, raw and decoded, but not paths or short words', () => {
    const capture = captureFrom({ url: `https://a.example/?once=${TOKEN}&next=%2Faccount&lang=fr&tab=settings&q=hello%20world%21` });
    expect(copiedUrlValuesOf(capture)).toEqual([TOKEN, 'hello%20world%21', 'hello world!']);
    expect(copiedUrlValuesOf(captureFrom({ url: 'https://a.example/plain' }))).toEqual([]);
  });

  it('redacts every URL field, so a HAR written from it agrees with itself', () => {
    const capture = oneTimeLinkCapture();
    expect(captureHasUrlSecrets(capture)).toBe(true);
    const redacted = captureWithoutUrlSecrets(capture);
    expect(redacted.requestedUrl).toBe(`https://a.example/login?once=${REDACTED}&next=${REDACTED}`);
    expect(redacted.url).toBe(`https://a.example/account?welcome=${REDACTED}`);
    expect(redacted.document?.url).toBe(redacted.url);
    expect(redacted.redirects[0]?.location).toBe(`/account?welcome=${REDACTED}`);
    // Headers are left to the text pass over the whole file.
    expect(redacted.redirects[0]?.headers).toEqual(capture.redirects[0]?.headers);
  });

  it('returns a capture without URL secrets as it is', () => {
    const plain = captureFrom({ url: 'https://a.example/#pricing', headers: [] });
    expect(captureHasUrlSecrets(plain)).toBe(false);
    expect(captureWithoutUrlSecrets(plain)).toBe(plain);
  });
});
