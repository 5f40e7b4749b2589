//! The shared vectors through the native core: one-shot, prepared and cached verification (a miss
//! and then a hit) agree with the expected outcome of every case, and expiry info with every
//! expiry case.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{expiry, load, same, verify_cached, verify_once, verify_prepared};

#[test]
fn every_verify_vector_gives_its_expected_outcome() {
    let vectors = load();
    assert!(vectors.verify.len() >= 50, "the vector file lost cases");
    let mut failures = Vec::new();
    for case in &vectors.verify {
        let [miss, hit] = verify_cached(case);
        for (how, got) in [("once", verify_once(case)), ("prepared", verify_prepared(case)), ("cache miss", miss), ("cache hit", hit)] {
            if !same(&got, &case.expect) {
                failures.push(format!("{} ({how}): expected {}, got {}", case.name, case.expect, got));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_expiry_vector_gives_its_expected_outcome() {
    let vectors = load();
    let failures: Vec<String> = vectors
        .expiry
        .iter()
        .filter_map(|case| {
            let got = expiry(case);
            (!same(&got, &case.expect)).then(|| format!("{}: expected {}, got {}", case.name, case.expect, got))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_error_code_appears_in_the_vectors() {
    let vectors = load();
    let text = serde_json::to_string(&vectors.verify.iter().map(|c| &c.expect).collect::<Vec<_>>()).unwrap();
    for code in jwt_wasm::ErrorCode::ALL {
        assert!(text.contains(code.as_str()), "no vector expects {code}");
    }
}
