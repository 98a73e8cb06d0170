/**
 * A drafted policy in the syntax of the user's stack, report-only first. Frameworks with
 * CSP support of their own get their settings (Django 6's SECURE_CSP_REPORT_ONLY and
 * django-csp 4, helmet 8, Rails' content_security_policy DSL), including their way of
 * making a per-response nonce; servers and the rest send the header through the generic
 * templates of the fix snippets (`fixes/templates.ts`), with the nonce placeholder left
 * for the application to fill.
 *
 * Names checked against each project's documentation (read 2026-11-26): Django "How to use
 * Django's Content Security Policy" (CSP enum, csp_nonce context processor); django-csp 4
 * (csp.constants, CONTENT_SECURITY_POLICY_REPORT_ONLY with "DIRECTIVES"); helmet 8
 * (contentSecurityPolicy useDefaults/reportOnly, nonce functions); Rails security guide
 * (content_security_policy, nonce generator and nonce directives, report_only).
 */
import type { Stack } from '../findings';
import { setHeaderSnippet } from '../checks/tabgrade/fixes/templates';
import type { SnippetSpec } from '../checks/tabgrade/fixes/types';
import { NONCE_PLACEHOLDER, NONCE_SOURCE, type DraftDirective, type DraftPolicy } from './draft';

export type PolicyMode = 'report-only' | 'enforce';

export function headerName(mode: PolicyMode): string {
  return mode === 'report-only' ? 'Content-Security-Policy-Report-Only' : 'Content-Security-Policy';
}

/** A value as a double-quoted literal valid in Python, JavaScript and Ruby (our values have no `#{`). */
function literal(value: string): string {
  return JSON.stringify(value);
}

const DJANGO_KEYWORDS: Readonly<Record<string, string>> = {
  "'self'": 'SELF',
  "'none'": 'NONE',
  "'strict-dynamic'": 'STRICT_DYNAMIC',
  "'unsafe-inline'": 'UNSAFE_INLINE',
  "'unsafe-eval'": 'UNSAFE_EVAL',
  "'unsafe-hashes'": 'UNSAFE_HASHES',
  [NONCE_SOURCE]: 'NONCE',
};

function djangoDirectives(directives: readonly DraftDirective[], prefix: string, indent: string): string {
  return directives
    .map((directive) => {
      const values = directive.sources.map((source) => {
        const keyword = DJANGO_KEYWORDS[source.expression];
        return keyword === undefined ? literal(source.expression) : `${prefix}${keyword}`;
      });
      return `${indent}${literal(directive.name)}: [${values.join(', ')}],`;
    })
    .join('\n');
}

function django(policy: DraftPolicy, mode: PolicyMode): SnippetSpec {
  const setting = mode === 'report-only' ? 'SECURE_CSP_REPORT_ONLY' : 'SECURE_CSP';
  const legacySetting = mode === 'report-only' ? 'CONTENT_SECURITY_POLICY_REPORT_ONLY' : 'CONTENT_SECURITY_POLICY';
  const used = new Set(policy.directives.flatMap((directive) => directive.sources.map((source) => DJANGO_KEYWORDS[source.expression])).filter((name): name is string => name !== undefined));
  const legacyImports = [...used].sort().join(', ');
  const legacy = djangoDirectives(policy.directives, '', '#         ');
  const nonceLines = policy.usesNonce
    ? `
# Add "django.template.context_processors.csp" to TEMPLATES[0]["OPTIONS"]["context_processors"], then
# in templates: <script nonce="{{ csp_nonce }}" src="…"></script>`
    : '';
  return {
    where: 'settings.py',
    language: 'python',
    code: `# Django 6.0+: built-in CSP
from django.utils.csp import CSP

MIDDLEWARE = [
    # ...
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]
${setting} = {
${djangoDirectives(policy.directives, 'CSP.', '    ')}
}${nonceLines}

# Django 4.2–5.2: pip install "django-csp>=4", add "csp.middleware.CSPMiddleware" to MIDDLEWARE, then:
# from csp.constants import ${legacyImports}
# ${legacySetting} = {
#     "DIRECTIVES": {
${legacy}
#     },
# }${policy.usesNonce ? '\n# (django-csp templates: <script nonce="{{ request.csp_nonce }}" …>)' : ''}`,
    docsUrl: 'https://docs.djangoproject.com/en/stable/howto/csp/',
  };
}

