//! A directive as the content contract describes it: front matter plus a
//! Markdown body. This is the pipeline's first data type; every later stage
//! reads it and none changes it.

use chrono::NaiveDate;
use serde::Serialize;
use std::path::PathBuf;

/// One person in the signature block, in signing order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signer {
    /// Absent when the original prints "(Đã ký)" without a name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<String>,
}

/// A validated document of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Path relative to the content folder, with `/` separators.
    pub path: String,
    /// Absolute or working-directory path of the file, for messages.
    pub file: PathBuf,
    pub number: String,
    pub doc_type: String,
    pub title: String,
    pub issuer: String,
    pub date: NaiveDate,
    pub place: Option<String>,
    pub signers: Vec<Signer>,
    pub recipients: Vec<String>,
    pub distribution: Vec<String>,
    pub attachments: Vec<String>,
    pub references: Vec<String>,
    pub topics: Vec<String>,
    pub source: Option<String>,
    pub aliases: Vec<String>,
    /// Validity stated by hand in the front matter; it wins over the text.
    pub hand: HandValidity,
    /// The Markdown body, after the closing `---`.
    pub body: String,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    /// The file's text before the body (the front matter between its `---`
    /// lines, a byte-order mark kept), so that the file can be written out
    /// again without reading it; `None` when loading changed the body
    /// (its line ends).
    pub head: Option<String>,
}

impl Document {
    /// The file's text as written, from what was loaded; `None`: only the
    /// file itself has it.
    pub fn source_text(&self) -> Option<String> {
        self.head
            .as_ref()
            .map(|head| format!("{head}{}", self.body))
    }
}

/// What a maintainer states of a document's force (front matter fields
/// `effective`, `status`, `status_since`, `status_by`); all optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandValidity {
    pub effective: Option<NaiveDate>,
    /// `repealed`, `replaced`, `amended` or `none_known`.
    pub status: Option<String>,
    pub since: Option<NaiveDate>,
    /// Numbers of the archive documents that repeal, replace or amend it.
    pub by: Vec<String>,
}

impl HandValidity {
    /// The states `status` may take.
    pub const STATES: [&'static str; 4] = ["repealed", "replaced", "amended", "none_known"];

    pub fn is_empty(&self) -> bool {
        *self == HandValidity::default()
    }
}

impl Document {
    /// The identity the contract defines: (number, issuer, year).
    pub fn identity(&self) -> (String, String, i32) {
        use chrono::Datelike;
        (
            crate::number::normalize(&self.number),
            self.issuer.clone(),
            self.date.year(),
        )
    }
}
