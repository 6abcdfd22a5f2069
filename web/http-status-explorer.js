// http-status-explorer.js — the one script a documentation site includes:
//
//   <script type="module" src="/path/to/http-status-explorer.js"></script>
//   <http-status-explorer code="404"></http-status-explorer>
//   … a <http-status-badge code="503">503 Service Unavailable</http-status-badge> …
//
// status.wasm and the other modules are found beside this file (import.meta.url).
export { HttpStatusExplorerElement, HttpStatusBadgeElement } from './define.js';
