//! Index and client together: what a reader of the search page would notice.

use super::client::{Client, Request, from_files};
use super::{IndexFile, SearchDoc, build_index};
use chrono::NaiveDate;

struct Doc {
    number: &'static str,
    doc_type: &'static str,
    title: &'static str,
    issuer: &'static str,
    date: (i32, u32, u32),
    topics: Vec<String>,
    body: &'static str,
}

fn doc(number: &'static str, title: &'static str, body: &'static str) -> Doc {
    Doc {
        number,
        doc_type: "Công văn",
        title,
        issuer: "Tỉnh ủy Kiên Giang",
        date: (2021, 6, 1),
        topics: vec![],
        body,
    }
}

fn index(docs: &[Doc]) -> Vec<IndexFile> {
    let urls: Vec<String> = docs
        .iter()
        .map(|d| format!("van-ban/{}/", crate::text::slug(d.number)))
        .collect();
    let search_docs: Vec<SearchDoc> = docs
        .iter()
        .zip(&urls)
        .map(|(d, url)| SearchDoc {
            number: d.number,
            doc_type: d.doc_type,
            title: d.title,
            issuer: d.issuer,
            date: NaiveDate::from_ymd_opt(d.date.0, d.date.1, d.date.2).unwrap(),
            url,
            topics: &d.topics,
            body: d.body,
            status: "",
        })
        .collect();
    build_index(&search_docs)
}

fn ask(files: &[IndexFile], req: Request) -> (usize, Vec<String>) {
    let mut client = Client::new(from_files(files));
    let out = client.search(&Request { limit: 20, ..req }).unwrap();
    (
        out.total,
        out.hits.into_iter().map(|h| h.meta.number).collect(),
    )
}

fn query(files: &[IndexFile], q: &str) -> Vec<String> {
    ask(
        files,
        Request {
            query: q.into(),
            ..Request::default()
        },
    )
    .1
}

#[test]
fn folded_queries_find_vietnamese_words() {
    let files = index(&[
        doc("1-CV/TU", "Phòng, chống dịch tại Đồng Tháp", "Nội dung."),
        doc("2-CV/TU", "Đà Nẵng", "Đã triển khai."),
        doc("3-CV/TU", "Giãn cách xã hội", "Thực hiện giãn cách."),
    ]);
    assert_eq!(query(&files, "dong thap"), ["1-CV/TU"]);
    assert_eq!(query(&files, "da nang"), ["2-CV/TU"]);
    assert_eq!(query(&files, "GIAN CACH xa hoi"), ["3-CV/TU"]);
    assert_eq!(query(&files, "chong dich"), ["1-CV/TU"]);
    assert!(
        query(&files, "dong thap nang").is_empty(),
        "every word must match"
    );
}

#[test]
fn title_ranks_above_body() {
    let files = index(&[
        doc("1-CV/TU", "Về việc khác", "Tăng cường tiêm chủng vắc-xin."),
        doc("2-CV/TU", "Tiêm chủng vắc-xin", "Nội dung khác."),
        doc("3-CV/TU", "Về việc khác nữa", "Tiêm chủng."),
    ]);
    let hits = query(&files, "tiem chung");
    assert_eq!(hits[0], "2-CV/TU");
    assert_eq!(hits.len(), 3);
}

#[test]
fn exact_diacritics_rank_above_folded() {
    let files = index(&[
        doc("1-CV/TU", "Công tác đang triển khai", "Nội dung."),
        doc("2-CV/TU", "Công tác đảng viên", "Nội dung."),
        doc("3-CV/TU", "Các dạng công tác", "Nội dung."),
    ]);
    assert_eq!(query(&files, "đảng")[0], "2-CV/TU");
    assert_eq!(query(&files, "đang")[0], "1-CV/TU");
    assert_eq!(query(&files, "dạng")[0], "3-CV/TU");
    assert_eq!(query(&files, "dang").len(), 3);
}

