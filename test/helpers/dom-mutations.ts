/**
 * Random DOM mutations for the incremental-snapshot property tests, the same in jsdom
 * (test/content/incremental-snapshot.test.ts) and in real Chromium
 * (test/e2e/incremental-snapshot.test.ts). Operations are plain data, and `applyOperations`
 * uses nothing from outside its own body, so that it can be handed to `page.evaluate`.
 */
import fc from 'fast-check';
import { ATTRIBUTES_READ } from '../../src/content/incremental-snapshot';

export type DomOperation =
  | { kind: 'add'; tag: 'script' | 'link' | 'meta' | 'base' | 'div'; parent: number; attributes: Array<[string, string]> }
  | { kind: 'remove'; index: number }
  | { kind: 'move'; index: number; parent: number }
  | { kind: 'set'; index: number; name: string; value: string }
  | { kind: 'unset'; index: number; name: string }
  | { kind: 'html'; parent: number; html: string }
  | { kind: 'url'; path: string };

const values = fc.constantFrom('', 'module', 'text/plain', 'application/javascript', 'stylesheet', 'preload', 'modulepreload', 'icon', 'PreLoad Stylesheet',
  'style', 'script', 'sha384-abc', 'sha256-x sha512-y', 'anonymous', 'use-credentials', '/a.js', 'b/c.css', 'https://cdn.example.net/x.js', '//cdn.example.org/y.css',
  'referrer', 'viewport', 'Content-Security-Policy', "default-src 'self'", 'no-referrer', '../up/', 'https://other.example/base/', 'sub/dir/');
const attribute = fc.tuple(fc.constantFrom(...ATTRIBUTES_READ, 'id', 'data-x'), values);

export const domOperation: fc.Arbitrary<DomOperation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), tag: fc.constantFrom('script' as const, 'link' as const, 'meta' as const, 'base' as const, 'div' as const), parent: fc.nat(), attributes: fc.array(attribute, { maxLength: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), index: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), index: fc.nat(), parent: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('set' as const), index: fc.nat(), name: fc.constantFrom(...ATTRIBUTES_READ), value: values }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unset' as const), index: fc.nat(), name: fc.constantFrom(...ATTRIBUTES_READ) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('html' as const), parent: fc.nat(), html: fc.constantFrom('<script src="w.js"></script><link rel="stylesheet" href="w.css">', '<div><script>1</script><meta name="referrer" content="origin"></div>', '<p>text</p>', '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('url' as const), path: fc.constantFrom('/start/page.html', '/other/deeper/page', '/') }) },
);

/** Batches of operations; the snapshots are compared after each batch. */
export const domMutationBatches = fc.array(fc.array(domOperation, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 });

/** The document the runs start from: relative and absolute tags, a policy meta. */
export const START_HTML = '<script src="first.js" integrity="sha384-a"></script><link rel="stylesheet" href="/s.css"><meta http-equiv="Content-Security-Policy" content="x">';

/** Applies the operations to `document` (self-contained: see the module comment). */
export function applyOperations(operations: readonly DomOperation[]): void {
  const elements = (): Element[] => Array.from(document.querySelectorAll('head *, body *'));
  const containers = (): Element[] => [document.head, document.body, ...Array.from(document.querySelectorAll('body div'))];
  const at = <T,>(items: readonly T[], index: number): T | undefined => (items.length === 0 ? undefined : items[index % items.length]);
  for (const op of operations) {
    if (op.kind === 'add') {
      const element = document.createElement(op.tag);
      for (const [name, value] of op.attributes) element.setAttribute(name, value);
      at(containers(), op.parent)?.append(element);
    } else if (op.kind === 'remove') {
      at(elements(), op.index)?.remove();
    } else if (op.kind === 'move') {
      const element = at(elements(), op.index);
      const parent = at(containers(), op.parent);
      if (element !== undefined && parent !== undefined && !element.contains(parent)) parent.append(element);
    } else if (op.kind === 'set') {
      at(elements(), op.index)?.setAttribute(op.name, op.value);
    } else if (op.kind === 'unset') {
      at(elements(), op.index)?.removeAttribute(op.name);
    } else if (op.kind === 'html') {
      const parent = at(containers(), op.parent);
      if (parent !== undefined && parent !== document.head) parent.innerHTML = op.html;
    } else {
      // Same origin, whatever <base> says (a cross-origin URL would throw).
      history.replaceState(null, '', new URL(op.path, location.origin).href);
    }
  }
}
