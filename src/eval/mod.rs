//! Evaluation of the detectors on real annotated corpora, with the standard
//! scoring conventions of each task.

pub mod attribution;
pub mod timeml;
