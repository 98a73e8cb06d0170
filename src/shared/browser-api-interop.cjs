// Loads webextension-polyfill through CommonJS `require`, which hands its export over as it
// is: see browser-api.ts for why the ESM default import is not used.
'use strict';

exports.loadPolyfill = () => require('webextension-polyfill');
