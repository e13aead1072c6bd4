//! Cheap corpus-wide queries for the language server: which spans of an
//! article refer to which registry entity, without running the date and
//! claim detectors. Hover cards ("also in …") and references look at every
//! article of a corpus; this keeps them fast on large corpora and gives the
//! same spans as [`crate::analysis::Analysis::spans_of`].

use std::ops::Range;

use crate::annotations::Annotations;
use crate::corpus::{Article, Corpus};
use crate::detect::Mention;

/// The entity mentions of one article: annotated (linked with `Registry:`)
/// and matched by name, outside ignored regions and boilerplate lines.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    /// Annotated spans and the entity each is linked to.
    pub annotated: Vec<(Range<usize>, String)>,
    /// Name matches (one or several candidate entities).
    pub matched: Vec<Mention>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl Mentions {
    pub fn of(corpus: &Corpus, article: &Article) -> Mentions {
        if article.binary {
            return Mentions::default();
        }
        // The parsed `.ann` file is not kept: the language server asks for
        // the mentions of every article, and keeping every parse would
        // weigh more than the articles' text.
        let annotations = article.with_ann(|ann| {
            Annotations::resolve(
                ann,
                &article.ann_path,
                &article.text,
                &article.index,
                &corpus.registry,
            )
        });
        let boilerplate =
            |span: &Range<usize>| crate::analysis::in_boilerplate(corpus, article, span);
        let matched = corpus
            .matcher
            .find(&article.text)
            .into_iter()
            .filter(|m| !annotations.is_ignored(&m.span) && !boilerplate(&m.span))
            .collect();
        Mentions {
            annotated: annotations
                .mentions
                .iter()
                .map(|m| (m.span.clone(), m.entity.clone()))
                .collect(),
            matched,
        }
    }

    /// Every entity the article refers to, with its spans (as
    /// [`Mentions::spans_of`] gives them), entities in id order.
    pub fn by_entity(&self) -> Vec<(String, Vec<Range<usize>>)> {
        let mut ids: Vec<&str> = self
            .annotated
            .iter()
            .map(|(_, e)| e.as_str())
            .chain(
                self.matched
                    .iter()
                    .filter(|m| m.entities.len() == 1)
                    .map(|m| m.entities[0].as_str()),
            )
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|id| (id.to_owned(), self.spans_of(id)))
            .filter(|(_, spans)| !spans.is_empty())
            .collect()
    }

    /// Every span that refers to `entity`: annotated links first, then
    /// unambiguous name matches not covered by an annotation.
    pub fn spans_of(&self, entity: &str) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = self
            .annotated
            .iter()
            .filter(|(_, e)| e == entity)
            .map(|(r, _)| r.clone())
            .collect();
        for m in &self.matched {
            let annotated_here = self.annotated.iter().find(|(r, _)| overlaps(r, &m.span));
            let refers = match annotated_here {
                Some((_, e)) => e == entity,
                None => m.entities.len() == 1 && m.entities[0] == entity,
            };
            if refers && !out.iter().any(|r| overlaps(r, &m.span)) {
                out.push(m.span.clone());
            }
        }
        out.sort_by_key(|r| r.start);
        out
    }
}
