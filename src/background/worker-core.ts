/**
 * The worker's heavy half: everything that grades (core's report with its checks, the
 * Observatory's tables, the retire.js repository, the public-suffix list, the certificate
 * reader, the HSTS preload list). It is ~90 % of the worker's code, and none of it is needed
 * to record a response, so it is a script of its own (`WORKER_CORE_FILE`) that
 * `worker-core-loader.ts` runs when a report is first asked for — not at each of the
 * worker's starts, which the browser makes every time an idle worker is woken by a page.
 *
 * Only this object crosses from this script to the other one: the worker's state (captures,
 * ports, logs) lives in that one alone, so nothing here may import a stateful module of it.
 */
import { SCORING_TABLES } from '../core/checks/observatory/scoring';
import { lookupDns } from '../core/dns/doh-lookup';
import { entryFromReport } from '../core/history';
import { hstsPreloadContext } from '../core/hsts-preload';
import { probeArguments } from '../core/libraries/probe-spec';
import { parseProbeOutput } from '../core/libraries/runtime-result';
import { plannedProbes } from '../core/probe-plan';
import { buildReport } from '../core/report';
import { compareWithIntegrity, computeDigests, fetchFailed, verificationTargets } from '../core/sri-verify';
import { ROW_JUDGES } from '../core/response-row-judges';
import { parseChromeSecurityInfo } from '../core/tls-chrome';
import { parseFirefoxSecurityInfo } from '../core/tls';
import { libraryProbe } from '../content/main-world-probe';
import { recordAudit } from '../shared/history-store';
import { bundledHstsPreload } from './hsts-preload';
import { WORKER_CORE_GLOBAL } from './worker-files';

export const workerCore = {
  SCORING_TABLES,
  buildReport,
  bundledHstsPreload,
  entryFromReport,
  lookupDns,
  plannedProbes,
  recordAudit,
  hstsPreloadContext,
  parseChromeSecurityInfo,
  parseFirefoxSecurityInfo,
  rowJudges: ROW_JUDGES,
  libraryProbe: { libraryProbe, probeArguments, parseProbeOutput },
  sriVerify: { compareWithIntegrity, computeDigests, fetchFailed, verificationTargets },
};

export type WorkerCore = typeof workerCore;

(globalThis as Record<string, unknown>)[WORKER_CORE_GLOBAL] = workerCore;
