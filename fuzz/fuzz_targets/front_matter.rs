//! The front-matter parser and the contract checks, on any bytes: a
//! document or a list of diagnostics, never a panic; every diagnostic can
//! be printed (it quotes the offending line of the source).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let file = Path::new("content/fuzz.md");
    match vanban::load::parse_document(file, "fuzz.md", data.to_vec()) {
        Ok(doc) => {
            for value in [&doc.number, &doc.doc_type, &doc.title, &doc.issuer] {
                assert!(
                    !value.trim().is_empty(),
                    "a required field is empty: {:?}",
                    (&doc.number, &doc.doc_type, &doc.title, &doc.issuer)
                );
            }
            let _ = doc.identity();
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty(), "an error without a diagnostic");
            for d in &diagnostics {
                let _ = d.to_string();
            }
        }
    }
});
