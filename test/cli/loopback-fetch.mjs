// Preloaded (node --import) into the CLI child process by the sync tests only: sends every
// https request to the loopback mock API instead, as /<host>/<path>, so the real bin syncs
// against test/lib/sync's mock platforms with no test path in the bin itself.
const base = process.env.VA_TEST_LOOPBACK;
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  if (base && url.protocol === 'https:') return realFetch(`${base}/${url.host}${url.pathname}${url.search}`, init);
  return realFetch(input, init);
};
