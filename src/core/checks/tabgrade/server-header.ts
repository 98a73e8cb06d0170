/**
 * The `Server` header: a version number, or a development server answering the public.
 *
 * A bare product name (`nginx`, `cloudflare`, `Apache`) is not reported — it is nearly free
 * to guess and browsers do not care (a scanner myth). A version (`Apache/2.4.53 (Ubuntu)`)
 * lets automated scanners pick exploits for that release, so it is low. A development
 * server is different in kind: Django's `runserver`, Werkzeug, WEBrick and Python's
 * `http.server` say themselves they are not built for production.
 */
import type { PageCapture } from '../../capture';
import type { Finding, Severity, TabgradeCheck } from '../../findings';
import { joinedHeader } from '../../headers';
import { hasVersion } from './disclosure-headers';
import { clip, documentHeaders, findingMaker, MDN_HEADERS } from './shared';

export interface DevelopmentServer {
  /** Matched against the Server header value. */
  pattern: RegExp;
  id: string;
  name: string;
  severity: Severity;
  why: string;
  source: string;
}

/** Development servers, as their Server header names them. */
export const DEVELOPMENT_SERVERS: readonly DevelopmentServer[] = [
  {
    pattern: /^WSGIServer\/[\d.]+\s+CPython\//,
    id: 'development-server-wsgiref',
    name: 'Django’s runserver (Python wsgiref)',
    severity: 'medium',
    why: 'Django’s documentation says of runserver: “DO NOT USE THIS SERVER IN A PRODUCTION SETTING. It has not gone through security audits or performance tests.” It usually means DEBUG is on too, which shows settings and stack traces on errors.',
    source: 'https://docs.djangoproject.com/en/stable/ref/django-admin/#runserver',
  },
  {
    pattern: /^Werkzeug\//,
    id: 'development-server-werkzeug',
    name: 'the Werkzeug development server (Flask)',
    severity: 'medium',
    why: 'Werkzeug’s server is meant for development only; if its interactive debugger is enabled, anyone who can trigger an error can run Python code on the server.',
    source: 'https://flask.palletsprojects.com/en/stable/deploying/',
  },
  {
    pattern: /^WEBrick\//,
    id: 'development-server-webrick',
    name: 'WEBrick (Ruby)',
    severity: 'medium',
    why: 'WEBrick is a development server, removed from Ruby’s standard library in Ruby 3.0; production Rails apps run on Puma or another application server.',
    source: 'https://guides.rubyonrails.org/deployment.html',
  },
  {
    pattern: /^(?:SimpleHTTP|BaseHTTP)\/[\d.]+\s+Python\//,
    id: 'development-server-python-http-server',
    name: 'Python’s http.server',
    severity: 'medium',
    why: 'Python’s documentation warns that http.server “is not recommended for production. It only implements basic security checks.”',
    source: 'https://docs.python.org/3/library/http.server.html',
  },
  {
    pattern: /^ASP\.NET Development Server\//,
    id: 'development-server-cassini',
    name: 'the Visual Studio development server (Cassini)',
    severity: 'medium',
    why: 'The ASP.NET Development Server only exists for debugging from Visual Studio.',
    source: 'https://learn.microsoft.com/en-us/aspnet/web-forms/overview/deployment/visual-studio-web-deployment/deploying-to-iis',
  },
];

const make = findingMaker('server-header', 'server');

function judge(capture: PageCapture): Finding[] {
  const value = joinedHeader(documentHeaders(capture), 'server');
  if (value === null || value.trim() === '') return [];
  const trimmed = value.trim();

  const development = DEVELOPMENT_SERVERS.find((server) => server.pattern.test(trimmed));
  if (development) {
    return [
      make({
        id: development.id,
        severity: development.severity,
        title: `A development server answers: ${development.name}`,
        detail: `${development.why} Run the application behind a production server instead, with debugging off.`,
        subject: 'Server',
        recommendation: 'Serve through a production application server, debug off',
        learnMoreUrl: development.source,
        data: { value: clip(value) },
      }),
    ];
  }

  if (!hasVersion(trimmed)) return [];
  return [
    make({
      id: 'server-version-disclosed',
      severity: 'low',
      title: 'The Server header reveals the server version',
      detail:
        'The Server header names the web server with its exact version (often the operating system and modules too), which lets automated scanners match the site to known vulnerabilities of that release. Browsers never need it. Hiding the version buys time; keeping the server patched is what protects.',
      subject: 'Server',
      recommendation: 'Send only the product name, or no Server header',
      learnMoreUrl: `${MDN_HEADERS}/Server`,
      data: { value: clip(value) },
    }),
  ];
}

export const serverHeaderCheck: TabgradeCheck = {
  id: 'server-header',
  title: 'Server header',
  group: 'server',
  needs: ['document'],
  possibleFindings: ['server-version-disclosed', ...DEVELOPMENT_SERVERS.map((server) => server.id)],
  run: judge,
};
