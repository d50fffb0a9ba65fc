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

// Shown in place of the planner when the host page's Content-Security-Policy blocks the planner's
// stylesheet (a <style> element in its shadow root): without it the planner is unusable.
const REP_STYLES_BLOCKED =
  "The Race Equity Planner cannot be shown on this page, because the page's security policy blocks " +
  "the planner's styles. Ask the site's administrator to change the page's Content-Security-Policy: " +
  "style-src needs 'unsafe-inline' for the planner.";
const REP_STYLES_BLOCKED_DETAIL =
  "the <style> element in the planner's shadow root was blocked by the page's Content-Security-Policy " +
  "(style-src, or style-src-elem, without 'unsafe-inline').";

// Shown instead of starting the planner on a host page that enforces Trusted Types: the planner
// draws its screens from HTML text, which such a page refuses.
const REP_TRUSTED_TYPES =
  'The Race Equity Planner cannot start on this page, because the page enforces Trusted Types, ' +
  'which the planner does not support yet. Nothing has been saved or changed. Ask the site\'s ' +
  "administrator to remove require-trusted-types-for 'script' from the Content-Security-Policy of " +
  'the page that shows the planner, or to put the planner on a page without it.';

// Puts a plain message where the planner would be: in its shadow root if it has one (children of
// a shadow host are not shown), else in the host element. Plain elements only, no style
// attributes: a page that blocked the planner's styles would block those too.
function showMessage(host, text, detailText) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'rep-start-failure';
  message.textContent = text;
  const detail = document.createElement('p');
  detail.textContent = 'Technical detail for your IT team: ' + detailText;
  (host.shadowRoot || host).replaceChildren(message, detail);
}

function showStartFailure(host, error) {
  showMessage(host, REP_START_FAILURE, String(error && error.message ? error.message : error));
}

// The error a string assigned to innerHTML raises on this page, or null if it is allowed: a page
// that enforces Trusted Types (with no default policy that lets it through) throws here.
function trustedTypesRefusal() {
  try {
    document.createElement('template').innerHTML = '<p></p>';
    return null;
  } catch (error) {
    return error;
  }
}

// True once mounted if the shadow root's stylesheet did not apply. widget.css gives .rep-root
// `box-sizing: border-box`; a <div>'s own is content-box, and the host page cannot change it
// (it is not inherited, and the host's rules do not reach into the shadow root).
function stylesBlocked(host) {
  const root = host.shadowRoot && host.shadowRoot.querySelector('.rep-root');
  if (!root || !root.isConnected) return false;
  return getComputedStyle(root).boxSizing !== 'border-box';
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
  // Which copy of the plan this file is, so two copies of one plan keep apart (checked in Rust).
  if (carried && !config.embeddedCopy) config.embeddedCopy = carried.getAttribute('data-copy');
  const refusal = trustedTypesRefusal();
  if (refusal) {
    showMessage(host, REP_TRUSTED_TYPES, String(refusal.message || refusal));
    return;
  }
  try {
    mount(host, config);
  } catch (error) {
    showStartFailure(host, error);
    return;
  }
  if (stylesBlocked(host)) {
    showMessage(host, REP_STYLES_BLOCKED, REP_STYLES_BLOCKED_DETAIL);
    return;
  }
  performance.mark('rep:mounted');
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
