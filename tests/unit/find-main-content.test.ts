import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findMainContent } from '../../lib/extract/find-main-content';

const para = (i: number) => `<p>Paragraph ${i} of the story, long enough to count, with a comma, and another clause.</p>`;

function page(paragraphs: number): string {
  const story = Array.from({ length: paragraphs }, (_, i) => para(i)).join('\n');
  // A comment section longer than the story, inside the same wrapper: furniture by its class, never the main text.
  const comments = Array.from({ length: paragraphs + 20 }, (_, i) => para(1000 + i)).join('\n');
  return `<!doctype html><html><body><div class="page"><div class="wrap"><div class="story" id="story">${story}</div>
<div class="comment-list"><div class="inner">${comments}</div></div></div></div></body></html>`;
}

describe('findMainContent', () => {
  it('skips paragraphs under furniture, however many share it', () => {
    const { document } = parseHTML(page(30));
    expect(findMainContent(document)?.getAttribute('id')).toBe('story');
  });

  it("reads each container's class and id once, not once per paragraph under it (the always-on script runs it at DOMContentLoaded)", () => {
    const reads = (paragraphs: number) => {
      const { document } = parseHTML(page(paragraphs));
      let n = 0;
      const proto = Object.getPrototypeOf(document.body) as { getAttribute: (name: string) => string | null };
      const own = Object.getPrototypeOf(proto) as typeof proto;
      const target = 'getAttribute' in proto && Object.prototype.hasOwnProperty.call(proto, 'getAttribute') ? proto : own;
      const original = target.getAttribute;
      target.getAttribute = function (this: Element, name: string) {
        if (name === 'class' || name === 'id') n++;
        return original.call(this, name);
      };
      try {
        findMainContent(document);
      } finally {
        target.getAttribute = original;
      }
      return n;
    };
    // Ten times the paragraphs: the same few containers, so about the same reads (they grew tenfold before).
    const few = reads(20);
    const many = reads(200);
    expect(many).toBeLessThan(few * 2);
  });
});
