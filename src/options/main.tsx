import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Algorithm } from '../core/checks/observatory/algorithms';
import { DEFAULT_SETTINGS, type BadgeGrade, type SettingSwitch, type Settings } from '../core/settings';
import { clearLearnedSites } from '../shared/csp-learning-store';
import { clearHistory, countHistory } from '../shared/history-store';
import { clearStackChoices } from '../shared/stack-choice-store';
import { loadSettings, saveSettings } from '../shared/settings-store';
import { DnsSection } from './dns-section';

const SWITCHES: Array<{ key: SettingSwitch; label: string; help: string }> = [
  { key: 'badge', label: 'Show the grade on the toolbar icon', help: 'The active tab’s grade letter, coloured by grade.' },
  {
    key: 'history',
    label: 'Remember audits per site',
    help: 'Keeps the last 50 audits of each site on this computer, so the popup can show how a grade changed. Never in private windows.',
  },
  {
    key: 'probes',
    label: 'Make the checks’ extra requests',
    help: 'To grade like the Observatory, Tabgrade asks the audited site itself for http:// (redirection test) and a CORS preflight — without cookies, and only to that site. Off: those tests show their likely result.',
  },
];

const BADGE_CHOICES: Array<{ value: BadgeGrade; label: string; help: string }> = [
  {
    value: 'tabgrade',
    label: 'The Tabgrade grade',
    help: 'the Observatory-compatible grade, capped by what Tabgrade finds beyond it (vulnerable libraries, scripts and stylesheets without integrity …).',
  },
  { value: 'observatory', label: 'The Observatory-compatible grade', help: 'the MDN HTTP Observatory’s rules alone, as its site would grade the page.' },
];

const ALGORITHM_CHOICES: Array<{ value: Algorithm; label: string; help: string }> = [
  {
    value: '1.7.0',
    label: 'Observatory 1.7.0 (algorithm 6, 12 tests)',
    help: 'what the MDN website grades with today: it also scores Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy.',
  },
  { value: '1.6.3', label: 'Observatory 1.6.3 (10 tests)', help: 'the previous release, for comparing with older scans and reports.' },
];

function Options() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [history, setHistory] = useState<{ origins: number; entries: number } | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void loadSettings().then(setSettings);
    void countHistory().then(setHistory);
  }, []);

  const save = (next: Settings) => {
    setSettings(next);
    void saveSettings(next).then(() => setStatus('Saved.'));
  };
  const toggle = (key: SettingSwitch) => save({ ...settings, [key]: !settings[key] });
  const chooseBadgeGrade = (badgeGrade: BadgeGrade) => save({ ...settings, badgeGrade });
  const chooseAlgorithm = (algorithm: Algorithm) => save({ ...settings, algorithm });

  const clear = () => {
    void Promise.all([clearHistory(), clearLearnedSites(), clearStackChoices()]).then(async () => {
      setHistory(await countHistory());
      setStatus('History and learned sites cleared.');
    });
  };

  return (
    <main class="tabgrade options">
      <h1>Tabgrade options</h1>
      <section class="panel">
        {SWITCHES.map((item) => (
          <div class="switch" key={item.key}>
            <label>
              <input type="checkbox" checked={settings[item.key]} onChange={() => toggle(item.key)} data-testid={`setting-${item.key}`} />{' '}
              {item.label}
            </label>
            <p class="muted">{item.help}</p>
          </div>
        ))}
        <fieldset class="switch" disabled={!settings.badge}>
          <legend>Which grade the toolbar icon shows</legend>
          {BADGE_CHOICES.map((choice) => (
            <label key={choice.value} class="choice">
              <input
                type="radio"
                name="badge-grade"
                value={choice.value}
                checked={settings.badgeGrade === choice.value}
                onChange={() => chooseBadgeGrade(choice.value)}
                data-testid={`setting-badge-grade-${choice.value}`}
              />{' '}
              {choice.label}
              <span class="muted"> — {choice.help}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="switch">
          <legend>Which Observatory rules grade pages</legend>
          {ALGORITHM_CHOICES.map((choice) => (
            <label key={choice.value} class="choice">
              <input
                type="radio"
                name="algorithm"
                value={choice.value}
                checked={settings.algorithm === choice.value}
                onChange={() => chooseAlgorithm(choice.value)}
                data-testid={`setting-algorithm-${choice.value}`}
              />{' '}
              {choice.label}
              <span class="muted"> — {choice.help}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <DnsSection dns={settings.dns} onChange={(dns) => save({ ...settings, dns })} />
      <section class="panel">
        <h2>History</h2>
        <p data-testid="history-count">
          {history === null ? '…' : `${history.entries} audits of ${history.origins} sites are stored on this computer.`}
        </p>
        <button type="button" onClick={clear} data-testid="clear-history">
          Clear history and learned sites
        </button>
        <p class="muted">Also forgets what the CSP builder learned in “learn this site” mode, and the stacks you picked per site.</p>
      </section>
      <p role="status" class="muted">{status}</p>
      <p class="muted">Tabgrade sends nothing anywhere: every audit happens in your browser (unless you turn on the DNS lookups above).</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root !== null) render(<Options />, root);
