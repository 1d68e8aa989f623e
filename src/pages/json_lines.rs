//! The open data's JSON layout: indented down to a depth, compact below
//! it. `data/documents.json` gets one record a line (`grep` finds a
//! document, a diff shows the records that changed) at two thirds of the
//! bytes of fully indented JSON; a document's `index.json` one field a line.

use serde_json::ser::{CompactFormatter, Formatter};
use std::io::{self, Write};

/// Breaks lines inside the containers of the first `depth` levels.
pub(super) struct Lines {
    depth: usize,
    level: usize,
    /// Whether the container now closing had values.
    had_value: bool,
}

impl Lines {
    pub fn new(depth: usize) -> Lines {
        Lines {
            depth,
            level: 0,
            had_value: false,
        }
    }

    fn broken(&self) -> bool {
        self.level <= self.depth
    }

    fn newline<W: ?Sized + Write>(&self, w: &mut W, level: usize) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, b: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.had_value = false;
        w.write_all(b)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, b: &[u8]) -> io::Result<()> {
        if self.broken() && self.had_value {
            self.newline(w, self.level - 1)?;
        }
        self.level -= 1;
        self.had_value = true;
        w.write_all(b)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        if self.broken() {
            self.newline(w, self.level)?;
        }
        Ok(())
    }
}

impl Formatter for Lines {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.had_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        if self.broken() {
            w.write_all(b": ")
        } else {
            CompactFormatter.begin_object_value(w)
        }
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.had_value = true;
        Ok(())
    }
}

/// `value` as JSON with lines down to `depth`, and a final newline.
pub(super) fn to_writer<W: Write, T: serde::Serialize>(
    out: W,
    value: &T,
    depth: usize,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, Lines::new(depth));
    value.serialize(&mut ser)?;
    ser.into_inner()
        .write_all(b"\n")
        .map_err(serde_json::Error::io)
}

/// [`to_writer`] into bytes.
pub(super) fn to_vec<T: serde::Serialize>(value: &T, depth: usize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    to_writer(&mut out, value, depth)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::to_vec;
    use serde_json::json;

    #[test]
    fn records_one_a_line_and_the_same_value() {
        let v = json!({"documents": [{"a": [1, 2], "b": {"c": null}}, {"a": []}], "n": {}});
        let s = String::from_utf8(to_vec(&v, 2).unwrap()).unwrap();
        assert_eq!(
            s,
            "{\n  \"documents\": [\n    {\"a\":[1,2],\"b\":{\"c\":null}},\n    {\"a\":[]}\n  ],\n  \"n\": {}\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        let one = String::from_utf8(to_vec(&json!({"x": [1], "y": "z"}), 1).unwrap()).unwrap();
        assert_eq!(one, "{\n  \"x\": [1],\n  \"y\": \"z\"\n}\n");
    }
}
