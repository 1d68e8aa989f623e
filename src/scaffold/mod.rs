//! `vanban new` (a document skeleton) and `vanban init` (a new archive).

pub mod ci;

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
# Địa chỉ trang khi công bố, kết thúc bằng "/". Không đặt thì liên kết để
# tương đối và feed, sitemap, canonical bị bỏ qua; tệp CI tự truyền địa chỉ
# của GitHub Pages / GitLab Pages bằng --base-url.
# base_url = "https://ten-cua-ban.github.io/kho-van-ban/"
language = "vi"
# Số mục trên một trang danh sách.
page_size = 50
theme = "default"
# index.json và index.md cạnh mỗi trang văn bản; kho rất lớn (vài chục nghìn
# văn bản) đặt false để vừa giới hạn của GitHub/GitLab Pages.
document_files = true
"#;

const THEME_README: &str = "# Giao diện\n\nTrang dùng giao diện mặc định có sẵn trong vanban. Muốn đổi một mẫu,\nchép tệp cùng tên vào `themes/default/templates/` (hoặc `static/`,\n`labels.toml`) ở đây và sửa: tệp ở đây được dùng thay tệp có sẵn.\n";

/// Where `vanban init` means to publish, besides the Pages CI files it
/// always writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Host {
    /// GitHub Pages and GitLab Pages only.
    #[default]
    Pages,
    /// Also `publish-s3.py`: S3-compatible object storage behind a CDN.
    S3,
}

/// The S3 publisher `vanban init --host s3` writes.
pub const PUBLISH_S3: &str = include_str!("publish-s3.py");

/// Creates a new archive in `dir`: config, empty content, theme folder and
/// CI files. Refuses to touch a folder that already holds a vanban.toml.
pub fn init(dir: &Path, host: Host) -> Result<Vec<PathBuf>, String> {
    if dir.join("vanban.toml").exists() {
        return Err(format!("{} đã là một kho vanban", dir.display()));
    }
    let (github, gitlab) = (ci::github(), ci::gitlab());
    let mut files: Vec<(&str, &str)> = vec![
        ("vanban.toml", CONFIG),
        (
            "content/_co-quan.yaml",
            "# Danh mục cơ quan ban hành (không bắt buộc).\n[]\n",
        ),
        ("themes/README.md", THEME_README),
        (".github/workflows/pages.yml", &github),
        (".gitlab-ci.yml", &gitlab),
        (".gitignore", "/public\n/public.vanban-*\n/.vanban-cache\n"),
        (
            "README.md",
            "# Kho văn bản\n\nThêm văn bản vào `content/` (`vanban import` hoặc `vanban new`), kiểm tra bằng `vanban check`, xem thử bằng `vanban serve`, rồi `git push`.\n",
        ),
    ];
    if host == Host::S3 {
        files.push(("publish-s3.py", PUBLISH_S3));
    }
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
        #[cfg(unix)]
        if rel.ends_with(".py") {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
        }
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
