//! The client-side search index.
