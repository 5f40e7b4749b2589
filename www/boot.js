// Loads the inspector. If the wasm module cannot be loaded (say, pkg/ was never built), the page
// says so instead of sitting there with dead buttons.
import('./app.js').catch((error) => {
  const box = document.getElementById('load-error');
  box.hidden = false;
  box.textContent = `The jwt-wasm module could not be loaded (${error.message}). Run "npm start", which builds it, and reload.`;
});
