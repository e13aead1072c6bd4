//! Last checks on a detected attribution, for readings the patterns cannot
//! rule out locally: a headline's colon, an adjective that looks like a cue,
//! a subject that cannot say or believe anything.

use std::ops::Range;

/// Heads of noun phrases that name events, plans or relations: as subjects
/// of "appeared", "will see" or "comes amid calls for" they are not sources.
const NON_AGENTS: &[&str] = &[
    "policy",
    "policies",
    "visit",
    "trip",
    "tour",
    "move",
    "plan",
    "plans",
    "summit",
    "talks",
    "meeting",
    "effort",
    "efforts",
    "idea",
    "process",
    "relationship",
    "relations",
    "step",
    "chemistry",
    "strategy",
    "economy",
    "situation",
    "future",
    "change",
    "changes",
    "growth",
    "rally",
    "race",
];

/// Number words: before a cue word in "-s" they make it a plural noun.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "several",
];

/// Whether a verb of saying opens `after` ("Beattie initially said:
/// ..."): the adverb before it stands for the claim the verb makes.
fn said_next(after: &str) -> bool {
    let next = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    matches!(
        next,
        "said"
            | "says"
            | "told"
            | "added"
            | "stated"
            | "claimed"
            | "insisted"
            | "argued"
            | "warned"
    )
}

/// Adverbs that report what others say.
const HEARSAY: &[&str] = &[
    "reportedly",
    "allegedly",
    "supposedly",
    "reputedly",
    "purportedly",
    "apparently",
    "ostensibly",
    "seemingly",
    "admittedly",
];

const PREPOSITIONS: &[&str] = &[
    "to", "of", "in", "for", "on", "at", "with", "from", "by", "about", "over",
];

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\'' | '\u{ab}'
    )
}

/// Section labels that open headlines ("Analysis: Putin looks West").
const LABELS: &[&str] = &[
    "analysis",
    "comment",
    "opinion",
    "editorial",
    "update",
    "video",
    "watch",
    "live",
    "review",
    "explainer",
    "breaking",
    "exclusive",
    "factbox",
    "timeline",
    "profile",
    "quick guide",
    "in pictures",
    "see also",
];

/// Auxiliaries and verbs in "-s" that a number may be the subject of
/// ("ABC 7 is reporting").
fn is_verb_s(w: &str) -> bool {
    ["is", "was", "has", "does", "says"]
        .iter()
        .any(|v| v.eq_ignore_ascii_case(w))
}

/// Whether `before` ends in a number written in digits that is no year:
/// "47,000", "300", not "2004".
fn is_count(before: &str) -> bool {
    let num = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let digits = num.chars().filter(char::is_ascii_digit).count();
    let year = digits == 4 && num.len() == 4 && (num.starts_with('1') || num.starts_with('2'));
    // A comma or a full stop after the number ends its clause ("since
    // the age of 25, says"); it must end in a digit.
    num.starts_with(|c: char| c.is_ascii_digit())
        && num.ends_with(|c: char| c.is_ascii_digit())
        && num
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && !year
}

