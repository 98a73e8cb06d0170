// Marks for `npm run bench` (popup click-to-grade): when the popup's code started.
performance.mark('tabgrade:start');
import { render } from 'preact';
import { App, loadDetails } from './App';

const root = document.getElementById('app');
if (root !== null) {
  // The early script may have painted the grade here (early-grade.ts); the app's first
  // render, in this same task, takes its place before the next frame.
  root.replaceChildren();
  render(<App />, root);
  void loadDetails().catch(() => undefined);
}
