// Imported before the package by the checks route. `next start` runs edge routes in a sandbox
// that compiles wasm bytes at run time, which Vercel's edge runtime refuses; this makes the
// sandbox refuse too, and records every refusal and every instance made, so the route can show
// that the package made its instance from the module the bundler shipped, not from bytes.
const { Instance, Module, instantiate } = WebAssembly;
export const refused = [];
export const instances = { made: 0 };

const refuse = (name) => () => {
  refused.push(name);
  throw new Error(`${name} is refused here, as in Vercel's edge runtime`);
};
WebAssembly.Module = new Proxy(Module, { construct: refuse('new WebAssembly.Module') });
WebAssembly.compile = refuse('WebAssembly.compile');
WebAssembly.compileStreaming = refuse('WebAssembly.compileStreaming');
WebAssembly.instantiateStreaming = refuse('WebAssembly.instantiateStreaming');
// instantiate(module) makes an instance of a compiled module, which the edge allows.
WebAssembly.instantiate = (source, imports) => (source instanceof Module ? instantiate(source, imports) : refuse('WebAssembly.instantiate')());
WebAssembly.Instance = new Proxy(Instance, {
  construct(target, args, newTarget) {
    instances.made += 1;
    return Reflect.construct(target, args, newTarget);
  },
});
