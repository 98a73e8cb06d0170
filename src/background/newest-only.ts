/**
 * Keeps out-of-order answers from going backwards. Answers are built asynchronously
 * (storage reads, grading), so two built for one receiver can overlap and finish out of
 * order; a view shows the last answer it got until the next change, so an older one
 * arriving last would stick. Each build is numbered when it starts, before it reads
 * anything, and a receiver is only given a build newer than the newest it already has.
 */
export class NewestOnly<Receiver extends object> {
  private started = 0;
  private readonly newest = new WeakMap<Receiver, number>();

  /** The number of a build starting now: higher than any started before it. */
  start(): number {
    this.started += 1;
    return this.started;
  }

  /** Whether `receiver` should be given build `build`; when it should, that build becomes its newest. */
  admit(receiver: Receiver, build: number): boolean {
    if ((this.newest.get(receiver) ?? 0) > build) return false;
    this.newest.set(receiver, build);
    return true;
  }
}
