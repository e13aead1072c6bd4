//! The claim detector on arbitrary text, with registry mentions.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use gloss::detect::claims::detect;
use gloss::detect::mentions::MentionMatcher;
use gloss::registry::Registry;
use gloss::text::decode;
use libfuzzer_sys::fuzz_target;

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    Registry::parse(
        Path::new("entities.toml"),
        "[george-robertson]\nkind = \"person\"\nname = \"George Robertson\"\naliases = [\"Robertson\"]\n\n[nato]\nkind = \"organization\"\nname = \"NATO\"\naliases = [\"Nato\", \"the alliance\"]\n",
    )
});

fuzz_target!(|data: &[u8]| {
    let (text, _) = decode(data);
    let matcher = MentionMatcher::new(&REGISTRY);
    let mentions = matcher.find(&text);
    for c in detect(&text, &mentions, &REGISTRY) {
        for r in [Some(&c.span), Some(&c.cue), c.source.as_ref(), c.content.as_ref()]
            .into_iter()
            .flatten()
        {
            assert!(r.start <= r.end && r.end <= text.len(), "{c:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        if let Some(e) = &c.entity {
            assert!(REGISTRY.contains(e));
        }
    }
});
