// wrong.ts — calls the package's types must refuse: tsc --noEmit fails on each.
import { load } from 'http-status-explorer';

export async function misuse(): Promise<void> {
  const hs = await load();
  hs.lookup({ code: 404 });          // not a number or a string
  hs.simulate(42);                   // raw is a string or bytes
  const el = document.createElement('http-status-explorer');
  el.view = 'sideways';              // not a view
  hs.lint('HTTP/1.1 200 OK\r\n\r\n', { lang: 'fr' }); // no such language
  await hs.ready('fr');              // no such part
}
