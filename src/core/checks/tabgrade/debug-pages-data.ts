/**
 * Frameworks' development error pages, as data: markers that only the debug page of each
 * framework prints, the setting that turns it off, and the fix snippets for its stack.
 *
 * Markers are written from each framework's documented debug behaviour (read 2026-12-03):
 * Django's technical 404/500 views (django/views/debug.py, shown when DEBUG = True),
 * Laravel's Ignition (spatie/laravel-ignition) and Whoops (filp/whoops) when APP_DEBUG=true,
 * Rails' ActionDispatch::DebugExceptions page and better_errors when
 * consider_all_requests_local is on, Express's finalhandler, which prints the stack unless
 * NODE_ENV=production, Symfony's ErrorHandler debug page (APP_DEBUG=1) and the Werkzeug
 * interactive debugger (Flask's debug mode). Each marker is a short literal or a regex
 * without nested repetition, so a scan stays linear in the bytes read.
 */
import type { Stack } from '../../findings';
import type { FixTopic, SnippetSpec } from './fixes/types';

export interface DebugPage {
  /** Finding id (`debug-*`, so the cap table's `debug-tool-public` rule covers it); also its fix topic id. */
  id: string;
  /** The framework's name as users say it. */
  framework: string;
  /** What the page is, e.g. "Django's technical error page". */
  page: string;
  /** Any one of these in the served HTML reveals the page… */
  markers: readonly RegExp[];
  /** …when the page also has this part of the debug page's own markup, so an article quoting the error text is not taken for it. */
  requires?: RegExp;
  /** What an outsider gets from the page, in words. */
  exposes: string;
  /** The setting to change, in one line. */
  recommendation: string;
  source: string;
  /** The framework's own fix snippet, for the stack it runs on (Flask has no stack of its own). */
  snippet?: { stack: Stack } & SnippetSpec;
}

