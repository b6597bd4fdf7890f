// The DevTools page: its only job is to add the OneSocket panel. The panel learns its tab from
// chrome.devtools.inspectedWindow, so it also runs as a plain page with ?tabId=N.
chrome.devtools.panels.create('OneSocket', '', 'src/devtools/panel.html');
