/**
 * Three well-known HSTS-preloaded sites, graded from HAR fixtures built from the headers
 * they document (scripts/make-preloaded-hars.mjs) with the bundled preload list: the
 * Observatory counts them as preloaded (HSTS +5, redirection "all redirects preloaded"),
 * whatever their own header says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliObservatoryContext } from '../../src/cli/hsts-preload';
import { importHar, parseHarText } from '../../src/core/har';
import { buildReport } from '../../src/core/report';

function report(host: string) {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/har/preloaded/${host}.har`, import.meta.url)), 'utf8');
  return buildReport(importHar(parseHarText(text)).capture, { now: 0, context: cliObservatoryContext() });
}

describe.each(['github.com', 'stripe.com', 'web.dev'])('%s', (host) => {
  const graded = report(host);

  it('is preloaded for HSTS and for redirection', () => {
    expect(graded.observatory.tests['strict-transport-security'].result).toBe('hsts-preloaded');
    expect(graded.observatory.tests['strict-transport-security'].scoreModifier).toBe(5);
    expect(graded.observatory.tests.redirection.result).toBe('redirection-all-redirects-preloaded');
  });

  it('states the list date once and no missing-list caveat', () => {
    const notes = [...graded.notes, ...Object.values(graded.observatory.tests).flatMap((test) => test.notes)].join('\n');
    expect(notes.match(/HSTS preload list of 2026-06-01/g)).toHaveLength(1);
    expect(notes).not.toMatch(/no HSTS preload list|preload status unknown/i);
  });
});

it('web.dev sends no HSTS header of its own, and still gets the preload credit (the .dev TLD is preloaded)', () => {
  const graded = report('web.dev');
  expect(graded.observatory.tests['strict-transport-security'].data.header ?? null).toBeNull();
  expect(graded.observatory.tests['strict-transport-security'].pass).toBe(true);
});
