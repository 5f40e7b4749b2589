//! The shared vectors inside the wasm build, run by `wasm-pack test --node` and
//! `wasm-pack test --headless --chrome`: once through the core, and once through the binding
//! with real JS values (strings, JWK objects, option objects, `Date`s), as JavaScript calls it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]
#![cfg(all(target_arch = "wasm32", feature = "js"))]

mod common;

use common::{expiry, load, same, verify_cached, verify_once, verify_prepared};
use js_sys::{Array, Date, Reflect, JSON};
use jwt_wasm::wasm::{create_verifier_js, expiry_info_js, jwt_verify_js};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn js(value: &Value) -> JsValue {
    JSON::parse(&value.to_string()).unwrap()
}

fn rust(value: &JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(value).unwrap())).unwrap()
}

/// An options object (or `{}`) with `currentDate` set to `now`.
fn options_at(options: &Option<Value>, now: i64) -> JsValue {
    let object = js(options.as_ref().unwrap_or(&json!({})));
    Reflect::set(&object, &"currentDate".into(), &Date::new(&JsValue::from_f64(now as f64 * 1000.0))).unwrap();
    object
}

/// A thrown error as the vector file writes it.
fn thrown(error: &JsValue) -> Value {
    let mut out = json!({});
    for field in ["code", "claim", "reason"] {
        let value = Reflect::get(error, &field.into()).unwrap();
        if let Some(text) = value.as_string() {
            out[field] = json!(text);
        }
    }
    out
}

fn key(case: &common::VerifyCase) -> JsValue {
    match &case.key {
        common::KeyInput::Utf8(text) => JsValue::from_str(text),
        common::KeyInput::Jwk(jwk) => js(jwk),
    }
}

#[wasm_bindgen_test]
fn verify_vectors_through_the_core() {
    for case in load().verify {
        assert!(same(&verify_once(&case), &case.expect), "{}", case.name);
        assert!(same(&verify_prepared(&case), &case.expect), "{}", case.name);
        for cached in verify_cached(&case) {
            assert!(same(&cached, &case.expect), "{} (cached)", case.name);
        }
    }
}

/// What a binding call gave, in the vector file's terms.
fn binding_outcome(result: Result<JsValue, JsValue>) -> Value {
    match result {
        Ok(result) => {
            let result = rust(&result);
            json!({ "payload": result["payload"], "header": result["protectedHeader"] })
        }
        Err(error) => thrown(&error),
    }
}

#[wasm_bindgen_test]
fn verify_vectors_through_the_binding() {
    for case in load().verify {
        let once = binding_outcome(jwt_verify_js(case.token.clone().into(), key(&case), options_at(&case.options, case.now)));
        assert!(same(&once, &case.expect), "{}: got {once}", case.name);

        let prepared = create_verifier_js(key(&case), options_at(&case.options, case.now))
            .and_then(|verifier| verifier.verify(case.token.clone().into()));
        let prepared = binding_outcome(prepared);
        assert!(same(&prepared, &case.expect), "{} (prepared): got {prepared}", case.name);

        // With a cache: a full verification, then (when it succeeded) a hit.
        let options = options_at(&case.options, case.now);
        Reflect::set(&options, &"cache".into(), &JsValue::TRUE).unwrap();
        let cached = create_verifier_js(key(&case), options);
        for call in ["first", "second"] {
            let got = binding_outcome(cached.as_ref().map_err(Clone::clone).and_then(|v| v.verify(case.token.clone().into())));
            assert!(same(&got, &case.expect), "{} (cached, {call} call): got {got}", case.name);
        }
    }
}

