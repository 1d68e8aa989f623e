//! The YAML of a front matter, read into a small tree of nodes that keep
//! their position, built from the events of `granit-parser` (the parser
//! under serde-saphyr; see `docs/dependencies.md` for why the events and not
//! serde).
//!
//! Scalars keep their text exactly as written: `176`, `yes` and `2021-06-15`
//! are text, not numbers, booleans or timestamps. Only a plain empty, `~` or
//! `null` is [`Value::Null`]. Anchors and aliases work; tags other than `!!str`
//! and `!` are refused, and so is everything beyond the size limits below, so
//! that a hostile file costs little.

use serde_saphyr::granit_parser::{
    Event, Marker, Parser, ScalarStyle, ScanError, StructureStyle, Tag,
};
use std::collections::HashMap;

/// Most nodes a front matter may have, aliases counted at their full size.
/// A real one has about forty.
const MAX_NODES: usize = 10_000;
/// Deepest nesting allowed; the contract needs three levels.
const MAX_DEPTH: usize = 32;

/// A node and where it starts (1-based line and column of the YAML text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Text(String),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// What a reader calls this kind of value, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "giá trị rỗng",
            Value::Text(_) => "chuỗi",
            Value::List(_) => "danh sách",
            Value::Map(_) => "bảng khóa–giá trị",
        }
    }
}

/// Why the YAML could not be read, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The top-level key whose value was being read, if any.
    pub field: Option<String>,
    /// A flow collection still open, opened on an earlier line: its opening
    /// bracket and line. Often the real cause of the error.
    pub unclosed: Option<(char, usize)>,
}

/// Reads one YAML document. `Ok(None)` when the text holds no node at all
/// (only blank lines or comments).
pub(crate) fn parse(text: &str) -> Result<Option<Node>, YamlError> {
    let mut options = serde_saphyr::granit_parser::Options::default();
    options.emit_comments = false;
    options.flow_nesting_limit = MAX_DEPTH;
    options.block_nesting_limit = MAX_DEPTH;
    let mut parser = Parser::new_from_str_with_options(text, options);
    let mut builder = Builder::default();
    match build(&mut parser, &mut builder) {
        Ok(()) => Ok(builder.root),
        Err(mut error) => {
            error.field = builder.current_field();
            error.unclosed = builder.open_flow_before(error.line);
            Err(error)
        }
    }
}

fn build<'a>(
    parser: &mut Parser<'a, serde_saphyr::granit_parser::StrInput<'a>>,
    builder: &mut Builder,
) -> Result<(), YamlError> {
    while let Some(event) = parser.next_event() {
        let (event, span) = event.map_err(scan_error)?;
        // A tagged node starts at its tag.
        let at = span.tag_start.unwrap_or(span.start);
        match event {
            Event::StreamStart | Event::DocumentEnd => {}
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                if builder.documents == 1 {
                    return Err(error_at(
                        at,
                        "front matter chỉ được chứa một tài liệu YAML".into(),
                    ));
                }
                builder.documents += 1;
            }
            Event::Scalar(text, style, anchor, tag) => {
                check_scalar_tag(tag.as_deref(), at)?;
                let value = if style == ScalarStyle::Plain && tag.is_none() && is_null(&text) {
                    Value::Null
                } else {
                    Value::Text(text.into_owned())
                };
                builder.complete(node(value, at), anchor, at)?;
            }
            Event::SequenceStart(style, anchor, tag) => {
                check_collection_tag(tag.as_deref(), "seq", at)?;
                let flow = (style == StructureStyle::Flow).then_some('[');
                builder.open(node(Value::List(Vec::new()), at), anchor, flow, at)?;
            }
            Event::MappingStart(style, anchor, tag) => {
                check_collection_tag(tag.as_deref(), "map", at)?;
                let flow = (style == StructureStyle::Flow).then_some('{');
                builder.open(node(Value::Map(Vec::new()), at), anchor, flow, at)?;
            }
            Event::SequenceEnd | Event::MappingEnd => builder.close(),
            Event::Alias(id) => {
                let Some((target, size)) = builder.anchors.get(&id) else {
                    return Err(error_at(at, "bí danh (alias) trỏ tới neo không có".into()));
                };
                let mut copy = target.clone();
                copy.line = at.line();
                copy.column = at.col() + 1;
                builder.count(*size, at)?;
                builder.complete_counted(copy, 0);
            }
            _ => {}
        }
    }
    Ok(())
}

