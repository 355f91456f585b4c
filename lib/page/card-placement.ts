/**
 * Where the hover card goes: never over the claim it describes. Above the
 * claim when there is room (the reader's eye is moving down the text), else
 * below, else beside it (right, then left), and if nothing fits — a claim
 * taller than the window — over the part of the window the claim leaves
 * free. Always inside the viewport.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  left: number;
  top: number;
  side: 'above' | 'below' | 'right' | 'left' | 'over';
}

const GAP = 6;
const MARGIN = 8;

export function placeCard(claim: Box, card: { width: number; height: number }, viewport: { width: number; height: number }, pointerX?: number): Placement {
  const clampX = (x: number) => Math.max(MARGIN, Math.min(x, viewport.width - card.width - MARGIN));
  const clampY = (y: number) => Math.max(MARGIN, Math.min(y, viewport.height - card.height - MARGIN));
  // Horizontally, near the pointer when we know it (a claim may span the whole column).
  const x = clampX(pointerX !== undefined ? pointerX - card.width / 2 : claim.left);
  if (claim.top - GAP - card.height >= MARGIN) return { left: x, top: claim.top - GAP - card.height, side: 'above' };
  if (claim.bottom + GAP + card.height <= viewport.height - MARGIN) return { left: x, top: claim.bottom + GAP, side: 'below' };
  const y = clampY(claim.top);
  if (claim.right + GAP + card.width <= viewport.width - MARGIN) return { left: claim.right + GAP, top: y, side: 'right' };
  if (claim.left - GAP - card.width >= MARGIN) return { left: claim.left - GAP - card.width, top: y, side: 'left' };
  // Nothing fits: take the taller free band of the window, above or below the claim.
  const spaceAbove = claim.top;
  const spaceBelow = viewport.height - claim.bottom;
  return { left: x, top: spaceAbove > spaceBelow ? MARGIN : clampY(claim.bottom + GAP), side: 'over' };
}

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The grace area between a claim and its card: the pointer on its way from
 * one to the other crosses this box, and the card stays while it does.
 */
export function graceArea(claim: Box, card: Box): Box {
  return { left: Math.min(claim.left, card.left), top: Math.min(claim.top, card.top), right: Math.max(claim.right, card.right), bottom: Math.max(claim.bottom, card.bottom) };
}

export function contains(box: Box, x: number, y: number): boolean {
  return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
}

/** Whether any of a range's boxes is inside the viewport: off-screen selections and claims lose their floating UI. */
export function inViewport(box: Box, viewport: { width: number; height: number }): boolean {
  return box.bottom > 0 && box.top < viewport.height && box.right > 0 && box.left < viewport.width;
}
