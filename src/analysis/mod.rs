//! analysis (placeholder)
