//! Reading the text of a parsed page without building it: the text nodes under an element,
//! one at a time. `NodeRef::text()` concatenates them into a new string, which the import
//! pays for on every page only to measure a length.

use dom_query::{NodeData, NodeRef};

/// Calls `f` with each text node under `node` (itself included), in document order.
pub(crate) fn for_each_text(node: &NodeRef<'_>, mut f: impl FnMut(&str)) {
    for n in std::iter::once(*node).chain(node.descendants_it()) {
        n.query(|tn| {
            if let NodeData::Text { contents } = &tn.data {
                f(contents);
            }
        });
    }
}

/// `node.text().len()`: the bytes of every text node under it.
pub(crate) fn text_bytes(node: &NodeRef<'_>) -> usize {
    let mut bytes = 0;
    for_each_text(node, |t| bytes += t.len());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn text_bytes_is_the_length_of_the_text() {
        let doc = Document::from("<div id=a> Flood <b>hits</b> the <i>ré</i>gion </div>");
        let node = *doc.select("#a").nodes().first().expect("div");
        assert_eq!(text_bytes(&node), node.text().len());
    }
}
