// A Worker given the package's inline entry by path (js/inline.js, as a bundler that does not set
// the `workerd` condition takes it), imported in a request, where workerd refuses to compile wasm
// bytes as Cloudflare does: the import fails with ERR_WASM_UNAVAILABLE naming that condition.
export default {
  async fetch() {
    try {
      await import('../../node_modules/jwt-wasm/js/inline.js');
      return Response.json({ imported: true });
    } catch (error) {
      return Response.json({ name: error.name, code: error.code, message: error.message });
    }
  },
};
