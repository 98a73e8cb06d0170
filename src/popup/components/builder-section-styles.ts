/**
 * Styles of the CSP & SRI builder, rendered in a <style> element by BuilderSection (the
 * popup's stylesheet is shared; these rules use its colour variables).
 */
export const BUILDER_SECTION_CSS = `
.builder-block { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 8px; }
.builder-block:first-of-type { border-top: none; }
.builder-policy, .builder-block pre { white-space: pre-wrap; word-break: break-all; padding-right: 60px; }
.builder-list { margin: 4px 0; padding-left: 18px; }
.builder-list li { margin: 2px 0; word-break: break-word; }
.builder-url { word-break: break-all; }
.builder-table { font-size: 12px; }
.builder-source { word-break: break-all; min-width: 120px; }
.builder-good { color: var(--good); }
.builder-bad { color: var(--bad); }
.builder-learn { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.builder-variant-picker { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
`;
