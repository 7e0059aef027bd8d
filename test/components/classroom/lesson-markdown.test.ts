import { describe, expect, it } from 'vitest';
import { renderLessonMarkdown, renderLessonMarkdownInline } from '../../../components/classroom/lesson-markdown';

describe('lesson Markdown', () => {
  it('renders the Markdown a lesson uses', () => {
    const html = renderLessonMarkdown('# Why SPT\n\nShort jobs **first**, then `MWKR`.\n\n- one\n- two\n\n[paper](https://example.org/p)');
    expect(html).toContain('<h1>Why SPT</h1>');
    expect(html).toContain('<strong>first</strong>');
    expect(html).toContain('<code>MWKR</code>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<a href="https://example.org/p" target="_blank" rel="noopener noreferrer">paper</a>');
  });

  it('never passes raw HTML through', () => {
    const html = renderLessonMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\nok <b onclick="x()">b</b>');
    expect(html).not.toMatch(/<script|<img|<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('drops script, data and protocol-relative links but keeps relative and in-page ones', () => {
    const html = renderLessonMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](//evil.example/x) [d](/lab/jobshop) [e](#q1) [f](JaVaScRiPt:x)');
    expect(html).not.toMatch(/href="(javascript|data|\/\/)/i);
    expect(html).toContain('<a href="/lab/jobshop">d</a>');
    expect(html).toContain('<a href="#q1">e</a>');
    expect(html).toContain('[a](javascript:alert(1))');
  });

  it('loads no images, since a lesson must not fetch from other sites', () => {
    expect(renderLessonMarkdown('![chart](https://example.org/x.png)')).not.toContain('<img');
  });

  it('renders a question inline, without a paragraph', () => {
    expect(renderLessonMarkdownInline('Is *SPT* optimal?')).toBe('Is <em>SPT</em> optimal?');
  });
});