/// Whether a detected attribution is plausible as a claim an annotator must
/// record. `source_is_place`: the source is a registry mention of a location.
pub fn plausible(
    text: &str,
    cue: &Range<usize>,
    source: Option<&Range<usize>>,
    content: Option<&Range<usize>>,
    source_is_place: bool,
) -> bool {
    let cue_text = &text[cue.clone()];
    // A colon makes a speaker turn ("TRUMP: We will ...") or introduces a
    // caption's quotation ("Lord Robertson (right): "We are ..."); in a
    // headline ("Analysis: Putin looks West") it is only punctuation.
    if cue_text.trim() == ":" {
        let quoted = content.is_some_and(|c| {
            let t = text[c.clone()].trim_start();
            t.starts_with(is_quote_mark) || t.starts_with("â€")
        });
        // A speaker is named with capitalised words ("Lynch:", "KATE
        // BOULDUAN:"); "Expanding alliance:", "Analysis:" and a country
        // ("Russia: America's new friend") label a headline instead.
        let named = source.is_some_and(|s| {
            let t = text[s.clone()].trim();
            !t.is_empty()
                && t.split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !LABELS.contains(&t.to_lowercase().as_str())
        });
        if !quoted && (!named || source_is_place) {
            return false;
        }
    }
    // "Putin's promising chemistry": an -ing word after a possessive is an
    // adjective or a gerund, not a cue. A pronoun's "'s" is "is" ("He's
    // predicting he will win"): the -ing word is its verb.
    if cue_text.ends_with("ing") {
        let before = text[..cue.start].trim_end();
        let word = last_word_of(before);
        if (before.ends_with("'s") || before.ends_with("\u{2019}s"))
            && super::nouns::possessive(word).is_some()
        {
            return false;
        }
    }
    // "it is not certain Russia will agree": an adjective of belief with an
    // empty subject is the writer's hedge, not someone's claim.
    // The source may still hold a contracted auxiliary ("It’s certain
    // ..."): it moves to the cue only after this check.
    let expletive = source.is_some_and(|s| {
        let src = text[s.clone()].trim();
        let bare = super::nouns::contracted_auxiliary(src)
            .and_then(|n| src.get(..src.len() - n))
            .unwrap_or(src);
        matches!(
            bare.to_ascii_lowercase().as_str(),
            "it" | "there" | "this" | "that"
        )
    });
    let last_word = cue_text.rsplit(' ').next().unwrap_or("");
    if expletive && super::nouns::is_adjective_cue(last_word) {
        return false;
    }
    // "four or five shows a year", "two reports", "47,000 complaints": a
    // number makes the cue word a plural noun. (Not a year: "in 2004
    // reports suggested".)
    let first_word = cue_text.split(' ').next().unwrap_or("");
    let word_before = text[..cue.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if first_word.ends_with('s')
        && (NUMBER_WORDS.contains(&word_before.to_ascii_lowercase().as_str())
            || (is_count(text[..cue.start].trim_end()) && !is_verb_s(first_word)))
    {
        return false;
    }
    // "SBC currently employs 163,000 people": an adverb alone is a cue
    // only when it reports hearsay ("reportedly", "allegedly"); on PolNeAR
    // train the other lone adverbs the cue model marked ("openly",
    // "loudly", "overwhelmingly") were half of them no claim.
    if !cue_text.contains(' ')
        && cue_text.len() > 4
        && cue_text.ends_with("ly")
        && !HEARSAY.contains(&cue_text.to_ascii_lowercase().as_str())
        && !matches!(cue_text, "reply" | "rely" | "apply" | "imply" | "supply")
        && !said_next(&text[cue.end..])
    {
        return false;
    }
    // A cue of the model may end in "compared" ("is laughably slow
    // compared to ...").
    // A passive ("has been compared to Nixon") keeps its cue.
    if matches!(last_word, "compared" | "compares")
        && !cue_text
            .split(' ')
            .any(|w| matches!(w, "be" | "been" | "being" | "is" | "are" | "was" | "were"))
        && compared_with(&text[..cue.start], &text[cue.end..])
    {
        return false;
    }
    // Rule cues were tested where they were read (`reported::cue_at`);
    // the cue model's were not.
    if !cue_word_in_use(text, cue.clone()) {
        return false;
    }
    // "The show can be seen on S4C", "an indication of this can be seen in
    // the markets": a thing seen somewhere is no claim ("is seen as", "was
    // seen by some as" are; so is an active "we have seen in years").
    let passive = cue_text
        .split(' ')
        .any(|w| matches!(w, "be" | "been" | "being" | "is" | "are" | "was" | "were"));
    if last_word == "seen" && passive {
        let next = text[cue.end..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if ["on", "in", "at", "from", "here", "there"].contains(&next.as_str()) {
            return false;
        }
    }
    // "his policy appeared to be paying off": the subject is no speaker.
    if let Some(s) = source {
        let words: Vec<String> = text[s.clone()]
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let head = words
            .iter()
            .take_while(|w| !PREPOSITIONS.contains(&w.as_str()))
            .last();
        if head.is_some_and(|h| NON_AGENTS.contains(&h.as_str())) {
            return false;
        }
    }
    true
}

/// The last word of `before` (the text up to a cue), with what clings to
/// it but an opening quote mark, parenthesis or dash: "Putin's", "'s".
fn last_word_of(before: &str) -> &str {
    before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '(' | '—'))
        .next()
        .unwrap_or("")
}

