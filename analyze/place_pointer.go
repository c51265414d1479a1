package analyze

// linkPlacePointer gives a sentence that points back to places ("these
// locations", "such countries") the places its clause's sentence before
// names: "Our engineers work from Canada and Ireland. Client Data may be
// accessed from these locations." states where the data is reached from.
// Only the place classes are carried, and only where the sentence names no
// place of its own.
func linkPlacePointer(units []*unit, i int) {
	if i == 0 || units[i-1].section != units[i].section || units[i-1].file != units[i].file {
		return
	}
	f, before := units[i].frame, units[i-1].frame
	if len(f.m.find("place-pointer")) == 0 || len(f.m.find("place")) > 0 || len(before.m.find("place")) == 0 {
		return
	}
	if f.prev == nil {
		f.prev = map[string]bool{}
	}
	f.prev["place"] = true
	if len(before.m.find("country")) > 0 {
		f.prev["country"] = true
	}
}
