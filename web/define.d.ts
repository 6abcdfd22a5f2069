// define.d.ts — web/define.js registers both elements (once, whatever the
// number of imports) and exports their classes.
export { HttpStatusExplorerElement, HttpStatusBadgeElement, HttpStatusChangeEvent } from './widget.js';
