/**
 * Fix topics for response headers: CSP, framing, nosniff, Referrer-Policy, the
 * cross-origin trio (CORP, COOP, COEP), Permissions-Policy and friends.
 *
 * Framework names checked against their documentation (read 2026-11-26):
 * - Django: SECURE_CONTENT_TYPE_NOSNIFF (default True since 3.0), X_FRAME_OPTIONS (default
 *   "DENY" since 3.0, XFrameOptionsMiddleware), SECURE_REFERRER_POLICY (3.0+, default
 *   "same-origin" since 3.1), SECURE_CROSS_ORIGIN_OPENER_POLICY (4.0+, default
 *   "same-origin"); CSP built in since Django 6.0 (django.middleware.csp, SECURE_CSP,
 *   django.utils.csp.CSP); django-csp 4.x for older versions (CONTENT_SECURITY_POLICY with
 *   "DIRECTIVES"); django-permissions-policy (PERMISSIONS_POLICY); django-cors-headers.
 * - Rails: config.content_security_policy; action_dispatch.default_headers (Rails 7 sends
 *   X-Frame-Options SAMEORIGIN, X-XSS-Protection 0, X-Content-Type-Options nosniff,
 *   X-Permitted-Cross-Domain-Policies none, Referrer-Policy strict-origin-when-cross-origin);
 *   config.permissions_policy still emits Feature-Policy (rails/rails#48878).
 * - helmet 8: option names contentSecurityPolicy, referrerPolicy, crossOriginEmbedderPolicy …;
 *   helmet() alone sends CSP, COOP, CORP, Origin-Agent-Cluster, Referrer-Policy (no-referrer),
 *   HSTS, nosniff, X-Frame-Options, X-Permitted-Cross-Domain-Policies and X-XSS-Protection: 0.
 */
import { RECOMMENDED_PERMISSIONS_POLICY } from '../permissions-policy-features';
import type { FixTopic } from './types';

export const RECOMMENDED_CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'";

const CSP_ROLLOUT =
  "Try it first as Content-Security-Policy-Report-Only and watch the browser console. 'self' allows only the site's own files: add the hosts you load scripts, styles and images from, or better, move to nonces.";

const HELMET_DEFAULT = 'helmet() sends this by default; the snippet only makes the value explicit.';

