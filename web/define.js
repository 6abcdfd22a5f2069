// define.js — registers <http-status-explorer> and <http-status-badge>.
// Importing it twice, or on a page that already defined the tags, is fine;
// so is importing it where there is no DOM (server-side rendering).
import { HttpStatusExplorerElement, HttpStatusBadgeElement } from './widget.js';

for (const C of [HttpStatusExplorerElement, HttpStatusBadgeElement]) {
  try {
    C.define();
  } catch (err) {
    // NotSupportedError: the tag (or this class) is already defined. ReferenceError: no DOM.
    if (!(err instanceof ReferenceError) && !(err && err.name === 'NotSupportedError')) throw err;
  }
}

export { HttpStatusExplorerElement, HttpStatusBadgeElement };
