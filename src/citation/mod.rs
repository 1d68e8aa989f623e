//! Citations: finding document numbers in text and resolving them to documents.