#[test]
fn phrase_ranks_above_scattered_words() {
    let files = index(&[
        doc(
            "1-CV/TU",
            "Kế hoạch",
            "Hội đồng xã họp, cách ly và giãn tiến độ.",
        ),
        doc(
            "2-CV/TU",
            "Kế hoạch",
            "Thực hiện giãn cách xã hội toàn tỉnh.",
        ),
        doc("3-CV/TU", "Kế hoạch", "Giãn. Cách xã. Hội."),
    ]);
    assert_eq!(
        query(&files, "gian cach xa hoi"),
        ["2-CV/TU", "3-CV/TU", "1-CV/TU"]
    );
}

#[test]
fn numbers_are_found_in_every_spelling() {
    let files = index(&[
        doc("176-CV/TU", "Tăng cường phòng, chống dịch", "Nội dung."),
        doc(
            "1507/UBND-TH",
            "Triển khai",
            "Theo Công điện số 1099/CĐ-TTg ngày 22/8/2021.",
        ),
        doc(
            "374-TB/TU",
            "Kết luận",
            "Công điện số 1099/CD-TTg và Công văn số 176-CV/TU.",
        ),
        doc("23/2021/QĐ-TTg", "Quyết định", "Hỗ trợ."),
        doc("99-CV/TU", "Khác", "Số 1099 cd; ttg."),
    ]);
    for q in ["176-CV/TU", "176 cv tu", "176/cv-tu", "176 CV/TU"] {
        assert_eq!(query(&files, q), ["176-CV/TU", "374-TB/TU"], "{q}");
    }
    for q in ["1099 cd ttg", "1099/CĐ-TTg", "1099/CD-TTG"] {
        let mut hits = query(&files, q);
        hits.sort();
        assert_eq!(hits, ["1507/UBND-TH", "374-TB/TU"], "{q}");
    }
    assert_eq!(query(&files, "23/QĐ-TTg"), ["23/2021/QĐ-TTg"]);
    assert_eq!(query(&files, "23/2021/QD-TTg"), ["23/2021/QĐ-TTg"]);
    assert_eq!(query(&files, "quyet dinh 23")[0], "23/2021/QĐ-TTg");
}

