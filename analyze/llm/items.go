package llm

import (
	"context"
	"fmt"
	"strings"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/extract"
)

// Questionnaire items the rules could not place are classified too: items
// whose id names no CCM v4 domain (HECVAT, ISO or home-made layouts) or
// whose ownership cell maps to no owner. They go in batches, several to a
// request, and like the clauses they are skipped when Config.MaxClassify is
// negative (ssrm eval).
const (
	// MaxItems bounds the questionnaire items sent for classification in
	// one run; each batch is one request of the run's budget.
	MaxItems = 40
	// ItemsPerRequest is the batch size.
	ItemsPerRequest = 10
)

// unplacedItem is one questionnaire item to classify: Key names it in the
// prompt and the reply (its id, made unique), Known is the CCM domain its
// id carries ("" when none), Evidence points at its sheet and cell.
type unplacedItem struct {
	Key      string
	Known    string
	Item     extract.Item
	Evidence analyze.Evidence
}

// UnplacedItems returns up to n items of q that the rules leave without a
// domain (analyze.DomainOfID is "") or without an owner (analyze.ParseOwner
// gives unassigned), in workbook order. Items with neither a question nor
// an answer are skipped.
func UnplacedItems(q *extract.Questionnaire, n int) []analyze.Evidence {
	var out []analyze.Evidence
	for _, u := range unplacedItems(q, n) {
		out = append(out, u.Evidence)
	}
	return out
}

func unplacedItems(q *extract.Questionnaire, n int) []unplacedItem {
	if q == nil || n <= 0 {
		return nil
	}
	var out []unplacedItem
	seen := map[string]bool{}
	for _, it := range q.Items {
		if len(out) >= n {
			break
		}
		if strings.TrimSpace(it.Question) == "" && strings.TrimSpace(it.Answer) == "" {
			continue
		}
		domain := analyze.DomainOfID(it.ID)
		owner, _ := analyze.ParseOwner(it.Ownership)
		if domain != "" && owner != analyze.OwnerUnassigned {
			continue
		}
		key := normalizeSpace(it.ID)
		if key == "" {
			key = fmt.Sprintf("%s!%s", it.Sheet, it.Cell)
		}
		if seen[key] {
			key = fmt.Sprintf("%s@%s!%s", key, it.Sheet, it.Cell)
		}
		for base, i := key, 2; seen[key]; i++ {
			key = fmt.Sprintf("%s#%d", base, i)
		}
		seen[key] = true
		out = append(out, unplacedItem{Key: key, Known: domain, Item: it, Evidence: itemEvidence(q, it)})
	}
	return out
}

// itemEvidence points at the item's answer cell (or question cell) and
// quotes its id, question and answer.
func itemEvidence(q *extract.Questionnaire, it extract.Item) analyze.Evidence {
	sheet, cell := it.Sheet, it.Cell
	text := normalizeSpace(it.ID + ": " + it.Question)
	if a := normalizeSpace(it.Answer); a != "" {
		text += " — " + a
	}
	return analyze.Evidence{File: q.Path, Sheet: &sheet, Cell: &cell, Text: strings.ToValidUTF8(clip(text, 400), ""), Note: "questionnaire item"}
}

type itemsReply struct {
	Items []struct {
		ID     string `json:"id" description:"the item's id, as given in brackets"`
		Domain string `json:"domain" enum:"A&A,AIS,BCR,CCC,CEK,DCS,DSP,GRC,HRS,IAM,IPY,IVS,LOG,SEF,STA,TVM,UEM,none" description:"CCM v4 domain code, or none"`
		Owner  string `json:"owner" enum:"vendor,customer,shared,third-party,not-applicable" description:"who is responsible for the control"`
		Reason string `json:"reason" description:"a few words saying why"`
	} `json:"items"`
}

var itemsSchema = mustSchema(itemsReply{})

// classifyItems asks for the domain and owner of one batch of items.
func (c *Client) classifyItems(ctx context.Context, items []unplacedItem) ([]analyze.Classification, error) {
	var b strings.Builder
	b.WriteString("Place each questionnaire item of a cloud vendor's security questionnaire in one domain of the CSA Cloud Controls Matrix v4 and say who is responsible for the control: the vendor, the customer, both (shared), a third party, or nobody (not-applicable).\nDomains:\n")
	for _, d := range analyze.Domains {
		fmt.Fprintf(&b, "  %s %s\n", d.Code, d.Title)
	}
	b.WriteString("Use \"none\" when no domain fits. Owners: vendor, customer, shared, third-party, not-applicable.\n\nItems (id in brackets):\n")
	// The keys as the model sees them (redaction may touch an id), unique.
	sent := map[string]int{}
	keys := make([]string, len(items))
	for i, u := range items {
		k := c.clean(u.Key)
		for base, n := k, 2; ; n++ {
			if _, dup := sent[k]; !dup {
				break
			}
			k = fmt.Sprintf("%s#%d", base, n)
		}
		sent[k] = i
		keys[i] = k
	}
	for i, u := range items {
		it := u.Item
		fmt.Fprintf(&b, "[%s]", keys[i])
		if u.Known != "" {
			fmt.Fprintf(&b, " (domain from its id: %s)", u.Known)
		}
		fmt.Fprintf(&b, " Question: %s", clip(c.clean(it.Question), 400))
		if a := c.clean(it.Answer); a != "" {
			fmt.Fprintf(&b, " | Answer: %s", clip(a, 200))
		}
		if o := c.clean(it.Ownership); o != "" {
			fmt.Fprintf(&b, " | Ownership as written: %s", clip(o, 100))
		}
		if n := c.clean(it.Notes); n != "" {
			fmt.Fprintf(&b, " | Notes: %s", clip(n, 300))
		}
		b.WriteString("\n")
	}
	b.WriteString(`
Reply with JSON: {"items": [{"id": the id in brackets, "domain": code or "none", "owner": owner, "reason": a few words}]}, one item per questionnaire item.`)
	var out itemsReply
	p := prompt{name: "classify_items", system: systemPrompt, user: b.String(), schema: itemsSchema, decode: func(content string) error {
		out = itemsReply{}
		if err := decodeReply(itemsSchema, content, &out); err != nil {
			return err
		}
		for _, it := range out.Items {
			if _, ok := sent[replyID(it.ID)]; !ok {
				return fmt.Errorf("item %q was not asked about", it.ID)
			}
			if err := checkPlacement(it.Domain, it.Owner); err != nil {
				return err
			}
		}
		return nil
	}}
	if err := c.ask(ctx, p); err != nil {
		return nil, err
	}
	// One classification an item, in the order the items were sent.
	byItem := make([]*analyze.Classification, len(items))
	for _, it := range out.Items {
		i := sent[replyID(it.ID)]
		if it.Domain == "none" || byItem[i] != nil {
			continue
		}
		byItem[i] = &analyze.Classification{Evidence: items[i].Evidence, Domain: it.Domain, Owner: analyze.Owner(it.Owner), Reason: normalizeSpace(it.Reason)}
	}
	var cl []analyze.Classification
	for _, x := range byItem {
		if x != nil {
			cl = append(cl, *x)
		}
	}
	return cl, nil
}

// replyID is the id a reply names, without the brackets some models copy.
func replyID(s string) string {
	return normalizeSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "["), "]"))
}
