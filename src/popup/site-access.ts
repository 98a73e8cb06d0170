/**
 * Whether the user has granted Tabgrade access to web sites. Chrome grants the manifest's
 * host permissions at install; Firefox's Manifest V3 treats them as optional, so the popup
 * must ask (one click, `permissions.request`) instead of showing an empty report.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from '../shared/browser-api';

function hostPatterns(): string[] {
  const manifest = browser.runtime.getManifest() as { host_permissions?: string[] };
  return manifest.host_permissions ?? [];
}

export type SiteAccess = 'checking' | 'granted' | 'missing';

export function useSiteAccess(): { access: SiteAccess; request: () => void } {
  const [access, setAccess] = useState<SiteAccess>('checking');
  useEffect(() => {
    const check = () =>
      void browser.permissions
        .contains({ origins: hostPatterns() })
        .then((granted) => setAccess(granted ? 'granted' : 'missing'))
        .catch(() => setAccess('granted'));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  // permissions.request must run inside the click's user gesture: call it synchronously.
  const request = () =>
    void browser.permissions.request({ origins: hostPatterns() }).then((granted) => setAccess(granted ? 'granted' : 'missing'));
  return { access, request };
}