export const DEBUG_PAGES: readonly DebugPage[] = [
  {
    id: 'debug-page-django',
    framework: 'Django',
    page: 'Django’s technical error page (DEBUG = True)',
    markers: [
      /seeing this error because you have\s*(?:<code>\s*)?DEBUG\s*=\s*True/i,
      /Using the URLconf defined in\s*(?:<code>|\w)/,
      /<th[^>]*>\s*Django Version:\s*<\/th>/i,
    ],
    // Both technical pages (404 and 500) ask robots not to index them.
    requires: /<meta name="robots" content="NONE,\s*NOARCHIVE"/i,
    exposes: 'It shows the URL patterns, the traceback with local variables, and the settings (with only some secrets masked) to anyone who makes a request fail.',
    recommendation: 'Set DEBUG = False in the production settings (and ALLOWED_HOSTS to the site’s names).',
    source: 'https://docs.djangoproject.com/en/stable/ref/settings/#debug',
    snippet: {
      stack: 'django',
      where: 'settings.py (production)',
      language: 'python',
      code: 'DEBUG = False\nALLOWED_HOSTS = ["www.example.com"]',
      docsUrl: 'https://docs.djangoproject.com/en/stable/howto/deployment/checklist/#debug',
    },
  },
  {
    id: 'debug-page-laravel',
    framework: 'Laravel',
    page: 'Laravel’s debug error page (Ignition or Whoops, APP_DEBUG=true)',
    markers: [/\bwindow\.ignite\s*\(/, /class="Whoops container"/],
    exposes: 'It shows the stack trace with source code, the request, and often environment variables such as APP_KEY and database passwords.',
    recommendation: 'Set APP_DEBUG=false (and APP_ENV=production) in the server’s .env, then clear the config cache.',
    source: 'https://laravel.com/docs/deployment#debug-mode',
    snippet: {
      stack: 'laravel',
      where: '.env on the server',
      language: 'dotenv',
      code: 'APP_ENV=production\nAPP_DEBUG=false\n# then: php artisan config:cache',
      docsUrl: 'https://laravel.com/docs/deployment#debug-mode',
    },
  },
  {
    id: 'debug-page-rails',
    framework: 'Rails',
    page: 'Rails’ development error page',
    markers: [/<title>\s*Action Controller: Exception caught\s*<\/title>/i, /<body[^>]*class="[^"]*\bbetter-errors/],
    exposes: 'It shows the exception, the application trace, request parameters and the routes, and with web-console or better_errors a console that runs code on the server.',
    recommendation: 'Run with RAILS_ENV=production, where config.consider_all_requests_local = false.',
    source: 'https://guides.rubyonrails.org/configuring.html#config-consider-all-requests-local',
    snippet: {
      stack: 'rails',
      where: 'config/environments/production.rb, and RAILS_ENV=production on the server',
      language: 'ruby',
      code: 'config.consider_all_requests_local = false',
      docsUrl: 'https://guides.rubyonrails.org/configuring.html#config-consider-all-requests-local',
    },
  },
  {
    id: 'debug-page-express',
    framework: 'Express',
    page: 'a Node.js stack trace (Express’s default error page outside production)',
    // finalhandler writes `err.stack` into a <pre>, lines joined with `<br> &nbsp; &nbsp;`.
    markers: [/<pre>\s*\w{0,60}Error\b[^<]{0,300}<br>(?:\s|&nbsp;){0,40}at\s[^<]{1,300}(?:\(node:internal\/|\.[cm]?[jt]s:\d+:\d+)/],
    exposes: 'It shows the error message and the stack trace with the server’s file paths and module names.',
    recommendation: 'Start the app with NODE_ENV=production, and give Express an error handler that does not send err.stack.',
    source: 'https://expressjs.com/en/guide/error-handling.html',
    snippet: {
      stack: 'express',
      where: 'the server’s environment, and the app’s last middleware',
      language: 'javascript',
      code: '// start with: NODE_ENV=production node server.js\napp.use((err, req, res, next) => {\n  console.error(err);\n  res.status(500).send("Internal Server Error");\n});',
      docsUrl: 'https://expressjs.com/en/advanced/best-practice-performance.html#set-node_env-to-production',
    },
  },
  {
    id: 'debug-page-symfony',
    framework: 'Symfony',
    page: 'Symfony’s debug exception page (APP_DEBUG=1)',
    markers: [/class="exception-summary\b/],
    requires: /Symfony/,
    exposes: 'It shows the exception, the stack trace with source code, and links to the profiler when it is installed.',
    recommendation: 'Set APP_ENV=prod and APP_DEBUG=0, and install without dev dependencies.',
    source: 'https://symfony.com/doc/current/deployment.html',
    snippet: {
      stack: 'php',
      where: '.env.local on the server',
      language: 'dotenv',
      code: 'APP_ENV=prod\nAPP_DEBUG=0\n# then: composer install --no-dev --optimize-autoloader',
      docsUrl: 'https://symfony.com/doc/current/deployment.html',
    },
  },
  {
    id: 'debug-page-flask',
    framework: 'Flask',
    page: 'the Werkzeug debugger (Flask’s debug mode)',
    markers: [/\/\/ Werkzeug Debugger\s*<\/title>/, /<div class="debugger">/, /The debugger caught an exception in your WSGI application/],
    // The page loads its script and styles from `?__debugger__=yes&cmd=resource`.
    requires: /[?&]__debugger__=yes/,
    exposes: 'It shows the traceback with source code and offers an interactive Python console on the server, guarded only by a PIN.',
    recommendation: 'Run Flask without debug mode (no --debug, FLASK_DEBUG unset) behind a production server such as gunicorn.',
    source: 'https://flask.palletsprojects.com/en/stable/debugging/',
  },
];

/** One fix topic per debug page: the framework's snippet and the stack-independent advice. */
export function debugPageFixTopics(): FixTopic[] {
  return DEBUG_PAGES.map((entry) => {
    const snippets: FixTopic['snippets'] = { any: { where: 'the application’s production configuration', language: 'text', code: entry.recommendation, docsUrl: entry.source } };
    if (entry.snippet !== undefined) {
      const { stack, ...spec } = entry.snippet;
      snippets[stack] = spec;
    }
    return { id: entry.id, title: `Turn off ${entry.framework}’s debug error page`, snippets };
  });
}
