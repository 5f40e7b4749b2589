// The package's wasm instances, seen without a test hook in the package. node:test runs each test
// file in its own process, so a file whose first import of 'jwt-wasm' is made here gets every
// WebAssembly.Instance the package creates in `instances`; `exports.memory` of the one in use is
// the memory every call uses.
export const instances = [];

/** Imports 'jwt-wasm' with WebAssembly.Instance wrapped to keep each instance made meanwhile. */
export async function importKeepingInstances() {
  const OriginalInstance = WebAssembly.Instance;
  WebAssembly.Instance = function Instance(module, imports) {
    const instance = new OriginalInstance(module, imports);
    instances.push(instance);
    return instance;
  };
  try {
    return await import('jwt-wasm');
  } finally {
    WebAssembly.Instance = OriginalInstance;
  }
}
