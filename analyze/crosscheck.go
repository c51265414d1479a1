package analyze

import (
	"fmt"
)

// questionnaireOnly sets the finding of a rule that reads the
// questionnaire alone, or of any rule when no agreement was given (the
// answer is then shown for information: a questionnaire binds no one).
func questionnaireOnly(r *Rule, f *Finding, in Inputs, promise, denial *promise) {
	switch {
	case promise != nil:
		f.Promise = promise.ev
	case denial != nil:
		f.Promise = denial.ev
	}
	if r.AppliesTo == "questionnaire" {
		switch {
		case in.Questionnaire == nil:
			f.Status, f.Explanation = StatusNotAssessed, "no questionnaire was given"
		case promise.binding():
			f.Status, f.Explanation = StatusMet, "the questionnaire "+promise.what()
			f.Evidence = append(f.Evidence, *promise.ev)
		case promise != nil && promise.kind == answerReference:
			f.Status, f.Explanation = StatusByReference, "the questionnaire "+promise.what()
			f.Evidence = append(f.Evidence, *promise.ev)
		case promise != nil:
			f.Status, f.Explanation = StatusWeak, "the questionnaire "+promise.what()
			f.Evidence = append(f.Evidence, *promise.ev)
		case denial != nil:
			f.Status, f.Explanation = StatusMissing, "the questionnaire "+denial.what()
			f.Evidence = append(f.Evidence, *denial.ev)
		default:
			f.Status, f.Explanation = StatusMissing, "no questionnaire answer promises this term"
		}
		return
	}
	f.Status, f.Explanation = StatusNotAssessed, "no agreement was given"
	switch {
	case promise != nil:
		f.Explanation += "; the questionnaire " + promise.what() + ", which binds no one"
		f.Evidence = append(f.Evidence, *promise.ev)
	case denial != nil:
		f.Explanation += "; the questionnaire " + denial.what()
		f.Evidence = append(f.Evidence, *denial.ev)
	}
}

// crossCheck holds the agreement to what the questionnaire answers. A
// deadline promise against a weaker or absent deadline, an advance-notice
// promise against a shorter or absent period, or a yes against wording
// that excludes the term, is a contradiction quoting both sides; a yes or
// a pointer against silence is noted on the missing finding; a no against
// an agreement that binds the term is an inconsistency, listed with the
// contradictions.
func crossCheck(r *Rule, f *Finding, promise, denial *promise, negatedEv []Evidence) *Finding {
	switch {
	case promise != nil:
		f.Promise = promise.ev
	case denial != nil:
		f.Promise = denial.ev
	default:
		return nil
	}
	present := f.Status == StatusMet || f.Status == StatusWeak || f.Status == StatusByReference
	var why, ask string
	switch {
	case promise == nil:
		// A no against a term the agreement binds.
		if f.Status != StatusMet && f.Status != StatusWeak {
			f.Explanation += "; the questionnaire " + denial.what()
			return nil
		}
		sec := ""
		if len(f.Evidence) > 0 && f.Evidence[0].Section != "" {
			sec = " in section " + f.Evidence[0].Section
		}
		c := *f
		c.Status = StatusContradicted
		c.Explanation = "inconsistent: the questionnaire " + denial.what() + " but the agreement binds this term" + sec
		c.Evidence = append([]Evidence{*denial.ev}, f.Evidence...)
		c.Recommendation = "Ask the vendor which is right: its questionnaire answer " + denial.item.ID + " denies the term, the agreement binds it" + sec + ". Keep the agreement's wording."
		return &c
	case !promise.binding():
		if f.Status == StatusMissing || f.Status == StatusByReference {
			f.Explanation += "; the questionnaire " + promise.what()
		}
		return nil
	case r.Deadline && promise.deadline.Hours != nil && (f.Deadline == nil || f.Deadline.Hours == nil || *f.Deadline.Hours > *promise.deadline.Hours):
		agreed := "nothing"
		switch {
		case f.Deadline != nil && f.Deadline.Text != "":
			agreed = `"` + f.Deadline.Text + `"`
		case f.Status != StatusMissing:
			agreed = "no deadline"
		}
		why = fmt.Sprintf("the questionnaire promises notice %q (%s, %s) but the agreement says %s", promise.deadline.Text, fmtHours(*promise.deadline.Hours), promise.item.ID, agreed)
	case promise.advance != nil:
		var agreed *float64
		agreedText := ""
		if present && len(f.Evidence) > 0 {
			agreed, agreedText = noticePeriod(f.Evidence[0].Text)
		}
		if agreed != nil && *agreed >= *promise.advance {
			return nil
		}
		said := "nothing"
		switch {
		case agreed != nil:
			said = fmt.Sprintf("%q (%s)", agreedText, formatHours(*agreed))
		case present:
			said = "no notice period"
		}
		why = fmt.Sprintf("the questionnaire promises %q (%s, %s) but the agreement says %s", promise.advanceText, formatHours(*promise.advance), promise.item.ID, said)
	case f.Status == StatusMissing && len(negatedEv) > 0:
		why = "the questionnaire " + promise.what() + " but the agreement excludes the term"
	case f.Status == StatusMissing || f.Status == StatusByReference:
		f.Explanation += "; the questionnaire " + promise.what()
	}
	if why == "" {
		return nil
	}
	if ask == "" {
		ask = "Bind in the agreement what the questionnaire answer " + promise.item.ID + " promises. " + r.Recommendation
	}
	c := *f
	c.Status = StatusContradicted
	c.Explanation = why
	c.Evidence = append([]Evidence{*promise.ev}, f.Evidence...)
	c.Recommendation = ask
	return &c
}
