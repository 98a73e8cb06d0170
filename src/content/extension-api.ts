/**
 * The two extension calls the content script makes, without webextension-polyfill: it runs
 * on every page, so it stays a few kilobytes. Firefox's `browser` and Chrome's `chrome`
 * (Manifest V3) both return promises from `runtime.sendMessage`; for replies, both accept
 * the `sendResponse` + `return true` form, which is all the polyfill would add here.
 */
interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  onMessage: {
    addListener(listener: (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined): void;
  };
}

function runtime(): RuntimeLike {
  const scope = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  const found = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (found === undefined) throw new Error('Tabgrade: no extension runtime in this context');
  return found;
}

/** Sends a message to the service worker; rejects when the extension was reloaded or removed. */
export function sendToWorker(message: unknown): Promise<unknown> {
  try {
    return runtime().sendMessage(message);
  } catch (error) {
    // Chrome throws synchronously ("Extension context invalidated") once this script is orphaned.
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * Answers the worker's requests: `handle` returns a promise of the reply for a message it
 * understands, or undefined to let the message pass.
 */
export function answerWorker(handle: (message: unknown) => Promise<unknown> | undefined): void {
  runtime().onMessage.addListener((message, _sender, sendResponse) => {
    const reply = handle(message);
    if (reply === undefined) return undefined;
    void reply.then(sendResponse, (error: unknown) => sendResponse({ error: error instanceof Error ? error.message : String(error) }));
    return true;
  });
}
