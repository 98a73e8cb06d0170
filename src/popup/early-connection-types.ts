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
