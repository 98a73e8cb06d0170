/**
 * Front-end libraries that turn strings into code (`eval`, `new Function`), which a policy
 * without `'unsafe-eval'` stops, with the way each project documents to avoid it. Keyed by
 * retire.js component id (as `libraries/inventory.ts` names them). Sources, read
 * 2026-11-26: AngularJS ngCsp docs; Vue 2 "Runtime + Compiler vs. Runtime-only" guide;
 * Handlebars precompilation docs; lodash `_.template` docs; Knockout issue #903 and
 * knockout-secure-binding; Alpine.js "CSP build" docs.
 *
 * `certain`: the library needs eval whatever the page does with it (Knockout bindings, Alpine
 * directives); otherwise only when a feature is used (lodash's `_.template`), so the
 * breakage is worded "may".
 */
export interface EvalLibrary {
  why: string;
  fix: string;
  certain: boolean;
}

export const EVAL_LIBRARIES: Readonly<Record<string, EvalLibrary>> = {
  angularjs: {
    why: 'AngularJS compiles template expressions with Function() unless it runs in CSP mode; it probes for eval at start-up, which a report-only policy reports.',
    fix: 'Add the ng-csp attribute to <html> (and load angular-csp.css) so AngularJS never calls eval; AngularJS is end-of-life, so plan the move off it.',
    certain: false,
  },
  vue: {
    why: 'The full build of Vue (with the template compiler) compiles templates written in the page with new Function().',
    fix: 'Precompile templates at build time (vue-loader, Vite) and ship the runtime-only build.',
    certain: false,
  },
  handlebars: {
    why: 'Handlebars.compile() in the browser builds template functions with new Function().',
    fix: 'Precompile templates at build time and ship handlebars.runtime.js.',
    certain: false,
  },
  lodash: {
    why: '_.template() builds a function with Function() when the page calls it.',
    fix: 'Precompile the templates at build time, or render them on the server.',
    certain: false,
  },
  'underscore.js': {
    why: '_.template() builds a function with new Function() when the page calls it.',
    fix: 'Precompile the templates at build time, or render them on the server.',
    certain: false,
  },
  knockout: {
    why: 'Knockout parses every data-bind expression with new Function().',
    fix: 'Use a CSP-safe binding provider such as knockout-secure-binding.',
    certain: true,
  },
  alpinejs: {
    why: 'Alpine.js evaluates x-data, x-on and other directive expressions with new Function().',
    fix: 'Switch to Alpine’s CSP build (@alpinejs/csp) and move expressions into Alpine.data() components.',
    certain: true,
  },
};

/** Calls that compile a string, in inline script text: `eval(`, `new Function(`, `setTimeout("…")`. */
export const EVAL_CALL = /\beval\s*\(|\bnew\s+Function\s*\(|\bset(?:Timeout|Interval)\s*\(\s*['"`]/;

export const INLINE_EVAL: Omit<EvalLibrary, 'certain'> = {
  why: 'This inline script calls eval(), new Function() or setTimeout/setInterval with a string.',
  fix: 'Pass functions instead of strings (setTimeout(() => …)), use JSON.parse for data, and drop eval.',
};
