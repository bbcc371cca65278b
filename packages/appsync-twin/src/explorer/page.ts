import { CONFIG_ELEMENT_ID, type ExplorerConfig } from './web/config';

/** JSON safe inside a <script> element: `<` cannot close the element or open a comment. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The explorer's HTML page; the app and its styles are served from `${basePath}/app.js` and `app.css`. */
export function explorerPage(config: ExplorerConfig, basePath: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(config.title ?? 'API explorer')} (local)</title>
    <link rel="stylesheet" href="${basePath}/app.css" />
  </head>
  <body>
    <div id="root"></div>
    <script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptSafeJson(config)}</script>
    <script type="module" src="${basePath}/app.js"></script>
  </body>
</html>
`;
}
