import { detectLanguage, primaryLanguage } from '../text/detect-language';
import { findMainContent, isBoilerplate } from './find-main-content';
import { isHidden, renderText } from './render-text';
import type { TextMap } from './text-map';

/**
 * The built-in heuristic's main text (no Readability): the part of
 * `extractMainText` that the always-on script can carry too, for a page's
 * first screen (see platform/content/first-part.ts), without the Readability
 * code that the full extraction loads.
 */
export function heuristicText(doc: Document, maxChars?: number): { title: string; text: string; language: string; map: TextMap } {
  const main = findMainContent(doc) ?? doc.body ?? doc.documentElement;
  const furniture = furnitureTest(main);
  const rendered = renderText(main, () => true, (el) => el !== main && (furniture(el) || isHidden(el)), maxChars);
  return { title: pageTitle(doc), text: rendered.text, language: textLanguage(declaredLanguage(doc), rendered.text), map: rendered.map };
}

/** The page's `<html lang>`, as its primary language. */
export function declaredLanguage(doc: Document): string | null {
  return primaryLanguage(doc.documentElement?.getAttribute('lang'));
}

/** "en" or "es" as declared, else as the text reads. */
export function textLanguage(declared: string | null, text: string): string {
  return declared === 'en' || declared === 'es' ? declared : detectLanguage(text);
}

/**
 * Furniture inside the chosen root. A class name alone ("sidebar", "ad") is
 * trusted only for boxes holding a minor part of the root's text, because
 * sites put such words on whole-page wrappers too ("has-sidebar", "ad-free").
 */
export function furnitureTest(root: Node): (el: Element) => boolean {
  const rootLength = (root.textContent ?? '').length;
  return (el) => isBoilerplate(el) && (el.textContent ?? '').length < rootLength * 0.4;
}

/** og:title or the first h1 is usually cleaner than `<title>` ("Headline | Site name"). */
export function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  if (og) return og;
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
  if (h1) return h1;
  return (doc.title ?? '').trim();
}