export const HEADER_TOPICS: readonly FixTopic[] = [
  {
    id: 'csp',
    title: 'Send a Content-Security-Policy',
    setHeader: { name: 'Content-Security-Policy', value: RECOMMENDED_CSP },
    snippets: {
      django: {
        where: 'settings.py',
        language: 'python',
        code: `# Django 6.0+: built-in CSP
from django.utils.csp import CSP

MIDDLEWARE = [
    # ...
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
    "form-action": [CSP.SELF],
}

# Django 4.2–5.2: pip install "django-csp>=4", add "csp.middleware.CSPMiddleware" to MIDDLEWARE, then:
# from csp.constants import NONE, SELF
# CONTENT_SECURITY_POLICY = {
#     "DIRECTIVES": {
#         "default-src": [SELF],
#         "object-src": [NONE],
#         "base-uri": [SELF],
#         "frame-ancestors": [SELF],
#         "form-action": [SELF],
#     },
# }`,
        note: `To test first use SECURE_CSP_REPORT_ONLY (django-csp: CONTENT_SECURITY_POLICY_REPORT_ONLY). ${CSP_ROLLOUT}`,
        docsUrl: 'https://docs.djangoproject.com/en/stable/howto/csp/',
      },
      rails: {
        where: 'config/initializers/content_security_policy.rb',
        language: 'ruby',
        code: `Rails.application.configure do
  config.content_security_policy do |policy|
    policy.default_src     :self
    policy.object_src      :none
    policy.base_uri        :self
    policy.frame_ancestors :self
    policy.form_action     :self
  end
  # config.content_security_policy_report_only = true  # to test first
end`,
        note: CSP_ROLLOUT,
        docsUrl: 'https://guides.rubyonrails.org/security.html#content-security-policy-header',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: `import helmet from "helmet";

app.use(helmet({
  contentSecurityPolicy: {
    directives: {
      "default-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "frame-ancestors": ["'self'"],
      "form-action": ["'self'"],
    },
    // reportOnly: true,  // to test first
  },
}));`,
        note: `helmet merges these with its own defaults. ${CSP_ROLLOUT}`,
        docsUrl: 'https://helmetjs.github.io/#content-security-policy',
      },
    },
    notes: {
      apache: CSP_ROLLOUT,
      nginx: CSP_ROLLOUT,
      caddy: CSP_ROLLOUT,
      iis: CSP_ROLLOUT,
      netlify: CSP_ROLLOUT,
      laravel: `The spatie/laravel-csp package adds nonces and report-only mode. ${CSP_ROLLOUT}`,
      php: CSP_ROLLOUT,
      aspnet: CSP_ROLLOUT,
    },
  },
  {
    id: 'csp-nonce',
    title: 'Allow scripts by nonce instead of unsafe-inline',
    snippets: {
      django: {
        where: 'settings.py and templates (Django 6.0+)',
        language: 'python',
        code: `from django.utils.csp import CSP

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
}
# TEMPLATES[0]["OPTIONS"]["context_processors"] += ["django.template.context_processors.csp"]
# In templates: <script nonce="{{ csp_nonce }}">…</script>`,
        note: 'django-csp 4.x (Django 4.2–5.2): use csp.constants.NONCE in CONTENT_SECURITY_POLICY["DIRECTIVES"] and {{ request.csp_nonce }} in templates.',
        docsUrl: 'https://docs.djangoproject.com/en/stable/howto/csp/#nonce-config',
      },
      rails: {
        where: 'config/initializers/content_security_policy.rb',
        language: 'ruby',
        code: `Rails.application.configure do
  config.content_security_policy_nonce_generator = ->(request) { SecureRandom.base64(16) }
  config.content_security_policy_nonce_directives = %w[script-src]
end
# In views: <%= javascript_tag nonce: true do %>…<% end %>, and javascript_include_tag …, nonce: true`,
        docsUrl: 'https://guides.rubyonrails.org/security.html#adding-a-nonce',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: `import crypto from "node:crypto";
import helmet from "helmet";

app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(helmet({
  contentSecurityPolicy: {
    directives: {
      "script-src": ["'self'", (req, res) => \`'nonce-\${res.locals.cspNonce}'\`],
    },
  },
}));
// In templates: <script nonce="<%= cspNonce %>">…</script>`,
        docsUrl: 'https://helmetjs.github.io/#content-security-policy',
      },
      any: {
        where: 'the server code that renders pages',
        language: 'text',
        code: "Generate a fresh random nonce (16+ bytes, base64) for every response, send script-src 'nonce-<value>' 'strict-dynamic', and put nonce=\"<value>\" on each <script> the page itself writes. Then remove 'unsafe-inline'.",
        docsUrl: 'https://web.dev/articles/strict-csp',
      },
    },
  },
  {
    id: 'csp-syntax',
    title: 'Correct the policy text',
    snippets: {
      any: {
        where: 'wherever the policy is written (see the CSP fix for your stack)',
        language: 'text',
        code: "End every directive with a semicolon; write keywords in single quotes ('self', 'none', 'nonce-…'); check directive names against MDN; drop deprecated directives (reflected-xss, referrer) and leftover localhost or IP-address sources.",
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy',
      },
    },
  },
  {
    id: 'content-type-correct',
    title: 'Serve the document with the Content-Type of its body',
    snippets: {
      any: {
        where: 'the code or server rule that answers this URL',
        language: 'text',
        code: 'Send text/html only for HTML. JSON is application/json, plain text is text/plain — with X-Content-Type-Options: nosniff so browsers do not guess.',
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Type',
      },
    },
  },
  {
    id: 'csp-reporting',
    title: 'Collect CSP violation reports',
    snippets: {
      any: {
        where: 'your CSP',
        language: 'text',
        code: 'Add report-uri https://example.com/csp-reports (and, for Chromium, a Reporting-Endpoints header with report-to) so that browsers tell you what the policy blocks.',
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/report-to',
      },
    },
  },
  {
    id: 'frame-ancestors',
    title: 'Stop other sites from framing the page',
    setHeader: { name: 'X-Frame-Options', value: 'SAMEORIGIN' },
    snippets: {
      django: {
        where: 'settings.py (needs django.middleware.clickjacking.XFrameOptionsMiddleware in MIDDLEWARE)',
        language: 'python',
        code: 'X_FRAME_OPTIONS = "DENY"  # the default since Django 3.0; "SAMEORIGIN" if the site frames itself',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/clickjacking/',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({ xFrameOptions: { action: "sameorigin" } }));',
        note: `${HELMET_DEFAULT} Its default CSP also sets frame-ancestors 'self'.`,
        docsUrl: 'https://helmetjs.github.io/#x-frame-options',
      },
    },
    notes: {
      apache: "The modern equivalent is CSP frame-ancestors 'self'; send both for older browsers.",
      nginx: "The modern equivalent is CSP frame-ancestors 'self'; send both for older browsers.",
    },
  },
  {
    id: 'nosniff',
    title: 'Send X-Content-Type-Options: nosniff',
    setHeader: { name: 'X-Content-Type-Options', value: 'nosniff' },
    snippets: {
      django: {
        where: 'settings.py (needs SecurityMiddleware)',
        language: 'python',
        code: 'SECURE_CONTENT_TYPE_NOSNIFF = True  # the default since Django 3.0',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-content-type-nosniff',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet());',
        note: HELMET_DEFAULT,
        docsUrl: 'https://helmetjs.github.io/#x-content-type-options',
      },
    },
  },
  {
    id: 'referrer-policy',
    title: 'Send a Referrer-Policy',
    setHeader: { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    snippets: {
      django: {
        where: 'settings.py (needs SecurityMiddleware)',
        language: 'python',
        code: 'SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"  # Django 3.1+ defaults to "same-origin", also fine',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-referrer-policy',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({ referrerPolicy: { policy: "strict-origin-when-cross-origin" } }));',
        note: 'helmet’s default, no-referrer, is stricter and also fine.',
        docsUrl: 'https://helmetjs.github.io/#referrer-policy',
      },
    },
  },
  {
    id: 'corp',
    title: 'Send Cross-Origin-Resource-Policy',
    setHeader: { name: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
    snippets: {
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({ crossOriginResourcePolicy: { policy: "same-origin" } }));',
        note: HELMET_DEFAULT,
        docsUrl: 'https://helmetjs.github.io/#cross-origin-resource-policy',
      },
    },
    notes: {
      apache: 'Use same-site if your other subdomains load these responses, and cross-origin for files other sites may embed (public images, fonts, widgets).',
      nginx: 'Use same-site if your other subdomains load these responses, and cross-origin for files other sites may embed (public images, fonts, widgets).',
      netlify: 'Use same-site if your other subdomains load these files, and cross-origin for files other sites may embed.',
    },
  },
  {
    id: 'coop',
    title: 'Send Cross-Origin-Opener-Policy',
    setHeader: { name: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    snippets: {
      django: {
        where: 'settings.py (Django 4.0+, needs SecurityMiddleware)',
        language: 'python',
        code: 'SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"  # the default since Django 4.0; "same-origin-allow-popups" for OAuth/payment popups',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-cross-origin-opener-policy',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({ crossOriginOpenerPolicy: { policy: "same-origin" } }));',
        note: HELMET_DEFAULT,
        docsUrl: 'https://helmetjs.github.io/#cross-origin-opener-policy',
      },
    },
  },
  {
    id: 'coep-credentialless',
    title: 'Use COEP credentialless instead of require-corp',
    setHeader: { name: 'Cross-Origin-Embedder-Policy', value: 'credentialless' },
    snippets: {
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({ crossOriginEmbedderPolicy: { policy: "credentialless" } }));',
        docsUrl: 'https://helmetjs.github.io/#cross-origin-embedder-policy',
      },
    },
  },
  {
    id: 'permissions-policy',
    title: 'Send a Permissions-Policy',
    setHeader: { name: 'Permissions-Policy', value: RECOMMENDED_PERMISSIONS_POLICY },
    snippets: {
      django: {
        where: 'settings.py (pip install django-permissions-policy)',
        language: 'python',
        code: `MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # ...
]
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "display-capture": [],
}`,
        note: 'An empty list disables the feature; use ["self"] for features your own pages use.',
        docsUrl: 'https://github.com/adamchainz/django-permissions-policy',
      },
      rails: {
        where: 'config/application.rb',
        language: 'ruby',
        code: `config.action_dispatch.default_headers.merge!(
  "Permissions-Policy" => "${RECOMMENDED_PERMISSIONS_POLICY}"
)`,
        note: 'Not config.permissions_policy: it still sends the old Feature-Policy header (rails/rails#48878).',
        docsUrl: 'https://github.com/rails/rails/issues/48878',
      },
    },
  },
  {
    id: 'xpcdp-none',
    title: 'Send X-Permitted-Cross-Domain-Policies: none',
    setHeader: { name: 'X-Permitted-Cross-Domain-Policies', value: 'none' },
    snippets: {
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet());',
        note: HELMET_DEFAULT,
        docsUrl: 'https://helmetjs.github.io/#x-permitted-cross-domain-policies',
      },
    },
    notes: {
      apache: 'Use master-only instead if the site still needs its /crossdomain.xml.',
      nginx: 'Use master-only instead if the site still needs its /crossdomain.xml.',
    },
  },
  {
    id: 'origin-agent-cluster',
    title: 'Send Origin-Agent-Cluster: ?1',
    setHeader: { name: 'Origin-Agent-Cluster', value: '?1' },
    snippets: {
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet());',
        note: HELMET_DEFAULT,
        docsUrl: 'https://helmetjs.github.io/#origin-agent-cluster',
      },
    },
  },
  {
    id: 'x-xss-protection-zero',
    title: 'Send X-XSS-Protection: 0 (or nothing)',
    setHeader: { name: 'X-XSS-Protection', value: '0' },
    snippets: {
      django: null,
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet());',
        note: 'helmet() sends X-XSS-Protection: 0 by default.',
        docsUrl: 'https://helmetjs.github.io/#x-xss-protection',
      },
      any: {
        where: 'wherever the header is added',
        language: 'text',
        code: 'Change the header to X-XSS-Protection: 0, or stop sending it. (Django removed its SECURE_BROWSER_XSS_FILTER setting in 4.0: if a Django site sends it, the web server or a middleware adds it.)',
      },
    },
    notes: { rails: 'Rails 7.0+ already defaults to 0; an older default of "1; mode=block" may be pinned in config.' },
  },
  {
    id: 'charset',
    title: 'Declare UTF-8',
    snippets: {
      nginx: { where: 'the http or server block', language: 'nginx', code: 'charset utf-8;', docsUrl: 'https://nginx.org/en/docs/http/ngx_http_charset_module.html#charset' },
      apache: { where: 'the server or virtual-host configuration, or .htaccess', language: 'apache', code: 'AddDefaultCharset UTF-8', docsUrl: 'https://httpd.apache.org/docs/2.4/mod/core.html#adddefaultcharset' },
      iis: {
        where: 'web.config, inside <system.webServer>',
        language: 'xml',
        code: '<staticContent>\n  <remove fileExtension=".html" />\n  <mimeMap fileExtension=".html" mimeType="text/html; charset=utf-8" />\n</staticContent>',
      },
      php: { where: 'php.ini', language: 'ini', code: 'default_charset = "UTF-8"' },
      netlify: { where: '_headers', language: 'text', code: '/*.html\n  Content-Type: text/html; charset=utf-8' },
      any: {
        where: 'the first element inside <head> of every page',
        language: 'html',
        code: '<meta charset="utf-8">',
      },
    },
  },
  {
    id: 'cache-no-store',
    title: 'Keep logged-in pages out of caches',
    snippets: {
      django: {
        where: 'views that show personal data',
        language: 'python',
        code: 'from django.views.decorators.cache import never_cache\n\n@never_cache\ndef account(request):\n    ...',
        note: 'never_cache sends Cache-Control: max-age=0, no-cache, no-store, must-revalidate, private.',
        docsUrl: 'https://docs.djangoproject.com/en/stable/topics/http/decorators/#caching',
      },
      rails: {
        where: 'controllers for logged-in pages',
        language: 'ruby',
        code: 'before_action { response.headers["Cache-Control"] = "no-store" }',
      },
      laravel: {
        where: 'a middleware on the authenticated route group',
        language: 'php',
        code: "$response->headers->set('Cache-Control', 'no-store, private');",
      },
      express: {
        where: 'middleware on authenticated routes',
        language: 'javascript',
        code: 'function noStore(req, res, next) {\n  res.set("Cache-Control", "no-store");\n  next();\n}\napp.use("/account", noStore);',
      },
      aspnet: {
        where: 'controllers or actions that show personal data',
        language: 'csharp',
        code: '[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]\npublic class AccountController : Controller { /* … */ }',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/performance/caching/response',
      },
      php: {
        where: 'before session_start()',
        language: 'php',
        code: "session_cache_limiter('nocache'); // PHP's default: sends Cache-Control: no-store, no-cache, must-revalidate",
        docsUrl: 'https://www.php.net/manual/en/function.session-cache-limiter.php',
      },
      nginx: {
        where: 'the location of the logged-in area',
        language: 'nginx',
        code: 'location /account/ {\n    add_header Cache-Control "no-store" always;\n    # proxy_pass …\n}',
      },
      apache: {
        where: 'the virtual host',
        language: 'apache',
        code: '<Location "/account">\n    Header always set Cache-Control "no-store"\n</Location>',
      },
      any: {
        where: 'responses that set or depend on a login session',
        language: 'text',
        code: 'Cache-Control: no-store — or private, no-cache to keep the back/forward cache. Never public or s-maxage on them.',
      },
    },
  },
  {
    id: 'clear-site-data-logout',
    title: 'Send Clear-Site-Data on logout',
    snippets: {
      django: {
        where: 'your logout view (urls.py points logout to it)',
        language: 'python',
        code: `from django.contrib.auth.views import LogoutView


class ClearingLogoutView(LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response`,
        docsUrl: 'https://docs.djangoproject.com/en/stable/topics/auth/default/#django.contrib.auth.views.LogoutView',
      },
      rails: {
        where: 'the action that logs out (e.g. SessionsController#destroy)',
        language: 'ruby',
        code: `response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'`,
      },
      laravel: {
        where: 'your logout controller',
        language: 'php',
        code: `return redirect('/')->header('Clear-Site-Data', '"cache", "cookies", "storage"');`,
      },
      express: {
        where: 'your logout route',
        language: 'javascript',
        code: `res.set("Clear-Site-Data", '"cache", "cookies", "storage"');`,
      },
      aspnet: {
        where: 'your logout action',
        language: 'csharp',
        code: 'Response.Headers["Clear-Site-Data"] = "\\"cache\\", \\"cookies\\", \\"storage\\"";',
      },
      php: { where: 'logout.php', language: 'php', code: `header('Clear-Site-Data: "cache", "cookies", "storage"');` },
      nginx: {
        where: 'the server block (adjust the path)',
        language: 'nginx',
        code: `location = /logout {\n    add_header Clear-Site-Data '"cache", "cookies", "storage"' always;\n    # proxy_pass …\n}`,
      },
      apache: {
        where: 'the virtual host (adjust the path)',
        language: 'apache',
        code: `<Location "/logout">\n    Header always set Clear-Site-Data '"cache", "cookies", "storage"'\n</Location>`,
      },
      caddy: { where: 'your site block (adjust the path)', language: 'caddy', code: 'header /logout Clear-Site-Data `"cache", "cookies", "storage"`' },
      netlify: { where: '_headers (adjust the path)', language: 'text', code: '/logout\n  Clear-Site-Data: "cache", "cookies", "storage"' },
      any: {
        where: 'the logout response only',
        language: 'text',
        code: 'Clear-Site-Data: "cache", "cookies", "storage"',
      },
    },
  },
  {
    id: 'clear-site-data-only-on-logout',
    title: 'Send Clear-Site-Data only on logout',
    removeHeader: 'Clear-Site-Data',
    snippets: {
      any: {
        where: 'wherever the header is added',
        language: 'text',
        code: 'Remove Clear-Site-Data from ordinary pages and send it only in the response to the logout request.',
      },
    },
  },
  {
    id: 'cors-restrict',
    title: 'Share credentialed responses with known origins only',
    snippets: {
      django: {
        where: 'settings.py (django-cors-headers)',
        language: 'python',
        code: 'CORS_ALLOWED_ORIGINS = ["https://app.example.com"]\nCORS_ALLOW_CREDENTIALS = True\n# Never CORS_ALLOW_ALL_ORIGINS = True together with credentials',
        docsUrl: 'https://github.com/adamchainz/django-cors-headers',
      },
      rails: {
        where: 'config/initializers/cors.rb (rack-cors)',
        language: 'ruby',
        code: `Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "https://app.example.com"
    resource "*", headers: :any, methods: [:get, :post, :put, :patch, :delete, :options], credentials: true
  end
end`,
        docsUrl: 'https://github.com/cyu/rack-cors',
      },
      laravel: {
        where: 'config/cors.php',
        language: 'php',
        code: "'allowed_origins' => ['https://app.example.com'],\n'supports_credentials' => true,",
        docsUrl: 'https://laravel.com/docs/routing#cors',
      },
      express: {
        where: 'your app setup (npm install cors)',
        language: 'javascript',
        code: 'import cors from "cors";\n\napp.use(cors({ origin: ["https://app.example.com"], credentials: true }));',
        docsUrl: 'https://github.com/expressjs/cors',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.AddCors(options => options.AddPolicy("app", policy =>\n    policy.WithOrigins("https://app.example.com").AllowCredentials().AllowAnyHeader().AllowAnyMethod()));\n\n// after var app = builder.Build();\napp.UseCors("app");',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/cors',
      },
      nginx: {
        where: 'the http block (map) and the server block',
        language: 'nginx',
        code: `map $http_origin $cors_origin {
    default "";
    "https://app.example.com" $http_origin;
}
# in the server block:
add_header Access-Control-Allow-Origin $cors_origin always;
add_header Access-Control-Allow-Credentials "true" always;
add_header Vary Origin always;`,
      },
      apache: {
        where: 'the virtual host (needs mod_setenvif and mod_headers)',
        language: 'apache',
        code: `SetEnvIf Origin "^https://app\\.example\\.com$" CORS_ORIGIN=$0
Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN
Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN
Header always merge Vary Origin`,
      },
      any: {
        where: 'the code that sets Access-Control-Allow-Origin',
        language: 'text',
        code: 'Never copy the request’s Origin into Access-Control-Allow-Origin while sending Access-Control-Allow-Credentials: true. Compare the Origin with a fixed list of your own front-ends.',
      },
    },
  },
  {
    id: 'sri',
    title: 'Add Subresource Integrity to third-party scripts',
    snippets: {
      any: {
        where: 'each <script> loaded from another origin',
        language: 'html',
        code: '<script src="https://cdn.example.com/lib.min.js"\n        integrity="sha384-…"\n        crossorigin="anonymous"></script>\n<!-- hash: openssl dgst -sha384 -binary lib.min.js | openssl base64 -A -->',
        note: 'Load scripts over https:// only, and pin a version in the URL so the hash stays valid.',
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity',
      },
    },
  },
];
