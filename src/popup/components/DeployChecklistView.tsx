import type { ChecklistStatus, DeployChecklist } from '../../core/deploy-checklist';

const WORDS: Readonly<Record<ChecklistStatus, string>> = {
  confirmed: 'confirmed from outside',
  fine: 'looks fine from outside',
  unseen: 'cannot be seen from outside',
};

/** The framework's deploy checklist (Django's `check --deploy`), each warning judged from the page. */
export function DeployChecklistView({ checklist }: { checklist: DeployChecklist }) {
  const confirmed = checklist.items.filter((item) => item.status === 'confirmed').length;
  return (
    <section class="panel" aria-label="Deploy checklist" data-testid="deploy-checklist">
      <h2>
        Deploy checklist <span class="count">{confirmed}</span>
      </h2>
      <p class="muted">
        {checklist.framework === 'django' ? (
          <>
            What <code>{checklist.command}</code> would warn about, as far as this page shows it.
          </>
        ) : (
          <>
            The production settings to check (<code>{checklist.command}</code>), as far as this page shows them.
          </>
        )}
      </p>
      <ul class="checklist">
        {checklist.items.map((item) => (
          <li key={item.id} data-testid="checklist-item" data-id={item.id} data-status={item.status} class={`checklist-${item.status}`}>
            <strong>{item.id}</strong> <code>{item.setting}</code> — {WORDS[item.status]}
            <div class="muted">{item.evidence}</div>
            {item.status === 'confirmed' && <pre tabIndex={0}><code>{item.fix}</code></pre>}
          </li>
        ))}
      </ul>
    </section>
  );
}
