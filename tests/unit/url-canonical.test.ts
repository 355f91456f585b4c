import { describe, expect, it } from 'vitest';
import { canonicalUrl, CanonicalUrlError, isTrackingParam, registrableDomain, sameSite } from '../../lib/url';

describe('canonicalUrl: cleaning the page URL', () => {
  it('removes tracking parameters and the fragment, and sorts the rest', () => {
    expect(
      canonicalUrl('https://www.elfaro.net/es/202503/story?utm_source=tw&utm_medium=social&page=2&fbclid=IwAR0&id=7#comments'),
    ).toBe('https://www.elfaro.net/es/202503/story?id=7&page=2');
  });

  it.each([
    'utm_campaign', 'UTM_Source', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'igshid', 'ref_src', '_ga', 'msclkid', 'pk_campaign',
  ])('removes %s', (name) => {
    expect(canonicalUrl(`https://site.example/a?${name}=1&keep=1`)).toBe('https://site.example/a?keep=1');
  });

  it('keeps parameters that may select content, and their exact encoding', () => {
    expect(canonicalUrl('https://site.example/search?q=c%C3%A1rcel%20CECOT&ref=home&s=2')).toBe(
      'https://site.example/search?q=c%C3%A1rcel%20CECOT&ref=home&s=2',
    );
  });

  it('keeps the relative order of repeated parameters while sorting by name', () => {
    expect(canonicalUrl('https://site.example/a?tag=z&b=1&tag=a')).toBe('https://site.example/a?b=1&tag=z&tag=a');
  });

  it('drops an empty query entirely', () => {
    expect(canonicalUrl('https://site.example/a?utm_source=x')).toBe('https://site.example/a');
    expect(canonicalUrl('https://site.example/a?')).toBe('https://site.example/a');
  });

  it('lower-cases the host and drops default ports, credentials and a trailing dot', () => {
    expect(canonicalUrl('HTTPS://User:Secret@WWW.LaPrensaGrafica.COM.:443/Path/Story')).toBe(
      'https://www.laprensagrafica.com/Path/Story',
    );
    expect(canonicalUrl('http://site.example:80/a')).toBe('http://site.example/a');
    expect(canonicalUrl('https://site.example:8443/a')).toBe('https://site.example:8443/a');
  });

  it('keeps www. and m. hosts as they are when the page names no canonical', () => {
    expect(canonicalUrl('https://m.elfaro.net/es/story')).toBe('https://m.elfaro.net/es/story');
    expect(canonicalUrl('https://elfaro.net/es/story')).toBe('https://elfaro.net/es/story');
  });

  it('keeps #! routes but not text fragments', () => {
    expect(canonicalUrl('https://site.example/#!/articles/42')).toBe('https://site.example/#!/articles/42');
    expect(canonicalUrl('https://site.example/a#:~:text=CECOT')).toBe('https://site.example/a');
    expect(canonicalUrl('https://site.example/#!/articles/42:~:text=CECOT')).toBe('https://site.example/#!/articles/42');
  });
});

describe('canonicalUrl: AMP', () => {
  it.each([
    ['https://www.elsalvador.com/noticias/nacional/story/amp/', 'https://www.elsalvador.com/noticias/nacional/story/'],
    ['https://www.elsalvador.com/noticias/nacional/story/amp', 'https://www.elsalvador.com/noticias/nacional/story'],
    ['https://www.bbc.com/mundo/articles/c1234.amp', 'https://www.bbc.com/mundo/articles/c1234'],
    ['https://site.example/news/story.amp.html', 'https://site.example/news/story.html'],
    ['https://site.example/news/story?amp=1', 'https://site.example/news/story'],
    ['https://site.example/news/story?amp', 'https://site.example/news/story'],
    ['https://www.infobae.com/america/2025/03/16/story/?outputType=amp-type', 'https://www.infobae.com/america/2025/03/16/story/'],
    ['https://site.example/news/story?outputType=amp&page=2', 'https://site.example/news/story?page=2'],
  ])('maps %s to the article', (amp, article) => {
    expect(canonicalUrl(amp)).toBe(article);
  });

  it('leaves paths that merely contain "amp" alone', () => {
    expect(canonicalUrl('https://site.example/amp/')).toBe('https://site.example/amp/');
    expect(canonicalUrl('https://site.example/camp/stamp')).toBe('https://site.example/camp/stamp');
    expect(canonicalUrl('https://site.example/news/example')).toBe('https://site.example/news/example');
    expect(canonicalUrl('https://site.example/a?outputType=json')).toBe('https://site.example/a?outputType=json');
  });

  it('unwraps Google AMP cache and viewer URLs to the publisher URL', () => {
    expect(
      canonicalUrl('https://www-elfaro-net.cdn.ampproject.org/c/s/www.elfaro.net/es/202503/story/amp/?amp_js_v=0.1&usqp=mq331AQ'),
    ).toBe('https://www.elfaro.net/es/202503/story/');
    expect(canonicalUrl('https://www.google.com/amp/s/www.infobae.com/america/story/?outputType=amp-type')).toBe(
      'https://www.infobae.com/america/story/',
    );
  });

  it('checks a canonical link on an AMP cache page against the publisher, not the cache', () => {
    const cache = 'https://www-elfaro-net.cdn.ampproject.org/c/s/www.elfaro.net/es/story/amp/';
    expect(canonicalUrl(cache, 'https://www.elfaro.net/es/story/?utm_source=amp')).toBe('https://www.elfaro.net/es/story/');
    expect(canonicalUrl(cache, 'https://other.example/es/story/')).toBe('https://www.elfaro.net/es/story/');
  });
});

