/**
 * Fix topics for information disclosure (Server, X-Powered-By, version headers), debugging
 * tools left on, development servers, and deprecated headers to drop.
 *
 * Names checked against each product's documentation (read 2026-11-26): Apache core
 * ServerTokens/ServerSignature (server config only); nginx server_tokens; IIS 10
 * requestFiltering removeServerHeader; Kestrel AddServerHeader; PHP expose_php; Express
 * app.disable("x-powered-by"); ASP.NET httpRuntime enableVersionHeader and
 * MvcHandler.DisableMvcResponseHeader; Next.js poweredByHeader.
 */
import { DEBUG_HEADERS } from '../debug-headers-data';
import { DEPRECATED_HEADERS } from '../deprecated-headers-data';
import { DISCLOSURE_HEADERS } from '../disclosure-headers';
import { DEVELOPMENT_SERVERS } from '../server-header';
import type { FixTopic, SnippetSpec } from './types';

const FROM_FRONT_SERVER = 'The Server header comes from the web server or proxy in front of the application: configure it there.';

function anyText(where: string, code: string, docsUrl?: string): SnippetSpec {
  return docsUrl === undefined ? { where, language: 'text', code } : { where, language: 'text', code, docsUrl };
}

const HANDWRITTEN: readonly FixTopic[] = [
  {
    id: 'server-tokens',
    title: 'Hide the server version',
    snippets: {
      apache: {
        where: 'the main server configuration (apache2.conf, httpd.conf or conf-enabled/security.conf — not .htaccess)',
        language: 'apache',
        code: 'ServerTokens Prod\nServerSignature Off',
        note: 'The header then says only "Apache". Removing it entirely needs mod_security (SecServerSignature).',
        docsUrl: 'https://httpd.apache.org/docs/2.4/mod/core.html#servertokens',
      },
      nginx: {
        where: 'the http block of nginx.conf',
        language: 'nginx',
        code: 'server_tokens off;',
        note: 'The header then says only "nginx". Removing it entirely needs the headers-more module: more_clear_headers Server;',
        docsUrl: 'https://nginx.org/en/docs/http/ngx_http_core_module.html#server_tokens',
      },
      iis: {
        where: 'web.config, inside <system.webServer> (IIS 10.0+)',
        language: 'xml',
        code: '<security>\n  <requestFiltering removeServerHeader="true" />\n</security>',
        docsUrl: 'https://learn.microsoft.com/en-us/iis/configuration/system.webserver/security/requestfiltering/',
      },
      caddy: { where: 'your site block in the Caddyfile', language: 'caddy', code: 'header -Server' },
      aspnet: {
        where: 'Program.cs (ASP.NET Core on Kestrel)',
        language: 'csharp',
        code: 'builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);',
        docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.server.kestrel.core.kestrelserveroptions.addserverheader',
      },
      django: null,
      rails: null,
      laravel: null,
      express: null,
      php: null,
      netlify: null,
      any: anyText('the web server or proxy', FROM_FRONT_SERVER),
    },
  },
  {
    id: 'x-powered-by-off',
    title: 'Stop sending X-Powered-By',
    removeHeader: 'X-Powered-By',
    snippets: {
      php: { where: 'php.ini', language: 'ini', code: 'expose_php = Off', docsUrl: 'https://www.php.net/manual/en/ini.core.php#ini.expose-php' },
      laravel: { where: 'php.ini', language: 'ini', code: 'expose_php = Off', docsUrl: 'https://www.php.net/manual/en/ini.core.php#ini.expose-php' },
      express: {
        where: 'your app setup',
        language: 'javascript',
        code: 'app.disable("x-powered-by"); // helmet() does this too',
        docsUrl: 'https://expressjs.com/en/advanced/best-practice-security.html#reduce-fingerprinting',
      },
      aspnet: {
        where: 'web.config, inside <system.webServer> (IIS adds "X-Powered-By: ASP.NET")',
        language: 'xml',
        code: '<httpProtocol>\n  <customHeaders>\n    <remove name="X-Powered-By" />\n  </customHeaders>\n</httpProtocol>',
      },
      django: null,
      any: anyText(
        'the software that adds it',
        'Stop the header where it is added: PHP expose_php = Off; Express app.disable("x-powered-by"); IIS <remove name="X-Powered-By" />; Next.js poweredByHeader: false in next.config.js; Phusion Passenger PassengerShowVersionInHeader off.',
      ),
    },
  },
  {
    id: 'x-aspnet-version-off',
    title: 'Stop sending X-AspNet-Version',
    removeHeader: 'X-AspNet-Version',
    snippets: {
      aspnet: {
        where: 'web.config, inside <system.web>',
        language: 'xml',
        code: '<httpRuntime enableVersionHeader="false" />',
        docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.configuration.httpruntimesection.enableversionheader',
      },
      iis: {
        where: 'web.config, inside <system.web>',
        language: 'xml',
        code: '<httpRuntime enableVersionHeader="false" />',
        docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.configuration.httpruntimesection.enableversionheader',
      },
      any: anyText('the ASP.NET application’s web.config', 'X-AspNet-Version comes from ASP.NET (.NET Framework): set <httpRuntime enableVersionHeader="false" /> in web.config.'),
    },
  },
  {
    id: 'x-aspnetmvc-version-off',
    title: 'Stop sending X-AspNetMvc-Version',
    removeHeader: 'X-AspNetMvc-Version',
    snippets: {
      aspnet: {
        where: 'Global.asax.cs, in Application_Start()',
        language: 'csharp',
        code: 'MvcHandler.DisableMvcResponseHeader = true;',
        docsUrl: 'https://learn.microsoft.com/en-us/dotnet/api/system.web.mvc.mvchandler.disablemvcresponseheader',
      },
      any: anyText('Global.asax.cs of the ASP.NET MVC application', 'X-AspNetMvc-Version comes from ASP.NET MVC: set MvcHandler.DisableMvcResponseHeader = true; in Application_Start().'),
    },
  },
  {
    id: 'debug-symfony-profiler',
    title: 'Turn off the Symfony profiler in production',
    snippets: {
      php: {
        where: '.env.local on the server, then deploy without dev packages',
        language: 'dotenv',
        code: 'APP_ENV=prod\nAPP_DEBUG=0\n# then: composer install --no-dev --optimize-autoloader',
        docsUrl: 'https://symfony.com/doc/current/deployment.html',
      },
    },
  },
  {
    id: 'debug-laravel-debugbar',
    title: 'Turn off Laravel Debugbar in production',
    snippets: {
      laravel: {
        where: '.env on the server, then deploy without dev packages',
        language: 'dotenv',
        code: 'APP_ENV=production\nAPP_DEBUG=false\nDEBUGBAR_ENABLED=false\n# then: composer install --no-dev --optimize-autoloader',
        docsUrl: 'https://github.com/barryvdh/laravel-debugbar#installation',
      },
    },
  },
  {
    id: 'debug-clockwork',
    title: 'Turn off Clockwork in production',
    snippets: {
      laravel: { where: '.env on the server', language: 'dotenv', code: 'CLOCKWORK_ENABLE=false\nAPP_DEBUG=false', docsUrl: 'https://underground.works/clockwork/' },
    },
  },
  {
    id: 'debug-rails-web-console',
    title: 'Keep web-console out of production',
    snippets: {
      rails: {
        where: 'Gemfile, and the server environment',
        language: 'ruby',
        code: 'group :development do\n  gem "web-console"\nend\n# and run the app with RAILS_ENV=production',
        docsUrl: 'https://github.com/rails/web-console',
      },
    },
  },
  {
    id: 'debug-miniprofiler',
    title: 'Restrict MiniProfiler to developers',
    snippets: {
      rails: {
        where: 'config/initializers/mini_profiler.rb',
        language: 'ruby',
        code: 'Rack::MiniProfiler.config.authorization_mode = :allow_authorized\n# then, in a before_action for developers only: Rack::MiniProfiler.authorize_request',
        docsUrl: 'https://github.com/MiniProfiler/rack-mini-profiler#access-control-in-non-development-environments',
      },
      aspnet: {
        where: 'Program.cs (MiniProfiler.AspNetCore)',
        language: 'csharp',
        code: 'builder.Services.AddMiniProfiler(options =>\n{\n    options.ResultsAuthorize = request => request.HttpContext.User.IsInRole("Admin");\n    options.ResultsListAuthorize = request => request.HttpContext.User.IsInRole("Admin");\n});',
        docsUrl: 'https://miniprofiler.com/dotnet/AspDotNetCore',
      },
    },
  },
  {
    id: 'development-server-wsgiref',
    title: 'Serve Django with a production server',
    snippets: {
      django: {
        where: 'settings.py and the server’s start command',
        language: 'python',
        code: 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n# start with a production server behind nginx or Apache, e.g.:\n#   gunicorn yourproject.wsgi --bind 127.0.0.1:8000',
        docsUrl: 'https://docs.djangoproject.com/en/stable/howto/deployment/',
      },
    },
  },
  {
    id: 'development-server-webrick',
    title: 'Serve Rails with a production server',
    snippets: {
      rails: {
        where: 'the server’s start command',
        language: 'text',
        code: 'RAILS_ENV=production bundle exec puma -C config/puma.rb',
        docsUrl: 'https://guides.rubyonrails.org/deployment.html',
      },
    },
  },
];