function express(policy: DraftPolicy, mode: PolicyMode): SnippetSpec {
  const lines = policy.directives.map((directive) => {
    const values = directive.sources.map((source) => (source.expression === NONCE_SOURCE ? '(req, res) => `\'nonce-${res.locals.cspNonce}\'`' : literal(source.expression)));
    return `      ${literal(directive.name)}: [${values.join(', ')}],`;
  });
  const nonce = policy.usesNonce
    ? `import crypto from "node:crypto";
`
    : '';
  const nonceMiddleware = policy.usesNonce
    ? `
// A fresh nonce for every response, used in the header and in the templates.
app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});`
    : '';
  return {
    where: 'your app setup, before the routes (npm install helmet)',
    language: 'javascript',
    code: `${nonce}import helmet from "helmet";
${nonceMiddleware}
app.use(
  helmet.contentSecurityPolicy({
    useDefaults: false,${mode === 'report-only' ? '\n    reportOnly: true,' : ''}
    directives: {
${lines.join('\n')}
    },
  }),
);${policy.usesNonce ? '\n// In templates: <script nonce="<%= cspNonce %>" src="…"></script>' : ''}`,
    note: 'If the app already calls helmet(), pass these options as its contentSecurityPolicy option instead, so only one policy is sent.',
    docsUrl: 'https://helmetjs.github.io/#content-security-policy',
  };
}

const RAILS_KEYWORDS: Readonly<Record<string, string>> = {
  "'self'": ':self',
  "'none'": ':none',
  "'strict-dynamic'": ':strict_dynamic',
  "'unsafe-inline'": ':unsafe_inline',
  "'unsafe-eval'": ':unsafe_eval',
  "'unsafe-hashes'": ':unsafe_hashes',
  'https:': ':https',
  'data:': ':data',
  'blob:': ':blob',
};

function rails(policy: DraftPolicy, mode: PolicyMode): SnippetSpec {
  const width = Math.max(...policy.directives.map((directive) => directive.name.length));
  const lines = policy.directives.map((directive) => {
    // Rails adds the nonce itself to the nonce directives when a generator is set.
    const values = directive.sources.filter((source) => source.expression !== NONCE_SOURCE).map((source) => RAILS_KEYWORDS[source.expression] ?? literal(source.expression));
    return `    policy.${directive.name.replace(/-/g, '_').padEnd(width)} ${values.join(', ')}`;
  });
  const nonce = policy.usesNonce
    ? `
  config.content_security_policy_nonce_generator = ->(request) { SecureRandom.base64(16) }
  config.content_security_policy_nonce_directives = %w[script-src]
  # In views: javascript_include_tag "…", nonce: true and javascript_tag nonce: true do … end`
    : '';
  return {
    where: 'config/initializers/content_security_policy.rb',
    language: 'ruby',
    code: `Rails.application.configure do
  config.content_security_policy do |policy|
${lines.join('\n')}
  end${nonce}${mode === 'report-only' ? '\n  config.content_security_policy_report_only = true' : ''}
end`,
    docsUrl: 'https://guides.rubyonrails.org/security.html#content-security-policy-header',
  };
}

function php(policy: DraftPolicy, mode: PolicyMode): SnippetSpec {
  const quoted = `'${policy.text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return {
    where: 'a file included before any output',
    language: 'php',
    code: `$cspNonce = base64_encode(random_bytes(16));
header('${headerName(mode)}: ' . str_replace('${NONCE_PLACEHOLDER}', $cspNonce, ${quoted}));
// In templates: <script nonce="<?= $cspNonce ?>" src="…"></script>`,
  };
}

/** Stacks that are server configuration only: they cannot make a fresh value per response. */
const STATIC_CONFIG: ReadonlySet<Stack> = new Set(['apache', 'nginx', 'caddy', 'iis', 'netlify']);

const NONCE_NOTE_STATIC = `This policy needs a fresh nonce in place of ${NONCE_PLACEHOLDER} for every response, and this configuration cannot make one: let the application that renders the pages send the header (with the same nonce on its <script> tags), or use the allow-list draft.`;
const NONCE_NOTE_APP = `Replace ${NONCE_PLACEHOLDER} with a fresh random value (16 bytes, base64) for every response, and put the same value in nonce="…" on each <script> the page writes.`;

/** The drafted `policy` for `stack`, sent as report-only or enforced. */
export function policySnippet(policy: DraftPolicy, stack: Stack, mode: PolicyMode): SnippetSpec {
  switch (stack) {
    case 'django':
      return django(policy, mode);
    case 'express':
      return express(policy, mode);
    case 'rails':
      return rails(policy, mode);
    case 'php':
      if (policy.usesNonce) return php(policy, mode);
      break;
    default:
      break;
  }
  const generic = setHeaderSnippet(stack, headerName(mode), policy.text);
  const spec: SnippetSpec = generic ?? { where: 'the response headers', language: 'text', code: `${headerName(mode)}: ${policy.text}` };
  if (!policy.usesNonce) return spec;
  const nonceNote = STATIC_CONFIG.has(stack) ? NONCE_NOTE_STATIC : NONCE_NOTE_APP;
  return { ...spec, note: spec.note === undefined ? nonceNote : `${nonceNote} ${spec.note}` };
}
