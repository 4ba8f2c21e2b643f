//! The attribute path and PATCH path parsers (RFC 7644 §3.10, §3.5.2) on any input: they never
//! panic, and an accepted path prints back to text that parses to the same path.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scim_runtime::path::{parse_patch_path, parse_path};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(path) = parse_path(text) {
        let printed = path.to_string();
        assert_eq!(
            parse_path(&printed).ok(),
            Some(path),
            "{text:?} printed as {printed:?}"
        );
    }
    if let Ok(path) = parse_patch_path(text) {
        let printed = path.to_string();
        assert_eq!(
            parse_patch_path(&printed).ok(),
            Some(path),
            "{text:?} printed as {printed:?}"
        );
    }
});
