package extract

import "strings"

// Restarted lists: a numbered section whose lead-in ends with a colon
// opens a list numbered again from 1 in the same style as the sections
// ("2. Lawful bases", "We process personal data on these bases:", "1.
// Contract: ...", "2. Legal duty: ..."), as word processors and PDF
// renderers of privacy terms and DPAs print it. Without indentation the
// splitter would refuse "1." (a style already open cannot nest) and read
// "2." as the next section, so every later section shifted by one. The
// items are the section's sub-clauses (2.1, 2.2, as a Markdown list under
// a numbered heading); a number that does not continue the list closes it
// and goes on the sections' own numbering.

// restartMark marks the key of a restarted list: its items continue only
// each other, never the sections of the same style.
const restartMark = "~restart"

// restartList reports whether marker m ("1.") opens a restarted list
// under the innermost open clause (stack index e-1): m is a plain number
// 1, a numbered clause of its style is open in the region, the innermost
// clause is numbered, and the last non-blank line before m ends with a
// colon inside that clause or is the clause's title line (a short title
// with no closing punctuation).
func (s *splitter) restartList(m marker, e int) bool {
	if m.kind != kNum || len(m.path) > 1 || m.ord != 1 || m.strong || m.mdLevel > 0 || e == 0 {
		return false
	}
	top := s.stack[e-1]
	if top.kind != kNum || top.unnum || strings.HasSuffix(top.key, restartMark) {
		return false
	}
	key := s.keyOf(m, kNum)
	open := false
	for j := e - 1; j >= 0; j-- {
		if s.stack[j].key == key {
			open = true
			break
		}
	}
	if !open {
		return false
	}
	start := s.starts[top.clause]
	for i := s.line - 1; i >= start; i-- {
		t := strings.TrimSpace(s.lines[i].disp)
		if t == "" {
			continue
		}
		if i == start {
			// Right under the section's title ("8. Cooperation by the
			// Supplier", then "1. The Supplier shall ..."): the list is
			// the section's body, when its first item is no title itself.
			if titleOnly(m.rest) || sectionHead(m) || s.lines[s.line].typeLevel > 0 {
				return false
			}
			h, ok := s.markerAt(i)
			return strings.HasSuffix(t, ":") || ok && (titleOnly(h.rest) || (s.clauses[top.clause].Heading != "" || s.lines[i].typeLevel > 0) && longTitle(h.rest))
		}
		return strings.HasSuffix(t, ":")
	}
	return false
}

// restartSibling reports whether marker m continues the restarted list o
// (stack index j) rather than the sections of its style: it is o's next
// number, and it is not also the next section (a heading, or a short
// title with no closing punctuation, where the section below the list
// expects that number; "2. Log access." is an item, "3. Rights" a
// section).
func (s *splitter) restartSibling(m marker, o openClause, j int) bool {
	if m.ord != o.ord+1 {
		return false
	}
	base := strings.TrimSuffix(o.key, restartMark)
	for i := j - 1; i >= 0; i-- {
		if sec := s.stack[i]; sec.key == base {
			if successor(sec, m.ord, m.strong) && (sectionHead(m) || titleOnly(m.rest) || s.lines[s.line].typeLevel > 0 && longTitle(m.rest)) {
				return false
			}
			break
		}
	}
	return true
}

// longTitle: rest is a title of up to maxTitleWords words with no
// closing punctuation ("Cooperation by the Supplier and Liability of the
// Supplier"), read as a heading (the clause's Heading) when too long for
// titleOnly.
const maxTitleWords = 14

func longTitle(rest string) bool {
	r := strings.TrimSpace(rest)
	return r != "" && startsUpper(r) && !strings.ContainsAny(r[len(r)-1:], ".;:,") && len(strings.Fields(r)) <= maxTitleWords
}

// titleOnly reports whether rest is a short title with no closing
// punctuation ("Rights", not "Log access." nor "Contract: to deliver").
func titleOnly(rest string) bool {
	r := strings.TrimSpace(rest)
	return r != "" && !strings.ContainsAny(r[len(r)-1:], ".;:,") && !strings.Contains(r, ": ") && shortTitle(r)
}
