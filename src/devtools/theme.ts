/**
 * Follows the DevTools theme when inside DevTools (chrome.devtools.panels.themeName), and the
 * system's colour scheme as a plain page.
 */
export function applyDevtoolsTheme(root: HTMLElement): void {
  const devtoolsTheme = typeof chrome !== 'undefined' ? chrome.devtools?.panels?.themeName : undefined;
  const dark = devtoolsTheme ? devtoolsTheme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset['theme'] = dark ? 'dark' : 'light';
}
