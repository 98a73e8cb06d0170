import { useEffect, useState } from 'preact/hooks';
import { NOT_FOUND_PROBE_PATH } from '../../core/probe-plan';
import { withDebugProbe } from '../../core/settings';
import { loadSettings, saveSettings } from '../../shared/settings-store';

/**
 * The opt-in, per site, for the debug-page probe: one request to a page that does not exist,
 * under the same rules as the other extra requests (this origin only, no cookies, cached,
 * off with the "extra requests" switch), to see the framework's debug 404 page if DEBUG is on.
 */
export function DebugProbeToggle({ origin, onChange }: { origin: string; onChange: () => void }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [probes, setProbes] = useState(true);
  useEffect(() => {
    void loadSettings().then((settings) => {
      setEnabled(settings.debugProbeSites.includes(origin));
      setProbes(settings.probes);
    });
  }, [origin]);
  if (enabled === null) return null;
  const toggle = () => {
    void loadSettings().then(async (settings) => {
      await saveSettings(withDebugProbe(settings, origin, !enabled));
      setEnabled(!enabled);
      onChange();
    });
  };
  return (
    <label class="secrets" data-testid="debug-probe">
      <input type="checkbox" checked={enabled} disabled={!probes} onChange={toggle} data-testid="debug-probe-toggle" /> Also look for a debug error page on
      this site: one request to <code>{origin}{NOT_FOUND_PROBE_PATH}</code>, without cookies{probes ? '' : ' (extra requests are switched off in the options)'}.
    </label>
  );
}
