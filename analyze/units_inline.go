package analyze

import (
	"strings"

	"github.com/ssrm-dev/ssrm/internal/lazyre"
)

// inlineContinues says an inline enumeration goes on with the sentence
// of its head: "Provider shall give Customer reasonable assistance (i)
// in the event of an inquiry by a supervisory authority, (ii) ...". The
// first item stands on the head's own line, the head's words end in no
// sentence mark, and the item opens in lower case after its marker: the
// head is the start of each item's sentence, its actor and verb.
func inlineContinues(before, head, item string) bool {
	line := before[strings.LastIndexByte(before, '\n')+1:]
	if strings.TrimSpace(line) == "" || strings.HasSuffix(strings.TrimSpace(line), ":") {
		return false
	}
	h := strings.TrimSpace(head)
	if h == "" || strings.ContainsAny(h[len(h)-1:], ".;!?") {
		return false
	}
	item = strings.TrimSpace(reMarker.ReplaceAllString(strings.TrimSpace(item), ""))
	return item != "" && reItemGoesOn.MatchString(item) && !reItemOwnVerb.MatchString(item)
}

var (
	// reItemGoesOn: an item that opens with the occasion or the aim of
	// the head's act ("in the event of", "in case of", "to conduct",
	// "with", "for") completes the head's sentence.
	reItemGoesOn = lazyre.New(`^(in the event (of|that)|in case( of)?|in (connection|relation) with|with (regard|respect) to|to|for|with|where|when|if)\b`)
	// reItemOwnVerb: an item with its own modal early on is a sentence
	// of its own, not the rest of the head's.
	reItemOwnVerb = lazyre.New(`(?i)^(\S+\s+){0,5}(shall|will|must|may)\b`)
)
