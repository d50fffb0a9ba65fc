// The single file's only script: the page as it was before the planner started (a saved copy is
// this page with a plan inside), the wasm-bindgen glue, the shared starter, and the wasm itself.
const pristineHtml = '<!doctype html>\n' + document.documentElement.outerHTML;

/*GLUE*/

/*START*/

// The wasm, gzipped then base64-encoded: a third of the size of plain base64. Every current
// Edge, Chrome, Firefox and Safari can inflate it with DecompressionStream.
async function inflateWasm(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  if (typeof DecompressionStream !== 'function') {
    throw new Error('this browser is too old to unpack the planner (no DecompressionStream); use a current Edge or Chrome');
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const wasmBytes = inflateWasm('/*WASM_GZIP_BASE64*/');

startRaceEquityPlanner(__wbg_init, mount, wasmBytes, {
  singleFile: true,
  singleFileHtml: () => Promise.resolve(pristineHtml),
});
