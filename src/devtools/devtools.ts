// The DevTools page: its only job is to add the OneSocket panel. The panel learns its tab from
// chrome.devtools.inspectedWindow, so it also runs as a plain page with ?tabId=N.
// The path starts at the extension's root: Chrome resolves a relative one from the root,
// Firefox from this page's folder (src/devtools/), which would name src/devtools/src/devtools/.
chrome.devtools.panels.create('OneSocket', '', '/src/devtools/panel.html');
