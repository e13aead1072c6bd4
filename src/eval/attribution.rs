//! Attribution evaluation on a PolNeAR-layout directory.

use std::io::Write;
use std::path::Path;

/// Detect claims in every article under `dir/text` and score them against
/// the first annotator's file in `dir/attributions`; with `errors`, list misses.
pub fn run(dir: &Path, errors: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    let _ = (dir, errors, out);
    anyhow::bail!("attribution evaluation is not built yet")
}
