//! The locator: where each event of a document happened.
//!
//! # Which words name an event's place
//!
//! The event's word is the token of its verb span whose head lies outside the span (a verb
//! preferred). Its place is looked for level by level; within a level the most specific place
//! found wins (a city over a division or region, those over a country: "in northern Lebanon …
//! in Tripoli" is Tripoli), and a level that finds only a name the gazetteer cannot tell apart
//! ends the search with no location ("null when unsure": "in Springfield" does not fall back on
//! the dateline).
//!
//! 1. **Phrase**, the event's own words:
//!    * locative phrases on the event's word: `prep` children headed by *in, at, near, outside,
//!      inside, within, across, throughout, around, along, off, beside, into* ("met in Geneva",
//!      "the attack near Donetsk"); *on* and *over* only for a city ("the attack on Kyiv") or, in
//!      a material event, any place but a country ("clashed on the Ussuri River"; "sanctions on
//!      Iran", "talks on Crimea" are no places); *to* after verbs of motion and in visits (CAMEO
//!      042: "traveled to Beijing", "sent troops to Syria"); *of* after a place noun ("the
//!      outskirts of Kyiv"). Inside a phrase's object the search follows *of* and nested locative
//!      phrases ("in the city of Kharkiv", "at a base near Kherson", "at the UN headquarters in
//!      New York") but no other phrases ("in talks with Russia") or clauses; the object's own
//!      name comes first (on its head, or after *of* on a place noun: "the Amhara region town of
//!      Gondar" is Gondar), then the others in text order. A name that only modifies a noun that
//!      is no place says what the thing is, not where ("a U.S. destroyer in the Red Sea" is in
//!      the Red Sea). "The city", "the northern town" (a definite city noun with no name) is the
//!      last city named before it in the document;
//!    * a relative clause opened by *where* takes the place of the noun it modifies ("traveled
//!      to Beijing, where he met Mao");
//!    * a visit (042) is located at its direct object ("Putin visited Pyongyang"): a visit
//!      happens at its destination; a material event at its direct object when that is a place
//!      below the country level and not one of its actors ("bombed the port of Hodeidah");
//!    * one step away: the phrases on the verb's direct object and on its partners (*with,
//!      against, between, among*) — an actor's phrases only in physical events, material ones,
//!      meetings and visits (04), protests (14): "met officials in Kyiv", "clashed with militias
//!      in Tripoli", but not "criticized the government in Kabul" —; on an infinitive it governs
//!      ("agreed to meet in Vienna"); for an event noun that is a verb's subject or object, that
//!      verb's ("talks were held in Doha"); the event a *during* phrase names ("during a rally in
//!      Tbilisi").
//! 2. **Clause**, a place adverbial of the event's clause: the phrases of the verbs it is
//!    coordinated with or controlled by, with their objects' and partners' ("arrived in Hanoi and
//!    met …"); a participle clause on them ("Speaking in Paris, Macron said …"); a GPE or LOC
//!    entity that is a bare adverbial of them (spaCy's `npadvmod`); *here* (the
//!    dateline's place); a locative phrase on the subject when it names something below a
//!    country ("Police in Nairobi fired tear gas"; "Police in Georgia" says whose police). Nothing
//!    crosses *said*: in "officials in Kyiv said Russia struck Lviv" the statement is in Kyiv and
//!    the strike has no place.
//! 3. **Dateline**, the dateline's place, for an event in the story's present — dated by the
//!    publication date, or by the text to a day or month within [`PlaceOptions::present_days`]
//!    of the dateline's date (else the publication date) — and only when none of its actors has
//!    a country or one of them is the dateline's (a state's successors count: Yugoslavia for
//!    Belgrade). A background event ("In 1969 the two armies clashed"), a planned one ("will
//!    visit in May") or foreign actors under a dateline abroad ("WASHINGTON — Hamas attacked
//!    Israel") are not located by it.
//!
//! Subjects and objects are not read as places (a visit's destination and a material event's
//! non-actor place object excepted), so an actor is not its own location ("Russia attacked
//! Ukraine" has none; "Russian forces attacked positions in Ukraine" is in Ukraine) and a capital
//! standing for its government ("Moscow said") is no place either.
//!
//! # How a name becomes a place
//!
//! Every GPE, LOC and FAC entity of a sentence with events (and its NORP entities, for their
//! countries) is resolved in one call to [`dyad_geo::Gazetteer::resolve_spans`], so the names
//! of a sentence disambiguate each other ("Paris, Texas"). An entity is widened to a direction
//! before it and a division word after it ("eastern Ukraine", "the Kherson region"). Inside a
//! locative phrase, proper-noun runs and entities of other types also count (the tagger calls
//! "Kyiv" an ORG and "Kidal" a NORP at times), but such a weak mention is kept only when it is a
//! country, division or region, a city of at least 100,000 people, or in a country the text
//! names. A LOC entity (a sea, river or mountain range to the tagger) is never a town of under
//! 100,000 people ("the Atlantic" is no town in Iowa). Only an unresolved GPE makes a phrase
//! unsure; an unknown building or region (FAC, LOC) just names nothing.
//!
//! The context holds the countries of the sentence's actors (CAMEO codes read as ISO codes
//! through the ontology), the countries of the document's GPE, LOC and NORP entities and of the
//! dateline ([`dyad_geo::Gazetteer::document_countries`], each name resolved alone) — leaving out
//! the names of the sentence itself, so that an ambiguous name does not vote for its own
//! context-free reading ("Tripoli" alone is the Libyan one, which must not outvote "Lebanese
//! soldiers") —, the first-level divisions the document names ("Texas" anywhere makes a later
//! "Paris" the Texan one) and the dateline's place. A dateline's qualifier that the text stage
//! leaves out of the place span is read back ("PARIS, Texas (AP) —").

