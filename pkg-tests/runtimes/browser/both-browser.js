// The browser entry, whose instance starts asynchronously (the .wasm fetched, top-level await);
// this module runs once it has started.
import '/node_modules/jwt-wasm/js/browser.js';

globalThis.browserEntryStarted = true;
