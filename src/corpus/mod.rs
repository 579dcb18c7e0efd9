//! corpus (placeholder)
