/** Longest wait for a frame: a visible page that stops drawing (occluded, throttled) must not hold the session up. */
const FRAME_WAIT_MS = 100;

/**
 * Resolves once the browser has drawn a frame (a timer queued from inside an
 * animation frame runs after that frame is painted). The reader's notes are
 * painted before the page's text is extracted and analysed, a long task of
 * its own; without this the notes, though painted, would reach the screen
 * only after it. A hidden page draws nothing, so it does not wait.
 */
export function afterNextFrame(doc: Document): Promise<void> {
  const view = doc.defaultView;
  if (doc.visibilityState !== 'visible' || !view) return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = view.setTimeout(resolve, FRAME_WAIT_MS);
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        view.clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
