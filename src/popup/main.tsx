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

/**
 * Runs `then` as the browser starts its next frame: the DOM as it is now goes on screen
 * before the work `then` starts (a dynamic import: fetched, then compiled and run later).
 */
function atNextFrame(then: () => void): void {
  requestAnimationFrame(() => then());
}

const root = document.getElementById('app');
if (root !== null) {
  const cardPainted = root.querySelector(`[${EARLY_PAINT_ATTRIBUTE}]`) !== null;
  // The details' code (the larger part) starts loading now — or, when the early script
  // painted a card, once that card is on screen: compiling and running it holds the main
  // thread, and the card's frame would wait for it (measured: 10–20 ms).
  const loadDetailsCode = (): void => void loadDetails().catch(() => undefined);
  if (cardPainted) atNextFrame(loadDetailsCode);
  else loadDetailsCode();
  const start = (): void => {
    // The early script may have painted the grade here (early-grade.ts); the app's first
    // render, in this same task, takes its place before the next frame.
    root.replaceChildren();
    render(<App />, root);
  };
  if (cardPainted) void firstAnswerOrTimeout(CARD_WAIT_MS).then(start);
  else start();
}
