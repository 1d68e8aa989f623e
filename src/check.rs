//! `vanban check`: every validation of the build, the built site's internal
//! links and anchors, and warnings a maintainer wants to see before pushing:
//! citations that stay unresolved, a number whose codes do not match the
//! issuer or type, a date in the future, a document without signers.

use crate::build::pipeline::{self, Memory, Resolved};
use crate::build::{BuildError, BuildOptions, Stages};
use crate::citation::{CitationGraph, Target};
use crate::diagnostics::{self, Diagnostic};
use crate::document::Document;
use crate::site::Site;
use crate::text::fold;
use chrono::NaiveDate;

/// What `check` found; errors make the exit code 1.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub documents: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Checks the archive `opts` describes, as of `today`. The site is made
/// by the build's own pipeline (so its citations resolve as `build`
/// resolves them, with the issuer registry), into a temporary folder whose
/// links are then checked.
pub fn check(opts: &BuildOptions, today: NaiveDate) -> CheckReport {
    let mut report = CheckReport::default();
    let mut memory = Memory::once();
    let mut clock = Stages::new();
    let (resolved, graph) = match pipeline::resolve(opts, &mut memory, None, &mut clock) {
        Ok(r) => r,
        Err(e) => {
            report.diagnostics = build_errors(opts, e);
            diagnostics::sort(&mut report.diagnostics);
            return report;
        }
    };
    let docs = resolved.docs;
    report.documents = docs.len();
    if opts.config.base_url.is_empty() {
        report.diagnostics.push(
            Diagnostic::warning("vanban.toml", 0, crate::config::Config::NO_BASE_URL)
                .field("base_url"),
        );
    }
    report.diagnostics.extend(warnings(docs, &graph, today));
    if report.errors() == 0 {
        report
            .diagnostics
            .extend(match pipeline::model(&opts.config, &resolved, graph) {
                Ok(site) => check_links(opts, &resolved, &site),
                Err(e) => build_errors(opts, e),
            });
    }
    diagnostics::sort(&mut report.diagnostics);
    report
}

/// What a failed step says, as diagnostics.
fn build_errors(opts: &BuildOptions, e: BuildError) -> Vec<Diagnostic> {
    match e {
        BuildError::Content(d) => d,
        e => vec![Diagnostic::error(&opts.content_dir, 0, e.to_string())],
    }
}

/// Warnings about each document: a date in the future, no signers, a
/// validity stated by hand that the texts contradict, a number whose codes
/// disagree with the fields, a citation left unresolved.
fn warnings(docs: &[Document], graph: &CitationGraph, today: NaiveDate) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let text_validity = crate::citation::validity::from_text(docs, graph);
    for (i, d) in docs.iter().enumerate() {
        let source = std::fs::read_to_string(&d.file).unwrap_or_default();
        let field_line = |field: &str| {
            source
                .lines()
                .position(|l| l.starts_with(&format!("{field}:")))
                .map_or(1, |k| k + 1)
        };
        let warn = |line: usize, field: Option<&str>, msg: String| {
            let mut w = Diagnostic::warning(&d.file, line, msg).with_source(&source);
            if let Some(f) = field {
                w = w.field(f);
            }
            w
        };
        if d.date > today {
            out.push(warn(
                field_line("date"),
                Some("date"),
                format!("ngày ban hành {} ở tương lai", d.date),
            ));
        }
        if d.signers.is_empty() {
            out.push(warn(
                field_line("issuer"),
                Some("signers"),
                "văn bản không có người ký".into(),
            ));
        }
        for (field, problem) in hand_disagreements(docs, i, &text_validity[i]) {
            out.push(warn(field_line(field), Some(field), problem));
        }
        for problem in number_mismatches(d) {
            out.push(warn(field_line("number"), Some("number"), problem));
        }
        for c in &graph.outgoing[i] {
            let what = match &c.target {
                Target::Archive(_) => continue,
                Target::External(_) => format!("trích dẫn {} chưa có trong kho", c.number),
                Target::Ambiguous(list) => format!(
                    "trích dẫn {} không xác định được: có thể là {}",
                    c.number,
                    list.iter()
                        .map(|&j| format!("{} của {}", docs[j].number, docs[j].issuer))
                        .collect::<Vec<_>>()
                        .join(" hoặc ")
                ),
            };
            let (line, column) = match c.spans.first() {
                Some(span) => body_position(d, span.start),
                None => (field_line("references"), 0),
            };
            out.push(warn(line, None, what).column(column));
        }
    }
    out
}

