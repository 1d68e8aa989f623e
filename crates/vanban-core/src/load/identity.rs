//! A document's identity is (number, issuer, year of date): two files with
//! one identity are one error that names both.

use super::Loaded;
use crate::diagnostics::Diagnostic;
use chrono::Datelike;
use std::collections::HashMap;

/// One error per file whose identity an earlier file (in path order)
/// already has, reported at the earlier file's `number` line.
pub(crate) fn duplicates(mut order: Vec<&Loaded>) -> Vec<Diagnostic> {
    order.sort_by(|a, b| a.doc.path.cmp(&b.doc.path));
    let mut first_by_identity: HashMap<(&str, &str, i32), &Loaded> =
        HashMap::with_capacity(order.len());
    let mut errors = Vec::new();
    for doc in order {
        let identity = (
            doc.number_key.as_str(),
            doc.doc.issuer.as_str(),
            doc.doc.date.year(),
        );
        let Some(first) = first_by_identity.get(&identity) else {
            first_by_identity.insert(identity, doc);
            continue;
        };
        let mut diag = Diagnostic::error(
            &first.doc.file,
            first.number_line,
            format!(
                "hai tệp cùng một văn bản: số `{}` của `{}` năm {} cũng có trong `{}` (dòng {}); \
                 mỗi văn bản chỉ được có một tệp",
                doc.doc.number,
                doc.doc.issuer,
                identity.2,
                doc.doc.file.display(),
                doc.number_line
            ),
        )
        .field("number");
        // The text is read again only on this rare path, for the line shown.
        if let Ok(text) = std::fs::read_to_string(&first.doc.file) {
            diag = diag.with_source(&text);
        }
        errors.push(diag);
    }
    errors
}
