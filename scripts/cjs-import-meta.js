// Injected by esbuild into pkg/node.cjs: what import.meta.url means in a CommonJS file.
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
