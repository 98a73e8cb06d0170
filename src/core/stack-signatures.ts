/**
 * What Tabgrade knows about recognising a site's stack, as data: technologies (with the
 * stack whose fix snippets apply to them) and the header, host and cookie signatures that
 * point at them. Cookie names live in `checks/tabgrade/known-cookies.ts`, shared with the
 * cookie check.
 *
 * Signatures come from each product's documented defaults (read 2026-11-26): the Server
 * tokens of Apache (ServerTokens), nginx (server_tokens), IIS, Caddy, Kestrel, LiteSpeed
 * and Netlify; PHP's expose_php; ASP.NET's version headers; Rack::Runtime's X-Runtime
 * (Rails' default middleware stack); WordPress' REST API Link; Netlify's X-Nf-Request-Id; Vercel's X-Vercel-Id;
 * Cloudflare's CF-Ray; Drupal's X-Generator and X-Drupal-Cache.
 */
import type { Stack } from './findings';

export type StackLayer = 'framework' | 'language' | 'server' | 'platform';
export type Confidence = 'high' | 'medium' | 'low';

export interface TechnologyInfo {
  label: string;
  layer: StackLayer;
  /** Whose fix snippets apply; null when Tabgrade has none for it. */
  fixStack: Stack | null;
  /** Technologies this one implies (Laravel runs on PHP). */
  implies?: readonly string[];
}

export const TECHNOLOGIES: Readonly<Record<string, TechnologyInfo>> = {
  django: { label: 'Django', layer: 'framework', fixStack: 'django', implies: ['python'] },
  flask: { label: 'Flask', layer: 'framework', fixStack: null, implies: ['python'] },
  rails: { label: 'Ruby on Rails', layer: 'framework', fixStack: 'rails', implies: ['ruby'] },
  rack: { label: 'Rack (Ruby)', layer: 'framework', fixStack: null, implies: ['ruby'] },
  laravel: { label: 'Laravel', layer: 'framework', fixStack: 'laravel', implies: ['php'] },
  symfony: { label: 'Symfony', layer: 'framework', fixStack: 'php', implies: ['php'] },
  wordpress: { label: 'WordPress', layer: 'framework', fixStack: 'php', implies: ['php'] },
  drupal: { label: 'Drupal', layer: 'framework', fixStack: 'php', implies: ['php'] },
  codeigniter: { label: 'CodeIgniter', layer: 'framework', fixStack: 'php', implies: ['php'] },
  express: { label: 'Express (Node.js)', layer: 'framework', fixStack: 'express', implies: ['node'] },
  nextjs: { label: 'Next.js', layer: 'framework', fixStack: null, implies: ['node'] },
  aspnet: { label: 'ASP.NET', layer: 'framework', fixStack: 'aspnet' },
  java: { label: 'Java Servlet (Tomcat, Jetty, Spring)', layer: 'framework', fixStack: null },
  play: { label: 'Play Framework', layer: 'framework', fixStack: null },
  php: { label: 'PHP', layer: 'language', fixStack: 'php' },
  python: { label: 'Python', layer: 'language', fixStack: null },
  ruby: { label: 'Ruby', layer: 'language', fixStack: null },
  node: { label: 'Node.js', layer: 'language', fixStack: null },
  apache: { label: 'Apache httpd', layer: 'server', fixStack: 'apache' },
  litespeed: { label: 'LiteSpeed (reads Apache .htaccess)', layer: 'server', fixStack: 'apache' },
  nginx: { label: 'nginx', layer: 'server', fixStack: 'nginx' },
  openresty: { label: 'OpenResty (nginx)', layer: 'server', fixStack: 'nginx' },
  iis: { label: 'Microsoft IIS', layer: 'server', fixStack: 'iis' },
  caddy: { label: 'Caddy', layer: 'server', fixStack: 'caddy' },
  kestrel: { label: 'Kestrel (ASP.NET Core)', layer: 'server', fixStack: 'aspnet', implies: ['aspnet'] },
  gunicorn: { label: 'Gunicorn (Python)', layer: 'server', fixStack: null, implies: ['python'] },
  netlify: { label: 'Netlify', layer: 'platform', fixStack: 'netlify' },
  'cloudflare-pages': { label: 'Cloudflare Pages (_headers)', layer: 'platform', fixStack: 'netlify' },
  cloudflare: { label: 'Cloudflare (CDN)', layer: 'platform', fixStack: null },
  vercel: { label: 'Vercel', layer: 'platform', fixStack: null },
  heroku: { label: 'Heroku', layer: 'platform', fixStack: null },
  'aws-elb': { label: 'AWS Elastic Load Balancing', layer: 'platform', fixStack: null },
  'azure-app-service': { label: 'Azure App Service', layer: 'platform', fixStack: null },
  'f5-big-ip': { label: 'F5 BIG-IP', layer: 'platform', fixStack: null },
  varnish: { label: 'Varnish cache', layer: 'platform', fixStack: null },
};

export interface HeaderSignature {
  /** Header name, lower-case. */
  header: string;
  pattern: RegExp;
  technology: string;
  confidence: Confidence;
  /** Capture group of `pattern` holding a version, when the header shows one. */
  versionGroup?: number;
}

