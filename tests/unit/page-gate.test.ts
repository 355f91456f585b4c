import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import fs from 'node:fs';
import path from 'node:path';
import { pageGate } from '../../lib/topic/page-gate';
import { gateDocument } from '../../lib/topic/gate';
import { bundledTopic } from '../../lib/topic/bundled';

const pages = [
  ['cecot', '<title>CECOT</title><p>The prison CECOT holds many.</p>', 'https://a.example/x'],
  ['url only', '<title>News</title><p>Nothing here.</p>', 'https://a.example/el-salvador-deal'],
  ['meta only', '<title>News</title><meta name="description" content="Bukele and the deal"><p>Nothing.</p>', 'https://a.example/x'],
  ['recipe', '<title>Tomatoes</title><p>Roast 40 tomatoes.</p>', 'https://a.example/food'],
  ['spanish', '<title>Noticias</title><article><p>La megacárcel recibió a los deportados.</p></article>', 'https://b.example/'],
] as const;

describe('pageGate (the always-on script) agrees with gateDocument', () => {
  for (const [name, html, url] of pages) {
    it(name, () => {
      const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
      expect(pageGate(document, url)).toBe(gateDocument(document, url, bundledTopic()).pass);
    });
  }
  it('on the e2e pages', () => {
    for (const file of ['cecot-report.html', 'off-topic.html']) {
      const { document } = parseHTML(fs.readFileSync(path.join('demo/pages', file), 'utf8'));
      expect(pageGate(document, `http://127.0.0.1/${file}`)).toBe(gateDocument(document, `http://127.0.0.1/${file}`, bundledTopic()).pass);
    }
  });
});
