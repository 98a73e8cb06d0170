// Marks for `npm run bench` (popup click-to-grade): when the popup's code started.
performance.mark('tabgrade:start');
import { render } from 'preact';
import { App } from './App';

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
