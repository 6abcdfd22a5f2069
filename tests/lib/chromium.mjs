// chromium.mjs — how every browser test and benchmark launches Debian's
// Chromium through playwright-core (which never downloads a browser of its
// own): headless, with the flags a sandboxless, offline machine needs.

/** The command-line flags: no sandbox, GPU, QUIC or background traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Options for chromium.launchPersistentContext(freshDir, ...): $CHROMIUM or /usr/bin/chromium, headless, the flags, and extra. */
export function chromiumOptions(extra = {}) {
  return { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...extra };
}
