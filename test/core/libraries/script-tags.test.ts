import { describe, expect, it } from 'vitest';
import { hasRelToken, isExecutableScriptType } from '../../../src/core/libraries/script-tags';

describe('hasRelToken', () => {
  it('finds a token alone, among others, and in any case', () => {
    expect(hasRelToken('stylesheet', 'stylesheet')).toBe(true);
    expect(hasRelToken('alternate stylesheet', 'stylesheet')).toBe(true);
    expect(hasRelToken('Preload', 'preload')).toBe(true);
    expect(hasRelToken(' modulepreload\tprefetch ', 'modulepreload')).toBe(true);
  });

  it('does not take a longer token, or a part of one, for the token', () => {
    expect(hasRelToken('modulepreload', 'preload')).toBe(false);
    expect(hasRelToken('stylesheets', 'stylesheet')).toBe(false);
    expect(hasRelToken('', 'preload')).toBe(false);
    expect(hasRelToken(null, 'preload')).toBe(false);
  });
});

describe('isExecutableScriptType', () => {
  it('runs JavaScript types and modules, not data blocks', () => {
    expect(isExecutableScriptType(null)).toBe(true);
    expect(isExecutableScriptType('Module')).toBe(true);
    expect(isExecutableScriptType('text/javascript; charset=utf-8')).toBe(true);
    expect(isExecutableScriptType('text/plain')).toBe(false);
    expect(isExecutableScriptType('importmap')).toBe(false);
  });
});