/// Whether the cue word at `cue` is used as a cue where it stands:
/// "show" and "shows" are nouns in "a chat show", "saw" tells what
/// happened in "the firm saw sales rise". Other words always are.
pub(super) fn cue_word_in_use(text: &str, cue: Range<usize>) -> bool {
    // Read on the cue's last word, so that a cue of the model with its
    // auxiliaries ("has posted", "have found") is tested too.
    let cue_text = &text[cue.clone()];
    let last = cue_text.rsplit(' ').next().unwrap_or(cue_text);
    let after = &text[cue.end..];
    match last {
        "found" | "finds" | "find" if reflexive_next(after) => return false,
        _ => {}
    }
    // "posted" anywhere in the cue: the model may take its object in
    // ("posted a loss").
    for verb in ["posted", "posts"] {
        if let Some(k) = cue_text.find(verb) {
            if posted_a_result(&text[cue.start + k + verb.len()..]) {
                return false;
            }
        }
    }
    match cue_text {
        "show" | "shows" => !show_is_noun(&text[..cue.start], &text[cue.end..]),
        "saw" => saw_a_view(&text[cue.end..]),
        "call" | "calls" => !CALL_KINDS.contains(
            &last_word_of(text[..cue.start].trim_end())
                .to_lowercase()
                .as_str(),
        ),
        "offer" | "offers" | "offered" | "offering" => {
            !offer_of_goods(&text[..cue.start], &text[cue.end..])
        }
        "compared" | "compares" => !compared_with(&text[..cue.start], &text[cue.end..]),
        "went" | "went on" => !went_on_to_act(&text[cue.end..]),
        "plan" | "plans" => !plan_in_a_phrase(&text[..cue.start]),
        _ => true,
    }
}

/// Prepositions before which "plans" is a noun: "under the restructuring
/// plans", "the controversy over plans to", "with plans for".
const PLAN_PREPOSITIONS: &[&str] = &[
    "under",
    "over",
    "about",
    "on",
    "at",
    "with",
    "against",
    "behind",
    "into",
    "of",
    "in",
    "from",
    "regarding",
];

/// Words that make "plans" after them a verb or stop the search for a
/// preposition: a subject, an auxiliary or a conjunction ("Labour also
/// plans", "There are plans", "spoke on Monday and plans to").
const PLAN_SUBJECT_WORDS: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "also", "now", "it", "he",
    "she", "they", "we", "i", "who", "which", "that", "and", "or", "but",
];

/// Whether "plan" or "plans" is the head of a noun phrase after a
/// preposition, its modifiers between ("under plans", "on UK plans",
/// "over the restructuring plans"): a noun, no cue. At most four words
/// back, not across punctuation.
fn plan_in_a_phrase(before: &str) -> bool {
    let mut rest = before.trim_end();
    for _ in 0..4 {
        let word = last_word_of(rest);
        if word.is_empty() || word.ends_with(|c: char| !c.is_alphanumeric() && c != '\'') {
            return false;
        }
        let lower = word.to_lowercase();
        if PLAN_PREPOSITIONS.contains(&lower.as_str()) {
            return true;
        }
        if PLAN_SUBJECT_WORDS.contains(&lower.as_str()) {
            return false;
        }
        rest = rest[..rest.len() - word.len()].trim_end();
    }
    false
}

/// Whether a reflexive pronoun follows: "the club found itself in
/// trouble", "12% found themselves unable to swap" say where someone
/// ended up, not what they found out. On PolNeAR train none of the 11
/// such cues is a gold cue.
fn reflexive_next(after: &str) -> bool {
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    matches!(
        next.to_ascii_lowercase().as_str(),
        "itself" | "themselves" | "himself" | "herself" | "myself" | "ourselves" | "yourself"
    )
}

/// Words that make a figure or an outcome of what "posted" puts up.
const RESULTS: &[&str] = &[
    "profit", "profits", "loss", "losses", "rise", "rises", "fall", "falls", "jump", "drop",
    "increase", "decline", "results", "sales", "earnings", "revenue", "revenues", "growth", "gain",
    "gains", "deficit", "surplus", "victory", "win", "turnover", "income",
];

