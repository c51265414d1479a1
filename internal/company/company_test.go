package company

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

func TestKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"AWS", "Amazon Web Services, Inc.", true},
		{"Amazon Web Services EMEA SARL", "amazon web services", true},
		{"GCP", "Google Cloud Platform", true},
		{"Google Cloud", "GCP", true},
		{"Slack", "Slack Technologies Limited", true},
		{"Slack Technologies, LLC", "SLACK", true},
		{"Stripe, Inc.", "Stripe Payments Europe, Limited", false},
		{"Acme Holdings PBC", "ACME", true},
		{"Johnson & Johnson", "Johnson and Johnson Corp.", true},
		{"Ernst & Young LLP", "Ernst and Young", true},
		{"Example B.V.", "Example BV", true},
		{"Example S.A.", "Example SA", true},
		{"Example L.L.C.", "Example", true},
		{"Müller GmbH & Co. KG", "müller", true},
		{"Vodafone Group Plc", "Vodafone Group", true},
		{"The Rocket Science Group LLC", "Rocket Science Group", true},
		{"Paddle.com Market Limited", "Paddle.com Market Ltd", true},
		{"Paddle.com Market Limited", "Paddle", false},
		{"Help Scout PBC", "Help Scout", true},
		{"Microsoft Corporation", "Microsoft Corp.", true},
		{"Microsoft Corporation", "Microsoft Azure", false},
		{"Okta, Inc.", "Auth0", false},
		// A legal form or generic word alone is still a name.
		{"Limited", "Limited", true},
		{"Technologies Ltd", "Technologies", true},
	}
	for _, tc := range tests {
		ka, kb := Key(tc.a), Key(tc.b)
		if (ka == kb) != tc.same || ka == "" {
			t.Errorf("Key(%q) = %q, Key(%q) = %q; same: want %v", tc.a, ka, tc.b, kb, tc.same)
		}
	}
	if k := Key(" ,. "); k != "" {
		t.Errorf("Key of punctuation = %q, want empty", k)
	}
}

func TestAliasesLoad(t *testing.T) {
	al, err := loadAliases()
	if err != nil {
		t.Fatal(err)
	}
	if al["aws"] != "amazon web services" || al["gcp"] != "google cloud platform" {
		t.Errorf("aliases: aws → %q, gcp → %q", al["aws"], al["gcp"])
	}
}

func TestGroupNames(t *testing.T) {
	got := GroupNames([]string{"AWS", "Slack", "Amazon Web Services, Inc.", "aws", "Slack Technologies Limited", "  Stripe ", "Stripe", ""})
	want := []Group{
		{Key: "amazon web services", Name: "Amazon Web Services, Inc.", Names: []string{"AWS", "Amazon Web Services, Inc.", "aws"}},
		{Key: "slack", Name: "Slack Technologies Limited", Names: []string{"Slack", "Slack Technologies Limited"}},
		{Key: "stripe", Name: "Stripe", Names: []string{"Stripe"}},
	}
	if !cmp.Equal(got, want) {
		t.Errorf("GroupNames:\n%s", cmp.Diff(want, got))
	}
	if got := Fullest([]string{"Acme Ltd", "Acme Ltd.", "ACME LTD"}); got != "Acme Ltd." {
		t.Errorf("Fullest = %q", got)
	}
	if got := Fullest([]string{"ACME INC", "Acme Inc"}); got != "ACME INC" {
		t.Errorf("Fullest on a tie = %q, want the first in byte order", got)
	}
}

// FuzzKey: any name folds without panic into lower-case words of letters
// and digits separated by single spaces, unchanged by case or by white
// space around it.
func FuzzKey(f *testing.F) {
	f.Add("Amazon Web Services, Inc.")
	f.Add("Müller GmbH & Co. KG")
	f.Add("the the")
	f.Add("İstanbul A.Ş.")
	f.Fuzz(func(t *testing.T, name string) {
		k := Key(name)
		if k != strings.Join(strings.Fields(k), " ") {
			t.Fatalf("Key(%q) = %q: not single-spaced", name, k)
		}
		for _, r := range k {
			if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				t.Fatalf("Key(%q) = %q holds %q", name, k, r)
			}
		}
		if k2 := Key("  " + name + "\t"); k2 != k {
			t.Fatalf("Key(%q) = %q, with white space around %q", name, k, k2)
		}
		if k3 := Key(strings.ToLower(name)); k3 != k {
			t.Fatalf("Key(%q) = %q, lower case %q", name, k, k3)
		}
	})
}