use std::collections::HashMap;
use std::ops::Range;

use dyad_doc::parse::{Parse, Pos};
use dyad_doc::{Dateline, Doc, Event, Span};
use dyad_geo::{Context, Place, PlaceKind};
use dyad_ontology::{DateBasis, Precision, QuadClass};
use jiff::ToSpan;
use jiff::civil::Date;

use crate::resolver::Resolver;
use crate::{EventPlace, PlaceBasis, PlaceOptions};

/// Prepositions that locate what they modify.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "within",
    "across",
    "throughout",
    "around",
    "along",
    "off",
    "beside",
    "into",
];

/// Verbs after which *to* names where the event takes place.
const MOTION: &[&str] = &[
    "travel", "fly", "go", "come", "arrive", "return", "head", "journey", "sail", "drive", "move",
    "send", "deploy", "dispatch", "march", "advance", "retreat", "flee", "evacuate", "relocate",
    "visit",
];

/// Words before a name that keep it a place ("eastern Ukraine").
const DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Words after a name that say what kind of division it is ("the Kherson region").
const DIVISIONS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "governorate",
    "prefecture",
    "district",
    "county",
    "state",
    "territory",
    "city",
];

/// Nouns that name a kind of place: a name modifying one is a place ("the Kherson region"), and
/// their "of" phrases locate ("the outskirts of Kyiv").
const PLACE_NOUNS: &[&str] = &[
    "region",
    "province",
    "oblast",
    "governorate",
    "prefecture",
    "district",
    "county",
    "state",
    "territory",
    "city",
    "town",
    "village",
    "capital",
    "port",
    "area",
    "outskirts",
    "suburb",
    "center",
    "centre",
    "border",
    "coast",
    "island",
    "peninsula",
    "valley",
    "part",
    "neighborhood",
    "neighbourhood",
    "municipality",
    "countryside",
];

/// Whether an event is material (CAMEO quad classes 2 and 4): done where its target is.
fn is_material(event: &Event) -> bool {
    matches!(
        event.quad_class,
        QuadClass::MaterialCooperation | QuadClass::MaterialConflict
    )
}

/// Whether an event happens where its participants meet (material events, meetings and
/// visits, protests): then a phrase on its object or partner locates it ("met officials in
/// Kyiv", "clashed with militias in Tripoli"), unlike a statement's ("criticized the government
/// in Kabul").
fn is_physical(event: &Event) -> bool {
    is_material(event) || matches!(event.cameo.as_str().get(..2), Some("04" | "14"))
}

/// Nouns that refer back to the last city named ("the city", "the northern town").
const CITY_NOUNS: &[&str] = &["city", "town", "village", "port"];

/// Entity labels that name places.
const PLACE_LABELS: &[&str] = &["GPE", "LOC", "FAC"];

/// Entity labels that never name places, even inside a locative phrase.
const NON_PLACE_LABELS: &[&str] = &[
    "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP",
];

/// A city named by a weak mention must be at least this big, unless its country is in the text.
const WEAK_CITY_POPULATION: u64 = 100_000;

/// The dependency tree of a parse with child lists.
struct Tree<'a> {
    parse: &'a Parse,
    children: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    fn new(parse: &'a Parse) -> Tree<'a> {
        let n = parse.len();
        let mut children = vec![Vec::new(); n];
        for t in parse.tokens() {
            let h = t.head();
            if h != t.i()
                && let Some(list) = children.get_mut(h)
            {
                list.push(t.i());
            }
        }
        Tree { parse, children }
    }

    fn kids(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    fn dep(&self, i: usize) -> &'a str {
        self.parse.token(i).map_or("", |t| t.dep())
    }

    fn lemma(&self, i: usize) -> String {
        self.parse
            .token(i)
            .map_or_else(String::new, |t| t.lemma().to_lowercase())
    }

    fn pos(&self, i: usize) -> Option<Pos> {
        self.parse.token(i).and_then(|t| t.pos())
    }

    fn tag(&self, i: usize) -> &'a str {
        self.parse.token(i).map_or("", |t| t.tag())
    }

    /// The head of `i`, unless `i` is a root (or its head is out of range).
    fn head(&self, i: usize) -> Option<usize> {
        let h = self.parse.token(i)?.head();
        (h != i && h < self.parse.len()).then_some(h)
    }

    fn is_verb(&self, i: usize) -> bool {
        matches!(self.pos(i), Some(Pos::Verb | Pos::Aux)) || self.tag(i).starts_with("VB")
    }

    fn is_noun(&self, i: usize) -> bool {
        matches!(self.pos(i), Some(Pos::Noun)) || matches!(self.tag(i), "NN" | "NNS")
    }

    fn is_proper(&self, i: usize) -> bool {
        matches!(self.pos(i), Some(Pos::Propn)) || self.tag(i).starts_with("NNP")
    }

    fn children_with(&self, i: usize, dep: &str) -> impl Iterator<Item = usize> + '_ {
        let dep = dep.to_owned();
        self.kids(i)
            .iter()
            .copied()
            .filter(move |&c| self.dep(c) == dep)
    }
}

/// One name of a sentence that may be a place.
#[derive(Debug, Clone)]
struct Mention {
    /// Parse tokens.
    tokens: Range<usize>,
    /// Bytes of the document text.
    bytes: Range<usize>,
    /// A GPE entity: an unresolved one inside a locative phrase makes the event's place unsure
    /// when nothing else there resolves. LOC and FAC entities (regions, buildings) and the weak
    /// mentions (proper-noun runs and other entities inside locative phrases) never do.
    strong: bool,
    /// A LOC entity: a sea, river, mountain or region, so a small town of that name is not it
    /// ("the Atlantic" is no town in Iowa).
    natural: bool,
    /// Resolved in the light of the sentence and document.
    place: Option<Place>,
}

