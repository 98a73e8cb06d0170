import { describe, expect, it } from 'vitest';
import { SCORING_1_6_3 } from '../../../../src/core/checks/observatory/scoring';
import { ALL_STACKS, FIX_TOPICS, FIX_TOPICS_BY_ID, fixesByStack, fixesFor, fixesForStacks } from '../../../../src/core/checks/tabgrade/fixes';
import { removeHeaderSnippet, setHeaderSnippet } from '../../../../src/core/checks/tabgrade/fixes/templates';
import { TABGRADE_CHECKS } from '../../../../src/core/tabgrade-findings';

const observatoryFailures = Object.values(SCORING_1_6_3.results).flatMap((results) =>
  Object.entries(results)
    .filter(([, entry]) => entry.modifier < 0)
    .map(([id]) => id),
);
const findingIds = [...new Set(TABGRADE_CHECKS.flatMap((check) => check.possibleFindings ?? []))];

describe('fix snippets', () => {
  it('cover every failing Observatory result, on every stack', () => {
    expect(observatoryFailures.length).toBeGreaterThan(30);
    for (const id of observatoryFailures) {
      for (const stack of ALL_STACKS) expect(fixesFor(id, stack).length, `${id} on ${stack}`).toBeGreaterThan(0);
    }
  });

  it('cover every finding a Tabgrade check can produce, on every stack', () => {
    expect(findingIds.length).toBeGreaterThan(60);
    for (const id of findingIds) {
      for (const stack of ALL_STACKS) expect(fixesFor(id, stack).length, `${id} on ${stack}`).toBeGreaterThan(0);
    }
  });

  it('point only at topics that exist', () => {
    for (const [id, topics] of Object.entries(FIX_TOPICS_BY_ID)) {
      for (const topic of topics) expect(FIX_TOPICS.has(topic), `${id} → ${topic}`).toBe(true);
    }
  });

  it('return nothing for ids they do not know, including prototype names', () => {
    expect(fixesFor('no-such-finding', 'nginx')).toEqual([]);
    expect(fixesFor('constructor', 'nginx')).toEqual([]);
    expect(fixesFor('__proto__', 'django')).toEqual([]);
  });

  it('give Django its real settings names', () => {
    const code = (id: string) => fixesFor(id, 'django').map((snippet) => snippet.code).join('\n');
    expect(code('hsts-not-implemented')).toMatch(/SECURE_HSTS_SECONDS = 31536000/);
    expect(code('redirection-missing')).toMatch(/SECURE_SSL_REDIRECT = True/);
    expect(code('cookies-session-without-secure-flag')).toMatch(/SESSION_COOKIE_SECURE = True/);
    expect(code('cookie-csrf-without-secure')).toMatch(/CSRF_COOKIE_SECURE = True/);
    expect(code('referrer-policy-not-implemented')).toMatch(/SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"/);
    expect(code('x-frame-options-not-implemented')).toMatch(/X_FRAME_OPTIONS = "DENY"/);
    expect(code('x-content-type-options-not-implemented')).toMatch(/SECURE_CONTENT_TYPE_NOSNIFF = True/);
    expect(code('coop-missing')).toMatch(/SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"/);
    // Django 6.0's built-in CSP, with django-csp 4 for older versions.
    expect(code('csp-not-implemented')).toMatch(/django\.middleware\.csp\.ContentSecurityPolicyMiddleware/);
    expect(code('csp-not-implemented')).toMatch(/SECURE_CSP = \{/);
    expect(code('csp-not-implemented')).toMatch(/"DIRECTIVES"/);
  });

  it('never tell a CSRF cookie to become HttpOnly', () => {
    for (const id of ['cookie-csrf-without-secure', 'cookie-csrf-without-samesite', 'cookies-anticsrf-without-samesite-flag']) {
      for (const stack of ALL_STACKS) {
        for (const snippet of fixesFor(id, stack)) {
          // No HttpOnly attribute, flag or setting — only Django's note that it stays False.
          expect(snippet.code, `${id} on ${stack}`).not.toMatch(/;\s*HttpOnly|\shttponly(?:\s|;|$)|httpOnlyCookies="true"|HttpOnly = true|httpOnly: true|'http_only' => true/i);
        }
      }
    }
  });

  it('write the server syntaxes the issue asks for', () => {
    const code = (id: string, stack: Parameters<typeof fixesFor>[1]) => fixesFor(id, stack).map((snippet) => snippet.code).join('\n');
    expect(code('hsts-not-implemented', 'apache')).toBe('Header always set Strict-Transport-Security "max-age=31536000; includeSubDomains"');
    expect(code('hsts-not-implemented', 'nginx')).toBe('add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;');
    expect(code('redirection-missing', 'nginx')).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(code('redirection-missing', 'apache')).toMatch(/RewriteRule \^ https:\/\/%\{SERVER_NAME\}%\{REQUEST_URI\} \[END,NE,R=301\]/);
    expect(code('server-version-disclosed', 'apache')).toBe('ServerTokens Prod\nServerSignature Off');
    expect(code('server-version-disclosed', 'nginx')).toBe('server_tokens off;');
    expect(code('csp-not-implemented', 'express')).toMatch(/helmet\(\{/);
    expect(code('x-content-type-options-not-implemented', 'netlify')).toBe('/*\n  X-Content-Type-Options: nosniff');
    expect(code('corp-not-implemented', 'caddy')).toBe('header Cross-Origin-Resource-Policy "same-origin"');
    expect(code('x-powered-by-disclosed', 'php')).toBe('expose_php = Off');
    expect(code('x-powered-by-disclosed', 'express')).toMatch(/app\.disable\("x-powered-by"\)/);
  });

  it('give Laravel snippets their one-time middleware setup', () => {
    const [snippet] = fixesFor('hsts-not-implemented', 'laravel');
    expect(snippet?.code).toBe("$response->headers->set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');");
    expect(snippet?.setup?.code).toMatch(/class SecurityHeaders/);
  });

  it('send Rails Permissions-Policy through default_headers, not config.permissions_policy', () => {
    expect(fixesFor('permissions-policy-missing', 'rails')[0]?.code).toMatch(/default_headers\.merge!/);
    expect(fixesFor('feature-policy-superseded', 'rails').map((snippet) => snippet.topic)).toEqual(['remove-feature-policy', 'permissions-policy']);
  });

  it('fall back to stack-independent advice where a stack has no way of its own', () => {
    const [snippet] = fixesFor('server-version-disclosed', 'django');
    expect(snippet).toMatchObject({ stack: 'any', topic: 'server-tokens' });
    expect(fixesFor('sri-not-implemented-but-external-scripts-loaded-securely', 'nginx')).toMatchObject([{ stack: 'any', language: 'html' }]);
  });

  it('pick the first detected stack that has its own snippet', () => {
    expect(fixesForStacks('server-version-disclosed', ['django', 'nginx'])[0]).toMatchObject({ stack: 'nginx' });
    expect(fixesForStacks('server-version-disclosed', ['django'])[0]).toMatchObject({ stack: 'any' });
    expect(fixesForStacks('server-version-disclosed', [])).toEqual([]);
  });

  it('collect each stack’s own code for Finding.fixes', () => {
    const byStack = fixesByStack('hsts-not-implemented');
    expect(Object.keys(byStack).sort()).toEqual([...ALL_STACKS].sort());
    expect(fixesByStack('server-version-disclosed').django).toBeUndefined();
  });

  describe('header templates', () => {
    it('quote values containing double quotes correctly for each syntax', () => {
      const value = '"cache", "cookies"';
      expect(setHeaderSnippet('apache', 'Clear-Site-Data', value)?.code).toBe(`Header always set Clear-Site-Data '"cache", "cookies"'`);
      expect(setHeaderSnippet('nginx', 'Clear-Site-Data', value)?.code).toBe(`add_header Clear-Site-Data '"cache", "cookies"' always;`);
      expect(setHeaderSnippet('caddy', 'Clear-Site-Data', value)?.code).toBe('header Clear-Site-Data `"cache", "cookies"`');
      expect(setHeaderSnippet('iis', 'Clear-Site-Data', value)?.code).toContain('value="&quot;cache&quot;, &quot;cookies&quot;"');
      expect(setHeaderSnippet('express', 'Clear-Site-Data', value)?.code).toContain('"\\"cache\\", \\"cookies\\""');
      expect(setHeaderSnippet('php', 'Clear-Site-Data', value)?.code).toBe(`header('Clear-Site-Data: "cache", "cookies"');`);
      expect(setHeaderSnippet('laravel', 'X', "it's")?.code).toBe("$response->headers->set('X', 'it\\'s');");
    });

    it('remove headers from both of Apache’s header tables', () => {
      expect(removeHeaderSnippet('apache', 'X-Powered-By')?.code).toBe('Header always unset X-Powered-By\nHeader unset X-Powered-By');
      expect(removeHeaderSnippet('express', 'X-Powered-By')).toBeNull();
    });
  });
});
