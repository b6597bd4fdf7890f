/**
 * Follows the DevTools theme when inside DevTools (chrome.devtools.panels.themeName, and its
 * change handler when the user switches), and the system's colour scheme as a plain page.
 */
export function followDevtoolsTheme(root: HTMLElement): void {
  const panels = typeof chrome !== 'undefined' ? chrome.devtools?.panels : undefined;
  const apply = (dark: boolean): void => {
    root.dataset['theme'] = dark ? 'dark' : 'light';
  };
  if (panels?.themeName) {
    apply(panels.themeName === 'dark');
    panels.setThemeChangeHandler?.((themeName: string) => apply(themeName === 'dark'));
    return;
  }
  const query = matchMedia('(prefers-color-scheme: dark)');
  apply(query.matches);
  query.addEventListener('change', (event) => apply(event.matches));
}