#[test]
fn a_partial_number_matches_the_numbers_it_starts() {
    let files = index(&[
        doc("16/CT-TTg", "Chỉ thị", "Nội dung."),
        doc("16/CT-UBND", "Chỉ thị", "Nội dung."),
        doc("16/KH-UBND", "Kế hoạch", "Nội dung."),
    ]);
    let mut hits = query(&files, "16 ct");
    hits.sort();
    assert_eq!(hits, ["16/CT-TTg", "16/CT-UBND"]);
    let typing = ask(
        &files,
        Request {
            query: "16/CT-U".into(),
            prefix: true,
            ..Request::default()
        },
    );
    assert_eq!(typing.1, ["16/CT-UBND"]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    let files = index(&[
        doc("1-CV/TU", "Phòng chống dịch", "Nội dung."),
        doc("2-CV/TU", "Phong tỏa khu vực", "Nội dung."),
        doc("3-CV/TU", "Phát triển kinh tế", "Nội dung."),
    ]);
    let typing = |q: &str| {
        let mut hits = ask(
            &files,
            Request {
                query: q.into(),
                prefix: true,
                ..Request::default()
            },
        )
        .1;
        hits.sort();
        hits
    };
    assert_eq!(typing("pho"), ["1-CV/TU", "2-CV/TU"]);
    assert_eq!(typing("phong ch"), ["1-CV/TU"]);
    assert!(query(&files, "pho").is_empty(), "a submitted word is whole");
}

#[test]
fn filters_combine_with_words_and_work_alone() {
    let mut docs = vec![
        doc("1/CĐ-TTg", "Phòng chống dịch", "Nội dung."),
        doc("2-CV/TU", "Phòng chống dịch", "Nội dung."),
        doc("3/CĐ-TTg", "Phòng chống lụt bão", "Nội dung."),
        doc("4/CĐ-TTg", "Phòng chống dịch", "Nội dung."),
    ];
    for i in [0, 2, 3] {
        let d = &mut docs[i];
        d.doc_type = "Công điện";
        d.issuer = "Thủ tướng Chính phủ";
    }
    docs[3].date = (2022, 1, 5);
    docs[1].topics = vec!["Covid-19".into()];
    let files = index(&docs);
    let filtered = |q: &str, t: Option<&str>, y: Option<&str>, topic: Option<&str>| {
        ask(
            &files,
            Request {
                query: q.into(),
                doc_type: t.map(Into::into),
                year: y.map(Into::into),
                topic: topic.map(Into::into),
                ..Request::default()
            },
        )
    };
    assert_eq!(
        filtered("", Some("Công điện"), Some("2021"), None),
        (2, vec!["3/CĐ-TTg".into(), "1/CĐ-TTg".into()])
    );
    assert_eq!(filtered("dich", Some("Công điện"), None, None).0, 2);
    assert_eq!(
        filtered("dich", None, None, Some("Covid-19")).1,
        ["2-CV/TU"]
    );
    assert_eq!(filtered("dich", Some("Không có"), None, None).0, 0);
    assert_eq!(
        filtered("", None, None, None).0,
        0,
        "nothing asked, nothing shown"
    );
}

#[test]
fn metadata_comes_back_as_given() {
    let mut d = doc(
        "176-CV/TU",
        "<script>alert(1)</script> Tăng cường",
        "**Đậm** đầu tiên.\n\nĐoạn hai.",
    );
    d.topics = vec!["Covid-19".into(), "Y tế".into()];
    d.date = (2021, 6, 15);
    let files = index(&[d]);
    let mut client = Client::new(from_files(&files));
    let out = client
        .search(&Request {
            query: "tang cuong".into(),
            limit: 10,
            ..Request::default()
        })
        .unwrap();
    let m = &out.hits[0].meta;
    assert_eq!(m.title, "<script>alert(1)</script> Tăng cường");
    assert_eq!((m.date, m.url.as_str()), (20210615, "van-ban/176-cv-tu/"));
    assert_eq!(m.topics, ["Covid-19", "Y tế"]);
    assert!(m.excerpt);
    assert_eq!(
        out.hits[0].excerpt, "Đậm đầu tiên.",
        "the first piece when none holds a word"
    );
    assert_eq!(
        (m.doc_type.as_str(), m.issuer.as_str()),
        ("Công văn", "Tỉnh ủy Kiên Giang")
    );
}

#[test]
fn the_same_documents_give_the_same_bytes() {
    let make = || {
        let docs: Vec<Doc> = (0..300)
            .map(|i| {
                let mut d = doc(
                    "1-CV/TU",
                    "Phòng chống dịch bệnh",
                    "Giãn cách xã hội, phòng chống dịch.",
                );
                d.number = Box::leak(format!("{i}-CV/TU").into_boxed_str());
                d.body = if i % 3 == 0 { "Khác hẳn." } else { d.body };
                d
            })
            .collect();
        index(&docs)
    };
    let first = make();
    assert_eq!(first, make());
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    assert!(
        one_thread.install(make) == first,
        "the thread count changes nothing"
    );
}

#[test]
fn a_query_fetches_only_the_files_it_needs() {
    let docs: Vec<Doc> = (0..400)
        .map(|i| {
            let mut d = doc(
                "1-CV/TU",
                "Phòng chống dịch bệnh",
                "Nội dung văn bản số một.",
            );
            d.number = Box::leak(format!("{i}-CV/TU").into_boxed_str());
            d.title = Box::leak(
                format!(
                    "Trích yếu {} số {i}",
                    ["an", "bình", "cường", "dũng"][i % 4]
                )
                .into_boxed_str(),
            );
            d
        })
        .collect();
    let files = index(&docs);
    let mut client = Client::new(from_files(&files));
    let out = client
        .search(&Request {
            query: "cuong".into(),
            limit: 10,
            ..Request::default()
        })
        .unwrap();
    assert_eq!(out.total, 100);
    assert_eq!(out.hits.len(), 10);
    let buckets = client
        .fetched
        .iter()
        .filter(|p| p.starts_with("search/t/"))
        .count();
    assert_eq!(buckets, 1);
    assert!(
        client.fetched.len() < files.len() / 4,
        "{:?}",
        client.fetched
    );
}
