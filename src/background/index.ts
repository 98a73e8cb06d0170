/**
 * The service worker: captures each tab's responses, keeps per-tab state and answers the
 * views. Listeners are registered synchronously at the top level so that the browser can
 * wake a stopped worker for them. This script is what each wake-up runs, so it holds no
 * grading: the engine is a second script loaded when a report is first needed
 * (`worker-core-loader.ts`).
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../shared/browser-api';
import { attachDom, completeNavigation } from '../core/capture-updates';
import { parseWorkerMessage } from '../shared/messages';
import { onCaptureChange, updateCapture } from './capture-store';
import { scheduleGrading } from './grading';
import { registerPopupPorts, schedulePush } from './popup-ports';
import { enrichCapture, forgetEnrichment } from './enrich';
import { addDnsLookup } from './dns-lookup';
import { installAutomationHooks } from './automation';
import { registerLibraryProbe } from './library-probe';
import { registerSriVerifyHandler } from './sri-verify-handler';
import { registerWebRequestListeners } from './web-request';
import { registerTlsCapture } from './tls-capture';
import { registerChromeTlsCapture } from './chrome-tls-capture';
import { registerDevtoolsPorts } from './devtools-ports';
import { forgetTab, injectContentScript } from './content-injection';
import { markEventHandled, markWorkerReady } from './startup-marks';
import { forgetTabNavigations } from './tab-navigations';
import { loadWorkerCore, precacheWorkerCoreOnInstall } from './worker-core-loader';

precacheWorkerCoreOnInstall();
// Unpacks the HSTS preload list once per version, now rather than in the first report.
browser.runtime.onInstalled.addListener(() => {
  void loadWorkerCore()
    .then((core) => core.bundledHstsPreload('install'))
    .catch((error: unknown) => console.error('Tabgrade: the grading engine did not load.', error));
});

registerWebRequestListeners();
registerTlsCapture();
registerChromeTlsCapture();
registerPopupPorts();
onCaptureChange(scheduleGrading);
registerLibraryProbe();
registerSriVerifyHandler();
registerDevtoolsPorts();

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  markEventHandled();
  const message = parseWorkerMessage(raw);
  if (message?.type !== 'dom-snapshot') return undefined;
  const tabId = sender.tab?.id;
  // Only the top frame's snapshot describes the page being graded.
  if (tabId === undefined || sender.frameId !== 0) return undefined;
  void updateCapture(tabId, (capture) => (capture === null ? null : attachDom(capture, message.snapshot)), { important: true });
  return undefined;
});

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  markEventHandled();
  if (changeInfo.status === 'complete') {
    void injectContentScript(tabId);
    void updateCapture(tabId, (capture) => (capture === null ? null : completeNavigation(capture, Date.now())), { important: true })
      .then(() => {
        // Its parts catch their own errors; this guard keeps a missed one from becoming an unhandled rejection.
        addDnsLookup(tabId, () => schedulePush(tabId)).catch(() => undefined);
        return enrichCapture(tabId, { forView: false }, () => schedulePush(tabId));
      });
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
  forgetTabNavigations(tabId);
  forgetEnrichment(tabId);
  void updateCapture(tabId, () => null, { important: true });
});

// Last: automation (tests, `tabgrade audit`) waits for this before its first navigation.
installAutomationHooks();
markWorkerReady();