/// Whether "posted" puts up a result, not a message: "Qantas has posted a
/// record first-half profit", "AMR posted a loss of $761m", "US retailers
/// posted mixed results for December". Looks at the object up to a
/// preposition or the end of its clause.
fn posted_a_result(after: &str) -> bool {
    for (n, word) in after.split_whitespace().enumerate() {
        if n >= 8 {
            break;
        }
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_ascii_lowercase();
        if RESULTS.contains(&lower.as_str()) {
            return true;
        }
        if [
            "in", "on", "to", "for", "of", "from", "via", "that", "and", "with", "by",
        ]
        .contains(&lower.as_str())
            || word.ends_with([',', ';', ':'])
            || (word.ends_with('.') && !bare.is_empty() && !word.ends_with("bn."))
        {
            break;
        }
    }
    false
}

/// "went on" (the cue, or "went" with `after` starting at its "on") that
/// goes on to do something other than speak: "went on sale", "went on to
/// win best film", "went on to become". A speaker goes on to a verb of
/// the lexicon ("went on to accuse", "went on to warn") or goes on
/// talking ("went on: ...", "went on, “...”").
fn went_on_to_act(after: &str) -> bool {
    let after = after.trim_start();
    let after = after.strip_prefix("on ").unwrap_or(after);
    let mut words = after.split_whitespace();
    match words.next() {
        Some("sale") => true,
        Some("to") => words
            .next()
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .is_some_and(|w| {
                w.chars().next().is_some_and(char::is_lowercase)
                    && super::cues::lookup(w).is_none()
                    && !super::reported::is_auxiliary(w)
                    && !TALK_AFTER_WENT_ON.contains(&w)
            }),
        _ => false,
    }
}

/// Verbs of speaking or of public stance that the lexicon lacks in the
/// base form and that follow "went on to" ("went on to speak about",
/// "went on to attack", "went on to list his achievements").
const TALK_AFTER_WENT_ON: &[&str] = &[
    "speak",
    "talk",
    "attack",
    "express",
    "name",
    "rebut",
    "signal",
    "list",
    "tear",
    "promote",
    "outline",
    "address",
    "thank",
    "blame",
    "describe",
    "praise",
    "criticise",
    "criticize",
    "question",
    "mock",
    "ridicule",
    "condemn",
    "dismiss",
    "defend",
    "highlight",
    "cite",
];

/// "compared" or "compares" with "to" or "with" right after it (an
/// adverb may stand between) weighs figures or things against each other
/// ("a profit of £75m compared with £125m a year earlier", "Mercedes'
/// profits compared unfavourably with 2003's"); a comparison someone makes
/// has its object first ("Henry compared Trump to Pete Wilson"). A passive
/// ("has been compared to Nixon") keeps its cue.
fn compared_with(before: &str, after: &str) -> bool {
    let mut words = after.split_whitespace();
    let mut next = words.next().unwrap_or("");
    if next.len() > 4 && next.ends_with("ly") {
        next = words.next().unwrap_or("");
    }
    let passive = matches!(
        last_word_of(before.trim_end())
            .to_ascii_lowercase()
            .as_str(),
        "be" | "been" | "being" | "is" | "are" | "was" | "were"
    );
    matches!(next, "to" | "with") && !passive
}

/// Words before "call" or "calls" that make it a telephone call: "free
/// net phone calls", "cheap voice calls".
const CALL_KINDS: &[&str] = &[
    "phone",
    "telephone",
    "voice",
    "net",
    "internet",
    "video",
    "mobile",
    "conference",
    "international",
    "local",
    "emergency",
    "cold",
    "nuisance",
    "hoax",
    "999",
];

/// Words before "offer" or "offers" that make it a noun of trade or
/// bidding: "special offers", "other higher offers", "share offers", "a
/// £1.3bn offer".
const OFFER_KINDS: &[&str] = &[
    "special",
    "other",
    "higher",
    "better",
    "best",
    "rival",
    "share",
    "enhanced",
    "takeover",
    "cash",
    "bid",
    "free",
    "lower",
    "improved",
    "final",
    "initial",
    "firm",
    "formal",
    "generous",
    "introductory",
    "expected",
    "first",
    "new",
    "an",
    "a",
    "the",
    "this",
    "that",
    "its",
    "their",
];

