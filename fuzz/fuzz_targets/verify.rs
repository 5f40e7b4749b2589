//! `verify`, a prepared `Verifier` and one with a cache on arbitrary text, under the default and a
//! strict rule set: never panics, all paths agree (a cache hit too), an accepted token decodes to
//! exactly what was verified, and errors carry verify codes (claim and reason only on claim
//! errors) without echoing the token.
#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let token = String::from_utf8_lossy(data);
    for which in 0..2 {
        let _ = common::verify_both(&token, which);
    }
});
