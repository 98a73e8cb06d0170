/**
 * The CSP builder's input for the view: this page's observations (core's `observePage`),
 * merged with the site's learned ones when "learn this site" is on (the shared store).
 * Hashing is async, so the result arrives a moment after the capture; a newer capture
 * cancels an older computation, and storage is written at most once per quiet moment.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { originOf } from '../core/page-tags';
import type { PageCapture } from '../core/capture';
import { observePage, type SiteObservations } from '../core/csp-builder';
import { forgetLearned, learnPage, readLearnedSite, setLearning } from '../shared/csp-learning-store';

/** Captures change with every request; wait this long for them to settle before learning. */
const SETTLE_MS = 300;

export interface SiteObservationsState {
  /** `reading` until the first result; `none` for pages with nothing to draft (not HTML). */
  status: 'reading' | 'ready' | 'none';
  /** What the draft is built from; null unless `ready`. */
  observations: SiteObservations | null;
  /** Whether "learn this site" is on for this page's origin. */
  learning: boolean;
  setLearning(enabled: boolean): void;
  forget(): void;
}

export function useSiteObservations(capture: PageCapture): SiteObservationsState {
  const origin = originOf(capture.url);
  const [learning, setLearningState] = useState(false);
  const [result, setResult] = useState<{ status: SiteObservationsState['status']; observations: SiteObservations | null }>({ status: 'reading', observations: null });
  // Bumped to recompute after the user changes the learning state.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let cancelled = false;
    if (origin === null) return undefined;
    void readLearnedSite(origin).then((site) => {
      if (!cancelled) setLearningState(site.enabled);
    });
    return () => {
      cancelled = true;
    };
  }, [origin, generation]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void observePage(capture)
        .then((page) => (page === null ? null : learnPage(page)))
        .then((observations) => {
          if (!cancelled) setResult({ status: observations === null ? 'none' : 'ready', observations });
        })
        .catch(() => {
          if (!cancelled) setResult({ status: 'none', observations: null });
        });
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [capture, generation]);

  const changeLearning = useCallback(
    (enabled: boolean) => {
      if (origin === null) return;
      void setLearning(origin, enabled).then(() => setGeneration((value) => value + 1));
    },
    [origin],
  );
  const forget = useCallback(() => {
    if (origin === null) return;
    void forgetLearned(origin).then(() => setGeneration((value) => value + 1));
  }, [origin]);

  return { ...result, learning, setLearning: changeLearning, forget };
}
