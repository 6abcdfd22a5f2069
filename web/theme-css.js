// theme-css.js — the elements' and the page's colours, fonts and base rules:
// every --http-status-* custom property, the class colours (.c1 … .c5) and
// what every .hs-ui box shares. A badge adopts this alone until its popover
// opens; render-css.js begins with it.

export const themeCss = `
:host, :root {
  /* No fallback on purpose: unset, var() is invalid at computed-value time and font-family inherits the host page's. */
  --_font: var(--http-status-font);
  --_mono: var(--http-status-mono, ui-monospace, "SF Mono", Menlo, Consolas, "D2Coding", monospace);
  --_bg: var(--http-status-bg, light-dark(#ffffff, #101216));
  --_fg: var(--http-status-fg, light-dark(#1b1d22, #e7e9ee));
  --_muted: var(--http-status-muted, light-dark(#59606d, #a1a9b7));
  --_line: var(--http-status-border, light-dark(#dfe3e8, #2c313a));
  --_panel: var(--http-status-panel, light-dark(#f5f6f8, #181b21));
  --_accent: var(--http-status-accent, light-dark(#1f4fd1, #8db4ff));
  --_radius: var(--http-status-radius, 10px);
  --_c1: var(--http-status-1xx, light-dark(#0b5f8f, #7cc8f5));
  --_c2: var(--http-status-2xx, light-dark(#166534, #7ddc9c));
  --_c3: var(--http-status-3xx, light-dark(#7324b8, #d3aefc));
  --_c4: var(--http-status-4xx, light-dark(#8f3b06, #fbc96b));
  --_c5: var(--http-status-5xx, light-dark(#b42318, #ff9d94));
  --_err: light-dark(#b42318, #ff9d94);
}
.c1 { --cls: var(--_c1); } .c2 { --cls: var(--_c2); } .c3 { --cls: var(--_c3); }
.c4 { --cls: var(--_c4); } .c5 { --cls: var(--_c5); } .c0 { --cls: var(--_muted); }
.hs-ui, .hs-ui * { box-sizing: border-box; }
.hs-ui { font-family: var(--_font); color: var(--_fg); line-height: 1.5; overflow-wrap: anywhere; word-break: keep-all; }
.hs-ui a { color: var(--_accent); text-underline-offset: 2px; }
.hs-ui :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; border-radius: 4px; }
.hs-ui h2, .hs-ui h3, .hs-ui h4, .hs-ui h5 { line-height: 1.25; margin: 0; }
.hs-ui code, .hs-ui pre { font-family: var(--_mono); }
.muted { color: var(--_muted); }
:lang(ko) { word-break: keep-all; }
.error { color: var(--_err); margin: .5rem 0; }
`;
