// A Chrome DevTools Protocol channel to a target that Playwright gives no session for (an
// extension's service worker), through the browser session's Target messages. Used by the
// profiler (CPU profiles of the worker) and the bench (the worker's heap in --soak).

/** The extension's service worker target, or undefined. */
export async function workerTarget(browserSession, extensionId) {
  const { targetInfos } = await browserSession.send('Target.getTargets');
  return targetInfos.find((target) => target.type === 'service_worker' && target.url.startsWith(`chrome-extension://${extensionId}/`));
}

export async function attachToTarget(browserSession, targetId) {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map();
  browserSession.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const pending = waiting.get(message.id);
    if (pending === undefined) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(message.error.message));
    else pending.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    },
    detach: () => browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined),
  };
}
