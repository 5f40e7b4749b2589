"""Reads pages in the headless Firefox that pkg-tests/runtimes.test.mjs started, through Marionette
(PyPI's marionette_driver, installed by scripts/setup.sh): for each PATH PROPERTY pair after the
Marionette port and the origin, opens ORIGIN/PATH and prints "RESULT <path> <json>" with the JSON of
the page's window[PROPERTY] once the page has set it, or {"timeout": ...} after 30 s."""
import json
import sys
import time

from marionette_driver.marionette import Marionette

WAIT_S = 30


def read(marionette, url, prop):
    marionette.navigate(url)
    deadline = time.time() + WAIT_S
    while time.time() < deadline:
        # The page's own window (Marionette's sandbox does not see what the page set on it).
        value = marionette.execute_script(
            "const page = window.wrappedJSObject; const v = page[arguments[0]];"
            " return v === undefined ? null : JSON.stringify(v);",
            script_args=[prop],
        )
        if value is not None:
            return json.loads(value)
        time.sleep(0.1)
    return {"timeout": f"no window.{prop} after {WAIT_S} s"}


def main():
    port, origin, *pairs = sys.argv[1:]
    marionette = Marionette(host="127.0.0.1", port=int(port))
    marionette.start_session()
    try:
        marionette.timeout.page_load = 20
        marionette.timeout.script = 10
        print(f"VERSION {marionette.session_capabilities.get('browserVersion')}", flush=True)
        for path, prop in zip(pairs[0::2], pairs[1::2]):
            print(f"RESULT {path} {json.dumps(read(marionette, origin + path, prop))}", flush=True)
    finally:
        marionette.delete_session()


main()
