package analyze

import "github.com/ssrm-dev/ssrm/extract"

// Placer places a questionnaire's items one at a time, as Place would, for
// a reader that streams them (ssrm extract): q holds the questionnaire's
// metadata (its Items are ignored) and ids every item's id in order, which
// with q.Format decide its form. It returns the placement, without items,
// and the function that places each item.
func (cw *Crosswalk) Placer(q *extract.Questionnaire, ids []string) (*QuestionnairePlacement, func(extract.Item) Placement) {
	qp := &QuestionnairePlacement{}
	if cw != nil {
		cw.ready()
	}
	var ix *formIndex
	side := OwnerVendor
	if cw != nil {
		// The ids alone: a stand-in item per id would be 17 MB of a
		// 100,000-row sheet, held at once.
		qp.Form, qp.ByIDs = cw.formForIDs(q.Format, len(ids), func(i int) string { return ids[i] })
		if qp.Form != nil {
			ix = cw.indexOf(qp.Form)
			side = cw.side(qp.Form)
		}
	}
	return qp, func(it extract.Item) Placement { return cw.placeItem(qp.Form, ix, it, side) }
}

// PlacerTopics is Placer for a reader that found each item's topics as it
// read the items (TopicsOf): the function it returns places an item with
// the topics TopicsOf gave for its question.
func (cw *Crosswalk) PlacerTopics(q *extract.Questionnaire, ids []string) (*QuestionnairePlacement, func(extract.Item, []int32) Placement) {
	qp, _ := cw.Placer(q, ids)
	var ix *formIndex
	side := OwnerVendor
	if cw != nil && qp.Form != nil {
		ix = cw.indexOf(qp.Form)
		side = cw.side(qp.Form)
	}
	return qp, func(it extract.Item, topics []int32) Placement {
		return cw.placeItemTopics(qp.Form, ix, it, side, topics)
	}
}

// TopicsOf returns the topics a question matches, as indices into
// cw.Topics, for PlacerTopics; it compiles the crosswalk on first use and
// is safe for concurrent use. A question is matched against the topics
// whatever form its questionnaire turns out to be, so a reader can do it
// while it reads.
func (cw *Crosswalk) TopicsOf(question string) []int32 {
	if cw == nil {
		return nil
	}
	cw.ready()
	return cw.topicsOf(question)
}

// Warm loads and compiles the crosswalk now instead of on first use (about
// 80 ms of processor time), so that a caller can do it while documents are
// read.
func (cw *Crosswalk) Warm() {
	if cw != nil {
		cw.ready()
	}
}
