/**
 * Headers that debugging and profiling tools add, as data: their presence on a public site
 * means a developer tool is switched on in production.
 *
 * Each entry names the tool that sends the header and cites where it does so (read
 * 2026-11-26). Severity follows what the tool exposes to whoever follows the header:
 * profilers that show requests, SQL, session data or environment variables are high;
 * tools that leak less are medium or low.
 *
 * Not here on purpose: Django sends no debug header (DEBUG=True shows in error pages, and
 * django-debug-toolbar injects HTML), nor does Flask (its debugger shows in the Werkzeug
 * Server header, see `server-header.ts`); X-Runtime and X-Request-Id are ordinary
 * production headers (Rails), not debug output.
 */
import type { Severity } from '../../findings';

export interface DebugHeader {
  /** Header names (case-insensitive) any of which reveals the tool. */
  headers: readonly string[];
  /** Finding id; also the key of its fix snippets. */
  id: string;
  tool: string;
  severity: Severity;
  /** What an outsider gets, in words. */
  exposes: string;
  /** How to turn it off, in words (stack snippets live in the fixes tables). */
  fix: string;
  source: string;
}

export const DEBUG_HEADERS: readonly DebugHeader[] = [
  {
    headers: ['x-debug-token-link', 'x-debug-token'],
    id: 'debug-symfony-profiler',
    tool: 'the Symfony web profiler',
    severity: 'high',
    exposes: 'X-Debug-Token-Link points to /_profiler, which shows every request’s headers, cookies, session, database queries and, in the phpinfo panel, environment variables such as APP_SECRET and database passwords.',
    fix: 'Run with APP_ENV=prod and APP_DEBUG=0, and install without dev dependencies (composer install --no-dev) so the WebProfilerBundle is not loaded.',
    source: 'https://symfony.com/doc/current/profiler.html',
  },
  {
    headers: ['phpdebugbar-id'],
    id: 'debug-laravel-debugbar',
    tool: 'PHP Debugbar (Laravel Debugbar)',
    severity: 'high',
    exposes: 'The debugbar’s stored requests (under /_debugbar) include SQL queries with their bindings, session contents, request data and logged messages of other users.',
    fix: 'Set APP_DEBUG=false and DEBUGBAR_ENABLED=false in production, and install with composer install --no-dev.',
    source: 'https://github.com/barryvdh/laravel-debugbar#installation',
  },
  {
    headers: ['x-clockwork-id', 'x-clockwork-version'],
    id: 'debug-clockwork',
    tool: 'Clockwork',
    severity: 'high',
    exposes: 'Clockwork’s API (by default /__clockwork/) returns the recorded data of requests: headers, session, database queries and logs.',
    fix: 'Disable Clockwork in production (CLOCKWORK_ENABLE=false) or install it as a dev dependency only.',
    source: 'https://underground.works/clockwork/',
  },
  {
    headers: ['x-web-console-session-id', 'x-web-console-mount-point'],
    id: 'debug-rails-web-console',
    tool: 'Rails web-console',
    severity: 'high',
    exposes: 'web-console injects an interactive Ruby console into error pages; reaching it means running code on the server. Its headers mean the app runs in the development environment.',
    fix: 'Keep gem "web-console" in the :development group of the Gemfile and run production with RAILS_ENV=production.',
    source: 'https://github.com/rails/web-console#configuration',
  },
  {
    headers: ['x-miniprofiler-ids'],
    id: 'debug-miniprofiler',
    tool: 'MiniProfiler',
    severity: 'medium',
    exposes: 'MiniProfiler’s result pages show timings and the SQL run for each request; unless access is restricted, anyone can read them.',
    fix: 'Restrict MiniProfiler to developers (rack-mini-profiler: authorization mode; MiniProfiler for .NET: ResultsAuthorize) or disable it in production.',
    source: 'https://github.com/MiniProfiler/rack-mini-profiler#access-control-in-non-development-environments',
  },
  {
    headers: ['x-chromelogger-data', 'x-chromephp-data'],
    id: 'debug-chrome-logger',
    tool: 'ChromeLogger',
    severity: 'medium',
    exposes: 'The header itself carries the server’s debug log for the request, often with variables, paths and queries.',
    fix: 'Remove or disable the ChromeLogger/ChromePhp handler in production logging configuration.',
    source: 'https://craig.is/writing/chrome-logger',
  },
  {
    headers: ['x-wf-protocol-1'],
    id: 'debug-firephp',
    tool: 'FirePHP',
    severity: 'medium',
    exposes: 'FirePHP sends the server’s debug messages in X-Wf-* headers of every response.',
    fix: 'Disable the FirePHP handler (e.g. Monolog’s FirePHPHandler) in production.',
    source: 'https://github.com/firephp/firephp-core',
  },
  {
    headers: ['x-sourcefiles'],
    id: 'debug-iis-express-sourcefiles',
    tool: 'IIS Express / Visual Studio',
    severity: 'low',
    exposes: 'X-SourceFiles holds the base64-encoded path of the project on the developer’s disk; it is sent when the site runs under IIS Express from Visual Studio.',
    fix: 'Publish the site to IIS or Kestrel in Release configuration instead of serving it from IIS Express.',
    source: 'https://learn.microsoft.com/en-us/iis/extensions/using-iis-express/running-iis-express-from-the-command-line',
  },
  {
    headers: ['x-application-context'],
    id: 'debug-spring-application-context',
    tool: 'Spring Boot',
    severity: 'low',
    exposes: 'X-Application-Context names the application, its active profiles and its port. Spring Boot 1.x sent it by default; later versions only when management.server.add-application-context-header is true.',
    fix: 'Set management.server.add-application-context-header=false (Spring Boot 1.x: management.add-application-context-header=false).',
    source: 'https://docs.spring.io/spring-boot/appendix/application-properties/index.html',
  },
];
