// widget.d.ts — public types of web/widget.js: the two custom elements,
// exported without registering them (define.js registers them).
/// <reference lib="dom" />

/** <http-status-explorer>: a card, an exchange, or the whole explorer, for one code. */
export declare class HttpStatusExplorerElement extends HTMLElement {
  /** Registers the class as tag (default 'http-status-explorer') in registry; returns the class. */
  static define(tag?: string, registry?: CustomElementRegistry): typeof HttpStatusExplorerElement;
  static readonly observedAttributes: string[];
  /** The `code` attribute: a status code 100–599, or null. */
  code: number | null;
  /** The `view` attribute: what the element shows. */
  view: 'card' | 'exchange' | 'full';
  /** The `heading-level` attribute (2–5, default 3). */
  readonly headingLevel: number;
}

/** <http-status-badge>: a code and its phrase inline in prose, opening the card in a popover. */
export declare class HttpStatusBadgeElement extends HTMLElement {
  static define(tag?: string, registry?: CustomElementRegistry): typeof HttpStatusBadgeElement;
  static readonly observedAttributes: string[];
  code: number | null;
}

/** The event both elements fire when the person picks another code. */
export interface HttpStatusChangeEvent extends CustomEvent<{ code: number }> {
  readonly type: 'http-status-change';
}

declare global {
  interface HTMLElementTagNameMap {
    'http-status-explorer': HttpStatusExplorerElement;
    'http-status-badge': HttpStatusBadgeElement;
  }
}
