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
  const url = capture.document?.url ?? capture.url;
  const publicHost = !isDevelopmentUrl(url);
  const findings: Finding[] = [];
  const html = capture.html;
  if (html !== null && html.source === 'served') findings.push(...judgeText(html.text, publicHost, 'page'));
  // The opt-in probe's answer for a page that does not exist (the site's 404 page).
  const notFound = capture.probes.notFound?.body;
  if (notFound !== undefined) {
    const seen = new Set(findings.map((finding) => finding.id));
    findings.push(...judgeText(notFound, publicHost, 'not-found-probe').filter((finding) => !seen.has(finding.id)));
  }
  return findings;
}

function judgeText(text: string, publicHost: boolean, seenOn: 'page' | 'not-found-probe'): Finding[] {
  const scanned = text.slice(0, SCANNED_CHARS);
  const findings: Finding[] = [];
  const where = seenOn === 'page' ? 'The page is' : 'A page that does not exist on this site shows';
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
        title: `${where} ${entry.page}`,
        detail: publicHost
          ? `${entry.exposes} A public site must never show it. ${entry.recommendation}`
          : `${entry.exposes} That is expected on a development host; make sure production runs with it off. ${entry.recommendation}`,
        subject: entry.framework,
        recommendation: entry.recommendation,
        learnMoreUrl: entry.source,
        data: { framework: entry.framework, publicHost, seenOn, excerpt: excerptOf(matched[0]) },
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
