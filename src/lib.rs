//! Crosscheck: a desktop fact-checking workbench.
//!
//! Data flows one way: files → [`corpus`] → [`model`] ↔ [`store`]; [`model`] → [`analysis`];
//! [`model`] → [`report`]; [`app`] draws the model and sends commands. Only [`app`] knows egui,
//! and only [`store`] knows SQL.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod corpus;
pub mod model;
pub mod report;
pub mod store;
pub mod team;
