import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../lib/exchange/html-to-text';

describe('HTML bodies as text', () => {
  it('blocks and breaks become lines; inline markup disappears', () => {
    expect(htmlToText('<h2>Title</h2><p>One <em>two</em></p><ul><li>a</li><li>b</li></ul>line<br/>next')).toBe('Title\nOne two\na\nb\nline\nnext');
  });
  it('script, style and comments leave nothing, even unclosed', () => {
    expect(htmlToText('a<!-- hidden --><style>p{}</style><script>x()</script>b')).toBe('ab');
    expect(htmlToText('keep<script>never closed')).toBe('keep');
  });
  it('entities are decoded once (no double decoding), bad numeric ones become U+FFFD', () => {
    expect(decodeEntities('&amp;lt; &#233; &#x1F600; &#0; &bogus;')).toBe('&lt; é 😀 \ufffd &bogus;');
    expect(htmlToText('1 &lt; 2 &amp;&amp; 3 &gt; 2')).toBe('1 < 2 && 3 > 2');
  });
  it('a lone < is text', () => {
    expect(htmlToText('a < b')).toBe('a < b');
  });
});
