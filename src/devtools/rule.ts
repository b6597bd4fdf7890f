import { marked } from 'marked';
import { followDevtoolsTheme } from '../common/theme';

// Every rule page of docs/rules/, bundled at build time so the extension works offline.
const pages = import.meta.glob<string>('../../docs/rules/*.md', { query: '?raw', import: 'default', eager: true });

const ruleIds = Object.fromEntries(Object.keys(pages).map((path) => [path.replace(/^.*\/(.+)\.md$/, '$1'), true]));
const rule = new URLSearchParams(location.search).get('rule') ?? '';
const markdown = pages[`../../docs/rules/${rule}.md`];
const main = document.getElementById('rule') as HTMLElement;
followDevtoolsTheme(document.documentElement);
document.title = `OneSocket: ${rule}`;
// The markdown is our own, from the repository, so rendering it as HTML is safe.
main.innerHTML = markdown ? (marked.parse(markdown, { async: false }) as string) : `<p>No page for rule “${rule.replace(/[<>&"]/g, '')}”.</p>`;
// Pages link to each other as files of the repository (`duplicate-connection.md`); inside the
// extension the same page is rule.html?rule=duplicate-connection.
for (const link of main.querySelectorAll<HTMLAnchorElement>('a[href$=".md"]')) {
  const target = link.getAttribute('href')?.replace(/^\.\//, '').replace(/\.md$/, '') ?? '';
  if (target in ruleIds) link.href = `rule.html?rule=${encodeURIComponent(target)}`;
}
