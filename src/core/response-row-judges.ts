/** The checks that judge a response log's rows (`RowJudges` in response-log.ts). */
import { parseCoep } from './checks/tabgrade/cross-origin-embedder-policy';
import type { RowJudges } from './response-log';
import { compareWithPrevious } from './reload-diff';
import { checkResponse } from './response-checks';

export const ROW_JUDGES: RowJudges = { checkResponse, compareWithPrevious, parseCoep };