describe('canonicalUrl: the page canonical link', () => {
  it('prefers the canonical link on the same site, cleaned too', () => {
    expect(canonicalUrl('https://m.elfaro.net/es/story?ref_src=twsrc', 'https://www.elfaro.net/es/story?utm_medium=rss')).toBe(
      'https://www.elfaro.net/es/story',
    );
  });

  it('resolves a relative canonical href against the page', () => {
    expect(canonicalUrl('https://www.elfaro.net/es/202503/story?page=1', '../202503/story')).toBe(
      'https://www.elfaro.net/es/202503/story',
    );
    expect(canonicalUrl('https://amp.elfaro.net/es/story', '/es/story')).toBe('https://amp.elfaro.net/es/story');
  });

  it('ignores a canonical on another registrable domain', () => {
    expect(canonicalUrl('https://hostile.example/copy', 'https://www.elfaro.net/es/story')).toBe('https://hostile.example/copy');
    expect(canonicalUrl('https://elfaro.net.hostile.example/x', 'https://www.elfaro.net/x')).toBe(
      'https://elfaro.net.hostile.example/x',
    );
  });

  it('does not let one tenant of a shared host speak for another', () => {
    expect(canonicalUrl('https://evil.github.io/cecot', 'https://victim.github.io/cecot')).toBe('https://evil.github.io/cecot');
    expect(canonicalUrl('https://writer.substack.com/p/cecot', 'https://writer.substack.com/p/cecot-2')).toBe(
      'https://writer.substack.com/p/cecot-2',
    );
  });

  it('ignores canonical links that are not http(s), unparsable or blank', () => {
    const page = 'https://www.elfaro.net/es/story';
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'http://[::1', '   ', '', null, undefined]) {
      expect(canonicalUrl(page, href)).toBe(page);
    }
  });

  it('ignores a canonical pointing at the site root from an article', () => {
    expect(canonicalUrl('https://www.elfaro.net/es/story', 'https://www.elfaro.net/')).toBe('https://www.elfaro.net/es/story');
    expect(canonicalUrl('https://www.elfaro.net/?utm_source=x', 'https://www.elfaro.net/')).toBe('https://www.elfaro.net/');
  });

  it('upgrades an http canonical on an https page', () => {
    expect(canonicalUrl('https://www.elfaro.net/es/story', 'http://www.elfaro.net/es/story')).toBe('https://www.elfaro.net/es/story');
  });
});

describe('canonicalUrl: pages that cannot be annotated', () => {
  it.each(['file:///home/me/article.html', 'about:blank', 'chrome-extension://abc/options.html', 'moz-extension://x/y', 'data:text/html,hi'])(
    'rejects %s as an unsupported scheme',
    (url) => {
      expect(() => canonicalUrl(url)).toThrow(CanonicalUrlError);
      try {
        canonicalUrl(url);
      } catch (error) {
        expect((error as CanonicalUrlError).reason).toBe('unsupported-scheme');
      }
    },
  );

  it('rejects a string that is not a URL', () => {
    expect(() => canonicalUrl('elfaro.net/story')).toThrow(/Not a valid URL/);
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.elfaro.net', 'elfaro.net'],
    ['m.elfaro.net', 'elfaro.net'],
    ['elfaro.net', 'elfaro.net'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['www.presidencia.gob.sv', 'presidencia.gob.sv'],
    ['diario.elmundo.sv', 'elmundo.sv'],
    ['noticias.com.sv', 'noticias.com.sv'],
    // substack.com is not on the list (Substack never asked): its subdomains count as one site, as browsers treat them.
    ['a.b.writer.substack.com', 'substack.com'],
    ['a.b.writer.github.io', 'writer.github.io'],
    ['192.168.0.10', '192.168.0.10'],
    ['localhost', 'localhost'],
    ['WWW.Example.COM.', 'example.com'],
    // From the Public Suffix List's private section: each tenant is its own site.
    ['victim.workers.dev', 'victim.workers.dev'],
    ['api.victim.workers.dev', 'victim.workers.dev'],
    ['someone.pages.dev', 'someone.pages.dev'],
    ['project.web.app', 'project.web.app'],
    ['bucket.s3.amazonaws.com', 'bucket.s3.amazonaws.com'],
    // ICANN suffixes beyond two letters' worth of guessing
    ['www.city.kawasaki.jp', 'city.kawasaki.jp'],
    ['news.example.com.br', 'example.com.br'],
    ['[::1]', '[::1]'],
    ['workers.dev', 'workers.dev'],
  ])('%s → %s', (host, site) => {
    expect(registrableDomain(host)).toBe(site);
  });

  it('tells same-site hosts from look-alikes', () => {
    expect(sameSite('amp.theguardian.com', 'www.theguardian.com')).toBe(true);
    expect(sameSite('theguardian.com.evil.example', 'www.theguardian.com')).toBe(false);
    expect(sameSite('www.bbc.co.uk', 'www.itv.co.uk')).toBe(false);
    expect(sameSite('attacker.workers.dev', 'victim.workers.dev')).toBe(false);
  });

  it('does not file a workers.dev page under another subdomain of workers.dev (finding 3)', () => {
    expect(canonicalUrl('https://attacker.workers.dev/a', 'https://victim.workers.dev/a')).toBe('https://attacker.workers.dev/a');
    expect(canonicalUrl('https://www.victim.workers.dev/a', 'https://victim.workers.dev/a')).toBe('https://victim.workers.dev/a');
  });
});

describe('isTrackingParam', () => {
  it('recognises tracking names by exact name and by prefix, case-insensitively', () => {
    expect(['utm_content', 'Fbclid', 'mc_eid', '__hssc', 'hsa_acc', 'itm_source'].every(isTrackingParam)).toBe(true);
    expect(['id', 'page', 'ref', 'q', 'utm', 'story_fbid'].some(isTrackingParam)).toBe(false);
  });
});
