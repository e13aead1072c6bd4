//! Mentions of registry entities.
