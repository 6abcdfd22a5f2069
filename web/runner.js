// runner.js — the session state of the simulated server for the views of
// one page or element (render.js ctx.runner): the engine holds one server,
// and each runner keeps its own copy of the state and hands it back on
// every call.

/**
 * Returns the runner the views use to talk to the simulated server. The
 * engine holds one server; a runner keeps its own copy of the state and
 * hands it back on every call, so examples (each run on a fresh server plus
 * the example's setup, and so the same every time) never disturb what the
 * send panel set.
 */
/**
 * The part of the engine an exchange was refused for (the simulated
 * server's Korean, 'server-ko': engine-server.js), or null for any other
 * error. A view that gets it awaits hs.ready(part) and runs again.
 */
export function missingPart(err) {
  return err && typeof err.part === 'string' ? err.part : null;
}

export function makeRunner(hs) {
  let state = hs.resetServer();
  const run = (raw, s, lang) => hs.simulate(raw, s === undefined ? { lang } : { state: s, lang });
  return {
    get state() { return state; },
    /** Resets the runner's server to the engine's initial state. */
    reset() {
      state = hs.resetServer();
      return state;
    },
    /** Changes part of the runner's state (maintenance, upstream, clock …); returns the new state. */
    patch(partial) {
      hs.setServerState({ ...state });
      state = hs.setServerState(partial);
      return state;
    },
    /** Runs raw (string or bytes) on the runner's state; keeps the state the server leaves. */
    send(raw, lang) {
      const out = run(raw, state, lang);
      if (out && out.state !== undefined) state = out.state;
      return out;
    },
    /** Runs the example for code on a fresh server with its setup; returns { example, result, state }. */
    example(code, lang) {
      const ex = hs.example(code);
      if (!ex || !ex.request) return { example: ex, result: null };
      const result = run(ex.request, { reset: true, ...(ex.setup || {}) }, lang);
      return { example: ex, result, state: result && result.state };
    },
    /** Sets the runner's state to an example's setup (for the send panel's presets). */
    setup(ex) {
      state = hs.resetServer();
      const { reset, ...rest } = (ex && ex.setup) || {};
      if (Object.keys(rest).length) state = this.patch(rest);
      return state;
    },
    /** Runs a follow-up request on the state the exchange it follows left. */
    follow(raw, s, lang) {
      const result = run(raw, s, lang);
      return { result, state: result && result.state };
    },
    /**
     * Resolves to call()'s value: called at once, and when it is refused
     * for a part not loaded yet (missingPart: a Korean exchange before the
     * server's Korean), called again once hs.ready(part) resolved. A
     * refused exchange changed nothing, so the second call is the first.
     */
    async settle(call) {
      try {
        return call();
      } catch (err) {
        const part = missingPart(err);
        if (!part) throw err;
        await hs.ready(part);
        return call();
      }
    },
  };
}
