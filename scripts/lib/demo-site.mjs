// The demo site `npm start` / `npm run demo` audits, and the screenshot shows: a small
// Django-on-Apache shop with the gaps such sites typically have (no CSP, no HSTS, cookies
// without Secure, a version-revealing Server header, a third-party widget that brings its
// own old jQuery). Served on loopback so a newcomer sees a real grade without internet.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: server.address().port };
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain' });
  response.end('not found');
}

/** Starts the two demo origins; resolves with the shop's URL and a `close()`. */
export async function startDemoSite() {
  const jquery = await readFile(resolve(ROOT, 'node_modules/jquery-1.12.4/dist/jquery.min.js'));
  // A third-party "newsletter widget" on another origin (the `localhost` name) that adds its own old jQuery.
  const widget = await listen((request, response) => {
    if (request.url === '/widget.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(`(function(){var s=document.createElement('script');s.src='http://localhost:${widget.port}/jquery-1.12.4.min.js';document.head.appendChild(s);})();`);
    } else if (request.url === '/jquery-1.12.4.min.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end(jquery);
    } else {
      notFound(response);
    }
  });
  const site = await listen((request, response) => {
    if (request.url !== '/') {
      notFound(response);
      return;
    }
    response.writeHead(200, [
      'Content-Type', 'text/html; charset=utf-8',
      'Server', 'Apache/2.4.53 (Ubuntu)',
      'X-Frame-Options', 'DENY',
      'X-Content-Type-Options', 'nosniff',
      'Referrer-Policy', 'same-origin',
      'Set-Cookie', 'csrftoken=Jx8dA1; SameSite=Lax; Path=/',
      'Set-Cookie', 'sessionid=k2l9q7; HttpOnly; SameSite=Lax; Path=/',
    ]);
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
<script src="http://localhost:${widget.port}/widget.js"></script></head>
<body><h1>Demo shop</h1><form><input name="email"><button>Subscribe</button></form></body></html>`);
  });
  const close = async () => {
    for (const { server } of [site, widget]) {
      // Keep-alive connections from the browser would hold `close()` open.
      server.closeAllConnections();
      await new Promise((done) => server.close(() => done()));
    }
  };
  return { url: `http://127.0.0.1:${site.port}/`, close };
}
