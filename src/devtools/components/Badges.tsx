import type { ResponseBadge } from '../../core/response-checks';

/** A row's header badges. Labels and titles may quote the server's values: they stay text. */
export function Badges({ badges }: { badges: readonly ResponseBadge[] }) {
  return (
    <span class="rbadges" data-testid="row-badges">
      {badges.map((badge) => (
        <span key={badge.id} class={`rbadge rbadge-${badge.state}`} title={badge.title} data-testid="row-badge" data-badge={badge.id} data-state={badge.state}>
          {badge.label}
        </span>
      ))}
    </span>
  );
}
