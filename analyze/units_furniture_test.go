package analyze

import "testing"

// TestDropFurnitureBars: the bars of a one-cell table are read by the one
// test of table bars (isTableBars), its rule drawn with hyphens, colons or
// dashes alike; a table of several cells is left alone.
func TestDropFurnitureBars(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"| ------ |\n| The Supplier shall encrypt backups. |", "The Supplier shall encrypt backups."},
		{"|\nThe Supplier shall log access.\n|", "The Supplier shall log access."},
		{"| :----: |\nThe Supplier shall keep logs.", "The Supplier shall keep logs."},
		{"| –––– |\nThe Supplier shall keep logs.", "The Supplier shall keep logs."},
		{"| Term | Value |\n| --- | --- |", "| Term | Value |\n| --- | --- |"},
	} {
		if got := dropFurniture(c.in); got != c.want {
			t.Errorf("dropFurniture(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
