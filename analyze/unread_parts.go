package analyze

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ssrm-dev/ssrm/extract"
	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// A term the agreement states only by pointing at one of its own parts
// that the reader could not read (a DOCX exhibit pasted in as page
// images: extract.Agreement.ImageParts) is by-reference, not missing: "The
// Vendor shall comply with Exhibit 3", Exhibit 3 "Security Standards" ten
// page images. The finding quotes the pointer and cites the reader's
// warning in its note.

// rePointsAt finds a binding pointer at a part: "shall comply with", "as
// set forth in", "in accordance with", "described in".
var rePointsAt = lazyre.New(`(?i)\b(?:comply\s+with|complies\s+with|(?:as\s+)?(?:set\s+(?:forth|out)|described|specified|provided)\s+in|in\s+accordance\s+with|pursuant\s+to|subject\s+to|adhere\s+to|abide\s+by)\b`)

// byUnreadPart turns a missing vendor term into by-reference where a
// sentence points at an unread part whose title, or the pointing clause's
// heading, names the term's topic.
func byUnreadPart(res *Result, in Inputs, units []*unit, rules *RuleSet) {
	for _, a := range in.Agreements {
		for _, ip := range a.ImageParts {
			if ip.Clause == "" || ip.OCR {
				continue // their text was read (--ocr)
			}
			name := regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(ip.Clause) + `\b`)
			title := partTitles(a, ip.Clause, name)
			for _, u := range units {
				if u.file != a.Path || u.section == ip.Clause || strings.HasPrefix(u.section, ip.Clause+" ") {
					continue
				}
				loc := name.FindStringIndex(u.text)
				if loc == nil || !rePointsAt.MatchString(u.text[:loc[0]]) {
					continue
				}
				about := newMatcher(rules.Vocabulary, tokenize(u.heading+". "+title), nil)
				for i := range res.Findings {
					f := &res.Findings[i]
					r := rules.Get(f.Rule)
					if f.Status != StatusMissing || r == nil || r.Owner != OwnerVendor || !anyFound(about, r.topic) {
						continue
					}
					f.Status = StatusByReference
					f.Explanation = fmt.Sprintf("the agreement points at %s for the term, and %s holds only images that were not read", ip.Place, ip.Place)
					f.Evidence = append(f.Evidence, Evidence{File: a.Path, Section: u.section, Text: u.text,
						Note: fmt.Sprintf("points at %s, unread: %s", ip.Place, imagesWarning(a, ip))})
				}
			}
		}
	}
}

// partTitles is the titles the agreement gives a part where it names it:
// "Exhibit 3 – NBCUniversal Security Standards" in a list of exhibits.
func partTitles(a *extract.Agreement, id string, name *regexp.Regexp) string {
	var out []string
	for _, p := range a.Pages {
		for _, loc := range name.FindAllStringIndex(p.Text, -1) {
			// The title follows a dash or a colon: "Exhibit 3 – Title".
			rest := p.Text[loc[1]:]
			lt := strings.TrimLeft(rest, " ")
			var t string
			switch {
			case strings.HasPrefix(lt, "–"):
				t = lt[len("–"):]
			case strings.HasPrefix(lt, "-"), strings.HasPrefix(lt, "—"), strings.HasPrefix(rest, ":"):
				t = strings.TrimLeft(lt, "-:—")
			default:
				continue
			}
			if e := strings.IndexAny(t, ";\n"); e >= 0 {
				t = t[:e]
			}
			out = append(out, strings.TrimSpace(t))
		}
	}
	return strings.Join(out, ". ")
}

// imagesWarning is the reader's warning about the part.
func imagesWarning(a *extract.Agreement, ip extract.ImagePart) string {
	for _, w := range a.Warnings {
		if strings.HasPrefix(w, ip.Place+" ") && strings.Contains(w, extract.UnreadImagesWarning) {
			return w
		}
	}
	return ip.Place + " holds images not read"
}

func anyFound(m *matcher, classes []string) bool {
	for _, c := range classes {
		if len(m.find(c)) > 0 {
			return true
		}
	}
	return false
}
