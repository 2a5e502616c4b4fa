import type { Page } from 'playwright-core';

/** The part of the renderer's test hook (window.__insynNetwork) that locates nodes on screen. */
interface ViewportHook { __insynNetwork: { viewportOf(id: string): { x: number; y: number } | null } }

/** Where a node is drawn, if a click there would reach the canvas (not a panel or toast on top). */
export async function clickableNode(page: Page, id: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((i) => {
    const p = (window as unknown as ViewportHook).__insynNetwork.viewportOf(i);
    if (!p) return null;
    const el = document.elementFromPoint(p.x, p.y);
    return el && el.closest('[data-testid=sigma]') ? p : null;
  }, id);
}
