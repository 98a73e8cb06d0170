import { describe, expect, it } from 'vitest';
import { NewestOnly } from '../../src/background/newest-only';

describe('NewestOnly', () => {
  it('numbers builds in the order they start', () => {
    const order = new NewestOnly<object>();
    const first = order.start();
    const second = order.start();
    expect(second).toBeGreaterThan(first);
  });

  it('drops a build that finishes after a newer one was given', () => {
    const order = new NewestOnly<object>();
    const port = {};
    const older = order.start();
    const newer = order.start();
    expect(order.admit(port, newer)).toBe(true);
    expect(order.admit(port, older)).toBe(false);
  });

  it('gives builds finishing in order, and the same build to every receiver', () => {
    const order = new NewestOnly<object>();
    const [a, b] = [{}, {}];
    const first = order.start();
    expect([order.admit(a, first), order.admit(b, first)]).toEqual([true, true]);
    const second = order.start();
    expect([order.admit(a, second), order.admit(b, second)]).toEqual([true, true]);
  });

  it('judges each receiver by what it was given: one that missed a newer build still gets an older one', () => {
    const order = new NewestOnly<object>();
    const [early, late] = [{}, {}];
    const older = order.start();
    const newer = order.start();
    expect(order.admit(early, newer)).toBe(true);
    // `late` subscribed after the newer build was sent out, so it never had it.
    expect(order.admit(late, older)).toBe(true);
    expect(order.admit(early, older)).toBe(false);
  });
});
