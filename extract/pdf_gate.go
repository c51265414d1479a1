package extract

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// gatePages cleans the page texts, applies the quality gate and splits
// clauses.
//
// A page whose text cannot be used is left out of the analysis and listed
// in Agreement.Unread with its reason: an image or a form without a text
// layer (an empty page that draws something, or every empty page when at
// least half the pages are empty), a garbled layer (pageQuality, or the
// document's OCR noise), a page the walker could not read. The document
// is read from its other pages and marked partial; an empty page that
// draws nothing, in an otherwise good document, is a blank page and is
// kept silently. Its Pages keep every page, an unread one with no text.
//
// Only when the readable pages hold fewer than MinRunningWords words of
// running text is the file an error: ErrGarbled, ErrNoText or ErrDamaged
// naming the unread pages (the first kind present, in that order), or
// ErrEmpty when every page read. The pages to read again (--ocr) are
// returned in both cases.
func gatePages(path string, res pagesResult) (Document, []int, error) {
	numPages := len(res.pages)
	if numPages == 0 {
		return Document{}, nil, &InputError{Path: path, Err: fmt.Errorf("%w: the PDF has no pages", ErrDamaged)}
	}
	// The pages whose text (OCR's, after --ocr) keeps U+FFFD are told.
	warnings := append(slices.Clip(res.warnings), unreadableWarnings(res.texts, numPages)...)
	a := &Agreement{Path: path, Format: "pdf", Paginated: true, Warnings: warnings}
	var nums []int
	var texts []string
	for i := 1; i <= numPages; i++ {
		if t, ok := res.texts[i]; ok {
			nums = append(nums, i)
			texts = append(texts, t)
		}
	}
	// A word hyphenated at a line end is joined as the whole document
	// writes it (see keepLineHyphen), not one page.
	lineWords := newLineVocab(strings.Join(texts, "\n"))
	for k, t := range texts {
		texts[k] = normalizeText(t, lineWords)
	}
	texts = removeRunningLines(removePageCounters(texts, nums))
	text := map[int]string{}
	for k, i := range nums {
		text[i] = texts[k]
	}

	// OCR noise is judged on the whole document (a page has too few words).
	vocab := docVocab(texts)
	docOdd, docTokens := oddTokenShare(strings.Join(texts, "\n"), vocab)
	noisy := docOdd >= maxOddShare && docOdd*float64(docTokens) >= 5

	why := map[int]string{} // unread page → reason
	var garbled, empty, drawn, forms []int
	var garbleReason string
	for _, i := range nums {
		q := pageQuality(text[i])
		if noisy && q.class == qualityOK {
			if share, _ := oddTokenShare(text[i], vocab); share >= maxOddShare {
				q.class = qualityGarbled
				q.reason = fmt.Sprintf("%.1f%% of the words in the document carry marks of OCR noise: a poor OCR layer?", 100*docOdd)
			}
		}
		switch q.class {
		case qualityEmpty:
			empty = append(empty, i)
			var xo xobjects
			if err := try(func() error { xo = drawnXObjects(res.pages[i-1]); return nil }); err != nil {
				xo.images++ // cannot tell: assume the page draws something
			}
			if res.images[i] > 0 {
				xo.images++
			}
			if xo.images > 0 || xo.forms > 0 {
				drawn = append(drawn, i)
				if xo.images == 0 {
					forms = append(forms, i)
				}
			}
		case qualityGarbled:
			garbled = append(garbled, i)
			why[i] = "garbled text layer: " + q.reason
			if garbleReason == "" {
				garbleReason = q.reason
			}
		}
	}

	// Which empty pages count as missing text: those that draw something,
	// or all of them when at least half the pages are empty.
	noText := drawn
	if len(empty) == numPages-len(res.bad) || len(empty)*2 >= numPages {
		noText = empty
	}
	for _, i := range noText {
		switch {
		case slices.Contains(forms, i):
			why[i] = "only forms without readable text"
		default:
			why[i] = "an image without a text layer: a scan?"
		}
	}
	for _, i := range res.bad {
		why[i] = "unreadable: " + res.badWhy[i]
	}

	var unread []int
	for i := range why {
		unread = append(unread, i)
	}
	sort.Ints(unread)
	// Headings by their type, over the pages that read.
	var styled [][]lineStyle
	for _, i := range nums {
		if _, unread := why[i]; !unread {
			styled = append(styled, res.styles[i])
		}
	}
	heads := typesetHeadings(styled)
	var readable []string
	for i := 1; i <= numPages; i++ {
		if r, ok := why[i]; ok {
			a.Pages = append(a.Pages, Page{Number: i})
			a.Unread = append(a.Unread, UnreadPage{Page: i, Reason: r})
			continue
		}
		if t, ok := text[i]; ok {
			a.Pages = append(a.Pages, Page{Number: i, Text: t, Headings: heads[len(readable)]})
			readable = append(readable, t)
		}
	}
	doc := Document{Agreement: a}
	words := runningWords(strings.Join(readable, "\n"))
	if words >= MinRunningWords {
		a.Clauses = SplitClauses(a.Pages, true)
		return doc, unread, nil
	}

	// Too little text: the file is an error, named by its worst pages.
	var also []string
	if len(readable) > 0 && len(unread) > 0 {
		also = append(also, fmt.Sprintf("the other pages hold %d words of running text, too few to analyse", words))
	}
	scanWhy := "scanned? --ocr reads such pages with tesseract"
	if len(forms) == len(noText) && len(forms) > 0 {
		scanWhy = "the page draws only forms without readable text"
	}
	switch {
	case len(garbled) > 0:
		if len(noText) > 0 {
			also = append([]string{fmt.Sprintf("no text layer on %s (%s)", pageList(noText), scanWhy)}, also...)
		}
		return doc, unread, &InputError{Path: path, Place: pageList(garbled), Err: fmt.Errorf("%w (%s)%s", ErrGarbled, garbleReason, joinAlso(also))}
	case len(noText) > 0:
		return doc, unread, &InputError{Path: path, Place: pageList(noText), Err: fmt.Errorf("%w (%s)%s", ErrNoText, scanWhy, joinAlso(also))}
	case len(res.bad) > 0:
		return doc, unread, &InputError{Path: path, Place: pageList(res.bad), Err: fmt.Errorf("%w: page unreadable (%s); %d of %d pages read%s",
			ErrDamaged, res.badReason, numPages-len(res.bad), numPages, joinAlso(also))}
	}
	return doc, nil, &InputError{Path: path, Err: lengthError(words)}
}

