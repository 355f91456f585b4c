import { describe, expect, it } from 'vitest';
import { emitSource, finishTrie, insertPhrase, newTrie, type WalkNode } from '../../lib/text/phrase-trie';

/** Every node reachable from `root`, each once. */
function nodesOf(root: WalkNode): Set<WalkNode> {
  const seen = new Set<WalkNode>();
  const visit = (n: WalkNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    n.kids.forEach(visit);
    n.next.forEach(visit);
  };
  visit(root);
  return seen;
}

describe('building a phrase trie', () => {
  it('keeps the letters no other phrase shares in one run per node, before finishTrie', () => {
    const root = newTrie();
    for (const p of ['harbour', 'harbourside', 'hamlet', 'ham*']) insertPhrase(root, p);
    // After the opening boundary "ha", then "r" to "bour" (the end, or "s" to "ide"), or "m" to "l"
    // and "et", or a word run: a node where the phrases part, not one per letter (21 then).
    const nodes = nodesOf(root);
    expect(nodes.size).toBe(10);
    expect([...nodes].map((n) => n.run).filter(Boolean)).toEqual(['ha', 'bour', 'ide', 'et']);
  });

  it('splits a run where a later phrase leaves it, ends in it or takes a step from it', () => {
    const root = newTrie();
    for (const p of ['cellblock', 'cell', 'cellar', 'cell-block', 'cell*']) insertPhrase(root, p);
    expect(emitSource(finishTrie(root))).toBe('\\bcell(?:block\\b|ar\\b|[\\s-]?block\\b|\\w*|\\b)');
  });
});
