//! What spaCy does with the parser's arcs once a document is parsed: subtree edges and sentence
//! starts (`set_children_from_heads` in `tokens/doc.pyx`) and the undoing of pseudo-projective
//! lifting (`deprojectivize` in `_parser_internals/nonproj.pyx`).
//!
//! Heads here are absolute token indices; a root is its own head.

/// Left and right subtree edges of every token, and the sentence starts they imply.
#[derive(Debug, Clone, Default)]
pub(crate) struct Edges {
    pub(crate) l_edge: Vec<usize>,
    pub(crate) r_edge: Vec<usize>,
    /// `true` for the first token of each sentence.
    pub(crate) sent_start: Vec<bool>,
    /// Scratch: sentence starts during a round.
    starts: Vec<bool>,
}

impl Edges {
    /// spaCy's `set_children_from_heads`: edges start at the token itself and are widened by
    /// children, left to right then right to left, up to 12 rounds until every head lies inside its
    /// sentence; then the left edge of every root starts a sentence.
    pub(crate) fn compute(&mut self, heads: &[usize]) {
        let n = heads.len();
        self.l_edge.clear();
        self.l_edge.extend(0..n);
        self.r_edge.clear();
        self.r_edge.extend(0..n);
        let mut loop_count = 0;
        loop {
            let ok = self.round(heads);
            if ok || loop_count > 10 {
                break;
            }
            loop_count += 1;
        }
        self.sent_start.clear();
        self.sent_start.resize(n, false);
        for (i, &h) in heads.iter().enumerate() {
            if h == i
                && let Some(&l) = self.l_edge.get(i)
                && let Some(s) = self.sent_start.get_mut(l)
            {
                *s = true;
            }
        }
    }

    /// One round of edge widening; true when every head is inside its sentence. Heads and edges
    /// are token indices below `heads.len()` (the parser makes them so), which the indexing relies
    /// on.
    fn round(&mut self, heads: &[usize]) -> bool {
        let n = heads.len();
        let (l, r) = (&mut self.l_edge, &mut self.r_edge);
        for i in 0..n {
            let h = heads[i].min(n - 1);
            if l[i] < l[h] {
                l[h] = l[i];
            }
            if r[i] > r[h] {
                r[h] = r[i];
            }
        }
        for i in (0..n).rev() {
            let h = heads[i].min(n - 1);
            if r[i] > r[h] {
                r[h] = r[i];
            }
            if l[i] < l[h] {
                l[h] = l[i];
            }
        }
        let starts = &mut self.starts;
        starts.clear();
        starts.resize(n, false);
        for (i, (&h, &le)) in heads.iter().zip(l.iter()).enumerate() {
            if h == i {
                starts[le] = true;
            }
        }
        let mut cur_start = 0;
        for (i, &starts_here) in starts.iter().enumerate() {
            if (i > 0 && starts_here) || i + 1 == n {
                let cur_end = i;
                if heads[cur_start..cur_end]
                    .iter()
                    .any(|&h| h < cur_start || h > cur_end)
                {
                    return false;
                }
                cur_start = i;
            }
        }
        true
    }

    /// The children of `t` in order, as spaCy's `Token.children` finds them: tokens whose head is
    /// `t`, searched only between `t`'s edges.
    #[cfg(test)]
    fn children<'a>(&'a self, heads: &'a [usize], t: usize) -> impl Iterator<Item = usize> + 'a {
        let l = self.l_edge.get(t).copied().unwrap_or(t);
        let r = self.r_edge.get(t).copied().unwrap_or(t);
        (l..t)
            .chain(t + 1..=r.min(heads.len().saturating_sub(1)))
            .filter(move |&c| heads.get(c) == Some(&t))
    }
}