export const HEADER_SIGNATURES: readonly HeaderSignature[] = [
  { header: 'server', pattern: /^Apache(?:\/([\d.]+))?/i, technology: 'apache', confidence: 'high', versionGroup: 1 },
  { header: 'server', pattern: /^nginx(?:\/([\d.]+))?/i, technology: 'nginx', confidence: 'high', versionGroup: 1 },
  { header: 'server', pattern: /^openresty(?:\/([\d.]+))?/i, technology: 'openresty', confidence: 'high', versionGroup: 1 },
  { header: 'server', pattern: /^Microsoft-IIS(?:\/([\d.]+))?/i, technology: 'iis', confidence: 'high', versionGroup: 1 },
  { header: 'server', pattern: /^Caddy\b/i, technology: 'caddy', confidence: 'high' },
  { header: 'server', pattern: /^Kestrel\b/i, technology: 'kestrel', confidence: 'high' },
  { header: 'server', pattern: /^LiteSpeed\b/i, technology: 'litespeed', confidence: 'high' },
  { header: 'server', pattern: /^Netlify\b/i, technology: 'netlify', confidence: 'high' },
  { header: 'server', pattern: /^cloudflare$/i, technology: 'cloudflare', confidence: 'high' },
  { header: 'server', pattern: /^Vercel$/i, technology: 'vercel', confidence: 'high' },
  { header: 'server', pattern: /^gunicorn(?:\/([\d.]+))?/i, technology: 'gunicorn', confidence: 'high', versionGroup: 1 },
  // Django's runserver is wsgiref's WSGIServer; other wsgiref apps exist, hence medium.
  { header: 'server', pattern: /^WSGIServer\/[\d.]+\s+CPython\//, technology: 'django', confidence: 'medium' },
  { header: 'server', pattern: /^Werkzeug\/([\d.]+)/, technology: 'flask', confidence: 'medium' },
  { header: 'x-powered-by', pattern: /^PHP(?:\/([\d.]+))?/i, technology: 'php', confidence: 'high', versionGroup: 1 },
  { header: 'x-powered-by', pattern: /^ASP\.NET\b/i, technology: 'aspnet', confidence: 'high' },
  { header: 'x-powered-by', pattern: /^Express$/i, technology: 'express', confidence: 'high' },
  { header: 'x-powered-by', pattern: /^Next\.js(?:\s+([\d.]+))?/i, technology: 'nextjs', confidence: 'high', versionGroup: 1 },
  { header: 'x-powered-by', pattern: /^Phusion Passenger/i, technology: 'ruby', confidence: 'medium' },
  { header: 'x-powered-by', pattern: /^(?:Servlet|JSP)\b/i, technology: 'java', confidence: 'high' },
  { header: 'x-aspnet-version', pattern: /^([\d.]+)/, technology: 'aspnet', confidence: 'high', versionGroup: 1 },
  { header: 'x-aspnetmvc-version', pattern: /^([\d.]+)/, technology: 'aspnet', confidence: 'high' },
  // Rack::Runtime is in Rails' default middleware stack; other Rack apps can use it too.
  { header: 'x-runtime', pattern: /^\d+(?:\.\d+)?$/, technology: 'rails', confidence: 'medium' },
  { header: 'x-generator', pattern: /^Drupal(?:\s+(\d+))?/i, technology: 'drupal', confidence: 'high', versionGroup: 1 },
  { header: 'x-generator', pattern: /^WordPress(?:\s+([\d.]+))?/i, technology: 'wordpress', confidence: 'high', versionGroup: 1 },
  // WordPress advertises its REST API in a Link header on every page.
  { header: 'link', pattern: /rel="https:\/\/api\.w\.org\/"/, technology: 'wordpress', confidence: 'high' },
  { header: 'x-drupal-cache', pattern: /./, technology: 'drupal', confidence: 'high' },
  { header: 'x-drupal-dynamic-cache', pattern: /./, technology: 'drupal', confidence: 'high' },
  { header: 'x-debug-token', pattern: /./, technology: 'symfony', confidence: 'high' },
  { header: 'x-nf-request-id', pattern: /./, technology: 'netlify', confidence: 'high' },
  { header: 'x-vercel-id', pattern: /./, technology: 'vercel', confidence: 'high' },
  { header: 'cf-ray', pattern: /./, technology: 'cloudflare', confidence: 'high' },
  { header: 'via', pattern: /\bvarnish\b/i, technology: 'varnish', confidence: 'high' },
  { header: 'x-varnish', pattern: /./, technology: 'varnish', confidence: 'medium' },
  { header: 'via', pattern: /\bvegur\b/i, technology: 'heroku', confidence: 'high' },
];

export interface HostSignature {
  /** Matched against the document's host name. */
  pattern: RegExp;
  technology: string;
  confidence: Confidence;
}

export const HOST_SIGNATURES: readonly HostSignature[] = [
  { pattern: /\.netlify\.app$/i, technology: 'netlify', confidence: 'high' },
  { pattern: /\.pages\.dev$/i, technology: 'cloudflare-pages', confidence: 'high' },
  { pattern: /\.vercel\.app$/i, technology: 'vercel', confidence: 'high' },
  { pattern: /\.herokuapp\.com$/i, technology: 'heroku', confidence: 'high' },
  { pattern: /\.azurewebsites\.net$/i, technology: 'azure-app-service', confidence: 'high' },
];
