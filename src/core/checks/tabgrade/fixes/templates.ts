/**
 * How each stack sets or removes a response header, as small templates. Topics that are
 * "send header X with value V" get their server and framework snippets from here, so the
 * syntax of each stack lives in one place; topics with framework-specific settings (Django's
 * SECURE_* settings, helmet options, Rails' force_ssl) write their own snippets instead.
 *
 * Header values come from Tabgrade's own tables, never from the page, but are still quoted
 * for each language here so that a value with quotes (Clear-Site-Data) stays valid.
 */
import type { Stack } from '../../../findings';
import type { SnippetCode, SnippetSpec } from './types';

/** Apache and nginx accept double- or single-quoted arguments. */
function configQuote(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Caddyfile tokens: double quotes, or backticks when the value has double quotes. */
function caddyQuote(value: string): string {
  return value.includes('"') && !value.includes('`') ? `\`${value}\`` : `"${value.replace(/"/g, '\\"')}"`;
}

function xmlAttribute(value: string): string {
  return `"${value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}"`;
}

/** A double-quoted literal valid in JavaScript, Python, Ruby (no `#{` in our values) and C#. */
function stringLiteral(value: string): string {
  return JSON.stringify(value);
}

function phpLiteral(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The SecurityHeaders middleware Laravel snippets add lines to, created once. */
export const LARAVEL_MIDDLEWARE_SETUP: SnippetCode = {
  where: 'app/Http/Middleware/SecurityHeaders.php (create once, then register it)',
  language: 'php',
  code: `<?php

namespace App\\Http\\Middleware;

use Closure;
use Illuminate\\Http\\Request;
use Symfony\\Component\\HttpFoundation\\Response;

class SecurityHeaders
{
    public function handle(Request $request, Closure $next): Response
    {
        $response = $next($request);
        // Header lines from Tabgrade's fixes go here.
        return $response;
    }
}

// Register it for every request:
// Laravel 11+ — bootstrap/app.php:
//     ->withMiddleware(function (Middleware $middleware) {
//         $middleware->append(\\App\\Http\\Middleware\\SecurityHeaders::class);
//     })
// Laravel 10 and older — app/Http/Kernel.php: add it to $middleware.`,
};

/** The small Django middleware used for headers Django has no setting for. */
export const DJANGO_MIDDLEWARE_SETUP: SnippetCode = {
  where: 'yourapp/middleware.py (create once), then add "yourapp.middleware.security_headers" to MIDDLEWARE in settings.py',
  language: 'python',
  code: `def security_headers(get_response):
    def middleware(request):
        response = get_response(request)
        # Header lines from Tabgrade's fixes go here.
        return response

    return middleware`,
};

/** Snippet that sends `name: value` on every response, for `stack`; null when the stack has no generic way. */
export function setHeaderSnippet(stack: Stack, name: string, value: string): SnippetSpec | null {
  switch (stack) {
    case 'apache':
      return {
        where: 'the <VirtualHost *:443> block, or .htaccess (needs mod_headers)',
        language: 'apache',
        code: `Header always set ${name} ${configQuote(value)}`,
      };
    case 'nginx':
      return {
        where: 'the server { listen 443 ssl; … } block',
        language: 'nginx',
        code: `add_header ${name} ${configQuote(value)} always;`,
        note: 'A location block with its own add_header lines drops every add_header inherited from the server block; repeat the line there.',
      };
    case 'caddy':
      return { where: 'your site block in the Caddyfile', language: 'caddy', code: `header ${name} ${caddyQuote(value)}` };
    case 'iis':
      return {
        where: 'web.config, inside <system.webServer>',
        language: 'xml',
        code: `<httpProtocol>\n  <customHeaders>\n    <add name=${xmlAttribute(name)} value=${xmlAttribute(value)} />\n  </customHeaders>\n</httpProtocol>`,
      };
    case 'netlify':
      return {
        where: '_headers at the root of the published folder (Netlify and Cloudflare Pages)',
        language: 'text',
        code: `/*\n  ${name}: ${value}`,
      };
    case 'express':
      return {
        where: 'your app setup, before the routes',
        language: 'javascript',
        code: `app.use((req, res, next) => {\n  res.setHeader(${stringLiteral(name)}, ${stringLiteral(value)});\n  next();\n});`,
      };
    case 'laravel':
      return {
        where: 'handle() of app/Http/Middleware/SecurityHeaders.php',
        language: 'php',
        code: `$response->headers->set(${phpLiteral(name)}, ${phpLiteral(value)});`,
        setup: LARAVEL_MIDDLEWARE_SETUP,
      };
    case 'php':
      return {
        where: 'a file included before any output (or better, the web server configuration)',
        language: 'php',
        code: `header(${phpLiteral(`${name}: ${value}`)});`,
      };
    case 'aspnet':
      return {
        where: 'Program.cs (ASP.NET Core), after var app = builder.Build(); — classic ASP.NET: see the IIS snippet',
        language: 'csharp',
        code: `app.Use(async (context, next) =>\n{\n    context.Response.Headers[${stringLiteral(name)}] = ${stringLiteral(value)};\n    await next();\n});`,
      };
    case 'rails':
      return {
        where: 'config/application.rb (or config/environments/production.rb)',
        language: 'ruby',
        code: `config.action_dispatch.default_headers.merge!(${stringLiteral(name)} => ${stringLiteral(value)})`,
      };
    case 'django':
      return {
        where: 'inside middleware() of yourapp/middleware.py',
        language: 'python',
        code: `response.setdefault(${stringLiteral(name)}, ${stringLiteral(value)})`,
        setup: DJANGO_MIDDLEWARE_SETUP,
      };
  }
}

/** Snippet that stops `name` from being sent, for `stack`; null when the stack has no generic way. */
export function removeHeaderSnippet(stack: Stack, name: string): SnippetSpec | null {
  switch (stack) {
    case 'apache':
      return {
        where: 'the server or virtual-host configuration (needs mod_headers)',
        language: 'apache',
        // Apache keeps headers in two tables: "always" for its own, "onsuccess" for the app's (e.g. PHP's).
        code: `Header always unset ${name}\nHeader unset ${name}`,
      };
    case 'nginx':
      return {
        where: 'the server or location block that proxies to the application',
        language: 'nginx',
        code: `proxy_hide_header ${name};     # apps behind proxy_pass\nfastcgi_hide_header ${name};   # PHP-FPM behind fastcgi_pass`,
        note: `Also delete any add_header ${name} line.`,
      };
    case 'caddy':
      return { where: 'your site block in the Caddyfile', language: 'caddy', code: `header -${name}` };
    case 'iis':
      return {
        where: 'web.config, inside <system.webServer>',
        language: 'xml',
        code: `<httpProtocol>\n  <customHeaders>\n    <remove name=${xmlAttribute(name)} />\n  </customHeaders>\n</httpProtocol>`,
      };
    case 'php':
      return { where: 'a file included before any output', language: 'php', code: `header_remove(${phpLiteral(name)});` };
    case 'laravel':
      return {
        where: 'handle() of app/Http/Middleware/SecurityHeaders.php',
        language: 'php',
        code: `$response->headers->remove(${phpLiteral(name)});`,
        setup: LARAVEL_MIDDLEWARE_SETUP,
      };
    case 'aspnet':
      return {
        where: 'Program.cs (ASP.NET Core), after var app = builder.Build();',
        language: 'csharp',
        code: `app.Use(async (context, next) =>\n{\n    context.Response.OnStarting(() =>\n    {\n        context.Response.Headers.Remove(${stringLiteral(name)});\n        return Task.CompletedTask;\n    });\n    await next();\n});`,
      };
    case 'rails':
      return { where: 'config/application.rb', language: 'ruby', code: `config.action_dispatch.default_headers.delete(${stringLiteral(name)})` };
    case 'netlify':
      return { where: '_headers', language: 'text', code: `# Delete the "${name}:" line under /* (and any other path).` };
    case 'express':
    case 'django':
      return null;
  }
}
