/**
 * Settled when the early connection has its first answer from the worker, or never will
 * (no tab, no port, a disconnect): main.tsx waits for it, briefly, before the app replaces
 * a grade card painted from the popup's address (the app would otherwise show "Loading…"
 * in its place until the same answer reached it). A global of the popup's window.
 */
export type EarlyFirstAnswer = Promise<void>;

/** What early-connection.ts hands to connection.ts (through a global of the popup's window). */
export interface EarlyConnection {
  tabId: number;
  port: {
    postMessage(message: unknown): void;
    onMessage: { addListener(listener: (message: unknown) => void): void; removeListener?(listener: (message: unknown) => void): void };
    onDisconnect: { addListener(listener: () => void): void };
    disconnect?(): void;
  };
  /** Messages received before adoption; null once adopted. */
  received: unknown[] | null;
  disconnected: boolean;
}
