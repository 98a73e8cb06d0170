// Where the browser tests run: Debian's chromium unless CHROMIUM_PATH says otherwise.
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install Debian\'s `chromium` (apt-get install chromium) or set CHROMIUM_PATH.');
  return found;
}