func joinAlso(also []string) string {
	if len(also) == 0 {
		return ""
	}
	return "; also " + strings.Join(also, "; ")
}

// ocrUnread reads the unread pages of a PDF from their images (--ocr) and
// judges the document again: the pages OCR made readable are listed in
// Agreement.OCRPages; pages still unread stay in Agreement.Unread. err is
// gatePages' error before OCR (nil for a partial document).
func ocrUnread(path string, res pagesResult, unread []int, err error) (Document, error) {
	texts, oerr := ocrPages(context.Background(), path, unread)
	if oerr != nil {
		if err == nil {
			err = fmt.Errorf("%s could not be read", pageList(unread))
		}
		return Document{}, &InputError{Path: path, Place: pageList(unread), Err: fmt.Errorf("%w; --ocr failed: %v", err, oerr)}
	}
	var bad []int
	for _, n := range res.bad {
		if _, ok := texts[n]; !ok {
			bad = append(bad, n)
		}
	}
	res.bad = bad
	for n, t := range texts {
		res.texts[n] = t
	}
	doc, _, err := gatePages(path, res)
	if doc.Agreement != nil {
		still := doc.Agreement.UnreadPages()
		for _, n := range unread {
			if !slices.Contains(still, n) {
				doc.Agreement.OCRPages = append(doc.Agreement.OCRPages, n)
			}
		}
	}
	if err != nil {
		return doc, fmt.Errorf("after OCR of %s: %w", pageList(unread), err)
	}
	return doc, nil
}
