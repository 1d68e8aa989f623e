//! `vanban new` (a document skeleton) and `vanban init` (a new archive).

use crate::text::slug;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// What `vanban new` is told.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub number: String,
    pub doc_type: String,
    pub issuer: String,
    pub date: NaiveDate,
    pub title: Option<String>,
}

fn yaml_string(s: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

/// The Markdown of a new document with every field of the contract.
pub fn document_skeleton(d: &NewDocument) -> String {
    let title = match &d.title {
        Some(t) => yaml_string(t),
        None => "\"\" # vanban: không tìm thấy, cần điền trích yếu".into(),
    };
    format!(
        "---\n\
number: {number}\n\
type: {ty}\n\
title: {title}\n\
issuer: {issuer}\n\
date: {date}\n\
# place: Địa danh ghi ở dòng ngày tháng\n\
# signers:\n\
#   - name: Họ và tên\n\
#     position: Chức vụ\n\
#     authority: KT. / TM. / TL. ...\n\
recipients: []\n\
distribution: []\n\
attachments: []\n\
references: []\n\
topics: []\n\
# source: https://...\n\
aliases: []\n\
---\n\
\n\
Nội dung văn bản.\n",
        number = yaml_string(&d.number),
        ty = yaml_string(&d.doc_type),
        issuer = yaml_string(&d.issuer),
        date = d.date.format("%Y-%m-%d"),
    )
}

/// Writes a new document under `content`, never over an existing file.
pub fn new_document(content: &Path, d: &NewDocument) -> Result<PathBuf, String> {
    let dir = content.join(slug(&d.issuer));
    let file = dir.join(format!(
        "{}-{}.md",
        d.date.format("%Y-%m-%d"),
        slug(&d.number)
    ));
    if file.exists() {
        return Err(format!("{} đã có; không ghi đè", file.display()));
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(&file, document_skeleton(d)).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(file)
}

const CONFIG: &str = r#"# Cấu hình trang (vanban.toml)
title = "Kho văn bản chỉ đạo"
description = "Văn bản chỉ đạo của các cơ quan Đảng và Nhà nước, liên kết theo trích dẫn."
# Địa chỉ trang khi công bố, kết thúc bằng "/".
base_url = "https://example.org/"
language = "vi"
# Số mục trên một trang danh sách.
page_size = 50
theme = "default"
"#;

const GITHUB: &str = r#"# Build the archive with vanban and publish it to GitHub Pages on every push.
name: pages
on:
  push:
    branches: [main]
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: true
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@v4
        with:
          path: ~/.cargo
          key: cargo-vanban
      - name: Install vanban
        run: cargo install --locked vanban
      - name: Check
        run: vanban check
      - name: Build
        run: vanban build --base-url "https://${{ github.repository_owner }}.github.io/${{ github.event.repository.name }}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#;

const GITLAB: &str = r#"# Build the archive with vanban and publish it to GitLab Pages on every push.
image: rust:latest
cache:
  paths: [.cargo/]
pages:
  script:
    - export CARGO_HOME="$CI_PROJECT_DIR/.cargo"
    - cargo install --locked vanban
    - export PATH="$CARGO_HOME/bin:$PATH"
    - vanban check
    - vanban build --base-url "$CI_PAGES_URL/"
  artifacts:
    paths: [public]
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#;

const THEME_README: &str = "# Giao diện\n\nTrang dùng giao diện mặc định có sẵn trong vanban. Muốn đổi một mẫu,\nchép tệp cùng tên vào `themes/default/templates/` (hoặc `static/`,\n`labels.toml`) ở đây và sửa: tệp ở đây được dùng thay tệp có sẵn.\n";

/// Creates a new archive in `dir`: config, empty content, theme folder and
/// CI files. Refuses to touch a folder that already holds a vanban.toml.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if dir.join("vanban.toml").exists() {
        return Err(format!("{} đã là một kho vanban", dir.display()));
    }
    let files: [(&str, &str); 7] = [
        ("vanban.toml", CONFIG),
        (
            "content/_co-quan.yaml",
            "# Danh mục cơ quan ban hành (không bắt buộc).\n[]\n",
        ),
        ("themes/README.md", THEME_README),
        (".github/workflows/pages.yml", GITHUB),
        (".gitlab-ci.yml", GITLAB),
        (".gitignore", "/public\n/public.vanban-*\n"),
        (
            "README.md",
            "# Kho văn bản\n\nThêm văn bản vào `content/` (`vanban import` hoặc `vanban new`), kiểm tra bằng `vanban check`, xem thử bằng `vanban serve`, rồi `git push`.\n",
        ),
    ];
    let mut written = Vec::new();
    for (rel, text) in files {
        let path = dir.join(rel);
        if path.exists() {
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_document_has_every_contract_field_and_is_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let d = NewDocument {
            number: "12/KH-UBND".into(),
            doc_type: "Kế hoạch".into(),
            issuer: "UBND tỉnh Kiên Giang".into(),
            date: NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(),
            title: Some("Phòng, chống \"thiên tai\"".into()),
        };
        let file = new_document(tmp.path(), &d).unwrap();
        assert!(file.ends_with("ubnd-tinh-kien-giang/2024-03-05-12-kh-ubnd.md"));
        let text = std::fs::read_to_string(&file).unwrap();
        for field in [
            "number:",
            "type:",
            "title:",
            "issuer:",
            "date:",
            "place:",
            "signers:",
            "recipients:",
            "distribution:",
            "attachments:",
            "references:",
            "topics:",
            "source:",
            "aliases:",
        ] {
            assert!(text.contains(field), "{field}");
        }
        assert!(new_document(tmp.path(), &d).is_err());
    }
}