/** Rails emits Feature-Policy from config.permissions_policy (rails/rails#48878), not from default_headers. */
const RAILS_FEATURE_POLICY: SnippetSpec = {
  where: 'config/initializers/permissions_policy.rb and config/application.rb',
  language: 'ruby',
  code: '# Delete the Rails.application.config.permissions_policy block (it sends Feature-Policy), then:\nconfig.action_dispatch.default_headers.merge!("Permissions-Policy" => "camera=(), microphone=(), geolocation=()")',
  docsUrl: 'https://github.com/rails/rails/issues/48878',
};

/** A hand-written topic, with the stack-independent advice added when it has none. */
function withAny(id: string, title: string, any: SnippetSpec): FixTopic {
  const written = HANDWRITTEN.find((topic) => topic.id === id);
  if (!written) return { id, title, snippets: { any } };
  return written.snippets.any === undefined ? { ...written, snippets: { ...written.snippets, any } } : written;
}

/** One topic per debug tool, development server and removable header, with the advice from their tables. */
function tableTopics(): FixTopic[] {
  const topics: FixTopic[] = [];
  for (const entry of DEBUG_HEADERS) {
    topics.push(withAny(entry.id, `Turn off ${entry.tool} in production`, anyText('the application’s production configuration', entry.fix, entry.source)));
  }
  for (const server of DEVELOPMENT_SERVERS) {
    const advice = `Replace ${server.name} with a production application server (for Python: gunicorn or uWSGI behind nginx; for Ruby: Puma), with debugging off.`;
    topics.push(withAny(server.id, 'Serve the application with a production server', anyText('the server’s start command', advice, server.source)));
  }
  for (const entry of DISCLOSURE_HEADERS) {
    const topicId = `remove-${entry.header.toLowerCase()}`;
    if (topics.some((topic) => topic.id === topicId)) continue;
    topics.push({ id: topicId, title: `Stop sending ${entry.header}`, removeHeader: entry.header, snippets: { any: anyText('the software that adds it', `Remove ${entry.header} where it is added, or strip it in the web server.`) } });
  }
  for (const entry of DEPRECATED_HEADERS) {
    const topicId = `remove-${entry.header.toLowerCase()}`;
    const snippets: FixTopic['snippets'] = { any: anyText('wherever the header is added', entry.advice, entry.learnMoreUrl) };
    if (entry.header === 'Feature-Policy') snippets.rails = RAILS_FEATURE_POLICY;
    topics.push({ id: topicId, title: `Stop sending ${entry.header}`, removeHeader: entry.header, snippets });
  }
  return topics;
}

const FROM_TABLES = tableTopics();
export const DISCLOSURE_TOPICS: readonly FixTopic[] = [
  ...HANDWRITTEN.filter((topic) => !FROM_TABLES.some((table) => table.id === topic.id)),
  ...FROM_TABLES,
];

/** The topic id that removes `header` (as built above). */
export function removeTopicId(header: string): string {
  return `remove-${header.toLowerCase()}`;
}
