/**
 * The report of each capture, built by core once and shared by the badge, the history and
 * every open popup or panel. Captures are replaced, never changed, so the capture object
 * is the cache key.
 */
import type { PageCapture } from '../core/capture';
import { buildReport, type Report } from '../core/report';

const reports = new WeakMap<PageCapture, Report>();

export function reportOf(capture: PageCapture): Report {
  let report = reports.get(capture);
  if (report === undefined) {
    report = buildReport(capture);
    reports.set(capture, report);
  }
  return report;
}
