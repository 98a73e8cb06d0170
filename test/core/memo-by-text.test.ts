import { describe, expect, it } from 'vitest';
import { memoByText } from '../../src/core/memo-by-text';

describe('memoByText', () => {
  it('computes each text once, and starts over when the limit is reached', () => {
    const calls: string[] = [];
    const upper = memoByText(2, (text) => {
      calls.push(text);
      return { text: text.toUpperCase() };
    });
    const first = upper('a');
    expect(upper('a')).toBe(first);
    upper('b');
    expect(calls).toEqual(['a', 'b']);
    upper('c'); // the third text: what was kept is forgotten
    expect(upper('a')).not.toBe(first);
    expect(upper('a')).toEqual({ text: 'A' });
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
