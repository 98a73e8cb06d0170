/**
 * What the reader skipped or repaired in a HAR, said in one warning each, however many
 * entries were odd: the first few are named with their problem, the rest counted, so a
 * HAR with 10,000 odd entries still gives a short note.
 */

/** A part of the HAR and what was wrong with it, e.g. `{ subject: 'log.entries[54]', problem: 'response.status -2' }`. */
export interface HarProblem {
  subject: string;
  problem: string;
}

/** Entries or pages named in a warning; the rest are counted. */
const NAMED = 5;
/** Longest problem text shown for one of them. */
const PROBLEM_CHARS = 120;

/** A value as a warning quotes it: JSON, on one line, at most 40 characters; a list or object only by its kind. */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  // Only the start of a string is quoted: no need to copy a 10 MB one to show 40 characters.
  const text = (typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value)).replace(/[\u007f-\u009f\u2028\u2029]/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function listed(problems: readonly HarProblem[]): string {
  const named = problems.slice(0, NAMED).map(({ subject, problem }) => {
    const short = problem.length > PROBLEM_CHARS ? `${problem.slice(0, PROBLEM_CHARS - 1)}…` : problem;
    return `${subject} (${short})`;
  });
  const more = problems.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The warnings for what was skipped and what was repaired; none when the HAR was clean. */
export function importNotes(skipped: readonly HarProblem[], repaired: readonly HarProblem[]): string[] {
  const notes: string[] = [];
  if (skipped.length > 0) {
    notes.push(`Skipped ${plural(skipped.length, 'entry', 'entries')} the HAR could not describe: ${listed(skipped)}.`);
  }
  if (repaired.length > 0) {
    notes.push(`Read ${plural(repaired.length, 'part', 'parts')} of the HAR that ${repaired.length === 1 ? 'was' : 'were'} out of format, as noted: ${listed(repaired)}.`);
  }
  return notes;
}
