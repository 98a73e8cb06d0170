import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

describe('parseSettings', () => {
  it('falls back to the defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ badge: false, history: 'no', probes: 0 })).toEqual({ ...DEFAULT_SETTINGS, badge: false });
  });
});