#[wasm_bindgen_test]
fn expiry_vectors_through_the_core_and_the_binding() {
    for case in load().expiry {
        assert!(same(&expiry(&case), &case.expect), "{}", case.name);
        let got = match expiry_info_js(case.token.clone().into(), options_at(&case.options, case.now)) {
            Ok(info) => {
                let secs = |name: &str| {
                    let value = Reflect::get(&info, &name.into()).unwrap();
                    if value.is_null() {
                        Value::Null
                    } else {
                        json!(value.dyn_into::<Date>().unwrap().get_time() / 1000.0)
                    }
                };
                let plain = rust(&info);
                json!({
                    "expiresAt": secs("expiresAt"),
                    "issuedAt": secs("issuedAt"),
                    "notBefore": secs("notBefore"),
                    "expired": plain["expired"],
                    "notYetValid": plain["notYetValid"],
                    "secondsLeft": plain["secondsLeft"],
                })
            }
            Err(error) => thrown(&error),
        };
        assert!(same(&got, &case.expect), "{}: got {got}", case.name);
    }
}

#[wasm_bindgen_test]
fn non_string_tokens_and_bad_keys_throw_coded_errors() {
    let code = |result: Result<JsValue, JsValue>| thrown(&result.unwrap_err())["code"].clone();
    assert_eq!(code(jwt_verify_js(JsValue::from_f64(1.0), "k".into(), JsValue::UNDEFINED)), "ERR_JWS_INVALID");
    assert_eq!(code(jwt_verify_js("a.b.c".into(), JsValue::from_f64(1.0), JsValue::UNDEFINED)), "ERR_KEY_INVALID");
    assert_eq!(code(jwt_verify_js("a.b.c".into(), "k".into(), "opts".into())), "ERR_OPTIONS_INVALID");
    // Arrays are objects that JSON.stringify would write: refused as keys and as options, as the
    // package entries refuse them (here without them, by the binding's own checks).
    let empty = || JsValue::from(Array::new());
    assert_eq!(code(jwt_verify_js("a.b.c".into(), empty(), JsValue::UNDEFINED)), "ERR_KEY_INVALID");
    assert_eq!(code(jwt_verify_js("a.b.c".into(), "k".into(), empty())), "ERR_OPTIONS_INVALID");
}

#[wasm_bindgen_test]
fn connect_fails_closed_on_hooks_it_cannot_read_and_registers_nothing() {
    use jwt_wasm::wasm::connect;
    use js_sys::{Function, Object, Proxy};
    // Hooks whose every read throws, as the JS stack running out while an instance is replaced.
    let handler = Object::new();
    Reflect::set(&handler, &"get".into(), &Function::new_no_args("throw new RangeError('out of stack')")).unwrap();
    let unreadable: JsValue = Proxy::new(&Object::new(), &handler).into();
    let incomplete: JsValue = Object::new().into();
    // A convert with all of its methods, so that the results hooks are read too (with an
    // incomplete convert, connect refuses before it reads them).
    let complete: JsValue = Object::new().into();
    for name in ["options", "key", "claims", "now"] {
        Reflect::set(&complete, &name.into(), &Function::new_no_args("")).unwrap();
    }
    // Results hooks that lack only `failure`: registered, they would leave failures unmade.
    let without_failure: JsValue = Object::new().into();
    for name in ["parse", "header", "verified", "expiry"] {
        Reflect::set(&without_failure, &name.into(), &Function::new_no_args("")).unwrap();
    }
    let cases = [
        (&complete, &without_failure, "TypeError"),
        (&unreadable, &incomplete, "RangeError"),
        (&incomplete, &unreadable, "TypeError"),
        (&incomplete, &incomplete, "TypeError"),
        (&complete, &unreadable, "RangeError"),
        (&complete, &incomplete, "TypeError"),
    ];
    for (convert, results, class) in cases {
        let error = connect(convert.clone(), JsValue::NULL, results.clone()).unwrap_err();
        assert_eq!(Reflect::get(&error, &"name".into()).unwrap(), class);
    }
    // Nothing was registered: failures are still the binding's own, with their codes.
    let failure = jwt_verify_js(JsValue::from_f64(1.0), "k".into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(thrown(&failure)["code"], "ERR_JWS_INVALID");
}
