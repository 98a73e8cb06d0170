/**
 * Putting untrusted strings into GitHub-flavoured Markdown so they render as the same
 * text and nothing else: no link, image, HTML, emphasis, list or heading can come out of
 * a URL or header value. Rules from CommonMark 0.31 (backslash escapes §2.4, code spans
 * §6.1) and GFM's extended autolinks (§6.9).
 */
import { clip, singleLine } from './sanitize';

/**
 * Characters that start inline markup anywhere in a line: emphasis (`*`, `_`), code (`` ` ``),
 * links and images (`[`, `]`, `!`), HTML and autolinks (`<`, `>`), entities (`&`),
 * strikethrough (`~`), tables (`|`), math (`$`), mentions and e-mail autolinks (`@`),
 * and the backslash itself.
 */
const INLINE_SPECIALS = /[\\`*_[\]!<>&~|$@]/g;

/** Markers that start a block when they open a line: heading, list, quote, setext underline. */
const BLOCK_START = /^([#+\-=>]|\d{1,9}(?=[.)]))/;

export interface EscapeOptions {
  /** True when the text opens a line or list item, where `#`, `-`, `1.` … would start a block. */
  startsLine?: boolean;
  /** Longer values are cut to this many characters. */
  max?: number;
}

/** Text for a Markdown paragraph or list item, shown literally, on one line. */
export function escapeMarkdownText(text: string, options: EscapeOptions = {}): string {
  const escaped = clip(singleLine(text), options.max ?? 2000)
    .replace(INLINE_SPECIALS, '\\$&')
    // GFM turns `scheme://…` and `www.…` into links even without brackets.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
  if (!options.startsLine) return escaped;
  // Leading spaces would make an indented code block; an ordered-list number is escaped
  // at its `.` or `)`, other markers directly.
  return escaped
    .trimStart()
    .replace(BLOCK_START, (marker: string) => (/^\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
}

/**
 * A code span showing `text` verbatim (nothing inside a code span is markup). The fence
 * is one backtick longer than any run inside, and padded when the text starts or ends
 * with a backtick or space (CommonMark §6.1 strips one space from each side).
 */
export function markdownCode(text: string, max = 500): string {
  const value = clip(singleLine(text), max);
  const longestRun = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value === '' || /^[` ]|[` ]$/.test(value) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * A fenced code block for multi-line text (such as JSON). The fence is longer than any
 * backtick run in the text, so the text cannot close it.
 */
export function markdownCodeBlock(text: string, language = ''): string {
  const longestRun = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * A link to an https URL, or the URL as code when it is anything else (a `javascript:`
 * URL must never become clickable). Parentheses and spaces are percent-encoded so the
 * destination cannot end early.
 */
export function markdownLink(label: string, url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return markdownCode(url);
  }
  if (parsed.protocol !== 'https:') return markdownCode(url);
  const destination = parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdownText(label)}](${destination})`;
}
