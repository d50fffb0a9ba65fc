// The single file's only script: the page as it was before the planner started (a saved copy is
// this page with a plan inside), the wasm-bindgen glue, the shared starter, and the wasm itself.
const pristineHtml = '<!doctype html>\n' + document.documentElement.outerHTML;

/*GLUE*/

/*START*/

// The wasm, LZMA-compressed then base64-encoded: about a fifth smaller than gzip, which matters
// because the single file has a size budget. js-lzma (MIT, a port of the LZMA SDK's decoder)
// unpacks it in about 0.1 s.
const LZMA = (() => {
  const module = {};
  /*LZMA_DECODER*/
  return module.exports;
})();

function unpackWasm(base64) {
  const text = atob(base64);
  const packed = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) packed[i] = text.charCodeAt(i);
  // The header holds 5 bytes of properties, then the unpacked length (little-endian).
  const length = packed[5] + packed[6] * 0x100 + packed[7] * 0x10000 + packed[8] * 0x1000000;
  const wasm = new Uint8Array(length);
  let read = 0;
  let written = 0;
  LZMA.decompressFile(
    { readByte: () => packed[read++] },
    { writeByte: (byte) => { wasm[written++] = byte; } },
  );
  if (written !== length) throw new Error(`the planner's code is damaged (unpacked ${written} of ${length} bytes)`);
  return wasm;
}
const wasmBytes = Promise.resolve().then(() => unpackWasm('/*WASM_LZMA_BASE64*/'));

startRaceEquityPlanner(__wbg_init, mount, wasmBytes, {
  singleFile: true,
  singleFileHtml: () => Promise.resolve(pristineHtml),
});
