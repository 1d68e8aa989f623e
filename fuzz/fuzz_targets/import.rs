//! `vanban import`'s drafting on any converted text. Checks: no panic; a
//! draft's file name and folder stay inside the content folder; a draft
//! that found every required field writes a file the loader accepts with
//! the same number, type, title, issuer and date.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for draft in vanban::import::draft_documents(&text) {
        assert!(
            draft.body.is_empty() || draft.body.ends_with('\n'),
            "{:?}",
            draft.fields
        );
        for name in [draft.file_name(), draft.issuer_folder()] {
            assert!(
                !name.contains(['/', '\\']) && !name.starts_with('.'),
                "{name:?}"
            );
        }
        if !draft.missing.is_empty() {
            continue;
        }
        let file = draft.to_markdown();
        // The front matter, for messages.
        let head = &file[..file[3..].find("\n---").map_or(file.len(), |k| k + 3)];
        let doc = vanban::load::parse_document(
            Path::new("draft.md"),
            "draft.md",
            file.clone().into_bytes(),
        )
        .unwrap_or_else(|e| panic!("a complete draft does not load: {e:?}\n{head}"));
        let f = &draft.fields;
        assert_eq!(Some(&doc.number), f.number.as_ref(), "{head}");
        assert_eq!(Some(&doc.doc_type), f.doc_type.as_ref(), "{head}");
        assert_eq!(Some(&doc.title), f.title.as_ref(), "{head}");
        assert_eq!(Some(&doc.issuer), f.issuer.as_ref(), "{head}");
        assert_eq!(Some(doc.date), f.date, "{head}");
    }
});
