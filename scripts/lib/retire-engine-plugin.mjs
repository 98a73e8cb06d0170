// retire.js's matching engine (`retire/lib/retire.js`, Apache-2.0) is written to run
// anywhere: it declares `var exports = exports || {}` and assigns its functions to that
// object. Node's CommonJS loader hands the object over as is, but a bundler sees a plain
// script with no exports. This plugin appends one export line while bundling, so the
// package's file is used as installed, with no copy of it in this repository.
const RETIRE_ENGINE = /[\\/]node_modules[\\/]retire[\\/]lib[\\/]retire\.js$/;

export function retireEnginePlugin() {
  return {
    name: 'tabgrade-retire-engine',
    enforce: 'pre',
    transform(code, id) {
      if (!RETIRE_ENGINE.test(id.split('?')[0])) return null;
      return { code: `${code}\nexport default exports;\n`, map: null };
    },
  };
}
