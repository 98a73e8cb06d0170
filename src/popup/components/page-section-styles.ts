/**
 * Styles of the Page section, rendered in a <style> element by PageSection (the popup's
 * stylesheet is linked from index.html; these rules use its colour variables).
 */
export const PAGE_SECTION_CSS = `
.page-section h3 { font-size: 13px; margin: 10px 0 4px; }
.page-table { width: 100%; border-collapse: collapse; font-size: 12px; }
.page-table th, .page-table td { text-align: left; vertical-align: top; padding: 3px 4px; border-top: 1px solid var(--line); }
.page-table thead th { border-top: none; color: var(--muted); font-weight: 600; }
.page-table .problems { color: var(--bad); font-family: system-ui, sans-serif; margin-top: 2px; }
.page-table .source { word-break: break-all; }
.sri-protected, .sri-same-origin { color: var(--good); }
.sri-missing, .sri-malformed, .sri-blocked, .page-bad { color: var(--bad); }
.cve a { color: var(--accent); }
`;
