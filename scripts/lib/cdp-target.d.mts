import type { CDPSession } from 'playwright-core';
export interface TargetChannel {
  send(method: string, params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  detach(): Promise<unknown>;
}
export function workerTarget(browserSession: CDPSession, extensionId: string): Promise<{ targetId: string; url: string; type: string } | undefined>;
export function attachToTarget(browserSession: CDPSession, targetId: string): Promise<TargetChannel>;