/// Line and column in the file of a byte offset in the body.
fn body_position(d: &Document, offset: usize) -> (usize, usize) {
    let before = &d.body[..offset.min(d.body.len())];
    let line = d.body_line + before.matches('\n').count();
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the number's own codes disagree with the type or issuer fields.
pub fn number_mismatches(d: &Document) -> Vec<String> {
    let mut out = Vec::new();
    let Some(parts) = crate::number::parse(&d.number) else {
        out.push(format!(
            "số ký hiệu \"{}\" không theo mẫu nào đã biết",
            d.number
        ));
        return out;
    };
    if let Some(implied) = parts.implied_type() {
        let ty = fold(&d.doc_type);
        // A Party Công văn carries CV; a state one no code at all.
        if fold(implied) != ty && !(implied == "Công văn" && ty == "cong van") {
            out.push(format!(
                "mã loại trong số ký hiệu chỉ \"{implied}\" nhưng `type` là \"{}\"",
                d.doc_type
            ));
        }
    }
    if let Some(code) = &parts.issuer_code {
        let issuer = fold(&d.issuer);
        let code_words: Vec<String> = code.split('-').map(fold).collect();
        let named = crate::number::issuer_name(code).map(fold);
        let matches = code_words
            .iter()
            .any(|w| issuer.split_whitespace().any(|x| x == w))
            || named
                .as_deref()
                .is_some_and(|n| issuer.contains(n) || abbreviation(n, &issuer))
            || named.is_none();
        if !matches {
            out.push(format!(
                "mã cơ quan \"{code}\" trong số ký hiệu không khớp cơ quan ban hành \"{}\"",
                d.issuer
            ));
        }
    }
    out
}

/// "ủy ban nhân dân" written "UBND" and the like.
fn abbreviation(full: &str, issuer: &str) -> bool {
    let initials: String = full
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .collect();
    issuer.split_whitespace().any(|w| w == initials)
        || (full == "trung uong"
            && [
                "bo chinh tri",
                "ban bi thu",
                "ban chap hanh trung uong",
                "trung uong",
            ]
            .iter()
            .any(|b| issuer.contains(b)))
        || (full == "tinh uy" && issuer.contains("tinh uy"))
}

/// Writes `site` into a temporary folder (the pipeline's `write` step) and
/// reports every broken internal link.
fn check_links(opts: &BuildOptions, resolved: &Resolved, site: &Site) -> Vec<Diagnostic> {
    let Ok(tmp) = tempfile_dir() else {
        return Vec::new();
    };
    let output = tmp.join("site");
    let written = pipeline::write(&output, resolved, site, &mut Stages::new(), &mut || {});
    let result = match written {
        Ok(_) => crate::linkcheck::check_site_at(&output, &opts.config.root_path())
            .into_iter()
            .map(|b| {
                Diagnostic::error(
                    output
                        .join(&b.page)
                        .strip_prefix(&tmp)
                        .unwrap_or(&output)
                        .to_path_buf(),
                    0,
                    format!("liên kết hỏng {}: {}", b.href, b.reason),
                )
            })
            .collect(),
        Err(e) => build_errors(opts, e),
    };
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

fn tempfile_dir() -> std::io::Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("vanban-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Where the validity stated by hand disagrees with what the texts say:
/// (field, message). Nothing when the text says nothing of that field.
fn hand_disagreements(
    docs: &[Document],
    i: usize,
    text: &crate::citation::validity::Validity,
) -> Vec<(&'static str, String)> {
    use crate::citation::validity::{State, hand_target};
    let h = &docs[i].hand;
    let mut out = Vec::new();
    if let (Some(hand), Some(said)) = (h.effective, text.effective)
        && hand != said
    {
        out.push((
            "effective",
            format!("ghi tay có hiệu lực từ {hand}, văn bản ghi {said}; dùng giá trị ghi tay"),
        ));
    }
    let state = h.status.as_deref().and_then(State::parse);
    if let Some(state) = state
        && state != text.state
    {
        let said = match text.by.first() {
            Some(&j) => format!("{} theo {}", text.state.as_str(), docs[j].number),
            None => text.state.as_str().to_string(),
        };
        out.push((
            "status",
            format!(
                "ghi tay `status: {}`, các văn bản trong kho cho {said}; dùng giá trị ghi tay",
                state.as_str()
            ),
        ));
    }
    if state.is_none_or(|s| s == text.state)
        && let (Some(hand), Some(said)) = (h.since, text.since)
        && hand != said
    {
        out.push((
            "status_since",
            format!("ghi tay từ {hand}, văn bản trong kho cho từ {said}; dùng giá trị ghi tay"),
        ));
    }
    for n in &h.by {
        match hand_target(docs, n, i) {
            None => out.push((
                "status_by",
                format!("`{n}` không chỉ đúng một văn bản trong kho; bỏ qua"),
            )),
            Some(j) if state.is_none_or(|s| s == text.state) && !text.by.contains(&j) => {
                out.push((
                    "status_by",
                    format!("các văn bản trong kho không cho thấy {n} thay thế, bãi bỏ hay sửa đổi văn bản này"),
                ))
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(number: &str, ty: &str, issuer: &str) -> Document {
        Document {
            path: "x.md".into(),
            file: "x.md".into(),
            number: number.into(),
            doc_type: ty.into(),
            title: "T".into(),
            issuer: issuer.into(),
            date: NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
            place: None,
            signers: vec![],
            recipients: vec![],
            distribution: vec![],
            attachments: vec![],
            references: vec![],
            topics: vec![],
            source: None,
            aliases: vec![],
            hand: Default::default(),
            body: String::new(),
            body_line: 1,
            head: None,
        }
    }

    #[test]
    fn numbers_that_agree_with_type_and_issuer_pass() {
        assert!(number_mismatches(&doc("176-CV/TU", "Công văn", "Tỉnh ủy Kiên Giang")).is_empty());
        assert!(
            number_mismatches(&doc("1507/UBND-TH", "Công văn", "UBND tỉnh Kiên Giang")).is_empty()
        );
        assert!(
            number_mismatches(&doc(
                "435/VP-KGVX",
                "Công văn",
                "Văn phòng UBND tỉnh Kiên Giang"
            ))
            .is_empty()
        );
        assert!(number_mismatches(&doc("374-TB/TU", "Thông báo", "Tỉnh ủy Kiên Giang")).is_empty());
        assert!(
            number_mismatches(&doc("1099/CĐ-TTg", "Công điện", "Thủ tướng Chính phủ")).is_empty()
        );
        assert!(number_mismatches(&doc("07-KL/TW", "Kết luận", "Bộ Chính trị")).is_empty());
    }

    #[test]
    fn numbers_that_disagree_are_reported() {
        let m = number_mismatches(&doc("374-TB/TU", "Công văn", "Tỉnh ủy Kiên Giang"));
        assert!(m[0].contains("Thông báo"), "{m:?}");
        let m = number_mismatches(&doc("1099/CĐ-TTg", "Công điện", "UBND tỉnh Kiên Giang"));
        assert!(m[0].contains("TTg"), "{m:?}");
    }
}
