// As the README says for the Node.js runtime: the package stays in node_modules, beside its .wasm.
export default { serverExternalPackages: ['jwt-wasm'] };