/// What a search for a place found.
enum Found {
    /// A mention (index into the sentence's mentions, see [`SentCtx::mention`]) with a usable
    /// place.
    Place(usize),
    /// A place name that the gazetteer could not tell apart: the event gets no location.
    Unsure,
    /// Nothing that names a place.
    Nothing,
}

/// What a preposition accepts as the event's place.
#[derive(Clone, Copy)]
enum Accept {
    /// Any place.
    Any,
    /// "on", "over": a city, or a non-country place in a material event.
    On {
        /// Whether the event is material.
        material: bool,
    },
    /// Anything but a country.
    NotCountry,
}

impl Accept {
    fn allows(self, p: &Place) -> bool {
        match self {
            Accept::Any => true,
            Accept::On { material } => {
                p.kind == PlaceKind::City || (material && p.kind != PlaceKind::Country)
            }
            Accept::NotCountry => p.kind != PlaceKind::Country,
        }
    }
}

/// Everything about one document the locator needs.
struct DocCtx<'a, R: Resolver> {
    resolver: &'a R,
    doc: &'a Doc,
    tree: Tree<'a>,
    /// Token char spans (code points), for matching event spans.
    char_spans: Vec<[usize; 2]>,
    /// Entities outside the dateline: tokens and label.
    entities: Vec<(Range<usize>, &'a str)>,
    document_countries: Vec<String>,
    /// The document's place names and demonyms (folded) with the country each points to alone.
    names: Vec<(String, Option<String>)>,
    admin1s: Vec<(String, String)>,
    dateline: Option<(Place, Span)>,
    /// The date the story's present is measured from.
    reference: Date,
    options: &'a PlaceOptions,
}

/// One sentence's mentions and their places.
struct SentCtx {
    range: Range<usize>,
    mentions: Vec<Mention>,
    /// Countries of the sentence's actors, demonyms and GPE/LOC/FAC entities (for weak
    /// mentions).
    countries: Vec<String>,
    /// The last city named before this sentence (a copy of its mention, with no tokens here),
    /// for "the city" and "the town".
    previous_city: Option<Mention>,
}

impl SentCtx {
    /// Mention `i` of the sentence; one past the last is the previous city.
    fn mention(&self, i: usize) -> Option<&Mention> {
        if i == self.mentions.len() {
            self.previous_city.as_ref()
        } else {
            self.mentions.get(i)
        }
    }
}

/// Locate every event of `doc` (see the module docs). The result has one entry per event of
/// `doc.events`, in order. Documents without a parse or events give an empty list.
pub(crate) fn locate<R: Resolver>(
    resolver: &R,
    doc: &Doc,
    options: &PlaceOptions,
) -> Vec<Option<EventPlace>> {
    let (Some(parse), Some(events)) = (doc.parse.as_ref(), doc.events.as_ref()) else {
        return Vec::new();
    };
    let ctx = DocCtx::new(resolver, doc, parse, options);
    let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        by_sentence
            .entry(e.sentence_index as usize)
            .or_default()
            .push(i);
    }
    let mut out = vec![None; events.len()];
    let mut previous_city: Option<Mention> = None;
    let mut sentences: Vec<_> = by_sentence.into_iter().collect();
    sentences.sort_unstable_by_key(|(s, _)| *s);
    for (s, list) in sentences {
        let Some(range) = parse.sents().get(s).cloned() else {
            // An event of a sentence the parse does not have: only the dateline can place it.
            for i in list {
                out[i] = ctx.dateline_place(&events[i]);
            }
            continue;
        };
        let sent_events: Vec<&Event> = list.iter().map(|&i| &events[i]).collect();
        let mut sent = ctx.sentence(range, &sent_events);
        sent.previous_city = previous_city.take();
        for i in list {
            out[i] = ctx.locate_event(&sent, &events[i]);
        }
        previous_city = sent
            .mentions
            .iter()
            .rev()
            .find(|m| m.strong && m.place.as_ref().is_some_and(|p| p.kind == PlaceKind::City))
            .map(|m| Mention {
                tokens: 0..0,
                ..m.clone()
            })
            .or(sent.previous_city);
    }
    out
}

