/** Layer detection from real-looking responses, and the fix each layer gets. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/core/report';
import { reportFixes } from '../../src/core/report-view';
import { captureFrom, captureFromFixtures } from '../helpers/fixtures';

const report = (headers: Array<[string, string]>) =>
  buildReport(captureFrom({ url: 'https://app.example.com/', headers: headers.map(([name, value]) => ({ name, value })) }), { now: 0 });

describe('layers detected from the response', () => {
  it('nginx in front of Rails: the Rails settings for cookies, nginx for the Server header', () => {
    const rails = report([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Server', 'nginx/1.24.0'],
      ['X-Runtime', '0.012345'],
      ['Set-Cookie', '_shop_session=abc123def456; path=/; HttpOnly; SameSite=Lax'],
    ]);
    expect(rails.stack.layers).toMatchObject({ application: 'rails', server: 'nginx' });
    expect(reportFixes('server-version-disclosed', rails.stack.stacks).map((snippet) => snippet.stack)).toEqual(['nginx']);
    expect(reportFixes('hsts-not-implemented', rails.stack.stacks)[0]?.stack).toBe('rails');
  });

  it('Express behind a CDN: the application layer is Express', () => {
    const express = report([
      ['Content-Type', 'text/html; charset=utf-8'],
      ['X-Powered-By', 'Express'],
      ['Server', 'cloudflare'],
      ['CF-RAY', '8a1b2c3d4e5f6a7b-AMS'],
    ]);
    expect(express.stack.layers.application).toBe('express');
    expect(reportFixes('hsts-not-implemented', express.stack.stacks)[0]?.stack).toBe('express');
  });

  it('a static host: the _headers file carries the fixes', () => {
    const netlify = buildReport(captureFromFixtures('tabgrade/stack-netlify'), { now: 0 });
    expect(netlify.stack.layers.host).toBe('netlify');
    expect(reportFixes('hsts-not-implemented', netlify.stack.stacks).map((snippet) => snippet.stack)).toContain('netlify');
  });
});
