/**
 * Fix topics for cookie attributes. Snippets use placeholders such as <cookie-name>:
 * cookie names come from the page, and page text never goes into code a user may paste.
 *
 * Names checked against each project's documentation (read 2026-11-26): Django settings
 * (SESSION_COOKIE_*, CSRF_COOKIE_*, LANGUAGE_COOKIE_SECURE since 3.0); Rails session_store
 * and force_ssl (marks cookies Secure); Laravel config/session.php (SESSION_SECURE_COOKIE,
 * SESSION_COOKIE, same_site, http_only); express-session's cookie options; ASP.NET Core
 * CookieBuilder (SecurePolicy, SameSite), CookiePolicyOptions, AntiforgeryOptions; ASP.NET
 * <httpCookies> (sameSite since .NET Framework 4.7.2); PHP session.cookie_* (samesite since
 * 7.3); nginx proxy_cookie_flags (1.19.3+); Apache mod_headers `Header edit`.
 */
import type { FixTopic } from './types';

const CSRF_NO_HTTPONLY = 'HttpOnly is not needed on a CSRF cookie, and front-end code may need to read it.';

export const COOKIE_TOPICS: readonly FixTopic[] = [
  {
    id: 'session-cookie-flags',
    title: 'Mark the session cookie Secure, HttpOnly and SameSite',
    snippets: {
      django: {
        where: 'settings.py',
        language: 'python',
        code: 'SESSION_COOKIE_SECURE = True\nSESSION_COOKIE_HTTPONLY = True  # the default\nSESSION_COOKIE_SAMESITE = "Lax"  # the default',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure',
      },
      rails: {
        where: 'config/initializers/session_store.rb',
        language: 'ruby',
        code: 'Rails.application.config.session_store :cookie_store,\n  key: "_yourapp_session", secure: Rails.env.production?, httponly: true, same_site: :lax',
        note: 'config.force_ssl = true in production also marks every cookie Secure.',
        docsUrl: 'https://api.rubyonrails.org/classes/ActionDispatch/Session/CookieStore.html',
      },
      laravel: {
        where: '.env (and config/session.php)',
        language: 'dotenv',
        code: "SESSION_SECURE_COOKIE=true\n# config/session.php keeps 'http_only' => true and 'same_site' => 'lax' (the defaults)",
        docsUrl: 'https://laravel.com/docs/session#configuration',
      },
      express: {
        where: 'your express-session setup',
        language: 'javascript',
        code: 'app.set("trust proxy", 1); // when TLS ends at a proxy or load balancer\napp.use(session({\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false,\n  cookie: { secure: true, httpOnly: true, sameSite: "lax" },\n}));',
        docsUrl: 'https://github.com/expressjs/session#cookie',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: `builder.Services.AddSession(options =>
{
    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
});
// ASP.NET Core Identity / cookie authentication:
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
});`,
        note: 'Classic ASP.NET: see the IIS snippet (web.config).',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/authentication/cookie',
      },
      iis: {
        where: 'web.config, inside <system.web> (ASP.NET on IIS)',
        language: 'xml',
        code: '<httpCookies requireSSL="true" httpOnlyCookies="true" sameSite="Lax" />\n<sessionState cookieSameSite="Lax" />',
        note: 'sameSite needs .NET Framework 4.7.2 or later.',
        docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.configuration.httpcookiessection',
      },
      php: {
        where: 'php.ini (or ini_set() before session_start())',
        language: 'ini',
        code: 'session.cookie_secure = 1\nsession.cookie_httponly = 1\nsession.cookie_samesite = "Lax"\nsession.use_strict_mode = 1',
        docsUrl: 'https://www.php.net/manual/en/session.security.ini.php',
      },
      nginx: {
        where: 'the location that proxies to the application (nginx 1.19.3+)',
        language: 'nginx',
        code: 'proxy_cookie_flags <cookie-name> secure httponly samesite=lax;',
        note: 'Setting the flags in the application is better; this patches them on the way out.',
        docsUrl: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_flags',
      },
      apache: {
        where: 'the virtual host (needs mod_headers)',
        language: 'apache',
        code: 'Header edit Set-Cookie "^(<cookie-name>=.*)$" "$1; Secure; HttpOnly; SameSite=Lax"',
        note: 'Setting the flags in the application is better; if it already sets some, they will appear twice (harmless).',
      },
      any: {
        where: 'where the session cookie is set',
        language: 'text',
        code: 'Set-Cookie: <cookie-name>=…; Path=/; Secure; HttpOnly; SameSite=Lax',
      },
    },
  },
  {
    id: 'csrf-cookie-flags',
    title: 'Mark the CSRF cookie Secure and SameSite',
    snippets: {
      django: {
        where: 'settings.py',
        language: 'python',
        code: 'CSRF_COOKIE_SECURE = True\nCSRF_COOKIE_SAMESITE = "Lax"  # the default\n# Leave CSRF_COOKIE_HTTPONLY = False: Django documents that it offers no practical protection.',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#csrf-cookie-secure',
      },
      laravel: {
        where: '.env',
        language: 'dotenv',
        code: "SESSION_SECURE_COOKIE=true\n# XSRF-TOKEN follows config/session.php 'secure' and 'same_site'; it stays readable by JavaScript on purpose.",
        docsUrl: 'https://laravel.com/docs/csrf#csrf-x-xsrf-token',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.AddAntiforgery(options =>\n{\n    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;\n    options.Cookie.SameSite = SameSiteMode.Strict;\n});',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/anti-request-forgery',
      },
      iis: {
        where: 'web.config, inside <system.web> (ASP.NET on IIS)',
        language: 'xml',
        code: '<httpCookies requireSSL="true" sameSite="Lax" />',
      },
      nginx: {
        where: 'the location that proxies to the application (nginx 1.19.3+)',
        language: 'nginx',
        code: 'proxy_cookie_flags <cookie-name> secure samesite=lax;',
        note: CSRF_NO_HTTPONLY,
        docsUrl: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_flags',
      },
      any: {
        where: 'where the CSRF cookie is set',
        language: 'text',
        code: 'Set-Cookie: <cookie-name>=…; Path=/; Secure; SameSite=Lax',
        note: CSRF_NO_HTTPONLY,
      },
    },
  },
  {
    id: 'cookie-secure',
    title: 'Mark cookies Secure',
    snippets: {
      django: {
        where: 'settings.py, and your own set_cookie() calls',
        language: 'python',
        code: 'SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True\nLANGUAGE_COOKIE_SECURE = True\n# your own cookies:\nresponse.set_cookie("<cookie-name>", value, secure=True, samesite="Lax")',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/request-response/#django.http.HttpResponse.set_cookie',
      },
      rails: {
        where: 'config/environments/production.rb',
        language: 'ruby',
        code: 'config.force_ssl = true  # marks every cookie Secure (and redirects to HTTPS, sends HSTS)',
        docsUrl: 'https://api.rubyonrails.org/classes/ActionDispatch/SSL.html',
      },
      laravel: {
        where: '.env, and your own cookie() calls',
        language: 'php',
        code: "// .env: SESSION_SECURE_COOKIE=true\n// your own cookies: name, value, minutes, path, domain, secure, httpOnly, raw, sameSite\nreturn $response->withCookie(cookie('<cookie-name>', $value, 60, '/', null, true, true, false, 'lax'));",
      },
      express: {
        where: 'each res.cookie() call',
        language: 'javascript',
        code: 'res.cookie("<cookie-name>", value, { secure: true, sameSite: "lax" });',
        docsUrl: 'https://expressjs.com/en/api.html#res.cookie',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.Configure<CookiePolicyOptions>(options =>\n{\n    options.Secure = CookieSecurePolicy.Always;\n    options.MinimumSameSitePolicy = SameSiteMode.Lax;\n});\n\n// after var app = builder.Build();\napp.UseCookiePolicy();',
        docsUrl: 'https://learn.microsoft.com/en-us/aspnet/core/security/gdpr#cookie-policy',
      },
      iis: {
        where: 'web.config, inside <system.web> (ASP.NET on IIS)',
        language: 'xml',
        code: '<httpCookies requireSSL="true" />',
      },
      php: {
        where: 'each setcookie() call, and php.ini for the session',
        language: 'php',
        code: "setcookie('<cookie-name>', $value, ['path' => '/', 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);\n// php.ini: session.cookie_secure = 1",
        docsUrl: 'https://www.php.net/manual/en/function.setcookie.php',
      },
      nginx: {
        where: 'the location that proxies to the application (nginx 1.19.3+)',
        language: 'nginx',
        code: 'proxy_cookie_flags ~ secure samesite=lax;',
        docsUrl: 'https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_cookie_flags',
      },
      apache: {
        where: 'the virtual host (needs mod_headers)',
        language: 'apache',
        code: 'Header always edit Set-Cookie "(?i)^((?:(?!;\\s?secure).)+)$" "$1; Secure"\nHeader edit Set-Cookie "(?i)^((?:(?!;\\s?secure).)+)$" "$1; Secure"',
        note: 'Two lines because Apache keeps its own headers and the application’s in separate tables.',
      },
      any: {
        where: 'where each cookie is set',
        language: 'text',
        code: 'Set-Cookie: <cookie-name>=…; Secure; SameSite=Lax',
      },
    },
  },
  {
    id: 'cookie-prefix',
    title: 'Give prefixed cookies the attributes their prefix requires',
    snippets: {
      any: {
        where: 'where the cookie is set',
        language: 'text',
        code: 'Set-Cookie: __Host-<name>=…; Path=/; Secure (and no Domain)\nSet-Cookie: __Secure-<name>=…; Secure',
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes',
      },
    },
  },
  {
    id: 'cookie-host-prefix',
    title: 'Lock the session cookie to this host with __Host-',
    snippets: {
      django: {
        where: 'settings.py',
        language: 'python',
        code: 'SESSION_COOKIE_NAME = "__Host-sessionid"\nSESSION_COOKIE_SECURE = True\nSESSION_COOKIE_DOMAIN = None  # the default\nSESSION_COOKIE_PATH = "/"  # the default',
        note: 'Renaming the cookie logs everyone out once.',
        docsUrl: 'https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-name',
      },
      rails: {
        where: 'config/initializers/session_store.rb',
        language: 'ruby',
        code: 'Rails.application.config.session_store :cookie_store,\n  key: "__Host-yourapp_session", secure: true, httponly: true, same_site: :lax',
        note: 'Renaming the cookie logs everyone out once.',
      },
      laravel: {
        where: '.env',
        language: 'dotenv',
        code: 'SESSION_COOKIE=__Host-yourapp_session\nSESSION_SECURE_COOKIE=true\nSESSION_DOMAIN=null',
        note: 'Renaming the cookie logs everyone out once.',
      },
      express: {
        where: 'your express-session setup',
        language: 'javascript',
        code: 'app.use(session({\n  name: "__Host-sid",\n  secret: process.env.SESSION_SECRET,\n  resave: false,\n  saveUninitialized: false,\n  cookie: { secure: true, httpOnly: true, sameSite: "lax", path: "/" },\n}));',
      },
      aspnet: {
        where: 'Program.cs (ASP.NET Core)',
        language: 'csharp',
        code: 'builder.Services.AddSession(options =>\n{\n    options.Cookie.Name = "__Host-session";\n    options.Cookie.SecurePolicy = CookieSecurePolicy.Always;\n    options.Cookie.Path = "/";\n});',
      },
      php: {
        where: 'php.ini',
        language: 'ini',
        code: 'session.name = "__Host-PHPSESSID"\nsession.cookie_secure = 1\nsession.cookie_path = "/"\nsession.cookie_domain = ""',
      },
      any: {
        where: 'where the session cookie is set',
        language: 'text',
        code: 'Set-Cookie: __Host-<name>=…; Path=/; Secure; HttpOnly; SameSite=Lax (no Domain attribute)',
        docsUrl: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie#cookie_prefixes',
      },
    },
  },
  {
    id: 'bigip-cookie-encryption',
    title: 'Encrypt the BIG-IP persistence cookie',
    snippets: {
      any: {
        where: 'the BIG-IP cookie persistence profile',
        language: 'text',
        code: 'Local Traffic → Profiles → Persistence → (your cookie profile) → Cookie Encryption Use Policy: required, with an encryption passphrase.',
        docsUrl: 'https://my.f5.com/manage/s/article/K14784',
      },
    },
  },
];
