import { describe, expect, it } from 'vitest';
import { comparedTokens, parseIntegrity } from '../../../../src/core/checks/tabgrade/sri-integrity-metadata';

// Real SHA-256 and SHA-384 digests of the bytes "alert(1)"; the sha512 one is only well-formed.
const SHA256 = 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=';
const SHA384 = 'sha384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW';
const SHA512 = `sha512-${'A'.repeat(86)}==`;

describe('parseIntegrity', () => {
  it('checks a well-formed sha384', () => {
    expect(parseIntegrity(SHA384)).toMatchObject({ strongest: 'sha384', effect: 'checked' });
  });

  it('accepts base64url, missing padding, options and surrounding whitespace', () => {
    const metadata = parseIntegrity(`  sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF-pI?foo=bar \n`);
    expect(metadata).toMatchObject({ strongest: 'sha256', effect: 'checked' });
    expect(metadata.tokens[0]?.digest).toBe('bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI');
  });

  it.each([
    ['sha1-abc', 'unknown-algorithm'],
    ['md5-Q2hlY2sgSW50ZWdyaXR5IQ==', 'unknown-algorithm'],
    ['SHA384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW', 'unknown-algorithm'],
    ['sha384HRkc', 'unknown-algorithm'],
    ['sha384-', 'unknown-algorithm'],
    ['sha384-not*base64!', 'not-base64'],
    ['sha384-abc', 'wrong-length'],
    [`sha256-${'A'.repeat(64)}`, 'wrong-length'],
    ['sha-384-HT2E9NfWiuQ/w1PRai+hTyqW16NIoCGA/m8VQDUopfAtcz6YQjtsMmQd5uRbVDpW', 'non-standard-prefix'],
  ])('%s → %s', (value, problem) => {
    expect(parseIntegrity(value).tokens[0]?.problem).toBe(problem);
  });

  it('an attribute with no usable token loads unchecked', () => {
    expect(parseIntegrity('sha1-abc md5-def').effect).toBe('unchecked');
    expect(parseIntegrity('').effect).toBe('unchecked');
    expect(parseIntegrity('sha384-%%%').effect).toBe('unchecked');
  });

  it('a wrong-length strongest hash blocks the file even beside a good weaker one', () => {
    const metadata = parseIntegrity(`${SHA256} sha512-abc`);
    expect(metadata).toMatchObject({ strongest: 'sha512', effect: 'always-fails' });
  });

  it('compares only the strongest algorithm’s well-formed tokens', () => {
    const metadata = parseIntegrity(`${SHA256} ${SHA384} sha384-abc ${SHA512.replace('sha512', 'sha1')}`);
    expect(metadata.strongest).toBe('sha384');
    expect(comparedTokens(metadata).map((token) => token.text)).toEqual([SHA384]);
    expect(parseIntegrity(`${SHA256} ${SHA512}`).strongest).toBe('sha512');
  });
});
