/**
 * The popup's early connection (src/popup/early-connection.ts) and its adoption by
 * connection.ts: the port opened before the modules loaded subscribes once, keeps what it
 * receives, and hands it over; a tab it cannot tell is left to the normal path.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_PORT_NAME, startEarlyConnection } from '../../src/popup/early-connection';
import type { EarlyConnection } from '../../src/popup/early-connection-types';
import { POPUP_PORT_NAME } from '../../src/shared/messages';

class FakePort {
  sent: unknown[] = [];
  private listeners: Array<(message: unknown) => void> = [];
  private disconnects: Array<() => void> = [];
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.listeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnects.push(listener) };
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  deliver(message: unknown) {
    for (const listener of this.listeners) listener(message);
  }
  drop() {
    for (const listener of this.disconnects) listener();
  }
}

const scope = globalThis as { chrome?: unknown };
afterEach(() => {
  delete scope.chrome;
});

function fakeChrome(activeTab: number | undefined) {
  const ports: Array<{ name: string; port: FakePort }> = [];
  scope.chrome = {
    runtime: { connect: ({ name }: { name: string }) => { const port = new FakePort(); ports.push({ name, port }); return port; } },
    tabs: { query: async () => (activeTab === undefined ? [] : [{ id: activeTab }]) },
  };
  return ports;
}

async function start(search: string): Promise<EarlyConnection | null> {
  const holder: { tabgradeEarlyConnection?: Promise<EarlyConnection | null> } = {};
  startEarlyConnection(holder, search);
  return (await holder.tabgradeEarlyConnection) ?? null;
}

describe('early popup connection', () => {
  it('uses the port name the worker listens for', () => {
    expect(EARLY_PORT_NAME).toBe(POPUP_PORT_NAME);
  });

  it('subscribes to ?tab= at once, and keeps what arrives until it is adopted', async () => {
    const ports = fakeChrome(99);
    const early = await start('?tab=12');
    expect(early?.tabId).toBe(12);
    expect(ports).toHaveLength(1);
    expect(ports[0]?.name).toBe(POPUP_PORT_NAME);
    expect(ports[0]?.port.sent).toEqual([{ type: 'subscribe', tabId: 12 }]);
    ports[0]?.port.deliver({ type: 'tab-state', tabId: 12 });
    expect(early?.received).toEqual([{ type: 'tab-state', tabId: 12 }]);
    ports[0]?.port.drop();
    expect(early?.disconnected).toBe(true);
  });

  it('asks for the active tab when the popup has no parameters', async () => {
    fakeChrome(7);
    expect((await start(''))?.tabId).toBe(7);
    fakeChrome(undefined);
    expect(await start('')).toBeNull();
  });

  it('leaves ?url= and a malformed ?tab= to connection.ts, and opens no port for them', async () => {
    const ports = fakeChrome(7);
    expect(await start('?url=https%3A%2F%2Fexample.com%2F')).toBeNull();
    expect(await start('?tab=abc')).toBeNull();
    expect(ports).toHaveLength(0);
  });

  it('does nothing outside an extension', async () => {
    expect(await start('?tab=1')).toBeNull();
  });

  it('settles its first-answer promise on the first message, or when no answer can come', async () => {
    const settled = (promise: Promise<void> | undefined): Promise<boolean> =>
      Promise.race([promise?.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))]) as Promise<boolean>;
    const ports = fakeChrome(5);
    const holder: { tabgradeEarlyConnection?: Promise<EarlyConnection | null>; tabgradeFirstAnswer?: Promise<void> } = {};
    startEarlyConnection(holder, '?tab=5');
    await holder.tabgradeEarlyConnection;
    expect(await settled(holder.tabgradeFirstAnswer)).toBe(false);
    ports[0]?.port.deliver({ type: 'tab-state', tabId: 5 });
    expect(await settled(holder.tabgradeFirstAnswer)).toBe(true);

    const dropped: typeof holder = {};
    startEarlyConnection(dropped, '?tab=6');
    await dropped.tabgradeEarlyConnection;
    ports[1]?.port.drop();
    expect(await settled(dropped.tabgradeFirstAnswer)).toBe(true);

    const noTab: typeof holder = {};
    startEarlyConnection(noTab, '?url=x');
    expect(await settled(noTab.tabgradeFirstAnswer)).toBe(true);
  });
});
