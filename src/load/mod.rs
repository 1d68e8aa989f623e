//! Loading the content folder: find the documents, parse their front matter,
//! validate them against the contract.

pub mod front_matter;
