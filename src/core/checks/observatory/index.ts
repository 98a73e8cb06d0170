/**
 * Every Observatory test Tabgrade knows, in the Observatory's order (`ALL_TESTS` in its
 * `src/constants.js`: the ten of v1.6.3, then the two algorithm 6 added). The grader runs
 * the ones its scoring table counts, in this order, and views list them so.
 */
import { contentSecurityPolicyTest } from './content-security-policy';
import { cookiesTest } from './cookies';
import { crossOriginEmbedderPolicyTest } from './cross-origin-embedder-policy';
import { crossOriginOpenerPolicyTest } from './cross-origin-opener-policy';
import { crossOriginResourcePolicyTest } from './cross-origin-resource-policy';
import { crossOriginResourceSharingTest } from './cross-origin-resource-sharing';
import { redirectionTest } from './redirection';
import { referrerPolicyTest } from './referrer-policy';
import { strictTransportSecurityTest } from './strict-transport-security';
import { subresourceIntegrityTest } from './subresource-integrity';
import type { ObservatoryTest } from './types';
import { xContentTypeOptionsTest } from './x-content-type-options';
import { xFrameOptionsTest } from './x-frame-options';

export const OBSERVATORY_TESTS: readonly ObservatoryTest[] = [
  contentSecurityPolicyTest,
  cookiesTest,
  crossOriginResourceSharingTest,
  redirectionTest,
  referrerPolicyTest,
  strictTransportSecurityTest,
  subresourceIntegrityTest,
  xContentTypeOptionsTest,
  xFrameOptionsTest,
  crossOriginResourcePolicyTest,
  crossOriginOpenerPolicyTest,
  crossOriginEmbedderPolicyTest,
];
