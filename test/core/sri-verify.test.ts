import { describe, expect, it } from 'vitest';
import { compareWithIntegrity, computeDigests, fetchFailed, MAX_VERIFIED_FILES, suggestedIntegrity, verificationTargets } from '../../src/core/sri-verify';
import { link, pageWith, script } from '../helpers/page-capture';

const BODY = new TextEncoder().encode('alert(1)');

describe('computeDigests (WebCrypto)', () => {
  it('matches known digests of "alert(1)"', async () => {
    const digests = await computeDigests(BODY);
    expect(digests.sha256).toBe('bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=');
    expect(digests.sha384).toBe('HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW');
    expect(digests.sha512).toHaveLength(88);
    expect(suggestedIntegrity(digests)).toBe('sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW');
  });
});

describe('compareWithIntegrity', () => {
  it('matches on the strongest algorithm, in base64 or base64url, with or without padding', async () => {
    const digests = await computeDigests(BODY);
    expect(compareWithIntegrity('u', `sha384-${digests.sha384}`, digests, 8)).toMatchObject({ status: 'match', algorithm: 'sha384' });
    const url = digests.sha256.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(compareWithIntegrity('u', `sha256-${url}`, digests, 8).status).toBe('match');
  });

  it('any one hash of the strongest algorithm is enough; weaker ones are not compared', async () => {
    const digests = await computeDigests(BODY);
    const other = `sha384-${'A'.repeat(64)}`;
    expect(compareWithIntegrity('u', `${other} sha384-${digests.sha384}`, digests, 8).status).toBe('match');
    // A correct sha256 does not rescue a wrong sha384: browsers compare only sha384 here.
    expect(compareWithIntegrity('u', `sha256-${digests.sha256} ${other}`, digests, 8)).toMatchObject({ status: 'mismatch', algorithm: 'sha384', actual: digests.sha384 });
  });

  it('reports an attribute without usable hash, and computes a value for a file without one', async () => {
    const digests = await computeDigests(BODY);
    expect(compareWithIntegrity('u', 'sha1-abc', digests, 8).status).toBe('no-usable-hash');
    expect(compareWithIntegrity('u', 'sha384-abc', digests, 8).status).toBe('no-usable-hash');
    expect(compareWithIntegrity('u', null, digests, 8)).toMatchObject({ status: 'computed', suggested: `sha384-${digests.sha384}` });
    expect(fetchFailed('u', null, 'HTTP 404')).toMatchObject({ status: 'fetch-failed', error: 'HTTP 404' });
  });
});

describe('verificationTargets', () => {
  it('takes files with integrity first, then cross-origin files without, each once, http(s) only', () => {
    const { targets, skipped } = verificationTargets(
      pageWith([
        script('https://cdn.example.net/no-sri.js'),
        script('https://www.example.com/own.js'),
        script('https://cdn.example.net/sri.js', { integrity: 'sha384-x', crossorigin: 'anonymous' }),
        link('https://cdn.example.net/sri.js', { rel: 'preload', as: 'script', integrity: 'sha384-x' }),
        script('data:text/javascript,1', { integrity: 'sha384-x' }),
      ]),
    );
    expect(targets).toEqual([
      { url: 'https://cdn.example.net/sri.js', integrity: 'sha384-x' },
      { url: 'https://cdn.example.net/no-sri.js', integrity: null },
    ]);
    expect(skipped).toBe(0);
  });

  it('caps the number of files', () => {
    const tags = Array.from({ length: MAX_VERIFIED_FILES + 5 }, (_, index) => script(`https://cdn.example.net/${index}.js`));
    expect(verificationTargets(pageWith(tags))).toMatchObject({ skipped: 5 });
  });
});
