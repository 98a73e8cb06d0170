import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, withDebugProbe } from '../../src/core/settings';
import { ALGORITHMS, CURRENT_ALGORITHM, CURRENT_SCORING, SCORING_TABLES } from '../../src/core/checks/observatory/scoring';

describe('parseSettings', () => {
  it('falls back to the defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ badge: false, history: 'no', probes: 0 })).toEqual({ ...DEFAULT_SETTINGS, badge: false });
  });
});

describe('badgeGrade', () => {
  it('defaults to the Tabgrade grade and accepts only the two known choices', () => {
    expect(DEFAULT_SETTINGS.badgeGrade).toBe('tabgrade');
    expect(parseSettings({ badgeGrade: 'observatory' }).badgeGrade).toBe('observatory');
    expect(parseSettings({ badgeGrade: 'tabgrade' }).badgeGrade).toBe('tabgrade');
    expect(parseSettings({ badgeGrade: 'A+' }).badgeGrade).toBe('tabgrade');
    expect(parseSettings({ badgeGrade: 1 }).badgeGrade).toBe('tabgrade');
  });
});

describe('algorithm', () => {
  it('defaults to the newest Observatory rules and keeps a valid choice', () => {
    expect(DEFAULT_SETTINGS.algorithm).toBe('1.7.0');
    expect(parseSettings({ algorithm: '1.6.3' }).algorithm).toBe('1.6.3');
    expect(parseSettings({ algorithm: '1.7.0' }).algorithm).toBe('1.7.0');
  });

  it('falls back to the default for anything else, field by field', () => {
    expect(parseSettings({ algorithm: '6' }).algorithm).toBe('1.7.0');
    expect(parseSettings({ algorithm: 163, badge: false })).toMatchObject({ algorithm: '1.7.0', badge: false });
  });

  it('names only algorithms that have a scoring table', () => {
    for (const algorithm of ALGORITHMS) expect(SCORING_TABLES[algorithm]?.algorithm).toBe(algorithm);
    expect(CURRENT_SCORING.algorithm).toBe(CURRENT_ALGORITHM);
  });
});

describe('debugProbeSites', () => {
  it('keeps only http(s) origins, once each, and toggles one site', () => {
    expect(parseSettings({ debugProbeSites: ['https://shop.example', 'https://shop.example', 'javascript:alert(1)', 'https://a.example/path', 5] }).debugProbeSites).toEqual(['https://shop.example']);
    const on = withDebugProbe(DEFAULT_SETTINGS, 'http://localhost:8000', true);
    expect(on.debugProbeSites).toEqual(['http://localhost:8000']);
    expect(withDebugProbe(on, 'http://localhost:8000', false).debugProbeSites).toEqual([]);
    expect(withDebugProbe(DEFAULT_SETTINGS, 'not an origin', true).debugProbeSites).toEqual([]);
  });
});
