/** Shapes of the reload diff (see `../reload-diff.ts`). */

/** `better` and `worse` are about security, as far as the change alone tells. */
export type ChangeDirection = 'better' | 'worse' | 'neutral';

export interface ReloadChange {
  /** What changed: the status, one header, or one finding. */
  topic: 'status' | 'header' | 'finding';
  /** The header name (lower-case) or finding id. */
  subject: string;
  /** One line for people: "HSTS max-age 300 → 31536000". Quotes page-controlled text: render as text. */
  text: string;
  direction: ChangeDirection;
  /** Headers Tabgrade has no rule for, and rewrites that change nothing: views fold them. */
  minor: boolean;
}