fn node(value: Value, at: Marker) -> Node {
    Node {
        value,
        line: at.line(),
        column: at.col() + 1,
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn check_scalar_tag(tag: Option<&Tag>, at: Marker) -> Result<(), YamlError> {
    match tag {
        None => Ok(()),
        Some(tag) if tag.is_yaml_core_schema_tag("str") || tag.original() == "!" => Ok(()),
        Some(tag) => Err(unsupported_tag(tag, at)),
    }
}

fn check_collection_tag(tag: Option<&Tag>, kind: &str, at: Marker) -> Result<(), YamlError> {
    match tag {
        None => Ok(()),
        Some(tag) if tag.is_yaml_core_schema_tag(kind) => Ok(()),
        Some(tag) => Err(unsupported_tag(tag, at)),
    }
}

fn unsupported_tag(tag: &Tag, at: Marker) -> YamlError {
    error_at(
        at,
        format!(
            "thẻ YAML `{}` không được hỗ trợ; hãy bỏ thẻ và viết giá trị như một chuỗi",
            tag.original()
        ),
    )
}

fn error_at(at: Marker, message: String) -> YamlError {
    YamlError {
        line: at.line(),
        column: at.col() + 1,
        message,
        field: None,
        unclosed: None,
    }
}

fn scan_error(error: ScanError) -> YamlError {
    use serde_saphyr::granit_parser::ErrorKind as K;
    let english = error.kind().to_string();
    let message = match error.kind() {
        K::UnclosedQuotedScalar => "dấu nháy chưa được đóng".to_string(),
        K::InvalidQuotedScalarIndent => "chuỗi trong dấu nháy kéo sang dòng này mà không thụt \
                                         lề: có thể thiếu dấu nháy đóng ở dòng trước"
            .to_string(),
        K::UnclosedFlowCollection { open } => format!("dấu ngoặc `{open}` chưa được đóng"),
        K::MismatchedFlowCollectionEnd { open, close } => {
            format!("dấu ngoặc `{open}` lại được đóng bằng `{close}`")
        }
        K::MisplacedFlowCollectionEnd => "dấu ngoặc đóng đặt sai chỗ".to_string(),
        K::TabInIndentation | K::TabInBlockIndentation | K::TabNotAllowed => {
            "không được dùng ký tự tab để thụt lề; hãy dùng dấu cách".to_string()
        }
        K::InvalidIndentation | K::ExpectedBlockSequenceEntry | K::ExpectedBlockMappingKey => {
            format!("thụt lề không đúng ({english})")
        }
        K::MappingValueNotAllowed | K::InvalidColonPlacement => format!(
            "dấu `:` đặt sai chỗ; nếu giá trị có dấu hai chấm, hãy đặt cả giá trị trong \
             dấu nháy kép ({english})"
        ),
        K::RecursionLimitExceeded => format!("lồng nhau quá {MAX_DEPTH} cấp"),
        _ => english,
    };
    YamlError {
        line: error.marker().line(),
        column: error.marker().col() + 1,
        message: format!("YAML không hợp lệ: {message}"),
        field: None,
        unclosed: None,
    }
}

/// A collection being read.
struct Frame {
    node: Node,
    /// In a map, the key waiting for its value.
    pending: Option<Node>,
    anchor: usize,
    /// `self.nodes` when the collection was opened.
    first: usize,
    /// The opening bracket of a flow collection.
    flow: Option<char>,
}

/// Assembles nodes from events with an explicit stack, so that no input can
/// make it recurse.
#[derive(Default)]
struct Builder {
    /// Open collections, innermost last.
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: HashMap<usize, (Node, usize)>,
    nodes: usize,
    documents: usize,
}

impl Builder {
    /// The key of the top-level entry being read.
    fn current_field(&self) -> Option<String> {
        match self.stack.first() {
            Some(Frame {
                node:
                    Node {
                        value: Value::Map(_),
                        ..
                    },
                pending:
                    Some(Node {
                        value: Value::Text(key),
                        ..
                    }),
                ..
            }) => Some(key.clone()),
            _ => None,
        }
    }

    /// The innermost flow collection still open that began before `line`.
    fn open_flow_before(&self, line: usize) -> Option<(char, usize)> {
        self.stack.iter().rev().find_map(|f| {
            f.flow
                .filter(|_| f.node.line < line)
                .map(|c| (c, f.node.line))
        })
    }

    fn count(&mut self, n: usize, at: Marker) -> Result<(), YamlError> {
        self.nodes += n;
        if self.nodes > MAX_NODES {
            return Err(error_at(
                at,
                format!("front matter quá lớn: hơn {MAX_NODES} giá trị"),
            ));
        }
        Ok(())
    }

    fn open(
        &mut self,
        node: Node,
        anchor: usize,
        flow: Option<char>,
        at: Marker,
    ) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(error_at(at, format!("lồng nhau quá {MAX_DEPTH} cấp")));
        }
        self.count(1, at)?;
        self.stack.push(Frame {
            node,
            pending: None,
            anchor,
            first: self.nodes,
            flow,
        });
        Ok(())
    }

    fn close(&mut self) {
        let Some(Frame {
            mut node,
            pending,
            anchor,
            first,
            ..
        }) = self.stack.pop()
        else {
            return;
        };
        if let (Value::Map(entries), Some(key)) = (&mut node.value, pending) {
            // A key without a value cannot come from the parser; keep it as null.
            let (line, column) = (key.line, key.column);
            entries.push((
                key,
                Node {
                    value: Value::Null,
                    line,
                    column,
                },
            ));
        }
        let size = self.nodes - first + 1;
        self.remember(&node, anchor, size);
        self.attach(node);
    }

    fn complete(&mut self, node: Node, anchor: usize, at: Marker) -> Result<(), YamlError> {
        self.count(1, at)?;
        self.complete_counted(node, anchor);
        Ok(())
    }

    fn complete_counted(&mut self, node: Node, anchor: usize) {
        self.remember(&node, anchor, 1);
        self.attach(node);
    }

    fn remember(&mut self, node: &Node, anchor: usize, size: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), size));
        }
    }

    fn attach(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame {
                node: parent,
                pending,
                ..
            }) => match &mut parent.value {
                Value::List(items) => items.push(node),
                Value::Map(entries) => match pending.take() {
                    None => *pending = Some(node),
                    Some(key) => entries.push((key, node)),
                },
                Value::Null | Value::Text(_) => {}
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(node: &Node) -> &str {
        match &node.value {
            Value::Text(t) => t,
            other => panic!("not text: {other:?}"),
        }
    }

    fn map(node: &Node) -> &[(Node, Node)] {
        match &node.value {
            Value::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn scalars_keep_their_text_and_position() {
        let root = parse("number: 0176\nok: yes\ndate: 2021-06-15\nx: 1.50\n")
            .unwrap()
            .unwrap();
        let entries = map(&root);
        assert_eq!(text(&entries[0].1), "0176");
        assert_eq!(text(&entries[1].1), "yes");
        assert_eq!(text(&entries[2].1), "2021-06-15");
        assert_eq!(text(&entries[3].1), "1.50");
        assert_eq!((entries[2].0.line, entries[2].0.column), (3, 1));
        assert_eq!((entries[2].1.line, entries[2].1.column), (3, 7));
    }

    #[test]
    fn plain_nulls_are_null_but_quoted_ones_are_text() {
        let root = parse("a:\nb: ~\nc: null\nd: \"\"\ne: 'null'\n")
            .unwrap()
            .unwrap();
        let values: Vec<&Value> = map(&root).iter().map(|(_, v)| &v.value).collect();
        assert_eq!(values[0], &Value::Null);
        assert_eq!(values[1], &Value::Null);
        assert_eq!(values[2], &Value::Null);
        assert_eq!(values[3], &Value::Text(String::new()));
        assert_eq!(values[4], &Value::Text("null".into()));
    }

    #[test]
    fn empty_text_has_no_node() {
        assert_eq!(parse("").unwrap(), None);
        assert_eq!(parse("# only a comment\n\n").unwrap(), None);
    }

    #[test]
    fn duplicate_keys_are_kept_for_the_validator() {
        let root = parse("a: 1\na: 2\n").unwrap().unwrap();
        assert_eq!(map(&root).len(), 2);
    }

    #[test]
    fn aliases_copy_the_anchored_node() {
        let root = parse("a: &x [p, q]\nb: *x\n").unwrap().unwrap();
        let entries = map(&root);
        assert_eq!(entries[1].1.value, entries[0].1.value);
        assert_eq!(entries[1].1.line, 2);
    }

    #[test]
    fn alias_bombs_hit_the_size_limit() {
        let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let prev = format!("*a{}", i - 1);
            yaml.push_str(&format!(
                "a{i}: &a{i} [{}]\n",
                [prev.as_str(); 10].join(", ")
            ));
        }
        let err = parse(&yaml).unwrap_err();
        assert!(err.message.contains("quá lớn"), "{err:?}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let yaml = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        let err = parse(&yaml).unwrap_err();
        assert!(err.message.contains("YAML không hợp lệ") || err.message.contains("lồng"));
    }

    #[test]
    fn syntax_errors_have_a_position_and_a_vietnamese_message() {
        let err = parse("a: b\ntitle: [\"không đóng]\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 9));
        assert_eq!(err.field.as_deref(), Some("title"));
        assert!(err.message.contains("dấu nháy chưa được đóng"), "{err:?}");

        let err = parse("topics: [a, b\nsource: x\n").unwrap_err();
        assert_eq!((err.line, err.field.as_deref()), (2, Some("topics")));
        assert_eq!(err.unclosed, Some(('[', 1)));

        // The parser notices only on the next line, which it then reports.
        let err = parse("a: b\ntitle: \"không đóng\nb: c\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("thiếu dấu nháy đóng"), "{err:?}");

        let err = parse("title: Kết luận: đúng\n").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("dấu nháy kép"), "{err:?}");
    }

    #[test]
    fn tags_other_than_str_are_refused() {
        assert_eq!(
            parse("a: !!str 5\n").unwrap().unwrap(),
            parse("a: '5'\n").unwrap().unwrap()
        );
        let err = parse("a: !!int 5\n").unwrap_err();
        assert!(err.message.contains("thẻ YAML"), "{err:?}");
        let err = parse("a: !custom x\n").unwrap_err();
        assert!(err.message.contains("!custom"), "{err:?}");
    }

    #[test]
    fn a_second_document_is_refused() {
        let err = parse("a: 1\n...\n---\nb: 2\n").unwrap_err();
        assert!(err.message.contains("một tài liệu"), "{err:?}");
    }
}
