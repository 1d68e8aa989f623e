//! `vanban import`: drafting contract documents from converted text.