impl<'a, R: Resolver> DocCtx<'a, R> {
    fn new(
        resolver: &'a R,
        doc: &'a Doc,
        parse: &'a Parse,
        options: &'a PlaceOptions,
    ) -> DocCtx<'a, R> {
        let tree = Tree::new(parse);
        let char_spans = parse.tokens().map(|t| doc.char_span(t.span())).collect();
        let dateline = doc.dateline.as_ref().and_then(Option::as_ref);
        let dateline_span = dateline.map(|d| d.span);
        let entities: Vec<(Range<usize>, &str)> = parse
            .ents()
            .filter(|e| e.start < e.end && e.end <= parse.len())
            .filter(|e| {
                let inside = |span: Span| {
                    parse
                        .token(e.start)
                        .is_some_and(|t| span.contains(t.span()))
                };
                !dateline_span.is_some_and(inside)
            })
            .map(|e| (e.start..e.end, e.label))
            .collect();
        let entity_text = |r: &Range<usize>| -> &'a str {
            let (Some(a), Some(b)) = (parse.token(r.start), parse.token(r.end - 1)) else {
                return "";
            };
            doc.text.get(a.span().start..b.span().end).unwrap_or("")
        };
        let dateline_name = dateline.map(|d| dateline_name(doc, d)).unwrap_or_default();
        // Each name of the document once, with the country it points to alone.
        let mut names: Vec<(String, Option<String>)> = Vec::new();
        let texts = entities
            .iter()
            .filter(|(_, l)| matches!(*l, "GPE" | "LOC" | "NORP"))
            .map(|(r, _)| entity_text(r))
            .chain((!dateline_name.is_empty()).then_some(dateline_name.as_str()));
        for t in texts {
            let k = fold(t);
            if k.is_empty() || names.iter().any(|(n, _)| *n == k) {
                continue;
            }
            let country = resolver.document_countries(&[t]).into_iter().next();
            names.push((k, country));
        }
        let document_countries = countries_of(&names, &[]);
        let doc_context = Context::default().with_document(document_countries.clone());
        let dateline_place = dateline
            .filter(|_| !dateline_name.trim().is_empty())
            .and_then(|d| Some((resolver.resolve(&dateline_name, &doc_context)?, d.place)));
        // The first-level divisions the document names.
        let mut admin1s: Vec<(String, String)> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for (r, label) in &entities {
            if !matches!(*label, "GPE" | "LOC") {
                continue;
            }
            let t = entity_text(r);
            if seen.contains(&t) {
                continue;
            }
            seen.push(t);
            if let Some(p) = resolver.resolve(t, &doc_context)
                && p.kind == PlaceKind::Admin1
                && let (Some(c), Some(a)) = (p.country, p.admin1)
                && !admin1s.iter().any(|(x, y)| *x == c && *y == a)
            {
                admin1s.push((c, a));
            }
        }
        let reference = dateline.and_then(|d| d.date).unwrap_or(doc.pub_date);
        DocCtx {
            resolver,
            doc,
            tree,
            char_spans,
            entities,
            document_countries,
            names,
            admin1s,
            dateline: dateline_place,
            reference,
            options,
        }
    }

    fn token_bytes(&self, r: &Range<usize>) -> Option<Range<usize>> {
        let a = self.tree.parse.token(r.start)?.span().start;
        let b = self.tree.parse.token(r.end.checked_sub(1)?)?.span().end;
        (a <= b).then_some(a..b)
    }

    fn lower_text(&self, i: usize) -> String {
        self.tree
            .parse
            .token(i)
            .map_or_else(String::new, |t| t.text(&self.doc.text).to_lowercase())
    }

    /// The tokens of the object of a locative phrase, as far as the place search goes: the
    /// object's subtree without clauses and without phrases other than "of" and locative ones.
    fn place_subtree(&self, root: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            if out.contains(&i) || out.len() > 200 {
                continue;
            }
            out.push(i);
            for &c in self.tree.kids(i) {
                let keep = match self.tree.dep(c) {
                    "relcl" | "acl" | "advcl" | "ccomp" | "xcomp" | "parataxis" => false,
                    "prep" => {
                        let l = self.tree.lemma(c);
                        l == "of" || LOCATIVE.contains(&l.as_str())
                    }
                    _ => true,
                };
                if keep {
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The objects of a preposition (through "outside of").
    fn prep_objects(&self, prep: usize) -> Vec<usize> {
        let mut objs: Vec<usize> = self.tree.children_with(prep, "pobj").collect();
        if objs.is_empty() {
            for inner in self.tree.children_with(prep, "prep") {
                objs.extend(self.tree.children_with(inner, "pobj"));
            }
        }
        objs
    }

    /// The mentions of one sentence with events, resolved together.
    fn sentence(&self, range: Range<usize>, events: &[&Event]) -> SentCtx {
        let tree = &self.tree;
        let in_entity = |i: usize| self.entities.iter().any(|(r, _)| r.contains(&i));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut ner_context: Vec<Range<usize>> = Vec::new();
        for (r, label) in &self.entities {
            if r.start < range.start || r.end > range.end {
                continue;
            }
            if *label == "NORP" {
                ner_context.push(r.clone());
                continue;
            }
            if !PLACE_LABELS.contains(label) {
                continue;
            }
            let tokens = self.widen(r.clone(), &range);
            mentions.push(Mention {
                tokens,
                bytes: 0..0,
                strong: *label == "GPE",
                natural: *label == "LOC",
                place: None,
            });
        }
        // Weak mentions inside locative phrases.
        for p in range.clone() {
            if tree.dep(p) != "prep" {
                continue;
            }
            let l = tree.lemma(p);
            let of_place = l == "of"
                && tree
                    .head(p)
                    .is_some_and(|h| PLACE_NOUNS.contains(&tree.lemma(h).as_str()));
            if !(LOCATIVE.contains(&l.as_str())
                || matches!(l.as_str(), "on" | "over" | "to")
                || of_place)
            {
                continue;
            }
            for obj in self.prep_objects(p) {
                let sub = self.place_subtree(obj);
                // Entities of other types.
                for (r, label) in &self.entities {
                    // A NORP entity of proper nouns is often a place the tagger misread
                    // ("near Kidal"); demonyms are adjectives.
                    let proper_norp = *label == "NORP" && r.clone().all(|i| tree.is_proper(i));
                    if PLACE_LABELS.contains(label)
                        || (NON_PLACE_LABELS.contains(label) && !proper_norp)
                    {
                        continue;
                    }
                    if sub.contains(&r.start) && !mentions.iter().any(|m| m.tokens == *r) {
                        mentions.push(Mention {
                            tokens: r.clone(),
                            bytes: 0..0,
                            strong: false,
                            natural: false,
                            place: None,
                        });
                    }
                }
                // Proper-noun runs outside entities.
                let mut run: Option<Range<usize>> = None;
                let mut runs = Vec::new();
                for &i in &sub {
                    let ok = tree.is_proper(i)
                        && !in_entity(i)
                        && dyad_time::calendar_word(self.lower_text(i).trim_end_matches('.'))
                            .is_none();
                    match (&mut run, ok) {
                        (Some(r), true) if r.end == i => r.end = i + 1,
                        (_, true) => {
                            if let Some(r) = run.take() {
                                runs.push(r);
                            }
                            run = Some(i..i + 1);
                        }
                        (_, false) => {
                            if let Some(r) = run.take() {
                                runs.push(r);
                            }
                        }
                    }
                }
                runs.extend(run);
                for r in runs {
                    if !mentions.iter().any(|m| m.tokens == r) {
                        mentions.push(Mention {
                            tokens: r,
                            bytes: 0..0,
                            strong: false,
                            natural: false,
                            place: None,
                        });
                    }
                }
            }
        }
        mentions.sort_by_key(|m| m.tokens.start);
        mentions.dedup_by(|a, b| a.tokens.start < b.tokens.end);
        for m in &mut mentions {
            m.bytes = self.token_bytes(&m.tokens).unwrap_or(0..0);
        }
        // The sentence's countries: its actors' and its demonyms'.
        let mut countries: Vec<String> = Vec::new();
        for e in events {
            for a in [&e.source, &e.target].into_iter().flatten() {
                if let Some(c) = iso3(&a.country)
                    && !countries.contains(&c)
                {
                    countries.push(c);
                }
            }
        }
        let ner_bytes: Vec<Range<usize>> = ner_context
            .iter()
            .filter_map(|r| self.token_bytes(r))
            .collect();
        for b in &ner_bytes {
            if let Some(b) = Some(b.clone())
                && let Some(c) = self
                    .doc
                    .text
                    .get(b)
                    .and_then(|t| self.resolver.demonym_country(t))
                && !countries.contains(&c)
            {
                countries.push(c);
            }
        }
        // The document's countries, leaving out what this sentence's own names point to alone: an
        // ambiguous name must not vote for its own reading ("Tripoli" alone is the Libyan one).
        let own: Vec<String> = mentions
            .iter()
            .map(|m| &m.bytes)
            .chain(ner_bytes.iter())
            .filter_map(|b| self.doc.text.get(b.clone()))
            .map(fold)
            .collect();
        let context = Context {
            sentence_countries: countries.clone(),
            document_countries: countries_of(&self.names, &own),
            admin1s: self.admin1s.clone(),
            dateline: self.dateline.as_ref().map(|(p, _)| p.clone()),
        };
        let spans: Vec<Range<usize>> = mentions.iter().map(|m| m.bytes.clone()).collect();
        let places = self
            .resolver
            .resolve_spans(&self.doc.text, &spans, &context);
        for (m, p) in mentions.iter_mut().zip(places) {
            m.place = p.filter(|p| {
                !(m.natural
                    && p.kind == PlaceKind::City
                    && p.population.is_none_or(|n| n < WEAK_CITY_POPULATION))
            });
        }
        for m in mentions.iter().filter(|m| m.strong) {
            if let Some(c) = m.place.as_ref().and_then(|p| p.country.clone())
                && !countries.contains(&c)
            {
                countries.push(c);
            }
        }
        SentCtx {
            range,
            mentions,
            countries,
            previous_city: None,
        }
    }

    /// An entity widened to a direction word before it and a division word after it.
    fn widen(&self, mut r: Range<usize>, sent: &Range<usize>) -> Range<usize> {
        let tree = &self.tree;
        if r.start > sent.start {
            let before = r.start - 1;
            if DIRECTIONS.contains(&self.lower_text(before).as_str())
                && tree.head(before).is_some_and(|h| r.contains(&h))
            {
                r.start = before;
            }
        }
        if r.end < sent.end {
            let after = r.end;
            if DIVISIONS.contains(&self.lower_text(after).as_str())
                && r.clone().any(|i| tree.head(i) == Some(after))
            {
                r.end = after + 1;
            }
        }
        r
    }

    /// Whether a mention's place can be used as found inside a locative phrase.
    fn usable(&self, sent: &SentCtx, m: &Mention) -> bool {
        let Some(p) = &m.place else { return false };
        if m.strong || p.kind != PlaceKind::City {
            return true;
        }
        p.population.is_some_and(|n| n >= WEAK_CITY_POPULATION)
            || p.country
                .as_ref()
                .is_some_and(|c| sent.countries.contains(c) || self.document_countries.contains(c))
    }

    /// Whether `obj` is "the city", "the northern town" …: a definite city noun with no name of
    /// its own.
    fn refers_to_a_city(&self, obj: usize) -> bool {
        let tree = &self.tree;
        CITY_NOUNS.contains(&tree.lemma(obj).as_str())
            && tree
                .children_with(obj, "det")
                .any(|d| self.lower_text(d) == "the")
            && !tree
                .kids(obj)
                .iter()
                .any(|&c| matches!(tree.dep(c), "prep" | "compound" | "poss" | "appos"))
    }

    /// Whether a mention only modifies a noun that is no place ("the U.S. destroyer", "the Texas
    /// governor"): then it says what the thing is, not where.
    fn modifies_a_thing(&self, sent: &SentCtx, m: &Mention) -> bool {
        let tree = &self.tree;
        let Some(head) = m
            .tokens
            .clone()
            .find(|&i| tree.head(i).is_none_or(|h| !m.tokens.contains(&h)))
        else {
            return false;
        };
        if !matches!(
            tree.dep(head),
            "compound" | "amod" | "poss" | "nmod" | "npadvmod"
        ) {
            return false;
        }
        let Some(h) = tree.head(head) else {
            return false;
        };
        !PLACE_NOUNS.contains(&tree.lemma(h).as_str())
            && !sent.mentions.iter().any(|o| o.tokens.contains(&h))
    }

    /// The place named inside the object `obj` of a phrase (the mention on the object's head
    /// first, then the others in text order). With `event`, mentions inside its actors' spans do
    /// not count.
    fn in_object(
        &self,
        sent: &SentCtx,
        obj: usize,
        accept: Accept,
        event: Option<&Event>,
    ) -> Found {
        let sub = self.place_subtree(obj);
        let mut order: Vec<usize> = sent
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.tokens.clone().any(|i| sub.binary_search(&i).is_ok()))
            .filter(|(_, m)| !self.modifies_a_thing(sent, m))
            .filter(|(_, m)| event.is_none_or(|e| !m.tokens.clone().any(|i| self.in_actor(e, i))))
            .map(|(i, _)| i)
            .collect();
        // The name of the object itself: on its head, or after "of" on a place noun ("the
        // town of Gondar", "the port of Hodeidah").
        let tree = &self.tree;
        let named: Vec<usize> = if PLACE_NOUNS.contains(&tree.lemma(obj).as_str()) {
            tree.children_with(obj, "prep")
                .filter(|&p| tree.lemma(p) == "of")
                .flat_map(|p| self.prep_objects(p))
                .collect()
        } else {
            Vec::new()
        };
        order.sort_by_key(|&i| {
            let m = &sent.mentions[i];
            let own = m.tokens.contains(&obj) || named.iter().any(|n| m.tokens.contains(n));
            (!own, i)
        });
        if order.is_empty() && self.refers_to_a_city(obj) {
            // "the city": the last city named, earlier in this sentence or before it.
            let here = sent.mentions.iter().enumerate().rev().find(|(_, m)| {
                m.tokens.end <= obj
                    && m.strong
                    && m.place.as_ref().is_some_and(|p| p.kind == PlaceKind::City)
            });
            return match (here, &sent.previous_city) {
                (Some((i, _)), _) => Found::Place(i),
                (None, Some(_)) => Found::Place(sent.mentions.len()),
                (None, None) => Found::Nothing,
            };
        }
        let mut unsure = false;
        for i in order {
            let m = &sent.mentions[i];
            match &m.place {
                Some(p) if self.usable(sent, m) && accept.allows(p) => return Found::Place(i),
                Some(_) => {}
                None if m.strong => unsure = true,
                None => {}
            }
        }
        if unsure {
            Found::Unsure
        } else {
            Found::Nothing
        }
    }

    /// The places the phrases on `word` name: locative ones, "on" and "over" where they locate,
    /// "to" after verbs of motion and in visits (when `own`, the event's own word), "of" after a
    /// place noun ("areas of Kharkiv").
    fn phrases_of(
        &self,
        sent: &SentCtx,
        word: usize,
        event: &Event,
        own: bool,
        out: &mut Vec<Found>,
    ) {
        let lemma = self.tree.lemma(word);
        let material = is_material(event);
        let visit = event.cameo.as_str().starts_with("042");
        for &p in self.tree.kids(word) {
            if self.tree.dep(p) != "prep" {
                continue;
            }
            let l = self.tree.lemma(p);
            let accept = if LOCATIVE.contains(&l.as_str()) {
                Accept::Any
            } else if l == "on" || l == "over" {
                Accept::On { material }
            } else if (l == "to" && own && (visit || MOTION.contains(&lemma.as_str())))
                || (l == "of" && PLACE_NOUNS.contains(&lemma.as_str()))
            {
                Accept::Any
            } else {
                continue;
            };
            for obj in self.prep_objects(p) {
                out.push(self.in_object(sent, obj, accept, None));
            }
        }
    }

    /// The phrases on the objects and partners ("with", "against") of verb `v`: an actor's
    /// only in physical events ("met officials in Kyiv", "clashed with militias in Tripoli",
    /// not "criticized the government in Kabul").
    fn around(&self, sent: &SentCtx, v: usize, event: &Event, out: &mut Vec<Found>) {
        let tree = &self.tree;
        let partners = tree.kids(v).iter().copied().filter(|&p| {
            tree.dep(p) == "prep"
                && matches!(
                    tree.lemma(p).as_str(),
                    "with" | "against" | "between" | "among"
                )
        });
        let nouns: Vec<usize> = tree
            .children_with(v, "dobj")
            .chain(partners.flat_map(|p| self.prep_objects(p)))
            .collect();
        for d in nouns {
            if (tree.is_noun(d) || tree.is_proper(d))
                && (is_physical(event) || !self.in_actor(event, d))
            {
                self.phrases_of(sent, d, event, false, out);
            }
        }
    }

    /// The most specific place among what the searches of one level found (a city before a
    /// region or division, those before a country; the first of equals); unsure when nothing was
    /// found but an ambiguous name.
    fn best(&self, sent: &SentCtx, found: &[Found]) -> Found {
        let rank = |i: usize| {
            sent.mention(i)
                .and_then(|m| m.place.as_ref())
                .map_or(u8::MAX, |p| match p.kind {
                    PlaceKind::City => 0,
                    PlaceKind::Admin1 | PlaceKind::Region => 1,
                    PlaceKind::Country => 2,
                })
        };
        let mut best: Option<usize> = None;
        let mut unsure = false;
        for f in found {
            match *f {
                Found::Place(i) => {
                    if best.is_none_or(|b| rank(i) < rank(b)) {
                        best = Some(i);
                    }
                }
                Found::Unsure => unsure = true,
                Found::Nothing => {}
            }
        }
        match (best, unsure) {
            (Some(i), _) => Found::Place(i),
            (None, true) => Found::Unsure,
            (None, false) => Found::Nothing,
        }
    }

    /// Whether token `i` lies in the source or target span of `event`.
    fn in_actor(&self, event: &Event, i: usize) -> bool {
        let Some(&[s, e]) = self.char_spans.get(i) else {
            return false;
        };
        [&event.source, &event.target]
            .into_iter()
            .flatten()
            .any(|a| s < a.span[1] && a.span[0] < e)
    }

    /// The token that carries the event: of the tokens its verb span covers, the one whose head
    /// lies outside them, a verb preferred.
    fn event_token(&self, sent: &SentCtx, event: &Event) -> Option<usize> {
        let [vs, ve] = event.verb.span;
        let covered: Vec<usize> = sent
            .range
            .clone()
            .filter(|&i| {
                self.char_spans.get(i).is_some_and(|&[s, e]| {
                    if vs == ve {
                        s <= vs && vs < e
                    } else {
                        s < ve && vs < e
                    }
                })
            })
            .collect();
        let heads: Vec<usize> = covered
            .iter()
            .copied()
            .filter(|&i| self.tree.head(i).is_none_or(|h| !covered.contains(&h)))
            .collect();
        heads
            .iter()
            .copied()
            .find(|&i| self.tree.is_verb(i))
            .or_else(|| heads.first().copied())
    }

    fn placed(&self, sent: &SentCtx, i: usize, basis: PlaceBasis) -> Option<EventPlace> {
        let m = sent.mention(i)?;
        Some(EventPlace {
            place: m.place.clone()?,
            basis,
            span: Span::new(m.bytes.start, m.bytes.end),
        })
    }

    /// The place of one event, or `None`.
    fn locate_event(&self, sent: &SentCtx, event: &Event) -> Option<EventPlace> {
        let Some(w) = self.event_token(sent, event) else {
            return self.dateline_place(event);
        };
        let tree = &self.tree;
        macro_rules! decide {
            ($found:expr, $basis:expr) => {
                match self.best(sent, &$found) {
                    Found::Place(i) => return self.placed(sent, i, $basis),
                    Found::Unsure => return None,
                    Found::Nothing => {}
                }
            };
        }
        let is_verb = tree.is_verb(w);
        let objects: Vec<usize> = if is_verb {
            tree.children_with(w, "dobj").collect()
        } else {
            Vec::new()
        };
        // 1. The event's own word: its phrases, a "where" clause's noun, a visit's destination,
        // the place a material event is done to.
        let mut found = Vec::new();
        self.phrases_of(sent, w, event, true, &mut found);
        if tree.dep(w) == "relcl"
            && tree
                .kids(w)
                .iter()
                .any(|&c| tree.lemma(c) == "where" && tree.dep(c) == "advmod")
            && let Some(h) = tree.head(w)
        {
            found.push(self.noun_place(sent, h));
        }
        for &d in &objects {
            if event.cameo.as_str().starts_with("042") {
                found.push(self.in_object(sent, d, Accept::Any, None));
            } else if is_material(event) {
                // Only a place found counts: an ambiguous name here leaves the phrases to decide.
                let f = self.in_object(sent, d, Accept::NotCountry, Some(event));
                if matches!(f, Found::Place(_)) {
                    found.push(f);
                }
            }
        }
        decide!(found, PlaceBasis::Phrase);
        // One step away: the phrases of the object or of a partner ("with", "against"; an
        // actor's only in physical events: "met officials in Kyiv", "clashed with militias in
        // Tripoli", not "criticized the government in Kabul"), a governed infinitive's, the verb
        // of an event noun.
        let mut found = Vec::new();
        if is_verb {
            self.around(sent, w, event, &mut found);
        }
        let verb = if is_verb {
            for x in tree.children_with(w, "xcomp") {
                self.phrases_of(sent, x, event, true, &mut found);
            }
            Some(w)
        } else if matches!(tree.dep(w), "nsubj" | "nsubjpass" | "dobj" | "attr") {
            let h = tree.head(w);
            if let Some(h) = h {
                self.phrases_of(sent, h, event, true, &mut found);
            }
            h
        } else {
            None
        };
        // The event a "during" phrase names ("during a rally in Caracas", "during a visit to
        // Beijing").
        for p in tree.children_with(w, "prep") {
            if tree.lemma(p) == "during" {
                for o in self.prep_objects(p) {
                    self.phrases_of(sent, o, event, true, &mut found);
                }
            }
        }
        decide!(found, PlaceBasis::Phrase);
        // 2. The clause: coordinated and controlling verbs, participle clauses, "here".
        if let Some(v) = verb {
            let mut chain = vec![v];
            let mut cur = v;
            while chain.len() < 5
                && matches!(tree.dep(cur), "conj" | "xcomp")
                && let Some(h) = tree.head(cur)
                && tree.is_verb(h)
            {
                chain.push(h);
                cur = h;
            }
            for (k, &c) in chain.iter().enumerate() {
                let mut found = Vec::new();
                if k > 0 {
                    self.phrases_of(sent, c, event, false, &mut found);
                    self.around(sent, c, event, &mut found);
                }
                for a in tree.children_with(c, "advcl") {
                    let participle = matches!(tree.tag(a), "VBG" | "VBN")
                        && tree.children_with(a, "nsubj").next().is_none();
                    if participle {
                        self.phrases_of(sent, a, event, false, &mut found);
                    }
                }
                // A bare place name as an adverbial ("met Tuesday Geneva time" aside, spaCy's
                // npadvmod): only a GPE or LOC entity of its own.
                for a in tree.children_with(c, "npadvmod") {
                    if let Some(i) = sent
                        .mentions
                        .iter()
                        .position(|m| m.tokens.contains(&a) && (m.strong || m.natural))
                        && sent.mentions[i].place.is_some()
                    {
                        found.push(Found::Place(i));
                    }
                }
                decide!(found, PlaceBasis::Clause);
                if let Some(here) = tree
                    .children_with(c, "advmod")
                    .find(|&a| self.lower_text(a) == "here")
                    && let Some((p, _)) = &self.dateline
                    && let Some(t) = tree.parse.token(here)
                {
                    return Some(EventPlace {
                        place: p.clone(),
                        basis: PlaceBasis::Clause,
                        span: t.span(),
                    });
                }
            }
            // Where the subject is, when that is less than a country ("Police in Nairobi
            // fired tear gas"; "Police in Georgia" says whose police they are).
            let mut found = Vec::new();
            for &c in &chain {
                for subj in tree
                    .kids(c)
                    .iter()
                    .copied()
                    .filter(|&k| matches!(tree.dep(k), "nsubj" | "nsubjpass"))
                {
                    for p in tree.children_with(subj, "prep") {
                        if LOCATIVE.contains(&tree.lemma(p).as_str()) {
                            for o in self.prep_objects(p) {
                                found.push(self.in_object(sent, o, Accept::NotCountry, None));
                            }
                        }
                    }
                }
            }
            decide!(found, PlaceBasis::Clause);
        }
        // 3. The dateline.
        self.dateline_place(event)
    }

    /// The place the noun `n` names (for "where" clauses).
    fn noun_place(&self, sent: &SentCtx, n: usize) -> Found {
        match sent.mentions.iter().position(|m| m.tokens.contains(&n)) {
            Some(i) if sent.mentions[i].place.is_some() => Found::Place(i),
            Some(i) if sent.mentions[i].strong => Found::Unsure,
            _ => Found::Nothing,
        }
    }

    /// The dateline's place, for an event in the story's present.
    fn dateline_place(&self, event: &Event) -> Option<EventPlace> {
        if !self.options.dateline || !self.in_present(event) {
            return None;
        }
        let (p, span) = self.dateline.as_ref()?;
        // A dateline abroad says where the reporter is, not where foreign actors act: an event
        // whose actors have countries takes it only when one of them is the dateline's.
        if let Some(here) = &p.country {
            let mut states = [&event.source, &event.target]
                .into_iter()
                .flatten()
                .filter_map(|a| dyad_ontology::country(&a.country))
                .peekable();
            if states.peek().is_some() && !states.any(|c| same_state(c, here)) {
                return None;
            }
        }
        Some(EventPlace {
            place: p.clone(),
            basis: PlaceBasis::Dateline,
            span: *span,
        })
    }

    /// Whether the event belongs to the story's present (see the module docs).
    fn in_present(&self, event: &Event) -> bool {
        if event.date_basis == DateBasis::Publication {
            return true;
        }
        let Some(d) = event.date else { return false };
        if !matches!(d.precision(), Precision::Day | Precision::Month) {
            return false;
        }
        let days = i64::from(self.options.present_days);
        let (Ok(lo), Ok(hi)) = (
            self.reference.checked_sub(days.days()),
            self.reference.checked_add(days.days()),
        ) else {
            return false;
        };
        d.first_day() <= hi && lo <= d.last_day()
    }
}

/// A name folded for comparison: lower case, without a leading "the" and a possessive.
fn fold(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let lower = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("\u{2019}s"))
        .unwrap_or(&lower);
    lower
        .strip_prefix("the ")
        .unwrap_or(lower)
        .trim()
        .to_owned()
}

