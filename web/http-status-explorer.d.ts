// http-status-explorer.d.ts — the one-tag bundle registers both elements.
export { HttpStatusExplorerElement, HttpStatusBadgeElement, HttpStatusChangeEvent } from './define.js';
