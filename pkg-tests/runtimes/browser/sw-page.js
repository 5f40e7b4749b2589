// Registers the service worker named by the page's address (?sw=<script>&type=<module|classic>),
// asks it for its report and puts it on window.jwtChecks for the test to read; a worker that
// fails to start gives a report with the browser's reason.
const params = new URL(location.href).searchParams;
try {
  navigator.serviceWorker.addEventListener('message', (event) => {
    window.jwtChecks = event.data;
  });
  await navigator.serviceWorker.register(params.get('sw'), { type: params.get('type') ?? 'module' });
  const registration = await navigator.serviceWorker.ready;
  registration.active.postMessage('checks');
} catch (error) {
  window.jwtChecks = { passed: 0, failures: [`the service worker failed: ${error.name}: ${error.message}`] };
}
