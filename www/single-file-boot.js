// The single file's only script: the page as it was before the planner started (a saved copy is
// this page with a plan inside), the wasm-bindgen glue, the shared starter, and the wasm itself.
const pristineHtml = '<!doctype html>\n' + document.documentElement.outerHTML;

/*GLUE*/

/*START*/

// The wasm, base64-encoded as it is. Not compressed: unpacking it in JavaScript made every start
// slower than reading the larger file does (docs/PERFORMANCE.md).
function decodeWasm(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i);
  return bytes;
}
const wasmBytes = Promise.resolve().then(() => decodeWasm('/*WASM_BASE64*/'));

startRaceEquityPlanner(__wbg_init, mount, wasmBytes, {
  singleFile: true,
  singleFileHtml: () => Promise.resolve(pristineHtml),
});
