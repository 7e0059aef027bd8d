import MarkdownIt from 'markdown-it';

/**
 * A lesson's instructions and questions are Markdown written by whoever made the lesson, and a lesson link is
 * opened by a whole class: the text must not be able to run script or restyle the page. markdown-it with `html:
 * false` never passes raw HTML through (a `<script>` comes out as text), and the link check below keeps only
 * http(s), mailto, in-page and relative links, so `javascript:` or `data:` URLs are dropped. Images are not allowed:
 * a lesson must not make a reader's browser fetch from another site (SchedLab loads nothing from outside at run time).
 */
// A scheme-less URL is relative only if no colon comes before its first / ? or # ("javascript:x" has one).
const SAFE_LINK = /^(?!\/\/)(https?:|mailto:|[^:/?#]*([/?#]|$))/i;

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
markdown.disable(['image']);
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());

// Links to other sites open in a new tab without giving it a handle on this one.
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet('href') ?? '';
  if (/^https?:/i.test(href)) {
    tokens[idx].attrSet('target', '_blank');
    tokens[idx].attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Lesson Markdown as HTML that is safe to put into the page. */
export function renderLessonMarkdown(source: string): string {
  return markdown.render(source);
}

/** One line of Markdown (a question), without the paragraph around it. */
export function renderLessonMarkdownInline(source: string): string {
  return markdown.renderInline(source);
}
