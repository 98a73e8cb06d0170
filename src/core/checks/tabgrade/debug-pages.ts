/**
 * Frameworks' development error pages in the served HTML (`debug-pages-data.ts`): Django
 * with DEBUG = True, Laravel's Ignition or Whoops, Rails' development page, an Express stack
 * trace, Symfony's debug page, the Werkzeug debugger. On a public host the page hands
 * outsiders source code, settings and sometimes a console; on a development host it is the
 * expected state, so it is only mentioned.
 *
 * Only the bytes the server sent are read (a DOM serialisation may have been changed by
 * scripts), and only the first 200 KB of them: every debug page prints its markers early.
 */
import type { PageCapture } from '../../capture';
import { isDevelopmentUrl } from '../../development-hosts';
import type { Finding, TabgradeCheck } from '../../findings';
import { DEBUG_PAGES } from './debug-pages-data';
import { clip, findingMaker } from './shared';

const make = findingMaker('debug-pages', 'application');

/** How much of the served HTML is scanned. */
export const SCANNED_CHARS = 200_000;

/** Longest excerpt of the page a finding keeps: page-controlled text, so short and tag-free. */
const EXCERPT_CHARS = 80;

function excerptOf(matched: string): string {
  const text = matched
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(text, EXCERPT_CHARS);
}

function judge(capture: PageCapture): Finding[] {
  const html = capture.html;
  if (html === null || html.source !== 'served') return [];
  const scanned = html.text.slice(0, SCANNED_CHARS);
  const url = capture.document?.url ?? capture.url;
  const publicHost = !isDevelopmentUrl(url);
  const findings: Finding[] = [];
  for (const entry of DEBUG_PAGES) {
    let matched: RegExpExecArray | null = null;
    for (const marker of entry.markers) {
      matched = marker.exec(scanned);
      if (matched !== null) break;
    }
    if (matched === null || (entry.requires !== undefined && !entry.requires.test(scanned))) continue;
    findings.push(
      make({
        id: entry.id,
        severity: publicHost ? 'high' : 'info',
        title: `The page is ${entry.page}`,
        detail: publicHost
          ? `${entry.exposes} A public site must never show it. ${entry.recommendation}`
          : `${entry.exposes} That is expected on a development host; make sure production runs with it off. ${entry.recommendation}`,
        subject: entry.framework,
        recommendation: entry.recommendation,
        learnMoreUrl: entry.source,
        data: { framework: entry.framework, publicHost, excerpt: excerptOf(matched[0]) },
      }),
    );
  }
  return findings;
}

export const debugPagesCheck: TabgradeCheck = {
  id: 'debug-pages',
  title: 'Framework debug error pages',
  group: 'application',
  needs: ['document', 'html'],
  possibleFindings: DEBUG_PAGES.map((entry) => entry.id),
  run: judge,
};
