// Starts the Race Equity Planner in host elements. Shared, word for word, by the script embed
// (dist/race-equity-planner.js) and the single file: `cargo xtask dist` places it beside the
// wasm-bindgen glue, which provides `init` and `mount`.

const REP_HOST_SELECTOR = '[data-race-equity-planner]';

// Shown in place of the planner when WebAssembly cannot start. The usual cause on managed
// laptops is Microsoft Edge's Enhanced Security Mode, which switches off the WebAssembly compiler.
const REP_START_FAILURE =
  'The Race Equity Planner could not start in this browser, so nothing has been saved or changed. ' +
  'The most common cause is a security setting that blocks WebAssembly: in Microsoft Edge, ' +
  '"Enhanced security" does this. Ask your IT team to add this site to the exceptions list for ' +
  'enhanced security, or open the planner in another browser.';

function showStartFailure(host, error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'rep-start-failure';
  message.textContent = REP_START_FAILURE;
  const detail = document.createElement('p');
  detail.textContent = 'Technical detail for your IT team: ' + String(error && error.message ? error.message : error);
  host.replaceChildren(message, detail);
}

function mountInto(mount, host, options) {
  if (host.shadowRoot) return;
  const storageKeyFromUrl = host.hasAttribute('data-storage-key-from-url')
    ? new URLSearchParams(window.location.search).get('storage-key')
    : null;
  const config = Object.assign({}, options || {});
  if (storageKeyFromUrl) config.storageKey = storageKeyFromUrl;
  // The single file carries a plan block; a saved copy has a plan inside it.
  const carried = config.singleFile ? document.getElementById('rep-embedded-plan') : null;
  if (carried && !config.embeddedPlan) config.embeddedPlan = carried.textContent;
  try {
    mount(host, config);
    performance.mark('rep:mounted');
  } catch (error) {
    showStartFailure(host, error);
  }
}

// `wasmSource` is the wasm's address, its bytes, or a promise of either.
async function startRaceEquityPlanner(init, mount, wasmSource, options) {
  const hosts = Array.from(document.querySelectorAll(REP_HOST_SELECTOR));
  try {
    await init({ module_or_path: await wasmSource });
  } catch (error) {
    hosts.forEach((host) => showStartFailure(host, error));
    throw error;
  }
  hosts.forEach((host) => mountInto(mount, host, options));
}