/// Re-attach every token whose label is decorated (`label||head_label`): search breadth-first from
/// its head, through children in order (skipping whitespace tokens and the token itself), for the
/// first token labelled `head_label`, make it the new head (the old head if none) and strip the
/// decoration. Tokens are processed in order; later ones see the new heads and labels of earlier
/// ones, but the edges computed before (spaCy recomputes them only at the end). Recomputes `edges`.
///
/// `decoration(label)` gives `(plain label, head label)` for a decorated label.
pub(crate) fn deprojectivize(
    heads: &mut [usize],
    deps: &mut [u32],
    is_space: &[bool],
    edges: &mut Edges,
    decoration: impl Fn(u32) -> Option<(u32, u32)>,
) {
    let n = heads.len();
    if !deps.iter().any(|&d| decoration(d).is_some()) {
        edges.compute(heads);
        return;
    }
    // Children of each token in order, kept up to date as heads change; a token's children as
    // spaCy finds them are those of its list that lie between its (stale) edges.
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, &h) in heads.iter().enumerate() {
        if h != c
            && let Some(k) = kids.get_mut(h)
        {
            k.push(c);
        }
    }
    let mut queue = Vec::new();
    let mut next = Vec::new();
    let mut seen = vec![false; n];
    let mut touched = Vec::new();
    for i in 0..n {
        let Some((plain, head_label)) = deps.get(i).and_then(|&d| decoration(d)) else {
            continue;
        };
        let old_head = heads[i];
        let mut new_head = old_head;
        queue.clear();
        queue.push(old_head);
        'search: while !queue.is_empty() {
            next.clear();
            for &q in &queue {
                // A tree never revisits a token; the mark only guards against cycles.
                if std::mem::replace(&mut seen[q], true) {
                    continue;
                }
                touched.push(q);
                let (l, r) = (edges.l_edge[q], edges.r_edge[q]);
                for &c in kids[q].iter().filter(|&&c| l <= c && c <= r) {
                    if is_space.get(c).copied().unwrap_or(false) || c == i {
                        continue;
                    }
                    if deps.get(c) == Some(&head_label) {
                        new_head = c;
                        break 'search;
                    }
                    next.push(c);
                }
            }
            std::mem::swap(&mut queue, &mut next);
        }
        for q in touched.drain(..) {
            seen[q] = false;
        }
        if new_head != old_head {
            if let Some(k) = kids.get_mut(old_head) {
                k.retain(|&c| c != i);
            }
            if let Some(k) = kids.get_mut(new_head) {
                let at = k.partition_point(|&c| c < i);
                k.insert(at, i);
            }
        }
        heads[i] = new_head;
        deps[i] = plain;
    }
    edges.compute(heads);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn edges_and_sentence_starts() {
        // Two sentences: 0 <- 1 -> 2 | 3 <- 4
        let heads = [1, 1, 1, 4, 4];
        let mut e = Edges::default();
        e.compute(&heads);
        assert_eq!(e.l_edge, [0, 0, 2, 3, 3]);
        assert_eq!(e.r_edge, [0, 2, 2, 3, 4]);
        assert_eq!(e.sent_start, [true, false, false, true, false]);
        assert_eq!(e.children(&heads, 1).collect::<Vec<_>>(), [0, 2]);
        e.compute(&[]);
        assert!(e.sent_start.is_empty());
    }

    #[test]
    fn a_lifted_arc_is_lowered_to_the_labelled_descendant() {
        // 0 is ROOT; 1 = prep of 0; 2 = pobj of 1; 3 attached to 0 with `acl||pobj` -> moves to 2.
        const ROOT: u32 = 1;
        const PREP: u32 = 2;
        const POBJ: u32 = 3;
        const ACL: u32 = 4;
        const ACL_POBJ: u32 = 5;
        let mut heads = vec![0, 0, 1, 0];
        let mut deps = vec![ROOT, PREP, POBJ, ACL_POBJ];
        let mut e = Edges::default();
        e.compute(&heads);
        deprojectivize(&mut heads, &mut deps, &[false; 4], &mut e, |d| {
            (d == ACL_POBJ).then_some((ACL, POBJ))
        });
        assert_eq!(heads, [0, 0, 1, 2]);
        assert_eq!(deps, [ROOT, PREP, POBJ, ACL]);
        assert_eq!(e.r_edge[0], 3);
        // No descendant with the head label: the head stays, the label is stripped.
        let mut heads = vec![0, 0];
        let mut deps = vec![ROOT, ACL_POBJ];
        deprojectivize(&mut heads, &mut deps, &[false; 2], &mut e, |d| {
            (d == ACL_POBJ).then_some((ACL, POBJ))
        });
        assert_eq!((heads, deps), (vec![0, 0], vec![ROOT, ACL]));
    }

    /// The search as spaCy writes it (children found by scanning between the edges).
    fn reference(
        heads: &mut [usize],
        deps: &mut [u32],
        is_space: &[bool],
        edges: &mut Edges,
        decoration: impl Fn(u32) -> Option<(u32, u32)>,
    ) {
        let n = heads.len();
        for i in 0..n {
            let Some((plain, head_label)) = decoration(deps[i]) else {
                continue;
            };
            let mut new_head = heads[i];
            let mut queue = vec![heads[i]];
            let mut seen = vec![false; n];
            'search: while !queue.is_empty() {
                let mut next = Vec::new();
                for &q in &queue {
                    if std::mem::replace(&mut seen[q], true) {
                        continue;
                    }
                    for c in edges.children(heads, q) {
                        if is_space[c] || c == i {
                            continue;
                        }
                        if deps[c] == head_label {
                            new_head = c;
                            break 'search;
                        }
                        next.push(c);
                    }
                }
                queue = next;
            }
            heads[i] = new_head;
            deps[i] = plain;
        }
        edges.compute(heads);
    }

    proptest::proptest! {
        #[test]
        fn matches_the_reference_search(
            tree in proptest::collection::vec((0usize..40, 0u32..5, proptest::bool::weighted(0.1)), 1..40)
        ) {
            let n = tree.len();
            // Labels: 0 ROOT, 1 a, 2 b, 3 a||b, 4 b||a.
            let deco = |d: u32| match d {
                3 => Some((1, 2)),
                4 => Some((2, 1)),
                _ => None,
            };
            let heads: Vec<usize> = tree.iter().map(|t| t.0 % n).collect();
            let deps: Vec<u32> = tree.iter().map(|t| t.1).collect();
            let space: Vec<bool> = tree.iter().map(|t| t.2).collect();
            let (mut h1, mut d1, mut e1) = (heads.clone(), deps.clone(), Edges::default());
            let (mut h2, mut d2, mut e2) = (heads, deps, Edges::default());
            e1.compute(&h1);
            e2.compute(&h2);
            deprojectivize(&mut h1, &mut d1, &space, &mut e1, deco);
            reference(&mut h2, &mut d2, &space, &mut e2, deco);
            proptest::prop_assert_eq!(h1, h2);
            proptest::prop_assert_eq!(d1, d2);
            proptest::prop_assert_eq!(e1.sent_start, e2.sent_start);
        }
    }

    #[test]
    fn whitespace_children_are_not_candidates() {
        const POBJ: u32 = 3;
        const X: u32 = 6;
        let mut heads = vec![0, 0, 0];
        let mut deps = vec![1, POBJ, 7];
        let mut e = Edges::default();
        e.compute(&heads);
        deprojectivize(&mut heads, &mut deps, &[false, true, false], &mut e, |d| {
            (d == 7).then_some((X, POBJ))
        });
        assert_eq!(heads, [0, 0, 0]);
        assert_eq!(deps, [1, POBJ, X]);
    }
}
