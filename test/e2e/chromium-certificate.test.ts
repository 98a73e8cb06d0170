/**
 * Chrome's securityInfo in the popup: with the feature WebRequestSecurityInfo on, the
 * document's certificate (read from its DER) is shown; with it off (the default), the popup
 * says how to switch it on.
 */
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './support/browser';
import { startHttpsServer, type HttpsTestServer } from './support/https-server';

const ORGANISATION = 'Tabgrade Chrome Certificate';
const DAYS = 40;
let server: HttpsTestServer;

beforeAll(async () => {
  server = await startHttpsServer({ days: DAYS, organisation: ORGANISATION, body: '<!doctype html><title>cert</title><p>hello</p>' });
});

afterAll(async () => {
  await server?.close();
});

/** The server certificate's SHA-256 as Node sees it (`AB:CD:…`), to compare with what Chrome gave. */
function serverFingerprint(): Promise<string> {
  const { hostname, port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', servername: hostname, port: Number(port), rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

async function popupTexts(extension: ExtensionBrowser, testId: string, url: string): Promise<{ texts: () => Promise<string[]>; text: (id: string) => Promise<string[]>; close: () => Promise<void> }> {
  const page = await extension.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const popup = await extension.openPopup(await extension.tabIdOf(page));
  const text = (id: string) => popup.evaluate((wanted) => Array.from(document.querySelectorAll<HTMLElement>(`[data-testid="${wanted}"]`), (element) => element.innerText.trim()), id);
  return { texts: () => text(testId), text, close: async () => { await popup.close(); await page.close(); } };
}

describe('Chromium with WebRequestSecurityInfo on', () => {
  let extension: ExtensionBrowser;
  beforeAll(async () => {
    extension = await launchWithExtension({ extraArgs: ['--enable-features=WebRequestSecurityInfo'] });
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('shows the certificate of the document: subject, issuer, days left, key, fingerprint and Chrome’s verdict', async () => {
    const popup = await popupTexts(extension, 'tls-subject', `${server.origin}/`);
    await expect.poll(popup.texts, { timeout: 10_000 }).toEqual([expect.stringContaining('CN=localhost')]);
    expect((await popup.text('tls-subject'))[0]).toContain(ORGANISATION);
    expect((await popup.text('tls-issuer'))[0]).toContain(ORGANISATION);
    expect((await popup.text('tls-expiry'))[0]).toContain(`(${DAYS - 1} days left)`);
    expect(await popup.text('tls-names')).toEqual(['DNS:localhost, IP Address:127.0.0.1']);
    expect(await popup.text('tls-key')).toEqual(['RSA 2048 bits']);
    expect(await popup.text('tls-cert-signature')).toEqual(['sha256WithRSAEncryption']);
    expect(await popup.text('tls-sha256')).toEqual([await serverFingerprint()]);
    // Self-signed (accepted only through --ignore-certificate-errors): Chrome calls it broken.
    expect(await popup.text('tls-state')).toEqual(['broken']);
    expect(await popup.text('tls-trusted')).toEqual(['no']);
    expect(await popup.text('tls-unavailable')).toEqual([]);
    await popup.close();
  });
});

describe('Chromium with WebRequestSecurityInfo off (the default)', () => {
  let extension: ExtensionBrowser;
  beforeAll(async () => {
    extension = await launchWithExtension();
  });
  afterAll(async () => {
    await extension?.close();
  });

  it('says how to switch the certificate on', async () => {
    const popup = await popupTexts(extension, 'tls-unavailable', `${server.origin}/`);
    // Detected at run time: the plain listener saw the response, the securityInfo one did not.
    await expect.poll(popup.texts, { timeout: 10_000 }).toEqual([expect.stringContaining('unless you switch it on')]);
    expect((await popup.texts())[0]).toContain('chrome://flags/#web-request-security-info');
    expect(await popup.text('tls-table')).toEqual([]);
    await popup.close();
  });
});
