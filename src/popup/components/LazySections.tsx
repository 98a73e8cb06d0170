/**
 * The details' heaviest sections — page inspection (libraries and their vulnerability data,
 * SRI), the CSP builder and the exports — load after the rest of the details are on screen:
 * between them they need the public-suffix list, the library data and the CSP evaluator,
 * most of the popup's code. Each shows one quiet line until its code is there (measured on
 * this machine: tens of milliseconds after the details).
 */
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { DETAILS_COMPLETE_MARK, usePaintMark } from '../paint-marks';

type HeavySections = typeof import('./heavy-sections');
let loading: Promise<HeavySections> | null = null;
const loadHeavySections = (): Promise<HeavySections> => (loading ??= import('./heavy-sections'));

function useHeavySections(): HeavySections | null {
  const [sections, setSections] = useState<HeavySections | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadHeavySections().then((loaded) => {
      if (!cancelled) setSections(loaded);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return sections;
}

/** `render` with the loaded sections, or a placeholder line named `label` until then. */
export function LazySection({ label, render }: { label: string; render: (sections: HeavySections) => JSX.Element }) {
  const sections = useHeavySections();
  usePaintMark(DETAILS_COMPLETE_MARK, sections !== null);
  if (sections === null) return <p class="muted loading-details">Loading {label}…</p>;
  return render(sections);
}
