import { decodeHTML } from 'entities';
import MarkdownIt from 'markdown-it';

/**
 * Renders a job summary the way GitHub does, as far as a library can: CommonMark + GFM tables and
 * strikethrough, raw HTML passed through (GitHub allows <details>, <code>, <br>…), bare URLs and
 * emails autolinked. A tag that reaches the HTML here would reach the browser on GitHub.
 */
const renderer = new MarkdownIt({ html: true, linkify: true });
renderer.linkify.set({ fuzzyEmail: true, fuzzyLink: false });

export function renderGitHub(markdown: string): string {
  return renderer.render(markdown);
}

/** Tags we write ourselves; anything else in the HTML came from input. */
const OURS = new Set([
  'h2',
  'h3',
  'h4',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'pre',
  'details',
  'summary',
  'ul',
  'li',
  'strong',
  'em',
  'br',
  'a',
]);

/** Every tag in the HTML that the summary code does not write. */
export function foreignTags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)]
    .map((m) => (m[1] as string).toLowerCase())
    .filter((t) => !OURS.has(t));
}

/** Links in the HTML (autolinked emails or URLs, or injected anchors). */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)].map((m) => m[1] as string);
}

/** The visible text of an HTML fragment: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return decodeHTML(html.replace(/<[^>]*>/g, '')).replace(/\u2060/g, '');
}

/** Text that hosts, lockfiles, file names and users put in a summary, at its most hostile. */
export const HOSTILE = [
  '<a href="https://evil.example/login">Sign in again</a>',
  '<img src=x onerror="alert(1)">',
  '<script>alert(document.cookie)</script>',
  '<details open><summary>x</summary>',
  '</td></tr></table><h1>owned</h1>',
  'a|b||c | d',
  '`tick` ``double`` ```fence```',
  'line one\nline two\r\nline three',
  '${{ secrets.TOKEN }} and ${HOME} and $(id)',
  'say "hi" and \'there\'',
  'C:\\path\\to\\ and \\| and \\',
  'pkg@1.0.0 ops@example.com @everyone',
  'https://evil.example and www.evil.example',
  '**bold** _em_ *em* ~~strike~~ [link](https://evil.example) ![img](https://evil.example/x.png)',
  '# not a heading',
  '- not a list',
  '1. not a list',
  '> not a quote',
  '&amp; &lt;b&gt; &#64;',
  '$x^2$ and $$y$$',
  'snake_case_name and __dunder__',
  '<!-- comment --> <?php ?> <![CDATA[x]]>',
  '[x]: https://evil.example "ref"',
];
