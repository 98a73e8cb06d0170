import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

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
