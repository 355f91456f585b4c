import type { CDPSession, Page } from '@playwright/test';

/**
 * Our in-page UI lives in a closed shadow root, which neither the page nor
 * Playwright's locators can open (that is the point). The DevTools protocol
 * can: these helpers look inside it the way DevTools does, to find where the
 * card and the button are, to read the live region, and to hand the card's
 * markup to the accessibility checker.
 */
export class OverlayProbe {
  private constructor(
    private readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async attach(page: Page): Promise<OverlayProbe> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    return new OverlayProbe(page, cdp);
  }

  private async shadowRootId(): Promise<number | null> {
    const { root } = await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n: { nodeName?: string; shadowRoots?: unknown[]; children?: unknown[] }): number | null => {
      if (n.nodeName === 'CECOT-LENS-OVERLAY') return ((n.shadowRoots?.[0] as { nodeId: number } | undefined)?.nodeId ?? null);
      for (const c of (n.children ?? []) as (typeof n)[]) {
        const r = find(c);
        if (r !== null) return r;
      }
      return null;
    };
    return find(root as never);
  }

  /** The box of the first element matching `selector` inside our shadow root, or null when absent or not rendered. */
  async box(selector: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
    const rootId = await this.shadowRootId();
    if (rootId === null) return null;
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
    if (!nodeId) return null;
    try {
      const { model } = await this.cdp.send('DOM.getBoxModel', { nodeId });
      const [x1, y1, x2, , , y3] = model.border;
      return { x: x1!, y: y1!, width: x2! - x1!, height: y3! - y1! };
    } catch {
      return null; // display: none
    }
  }

  async visible(selector: string): Promise<boolean> {
    const b = await this.box(selector);
    return !!b && b.width > 0 && b.height > 0;
  }

  /** The text of an element inside our shadow root. */
  async text(selector: string): Promise<string | null> {
    const rootId = await this.shadowRootId();
    if (rootId === null) return null;
    const { nodeId } = await this.cdp.send('DOM.querySelector', { nodeId: rootId, selector });
    if (!nodeId) return null;
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return this.textContent; }', returnByValue: true });
    return result.value as string;
  }

  /** The shadow root's markup (its style included), to check a copy of it with axe in an ordinary page. */
  async markup(): Promise<string> {
    const rootId = await this.shadowRootId();
    if (rootId === null) throw new Error('no overlay in the page');
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: rootId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return this.innerHTML; }', returnByValue: true });
    return result.value as string;
  }

  /** Whether the element the page has focused is our overlay (focus inside a closed root shows as its host). */
  async focusedInOverlay(selector: string): Promise<boolean> {
    const rootId = await this.shadowRootId();
    if (rootId === null) return false;
    const { object } = await this.cdp.send('DOM.resolveNode', { nodeId: rootId });
    const { result } = await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function (sel) { return this.activeElement !== null && this.activeElement === this.querySelector(sel); }',
      arguments: [{ value: selector }],
      returnByValue: true,
    });
    return result.value === true;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  get pageRef(): Page {
    return this.page;
  }
}
