package analyze

import (
	"strings"
	"time"
)

// applyWaivers marks the shortfalls a waiver accepts for this vendor, and
// lists the waivers that would have applied but have expired.
func applyWaivers(res *Result, waivers []Waiver, now time.Time) {
	for _, fs := range [][]Finding{res.Findings, res.Contradictions} {
		for i := range fs {
			f := &fs[i]
			if f.Status == StatusMet || f.Status == StatusNotAssessed || f.Status == StatusNotCovered {
				continue
			}
			for _, w := range waivers {
				if w.Rule != f.Rule || (w.Vendor != "*" && !strings.EqualFold(w.Vendor, res.Vendor)) {
					continue
				}
				if !now.Before(w.until) {
					if !containsWaiver(res.ExpiredWaivers, w) {
						res.ExpiredWaivers = append(res.ExpiredWaivers, w)
					}
					continue
				}
				w := w
				f.Waiver = &w
				break
			}
		}
	}
}

func containsWaiver(ws []Waiver, w Waiver) bool {
	for _, x := range ws {
		if x.Rule == w.Rule && x.Vendor == w.Vendor && x.Expires == w.Expires && x.File == w.File {
			return true
		}
	}
	return false
}
