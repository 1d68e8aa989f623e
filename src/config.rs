//! Site settings from the optional `vanban.toml`.
