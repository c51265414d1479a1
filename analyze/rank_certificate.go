package analyze

import (
	"slices"
	"strings"
)

// certifiesOnly says the sentence's deleting is only the certificate of a
// deletion ("Upon Your request, we shall certify deletion", "a
// certificate of destruction"): the duty to delete or return the data,
// stated beside it ("shall ... delete Personal Data within 30 days"), is
// the clause a lawyer cites, and the certificate only attests it: rank
// weighs it as a demoted sentence.
func (f *Frame) certifiesOnly(actions []string) bool {
	if !slices.Contains(actions, "delete") || f.anyIn([]string{"return-data"}, 0, len(f.toks)) {
		return false
	}
	spans := f.m.find("delete")
	if len(spans) == 0 {
		return false
	}
	for _, s := range spans {
		certified := false
		for i := s.from; i < s.to && i < len(f.toks); i++ {
			if strings.HasPrefix(strings.ToLower(f.toks[i].w), "certif") {
				certified = true
				break
			}
		}
		if !certified {
			return false
		}
	}
	return true
}
