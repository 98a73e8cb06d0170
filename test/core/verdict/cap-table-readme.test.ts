/** The README's cap table is the cap table: every rule, its letter, nothing else. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { CAP_RULES } from '../../../src/core/verdict/cap-table';

const README = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');

it('lists every cap rule with its letter', () => {
  const rows = [...README.matchAll(/^\| (F|[A-D][+-]?) \| `([a-z-]+)` \| /gm)].map((match) => [match[2], match[1]]);
  expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(CAP_RULES.map((rule) => [rule.id, rule.cap])));
  expect(rows).toHaveLength(CAP_RULES.length);
});
