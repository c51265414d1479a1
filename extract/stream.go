package extract

// OpenStream reads the document at path as Open does, with the same
// detection, layouts, limits and errors, but a questionnaire's items are
// passed to item as they are read instead of being kept: the Document's
// Questionnaire holds the metadata (Path, Format, Vendor, Product, Sheets,
// Warnings) and nil Items. vendor is the name the questionnaire has stated
// by the time the item is read ("" when none yet; a name read from a cover
// sheet before the answers, or from the answers themselves, is known only
// in the Questionnaire returned). An agreement is returned
// whole (item is not called). An .xlsx sheet is read as a stream, so memory
// stays bounded whatever the number of rows; a legacy .xls or a CSV file is
// read whole first. An error from item stops reading and is returned as it
// is.
func OpenStream(path string, opts Options, item func(it Item, vendor string) error) (Document, error) {
	p, err := detect(path)
	if err != nil {
		return Document{}, err
	}
	each := func(it Item, q *Questionnaire) error { return item(it, q.Vendor) }
	switch p.(type) {
	case xlsxParser:
		q, _, err := readWorkbook(path, opts, each)
		if err != nil {
			return Document{}, err
		}
		return Document{Questionnaire: q}, nil
	case csvParser:
		doc, err := p.Parse(path, opts)
		if err != nil {
			return Document{}, err
		}
		if err := replayItems(doc.Questionnaire, each); err != nil {
			return Document{}, err
		}
		return doc, nil
	}
	return asAssurance(p.Parse(path, opts))
}
