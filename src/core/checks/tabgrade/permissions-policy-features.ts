/**
 * What Tabgrade knows about Permissions-Policy features, as data.
 *
 * Sources (read 2026-11-26):
 * - recognised names: Chromium's `PermissionsPolicyFeature` enum as published in the Chrome
 *   DevTools Protocol (`Page.PermissionsPolicyFeature`, the copy in playwright-core 1.65's
 *   `types/protocol.d.ts`), which mirrors Chromium's `permissions_policy_features.json5`.
 *   Only Chromium-based browsers implement the header (MDN browser-compat-data,
 *   `http.headers.Permissions-Policy`); Firefox and Safari ignore it.
 * - obsolete names: features Chromium once recognised and has since removed, or Feature-Policy
 *   era names. Chromium logs "Unrecognized feature" for these and otherwise ignores them.
 * - powerful features: those that reach hardware, sensitive personal data or money, chosen
 *   from MDN's directive list and the OWASP HTTP Headers Cheat Sheet.
 */

/** A feature worth disabling when a site does not use it, with why it matters. */
export interface PowerfulFeature {
  feature: string;
  why: string;
  /** Part of the short list Tabgrade recommends disabling when nothing restricts it. */
  core: boolean;
}

export const POWERFUL_FEATURES: readonly PowerfulFeature[] = [
  { feature: 'camera', why: 'video from the user’s camera', core: true },
  { feature: 'microphone', why: 'audio from the user’s microphone', core: true },
  { feature: 'geolocation', why: 'the user’s physical location', core: true },
  { feature: 'payment', why: 'the Payment Request API', core: true },
  { feature: 'usb', why: 'USB devices (WebUSB)', core: true },
  { feature: 'display-capture', why: 'recording the user’s screen', core: true },
  { feature: 'serial', why: 'serial-port devices', core: false },
  { feature: 'hid', why: 'HID devices such as keyboards and game controllers', core: false },
  { feature: 'bluetooth', why: 'Bluetooth devices', core: false },
  { feature: 'midi', why: 'MIDI devices (with SysEx, device firmware)', core: false },
  { feature: 'clipboard-read', why: 'reading the clipboard', core: false },
  { feature: 'local-fonts', why: 'the list of installed fonts, a fingerprinting source', core: false },
  { feature: 'idle-detection', why: 'whether the user is at the device', core: false },
  { feature: 'window-management', why: 'the layout of the user’s screens', core: false },
  { feature: 'screen-wake-lock', why: 'keeping the screen on', core: false },
  { feature: 'xr-spatial-tracking', why: 'VR/AR headset position tracking', core: false },
  { feature: 'accelerometer', why: 'motion sensors, usable for fingerprinting and keystroke inference', core: false },
  { feature: 'gyroscope', why: 'motion sensors, usable for fingerprinting and keystroke inference', core: false },
  { feature: 'magnetometer', why: 'motion sensors, usable for fingerprinting', core: false },
  { feature: 'smart-card', why: 'smart-card readers', core: false },
  { feature: 'direct-sockets', why: 'raw TCP/UDP sockets', core: false },
];

/** Feature names current Chromium recognises (see the source note above). */
export const RECOGNISED_FEATURES: ReadonlySet<string> = new Set([
  'accelerometer', 'all-screens-capture', 'ambient-light-sensor', 'aria-notify', 'autofill', 'autoplay', 'bluetooth',
  'camera', 'captured-surface-control', 'ch-dpr', 'ch-device-memory', 'ch-downlink', 'ch-ect', 'ch-prefers-color-scheme',
  'ch-prefers-reduced-motion', 'ch-prefers-reduced-transparency', 'ch-rtt', 'ch-save-data', 'ch-ua', 'ch-ua-arch',
  'ch-ua-bitness', 'ch-ua-high-entropy-values', 'ch-ua-platform', 'ch-ua-model', 'ch-ua-mobile', 'ch-ua-form-factors',
  'ch-ua-full-version', 'ch-ua-full-version-list', 'ch-ua-platform-version', 'ch-ua-wow64', 'ch-viewport-height',
  'ch-viewport-width', 'ch-width', 'clipboard-read', 'clipboard-write', 'compute-pressure', 'controlled-frame',
  'cross-origin-isolated', 'deferred-fetch', 'deferred-fetch-minimal', 'device-attributes', 'digital-credentials-create',
  'digital-credentials-get', 'direct-sockets', 'direct-sockets-multicast', 'display-capture', 'document-domain',
  'encrypted-media', 'execution-while-out-of-viewport', 'execution-while-not-rendered', 'focus-without-user-activation',
  'fullscreen', 'gamepad', 'geolocation', 'gyroscope', 'haptics', 'hid', 'identity-credentials-get', 'idle-detection',
  'keyboard-map', 'language-detector', 'language-model', 'local-fonts', 'local-network', 'local-network-access',
  'loopback-network', 'magnetometer', 'manual-text', 'media-playback-while-not-visible', 'microphone', 'midi',
  'on-device-speech-recognition', 'otp-credentials', 'payment', 'picture-in-picture', 'private-state-token-issuance',
  'private-state-token-redemption', 'publickey-credentials-create', 'publickey-credentials-get',
  'publickey-credentials-remote-client-data-json', 'rewriter', 'screen-wake-lock', 'semantic-embedder', 'serial',
  'smart-card', 'speaker-selection', 'storage-access', 'sub-apps', 'summarizer', 'sync-xhr', 'tools', 'translator',
  'unbounded-element', 'unload', 'usb', 'usb-unrestricted', 'vertical-scroll', 'web-app-installation', 'webnn',
  'web-printing', 'web-share', 'window-management', 'writer', 'xr-spatial-tracking',
]);

/**
 * Names that browsers no longer recognise. `interest-cohort` (FLoC) is the one most often
 * copied from old blog posts; the Privacy Sandbox names went with the Privacy Sandbox.
 */
export const OBSOLETE_FEATURES: ReadonlySet<string> = new Set([
  'interest-cohort', 'browsing-topics', 'attribution-reporting', 'join-ad-interest-group', 'run-ad-auction',
  'battery', 'layout-animations', 'legacy-image-formats', 'oversized-images', 'unoptimized-images', 'unsized-media',
  'vibrate', 'wake-lock', 'speaker', 'vr', 'navigation-override', 'sync-script', 'lazyload', 'trust-token-redemption',
]);

/** The value Tabgrade recommends when nothing restricts powerful features. */
export const RECOMMENDED_PERMISSIONS_POLICY = POWERFUL_FEATURES.filter((entry) => entry.core)
  .map((entry) => `${entry.feature}=()`)
  .join(', ');
