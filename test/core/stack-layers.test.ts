import { describe, expect, it } from 'vitest';
import { ALL_STACKS } from '../../src/core/checks/tabgrade/fixes';
import { buildReport } from '../../src/core/report';
import { reportFixes } from '../../src/core/report-view';
import { chosenLayers, detectedLayers, FIX_LAYERS, LAYER_OF_STACK, layerStacks, parseLayerChoice } from '../../src/core/stack-layers';
import { captureFrom } from '../helpers/fixtures';

describe('stack layers', () => {
  it('puts every stack Tabgrade writes fixes for in exactly one layer', () => {
    for (const stack of ALL_STACKS) expect(FIX_LAYERS).toContain(LAYER_OF_STACK[stack]);
  });

  it('takes the first detected stack of each layer', () => {
    expect(detectedLayers({ stacks: ['django', 'php', 'apache', 'nginx', 'netlify'] })).toEqual({ application: 'django', server: 'apache', host: 'netlify' });
    expect(layerStacks(detectedLayers({ stacks: ['nginx'] }))).toEqual(['nginx']);
  });

  it('applies corrections per layer', () => {
    const detected = detectedLayers({ stacks: ['rails', 'nginx'] });
    expect(chosenLayers(detected, { host: 'netlify', server: 'none' })).toEqual({ application: 'rails', server: null, host: 'netlify' });
  });

  it('reads back only valid stored choices', () => {
    expect(parseLayerChoice({ application: 'django', server: 'none', host: 'apache', extra: 'x' })).toEqual({ application: 'django', server: 'none' });
    expect(parseLayerChoice('django')).toEqual({});
    expect(parseLayerChoice(null)).toEqual({});
    expect(parseLayerChoice({ server: '__proto__' })).toEqual({});
  });
});

describe('a Django app behind Apache', () => {
  const capture = captureFrom({
    url: 'https://shop.example/',
    headers: [
      { name: 'Content-Type', value: 'text/html; charset=utf-8' },
      { name: 'Server', value: 'Apache/2.4.53 (Ubuntu)' },
      { name: 'Set-Cookie', value: 'csrftoken=abcdefgh; Path=/; SameSite=Lax' },
      { name: 'Set-Cookie', value: 'sessionid=ijklmnop; Path=/; HttpOnly; SameSite=Lax' },
    ],
  });
  const report = buildReport(capture, { now: 0 });

  it('detects both layers and shows the Django settings and the Apache lines at once', () => {
    expect(report.stack.layers).toMatchObject({ application: 'django', server: 'apache' });
    const server = reportFixes('server-version-disclosed', report.stack.stacks);
    expect(server.map((snippet) => snippet.stack)).toEqual(['apache']);
    expect(server.map((snippet) => snippet.code).join('\n')).toMatch(/ServerTokens Prod[\s\S]*ServerSignature Off/);
    const cookies = reportFixes('cookie-session-without-secure', report.stack.stacks);
    expect(cookies[0]?.stack).toBe('django');
    expect(cookies[0]?.code).toContain('SESSION_COOKIE_SECURE = True');
    const hsts = reportFixes('hsts-not-implemented', report.stack.stacks);
    expect(hsts.map((snippet) => snippet.stack)).toEqual(['django', 'apache']);
  });
});
