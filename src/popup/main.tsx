// Marks for `npm run bench` (popup click-to-grade): when the popup's code started.
performance.mark('tabgrade:start');
import { render } from 'preact';
import { App, loadDetails } from './App';
import type { EarlyFirstAnswer } from './early-connection-types';
import { EARLY_PAINT_ATTRIBUTE } from './early-paint-attribute';
/** How long a painted card may wait for the worker's first answer before the app takes over anyway. */
const CARD_WAIT_MS = 300;

/**
 * Settles when the early connection has its first answer (or gave up), or after `ms`. The
 * app then takes over in the same task as it plays that answer, so no "Loading…" frame
 * comes between the card painted from the popup's address and the app's own.
 */
function firstAnswerOrTimeout(ms: number): Promise<void> {
  const firstAnswer = (globalThis as { tabgradeFirstAnswer?: EarlyFirstAnswer }).tabgradeFirstAnswer;
  if (firstAnswer === undefined) return Promise.resolve();
  return Promise.race([firstAnswer, new Promise<void>((resolve) => setTimeout(resolve, ms))]);
}

const root = document.getElementById('app');
if (root !== null) {
  // The details' code starts loading now, whatever the app waits for.
  void loadDetails().catch(() => undefined);
  const start = (): void => {
    // The early script may have painted the grade here (early-grade.ts); the app's first
    // render, in this same task, takes its place before the next frame.
    root.replaceChildren();
    render(<App />, root);
  };
  if (root.querySelector(`[${EARLY_PAINT_ATTRIBUTE}]`) === null) start();
  else void firstAnswerOrTimeout(CARD_WAIT_MS).then(start);
}
