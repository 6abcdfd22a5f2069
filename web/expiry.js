// expiry.js — whether a temporary registration's expiry date ('YYYY-MM-DD',
// from the IANA row the engine holds, lookup(c).expires) has passed today
// (UTC). The engine reads no clock, so `expired` is decided in JavaScript,
// by engine.js and by a badge that reads a built site's facts; on the day
// itself the registration still stands.

/** True when date (a 'YYYY-MM-DD' string, or null for no expiry) is before today, UTC. */
export function isPast(date) {
  return typeof date === 'string' && date < new Date().toISOString().slice(0, 10);
}
