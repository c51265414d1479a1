package analyze

// Signs of the clause a lawyer would cite, used by Rule.rank.

// headingOnly says a unit's text is its clause's heading and nothing
// more, as where a numbered heading stands on a line of its own.
func headingOnly(u *unit) bool {
	if u.heading == "" {
		return false
	}
	return squash(u.text) == squash(u.heading)
}
