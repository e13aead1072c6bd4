//! A small deterministic generator for randomised tests: they need variety,
//! not quality, and must fail the same way every time (xorshift64).

/// Successive pseudo-random numbers from a fixed seed.
pub fn xorshift() -> impl FnMut() -> u64 {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
