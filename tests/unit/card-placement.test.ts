import { describe, expect, it } from 'vitest';
import { contains, graceArea, inViewport, overlaps, placeCard, type Box } from '../../lib/page/card-placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 150 };
const boxOf = (p: { left: number; top: number }): Box => ({ left: p.left, top: p.top, right: p.left + card.width, bottom: p.top + card.height });

describe('hover card placement', () => {
  it('goes above the claim when there is room, and never covers it', () => {
    const claim = { left: 100, top: 400, right: 700, bottom: 440 };
    const p = placeCard(claim, card, viewport, 300);
    expect(p.side).toBe('above');
    expect(overlaps(boxOf(p), claim)).toBe(false);
    expect(p.left).toBe(120);
  });
  it('flips below at the top edge, beside when neither fits, and stays in the window', () => {
    const nearTop = { left: 100, top: 40, right: 700, bottom: 80 };
    expect(placeCard(nearTop, card, viewport).side).toBe('below');
    const tall = { left: 100, top: 100, right: 500, bottom: 700 };
    const beside = placeCard(tall, card, viewport);
    expect(beside.side).toBe('right');
    expect(overlaps(boxOf(beside), tall)).toBe(false);
    const tallRight = { left: 500, top: 100, right: 990, bottom: 700 };
    const left = placeCard(tallRight, card, viewport);
    expect(left.side).toBe('left');
    expect(overlaps(boxOf(left), tallRight)).toBe(false);
  });
  it('clamps to the viewport at the left and right edges', () => {
    const atRight = { left: 900, top: 400, right: 990, bottom: 420 };
    const p = placeCard(atRight, card, viewport, 985);
    expect(p.left + card.width).toBeLessThanOrEqual(viewport.width - 8);
    expect(placeCard({ left: 0, top: 400, right: 20, bottom: 420 }, card, viewport, 2).left).toBe(8);
  });
  it('when the claim fills the window, uses the larger free band and stays on screen', () => {
    const huge = { left: 0, top: 10, right: 1000, bottom: 700 };
    const p = placeCard(huge, card, viewport);
    expect(p.side).toBe('over');
    expect(p.top + card.height).toBeLessThanOrEqual(viewport.height);
  });
  it('keeps a grace area spanning claim and card, and knows what is on screen', () => {
    const claim = { left: 100, top: 400, right: 300, bottom: 420 };
    const c = { left: 150, top: 244, right: 510, bottom: 394 };
    const g = graceArea(claim, c);
    expect(contains(g, 200, 397)).toBe(true); // the gap between them
    expect(contains(g, 600, 397)).toBe(false);
    expect(inViewport({ left: 0, top: -50, right: 10, bottom: -2 }, viewport)).toBe(false);
    expect(inViewport({ left: 0, top: -50, right: 10, bottom: 5 }, viewport)).toBe(true);
  });
});
