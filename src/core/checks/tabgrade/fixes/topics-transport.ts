/**
 * Fix topics for HTTPS itself: turning it on, redirecting HTTP to it, and HSTS.
 *
 * Setting names checked against each project's documentation (read 2026-11-26): Django
 * 4.2–6.0 settings reference (SECURE_HSTS_*, SECURE_SSL_REDIRECT, SECURE_PROXY_SSL_HEADER);
 * Rails ActionDispatch::SSL (`force_ssl`, `ssl_options[:hsts]`); helmet 8
 * (`strictTransportSecurity`); ASP.NET Core HstsOptions / HttpsRedirectionOptions; IIS 10
 * version 1709 `<hsts>`; nginx `return`; Apache mod_rewrite; Caddy automatic HTTPS.
 */
import type { FixTopic } from './types';

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

const HSTS_ROLLOUT =
  'Roll out with a short max-age (e.g. 300) and raise it once every page works over HTTPS. includeSubDomains applies to every subdomain: drop it if any still serves plain HTTP. Add preload only when you mean to submit the domain to hstspreload.org.';

export const TRANSPORT_TOPICS: readonly FixTopic[] = [
  {
    id: 'hsts',
    title: 'Send Strict-Transport-Security (HSTS)',
    setHeader: { name: 'Strict-Transport-Security', value: HSTS_VALUE },
    snippets: {
      django: {
        where: 'settings.py (needs django.middleware.security.SecurityMiddleware in MIDDLEWARE)',
        language: 'python',
        code: 'SECURE_HSTS_SECONDS = 31536000  # start lower, e.g. 300, then raise\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\n# SECURE_HSTS_PRELOAD = True  # only when submitting to hstspreload.org',
        note: HSTS_ROLLOUT,
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/middleware/#http-strict-transport-security',
      },
      rails: {
        where: 'config/environments/production.rb',
        language: 'ruby',
        code: 'config.force_ssl = true  # also redirects to HTTPS and marks cookies Secure\nconfig.ssl_options = { hsts: { expires: 1.year, subdomains: true } }',
        note: HSTS_ROLLOUT,
        docsUrl: 'https://api.rubyonrails.org/classes/ActionDispatch/SSL.html',
      },
      express: {
        where: 'your app setup (npm install helmet)',
        language: 'javascript',
        code: 'import helmet from "helmet";\n\napp.use(helmet({\n  strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },\n}));',
        note: `helmet() sends HSTS by default; this only makes the values explicit. ${HSTS_ROLLOUT}`,
        docsUrl: 'https://helmetjs.github.io/#strict-transport-security',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.AddHsts(options =>\n{\n    options.MaxAge = TimeSpan.FromDays(365);\n    options.IncludeSubDomains = true;\n});\n\n// after var app = builder.Build();\nif (!app.Environment.IsDevelopment())\n{\n    app.UseHsts();\n}',
        note: `ASP.NET Core's default max-age is only 30 days, and UseHsts never sends the header to localhost. Classic ASP.NET: see the IIS snippet. ${HSTS_ROLLOUT}`,
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/enforcing-ssl#http-strict-transport-security-protocol-hsts',
      },
    },
    notes: {
      apache: HSTS_ROLLOUT,
      nginx: HSTS_ROLLOUT,
      caddy: `Caddy does not send HSTS by itself. ${HSTS_ROLLOUT}`,
      iis: `IIS 10.0 version 1709 and later also has a native setting: <hsts enabled="true" max-age="31536000" includeSubDomains="true" redirectHttpToHttps="true" /> under the site in applicationHost.config. ${HSTS_ROLLOUT}`,
      netlify: `Netlify already sends HSTS on its own domains; Cloudflare also offers it under SSL/TLS → Edge Certificates. ${HSTS_ROLLOUT}`,
      laravel: HSTS_ROLLOUT,
      php: `Prefer the web server's configuration. ${HSTS_ROLLOUT}`,
    },
  },
  {
    id: 'https-redirect',
    title: 'Redirect HTTP to HTTPS',
    snippets: {
      django: {
        where: 'settings.py',
        language: 'python',
        code: 'SECURE_SSL_REDIRECT = True\n# Behind a proxy or load balancer that terminates TLS, and only if it always sets this header:\n# SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
        note: 'Redirecting in the web server in front of Django is just as good and also covers static files.',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#secure-ssl-redirect',
      },
      rails: {
        where: 'config/environments/production.rb',
        language: 'ruby',
        code: 'config.force_ssl = true',
        docsUrl: 'https://api.rubyonrails.org/classes/ActionDispatch/SSL.html',
      },
      express: {
        where: 'your app setup, before the routes',
        language: 'javascript',
        code: 'app.set("trust proxy", 1); // when a proxy or load balancer terminates TLS\napp.use((req, res, next) => {\n  if (req.secure) return next();\n  res.redirect(301, `https://www.example.com${req.originalUrl}`); // your canonical host\n});',
        note: 'Redirect to your own fixed host name rather than the request’s Host header. Doing it in the proxy in front of Node is simpler.',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.AddHttpsRedirection(options =>\n{\n    options.RedirectStatusCode = StatusCodes.Status301MovedPermanently;\n    options.HttpsPort = 443;\n});\n\n// after var app = builder.Build();\napp.UseHttpsRedirection();',
        note: 'Without the options, UseHttpsRedirection answers 307 (temporary).',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/enforcing-ssl',
      },
      apache: {
        where: 'the port-80 virtual host (needs mod_rewrite)',
        language: 'apache',
        code: '<VirtualHost *:80>\n    ServerName example.com\n    RewriteEngine On\n    RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=301]\n</VirtualHost>',
        note: 'In .htaccess instead: RewriteEngine On, RewriteCond %{HTTPS} off, then the same RewriteRule.',
        docsUrl: 'https://httpd.apache.org/docs/2.4/rewrite/remapping.html',
      },
      nginx: {
        where: 'a separate server block for port 80',
        language: 'nginx',
        code: 'server {\n    listen 80;\n    listen [::]:80;\n    server_name example.com www.example.com;\n    return 301 https://$host$request_uri;\n}',
        docsUrl: 'https://nginx.org/en/docs/http/ngx_http_rewrite_module.html#return',
      },
      caddy: {
        where: 'the Caddyfile',
        language: 'caddy',
        code: 'example.com {\n    # Automatic HTTPS: Caddy gets the certificate and redirects HTTP to HTTPS by itself.\n}',
        note: 'The redirect is missing only if the site address starts with http:// or the global options say auto_https off or disable_redirects.',
        docsUrl: 'https://caddyserver.com/docs/automatic-https',
      },
      iis: {
        where: 'web.config, inside <system.webServer> (needs the URL Rewrite module)',
        language: 'xml',
        code: '<rewrite>\n  <rules>\n    <rule name="HTTP to HTTPS" stopProcessing="true">\n      <match url="(.*)" />\n      <conditions>\n        <add input="{HTTPS}" pattern="off" ignoreCase="true" />\n      </conditions>\n      <action type="Redirect" url="https://{HTTP_HOST}/{R:1}" redirectType="Permanent" />\n    </rule>\n  </rules>\n</rewrite>',
        docsUrl: 'https://learn.microsoft.com/en-us/iis/extensions/url-rewrite-module/creating-rewrite-rules-for-the-url-rewrite-module',
      },
      netlify: {
        where: 'the hosting dashboard',
        language: 'text',
        code: 'Netlify: HTTP is redirected to HTTPS automatically once the domain has a certificate (Domain management → HTTPS).\nCloudflare Pages: SSL/TLS → Edge Certificates → Always Use HTTPS.',
      },
      laravel: null,
      php: null,
      any: {
        where: 'the web server or load balancer in front of the site',
        language: 'text',
        code: 'Answer every http:// request with a 301 redirect to the same path on https://, on the same host first.',
      },
    },
  },
  {
    id: 'https-enable',
    title: 'Serve the site over HTTPS',
    snippets: {
      apache: { where: 'a shell on the server', language: 'text', code: 'sudo certbot --apache -d example.com -d www.example.com', docsUrl: 'https://certbot.eff.org/' },
      nginx: { where: 'a shell on the server', language: 'text', code: 'sudo certbot --nginx -d example.com -d www.example.com', docsUrl: 'https://certbot.eff.org/' },
      caddy: {
        where: 'the Caddyfile',
        language: 'caddy',
        code: 'example.com {\n    # A host name as the site address turns on automatic HTTPS.\n}',
        docsUrl: 'https://caddyserver.com/docs/automatic-https',
      },
      iis: {
        where: 'IIS Manager',
        language: 'text',
        code: 'Get a certificate (e.g. with win-acme for Let’s Encrypt), then add an https binding on port 443 to the site.',
        docsUrl: 'https://learn.microsoft.com/en-us/iis/manage/configuring-security/how-to-set-up-ssl-on-iis',
      },
      any: {
        where: 'your hosting',
        language: 'text',
        code: 'Get a certificate for the site (free from Let’s Encrypt; most hosts and CDNs have a switch for it) and serve every page over https://.',
        docsUrl: 'https://letsencrypt.org/getting-started/',
      },
    },
  },
];