/// What a business or a product offers: "offers services such as call
/// centres", "offers free net phone calls", "the bottom screen offers a
/// top-down map". PolNeAR's cues of "offer" have thoughts, advice,
/// reviews, a job or an infinitive after them ("offered his
/// congratulations", "offered to help").
const GOODS: &[&str] = &[
    "service",
    "services",
    "access",
    "calls",
    "music",
    "channels",
    "subscription",
    "subscribers",
    "customers",
    "products",
    "links",
    "processing",
    "editions",
    "map",
    "experience",
    "opportunities",
    "value",
    "deals",
    "discounts",
    "prices",
    "broadband",
    "fun",
    "broadcast",
    "information",
    "benefits",
    "downloads",
    "download",
    "games",
    "content",
    "features",
    "storage",
    "rates",
    "loans",
    "insurance",
    "accounts",
    "packages",
    "software",
    "tickets",
    "amenities",
    "satellite",
];

/// "offer" between `before` and `after` is trade, not a proposal or a
/// view: a noun after a modifier or an amount ("special offers", "a
/// £1.3bn offer"), or a verb whose object, up to the first preposition
/// or punctuation, names goods or a service.
fn offer_of_goods(before: &str, after: &str) -> bool {
    let word = last_word_of(before.trim_end()).to_lowercase();
    let amount = word.chars().any(|c| c.is_ascii_digit());
    if amount || OFFER_KINDS.contains(&word.as_str()) {
        return true;
    }
    let object = after
        .split([',', '.', ';', ':', '"', '“', '”', '(', '\n'])
        .next()
        .unwrap_or("");
    object
        .split_whitespace()
        .take(8)
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            GOODS.contains(&w.as_str())
        })
}

/// Words before "show" that make it a programme, a fair or a display: "a
/// radio show", "the chat show", "a trade show".
const SHOW_KINDS: &[&str] = &[
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "new",
    "radio",
    "tv",
    "television",
    "chat",
    "talk",
    "quiz",
    "news",
    "breakfast",
    "music",
    "chart",
    "comedy",
    "road",
    "trade",
    "motor",
    "fashion",
    "flower",
    "art",
    "awards",
    "award",
    "stage",
    "sketch",
    "cookery",
    "reality",
    "variety",
    "live",
    "late",
    "solo",
    "one-man",
    "one-woman",
    "first",
    "last",
    "final",
    "hit",
    "morning",
    "evening",
    "weekend",
    "daily",
    "weekly",
    "air",
    "boat",
    "horse",
    "dog",
    "light",
    "floor",
];

/// "show" or "shows" between `before` and `after` is a noun: after a
/// determiner, a possessive, a word of the kinds of show ("chat show"), a
/// hyphenated modifier ("Pop Idol-style show"), or a name or a channel's
/// number with no object after it ("on the Jeremy Vine show,", "the BBC
/// Radio 1 show is to"). The verb follows its subject and takes an
/// object: "figures show that", "Polls in New Hampshire show the top
/// two", "the survey shows".
fn show_is_noun(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let word = last_word_of(before);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if word.ends_with("'s") || word.ends_with("\u{2019}s") || word.ends_with("s'") {
        return true;
    }
    // A hyphenated modifier, not a plural subject ("The e-mails show that").
    let modifier = lower.contains('-') && !lower.ends_with('-') && !lower.ends_with('s');
    if SHOW_KINDS.contains(&lower.as_str()) || modifier {
        return true;
    }
    let capital = word.chars().next().is_some_and(|c| c.is_uppercase());
    let digit = word.chars().all(|c| c.is_ascii_digit());
    if !(capital || digit) {
        return false;
    }
    // (A sentence's first word is capitalised too: "Figures show".)
    let first_of_sentence = before[..before.len() - word.len()]
        .trim_end()
        .chars()
        .last()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | ':' | '\n'));
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    let no_object = after
        .trim_start()
        .starts_with([',', '.', ';', ')', '?', '!'])
        || after.trim().is_empty()
        || [
            "is",
            "was",
            "has",
            "will",
            "on",
            "in",
            "at",
            "host",
            "hosts",
            "presenter",
            "and",
        ]
        .contains(&next.as_str());
    !first_of_sentence && no_object
}

/// "saw" is a view when "as" or "that" follows in its clause ("saw the
/// deal as a betrayal", "saw that the plan had failed"); "Next saw sales
/// rise", "the quarter saw both sides struggle" tell what happened, not
/// what anyone thinks.
fn saw_a_view(after: &str) -> bool {
    let clause = after.split(['.', ';', '!', '?', '\n']).next().unwrap_or("");
    clause
        .split(|c: char| !c.is_alphanumeric())
        .take(12)
        .any(|w| w == "as" || w == "that")
        || clause.trim_start().starts_with(['"', '“', ':'])
}

