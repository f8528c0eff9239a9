// Whether `init`'s argument is the options object `{ wasm, worker }` rather than a source
// of the module (a URL or string, a `Response` or its promise, bytes, a compiled module).
export function isInitOptions(source) {
  return (
    source !== null &&
    typeof source === 'object' &&
    !(source instanceof URL) &&
    !(source instanceof WebAssembly.Module) &&
    !(source instanceof ArrayBuffer) &&
    !ArrayBuffer.isView(source) &&
    !(typeof Response === 'function' && source instanceof Response) &&
    typeof source.then !== 'function'
  );
}