/// The countries the names point to, in order, leaving out the names in `except`.
fn countries_of(names: &[(String, Option<String>)], except: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (n, c) in names {
        if let Some(c) = c
            && !except.contains(n)
            && !out.contains(c)
        {
            out.push(c.clone());
        }
    }
    out
}

/// The dateline's place as written, with a qualifier after a comma that the text stage left out
/// of the place span ("PARIS, Texas (AP) —" → "PARIS, Texas"; "SEOUL, June 19 (AP)" → "SEOUL").
fn dateline_name(doc: &Doc, d: &Dateline) -> String {
    let place = doc.slice(d.place).trim().to_owned();
    let mut end = d.span.end;
    for s in [d.date_text, d.agency].into_iter().flatten() {
        if s.start >= d.place.end {
            end = end.min(s.start);
        }
    }
    let Some(rest) = doc.text.get(d.place.end..end.max(d.place.end)) else {
        return place;
    };
    let Some(rest) = rest.trim_start().strip_prefix(',') else {
        return place;
    };
    let qual = rest
        .split(['(', '\u{2014}', '\u{2013}', ',', ':'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['-', ' ']);
    let plain = qual
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'));
    if qual.is_empty()
        || qual.len() > 40
        || !plain
        || !qual.chars().next().is_some_and(char::is_uppercase)
    {
        return place;
    }
    format!("{place}, {qual}")
}

/// The ISO alpha-3 code of an actor's country code ("ROM" → "ROU"), or `None` for what is no
/// state of the ontology (IGOs, "---").
fn iso3(code: &str) -> Option<String> {
    let c = dyad_ontology::country(code)?;
    c.iso3.clone().or_else(|| c.cameo.clone())
}

/// Whether a state of the ontology is, or was succeeded by, the state with ISO code `iso`
/// (Yugoslavia for a dateline in Serbia).
fn same_state(c: &dyad_ontology::Country, iso: &str) -> bool {
    let is = |c: &dyad_ontology::Country| c.iso3.as_deref() == Some(iso) || c.code() == iso;
    is(c)
        || c.successors
            .iter()
            .filter_map(|s| dyad_ontology::country(s))
            .any(is)
}
