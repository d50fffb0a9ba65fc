// Race Equity Planner: the script embed. A host page includes this module and puts
// <div data-race-equity-planner data-storage-key="team-a"></div> where the planner should go.
// See README.md ("Embedding") and docs/EMBEDDING.md. `cargo xtask dist` fills in the shared starter.
import init, { mount } from './race_equity_widget.js';

/*START*/

// "Save a copy as one HTML file" needs the single file, which ships beside this script.
const singleFileHtml = () =>
  fetch(new URL('./race-equity-planner.html', import.meta.url)).then((response) =>
    response.ok ? response.text() : Promise.reject(new Error(response.statusText)),
  );

/** Resolves once the wasm is ready and every host element on the page has its planner. */
export const started = startRaceEquityPlanner(init, mount, new URL('./race_equity_widget_bg.wasm', import.meta.url), {
  singleFileHtml,
});

/** Mounts a planner into an element added after the page loaded. Options: { storageKey }. */
export async function mountPlanner(element, options) {
  await started;
  return mountInto(mount, element, Object.assign({ singleFileHtml }, options));
}
