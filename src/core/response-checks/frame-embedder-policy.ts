/**
 * Frames inside a page with `Cross-Origin-Embedder-Policy: require-corp` must carry a
 * compatible COEP themselves (`require-corp` or `credentialless`), or the browser refuses
 * to load them (HTML §7.1.4.3 "check a navigation response's adherence to its embedder
 * policy"). The panel judges against the top-level document's policy.
 */
import { joinedHeader } from '../headers';
import { parseCoep } from '../checks/tabgrade/cross-origin-embedder-policy';
import type { ResponseCheck } from './types';
import { isRedirectStatus, MDN_HEADERS, responseFindingMaker } from './shared';

const make = responseFindingMaker('frame-embedder-policy');

export const frameEmbedderPolicyCheck: ResponseCheck = {
  id: 'frame-embedder-policy',
  title: 'COEP of frames in a cross-origin isolated page',
  possibleFindings: ['frame-without-coep'],
  run(response, kind, context) {
    if (kind !== 'frame' || context.documentCoep !== 'require-corp' || response.statusCode === 0 || isRedirectStatus(response.statusCode)) {
      return { badges: [], findings: [] };
    }
    const raw = joinedHeader(response.headers, 'cross-origin-embedder-policy');
    const coep = raw === null ? null : parseCoep(raw);
    if (coep === 'require-corp' || coep === 'credentialless') {
      return { badges: [{ id: 'coep', label: `COEP ${coep}`, state: 'ok', title: `The frame sends Cross-Origin-Embedder-Policy: ${coep}, as its COEP parent requires.` }], findings: [] };
    }
    return {
      badges: [{ id: 'coep', label: 'no COEP', state: 'bad', title: 'A frame without a COEP of its own, inside a page with COEP: require-corp.' }],
      findings: [
        make({
          id: 'frame-without-coep',
          severity: 'high',
          title: 'Frame blocked: the page requires COEP of its frames',
          detail: 'The top-level page sends Cross-Origin-Embedder-Policy: require-corp, so every frame it embeds must send require-corp or credentialless too. This frame does not, so the browser shows an error instead.',
          recommendation: 'Cross-Origin-Embedder-Policy: require-corp (on the framed page)',
          learnMoreUrl: `${MDN_HEADERS}/Cross-Origin-Embedder-Policy`,
        }),
      ],
    };
  },
};
