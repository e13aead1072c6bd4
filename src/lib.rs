//! gloss: a language server and lint for annotated news corpora.
//!
//! The core (everything but `cli` and `lsp`) is synchronous and knows nothing
//! of LSP: it loads a corpus, runs the detectors and produces diagnostics with
//! their fixes as data. The command line and the language server are thin
//! front ends over it.

pub mod analysis;
pub mod ann;
pub mod annotations;
pub mod corpus;
pub mod detect;
pub mod diagnostics;
pub mod eval;
pub mod fsutil;
pub mod lsp;
pub mod manifest;
pub mod query;
pub mod registry;
pub mod registry_edit;
pub mod report;
pub mod spans;
// Shared by the library's and the command line's randomised tests.
#[doc(hidden)]
pub mod test_rng;
pub mod text;
pub mod timex_value;
