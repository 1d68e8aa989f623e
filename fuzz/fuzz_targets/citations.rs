//! The citation detector and resolver on any text. The input is cut into
//! up to four documents at form feeds; each document's first line gives its
//! number, issuer, type and an attachment (split at `|`), the rest is its body. Checks:
//! no panic, every mention's span is a piece of the text that holds the
//! number, and the graph has one entry per document and only valid indices.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use vanban::citation::{self, Target};
use vanban::document::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for m in citation::find_mentions(&text) {
        let printed = text
            .get(m.span.clone())
            .expect("a mention's span cuts a character");
        assert!(!m.number.is_empty() && !m.key.is_empty(), "{m:?}");
        // The number as printed, less spaces, and with a hyphen that
        // conversion dropped put back.
        let squeezed = vanban::number::printed_number(printed).replace('-', "");
        assert_eq!(squeezed, m.number.replace('-', ""));
    }

    let docs: Vec<Document> = text
        .split('\u{c}')
        .take(4)
        .enumerate()
        .map(|(i, part)| document(i, part))
        .collect();
    let graph = citation::build(&docs);
    assert_eq!(graph.outgoing.len(), docs.len());
    assert_eq!(graph.cited_by.len(), docs.len());
    for (i, citations) in graph.outgoing.iter().enumerate() {
        for c in citations {
            match &c.target {
                Target::Archive(j) => assert!(*j < docs.len(), "{c:?}"),
                Target::Ambiguous(js) => assert!(js.iter().all(|j| *j < docs.len()), "{c:?}"),
                Target::External(e) => assert!(*e < graph.external.len(), "{c:?}"),
            }
            for span in &c.spans {
                assert!(docs[i].body.get(span.clone()).is_some(), "{span:?}");
            }
        }
    }
    for e in &graph.external {
        assert!(e.cited_by.iter().all(|j| *j < docs.len()), "{e:?}");
    }
});

fn document(i: usize, part: &str) -> Document {
    let (head, body) = part.split_once('\n').unwrap_or((part, ""));
    let mut fields = head.split('|').map(str::trim);
    let mut next = |fallback: &str| {
        fields
            .next()
            .filter(|f| !f.is_empty())
            .unwrap_or(fallback)
            .to_string()
    };
    let number = next("1/CV-X");
    let issuer = next("Tỉnh ủy Kiên Giang");
    let doc_type = next("Công văn");
    let attachments = fields.next().map(str::to_string).into_iter().collect();
    let day = u32::try_from(i).unwrap_or(0) + 1;
    Document {
        path: format!("fuzz-{i}.md"),
        file: format!("content/fuzz-{i}.md").into(),
        number,
        doc_type,
        title: "Tiêu đề".into(),
        issuer,
        date: NaiveDate::from_ymd_opt(2021, 6, day).expect("a real date"),
        place: None,
        signers: Vec::new(),
        recipients: Vec::new(),
        distribution: Vec::new(),
        attachments,
        references: body.lines().take(2).map(str::to_string).collect(),
        topics: Vec::new(),
        source: None,
        aliases: Vec::new(),
        hand: Default::default(),
        body: body.to_string(),
        body_line: 2,
        head: None,
    }
}
