/** One colour per grade band, shared by the toolbar badge and the popup (white text on each meets WCAG AA). */
export const GRADE_BAND_COLORS: Record<'A' | 'B' | 'C' | 'D' | 'F', string> = {
  A: '#116329',
  B: '#3b6e00',
  C: '#7d4e00',
  D: '#a8420a',
  F: '#a40e26',
};

export const NEUTRAL_BADGE_COLOR = '#57606a';

export function gradeBandColor(grade: string): string {
  const band = grade.charAt(0) as keyof typeof GRADE_BAND_COLORS;
  return GRADE_BAND_COLORS[band] ?? NEUTRAL_BADGE_COLOR;
}
