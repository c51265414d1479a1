package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// An agreement read in part (some pages an image without a text layer, a
// garbled layer or damaged: analyze.Input.Partial) makes the result
// partial: every format says so, names the pages and why, and suggests
// --ocr.

// partialNote is one sentence about an input read in part, or "": which
// pages could not be read and why, and what to do; each format puts its
// own "partial result" label before it.
func partialNote(in analyze.Input) string {
	if !in.Partial || len(in.UnreadPages) == 0 {
		return ""
	}
	// Group the pages by reason, in page order of each reason's first page.
	var reasons []string
	pages := map[string][]int{}
	for _, u := range in.UnreadPages {
		if _, ok := pages[u.Reason]; !ok {
			reasons = append(reasons, u.Reason)
		}
		pages[u.Reason] = append(pages[u.Reason], u.Page)
	}
	var parts []string
	var all []int
	for _, r := range reasons {
		parts = append(parts, pagesText(pages[r])+": "+r)
		all = append(all, pages[r]...)
	}
	if len(reasons) == 1 {
		parts = reasons // the pages are named once
	}
	slices.Sort(all)
	return fmt.Sprintf("%s of %s could not be read (%s), so the findings come from its other pages only; run again with --ocr to read %s from %s",
		pagesText(all), in.Path, strings.Join(parts, "; "), pronoun(len(all)), pronounImages(len(all)))
}

func pronoun(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func pronounImages(n int) string {
	if n == 1 {
		return "its image"
	}
	return "their images"
}

// partialNotes are the notes of every input read in part, and of every
// input whose text the reader found damaged (its warnings).
func partialNotes(res *analyze.Result) []string {
	var out []string
	for _, in := range res.Inputs {
		if n := partialNote(in); n != "" {
			out = append(out, n)
		}
		for _, w := range in.Warnings {
			if strings.HasPrefix(w, extract.ReadingOrderWarning) || strings.Contains(w, extract.UnreadImagesWarning) {
				out = append(out, in.Path+": "+w) // the words are whole, their order in doubt
				continue
			}
			out = append(out, fmt.Sprintf("%s: %s; findings may miss terms written in the damaged words", in.Path, w))
		}
	}
	return out
}

// pagesText writes page numbers compactly: "page 3", "pages 1-3, 59".
func pagesText(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j == i {
			parts = append(parts, strconv.Itoa(ps[i]))
		} else {
			parts = append(parts, strconv.Itoa(ps[i])+"-"+strconv.Itoa(ps[j]))
		}
		i = j + 1
	}
	if len(ps) == 1 {
		return "page " + parts[0]
	}
	return "pages " + strings.Join(parts, ", ")
}