#[cfg(test)]
mod tests {
    use super::plausible;

    fn check(text: &str, cue: &str, source: Option<&str>, content: Option<&str>) -> bool {
        let r = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        plausible(
            text,
            &r(cue),
            source.map(r).as_ref(),
            content.map(r).as_ref(),
            source == Some("Russia"),
        )
    }

    #[test]
    fn plural_nouns_and_sights_are_not_claims() {
        assert!(!check(
            "The group plays maybe four or five shows a year.",
            "shows",
            Some("five"),
            Some("a year.")
        ));
        assert!(check(
            "Figures for 2004 show that sales rose.",
            "show",
            Some("Figures for 2004"),
            Some("that sales rose.")
        ));
        assert!(!check(
            "The series can be seen on S4C on Sunday.",
            "can be seen",
            None,
            Some("on S4C on Sunday.")
        ));
        assert!(check(
            "The order can be seen as good news for Boeing.",
            "can be seen",
            None,
            Some("as good news for Boeing.")
        ));
    }

    #[test]
    fn a_show_on_the_air_and_a_season_that_saw_are_not_claims() {
        let noun = [
            "She hosts a chat show on Sundays.",
            "He spoke on the Jane Smith show, then left.",
            "It was a hit on the Idol-style show last year.",
            "Old props from his TV shows were sold.",
        ];
        for text in noun {
            let cue = if text.contains("shows") {
                "shows"
            } else {
                "show"
            };
            assert!(!check(text, cue, None, None), "{text}");
        }
        let verb = [
            ("Figures show that sales rose.", "show"),
            ("Polls in New Hampshire show the two leaders level.", "show"),
            ("The e-mails show that they came from a bank.", "show"),
            ("The survey shows a fall in trust.", "shows"),
        ];
        for (text, cue) in verb {
            assert!(check(text, cue, None, None), "{text}");
        }
        assert!(!check("The firm saw sales rise by 3%.", "saw", None, None));
        assert!(!check(
            "The final quarter saw both sides tire.",
            "saw",
            None,
            None
        ));
        assert!(check(
            "Critics saw the deal as a betrayal.",
            "saw",
            None,
            None
        ));
        assert!(check(
            "She saw that the plan had failed.",
            "saw",
            None,
            None
        ));
    }

    #[test]
    fn headline_colons_are_not_speaker_turns() {
        assert!(check(
            "Lynch: No outside influence.",
            ":",
            Some("Lynch"),
            Some("No outside influence.")
        ));
        assert!(!check(
            "Russia: America's new friend",
            ":",
            Some("Russia"),
            Some("America's new friend")
        ));
        assert!(!check(
            "Expanding alliance: Kremlin offered a role",
            ":",
            Some("Expanding alliance"),
            Some("Kremlin offered a role")
        ));
        assert!(!check(
            "Analysis: Putin looks West",
            ":",
            Some("Analysis"),
            Some("Putin looks West")
        ));
        assert!(check(
            "TRUMP: We will win.",
            ":",
            Some("TRUMP"),
            Some("We will win.")
        ));
        assert!(check(
            "Lord Robertson (right): \"We are in coalition again\"",
            ":",
            Some("Lord Robertson"),
            Some("\"We are in coalition again\"")
        ));
    }

    #[test]
    fn adjectives_and_non_agents_are_not_claims() {
        assert!(!check(
            "Bush and Putin's promising chemistry",
            "promising",
            Some("Putin"),
            None
        ));
        assert!(!check(
            "Yesterday his policy appeared to be paying off.",
            "appeared",
            Some("Yesterday his policy"),
            Some("to be paying off")
        ));
        assert!(!check(
            "Lord Robertson's two-day visit to Russia comes amid calls for closer co-operation.",
            "calls for",
            Some("Lord Robertson's two-day visit to Russia"),
            Some("closer co-operation")
        ));
        assert!(check(
            "Western diplomats said the offer stands.",
            "said",
            Some("Western diplomats"),
            Some("the offer stands")
        ));
        assert!(check(
            "The minister of defence said no.",
            "said",
            Some("The minister of defence"),
            Some("no")
        ));
    }
}
