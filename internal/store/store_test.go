package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
	"github.com/ssrm-dev/ssrm/internal/store/storetest"
)

// backend makes the DSN of a fresh, empty store.
type backend struct {
	name string
	dsn  func(t *testing.T) string
}

// backends are SQLite, and PostgreSQL when SSRM_TEST_POSTGRES names a
// server (storetest.PostgresDSN skips the case otherwise).
func backends() []backend {
	return []backend{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "ssrm.db") }},
		{"postgres", func(t *testing.T) string { return storetest.PostgresDSN(t) }},
	}
}

func openT(t *testing.T, dsn string) Store {
	t.Helper()
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const hashA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

func TestDecisionValidate(t *testing.T) {
	ok := Decision{Vendor: "Acme", Rule: "audit-rights", Status: Accepted, Reason: "annual SOC 2 suffices"}
	cases := []struct {
		name string
		edit func(*Decision)
		want string // "" when valid
	}{
		{"accepted", func(d *Decision) {}, ""},
		{"accepted until", func(d *Decision) { d.Until = "2027-03-31" }, ""},
		{"waived", func(d *Decision) { d.Status, d.Until = Waived, "2027-01-31" }, ""},
		{"overridden", func(d *Decision) { d.Status, d.As = Overridden, "missing" }, ""},
		{"no vendor", func(d *Decision) { d.Vendor = " " }, "vendor: missing"},
		{"no rule", func(d *Decision) { d.Rule = "" }, "rule: missing"},
		{"no status", func(d *Decision) { d.Status = "" }, "status: missing"},
		{"bad status", func(d *Decision) { d.Status = "ok" }, `status: want accepted, overridden or waived, got "ok"`},
		{"no reason", func(d *Decision) { d.Reason = "" }, "reason: missing"},
		{"override without as", func(d *Decision) { d.Status = Overridden }, "as: an overridden decision needs"},
		{"override bad as", func(d *Decision) { d.Status, d.As = Overridden, "fine" }, `as: want one of met, weak, by-reference, missing, got "fine"`},
		{"as without override", func(d *Decision) { d.As = "met" }, "as: only an overridden decision"},
		{"override with until", func(d *Decision) { d.Status, d.As, d.Until = Overridden, "met", "2027-01-01" }, "until: an override has no end date"},
		{"waiver without until", func(d *Decision) { d.Status = Waived }, "until: a waiver needs the last day"},
		{"bad date", func(d *Decision) { d.Status, d.Until = Waived, "31/01/2027" }, `until: want a date YYYY-MM-DD, got "31/01/2027"`},
		{"impossible date", func(d *Decision) { d.Status, d.Until = Waived, "2027-02-30" }, `until: want a date YYYY-MM-DD, got "2027-02-30"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := ok
			c.edit(&d)
			err := d.Validate()
			if c.want == "" {
				if err != nil {
					t.Fatalf("want valid, got %v", err)
				}
				return
			}
			if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("want an ErrInvalid saying %q, got %v", c.want, err)
			}
		})
	}
}

func TestUntilTime(t *testing.T) {
	d := Decision{Until: "2027-01-31"}
	if got, want := d.UntilTime(), time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("UntilTime = %v, want %v (the end of the last day)", got, want)
	}
	now := time.Date(2027, 1, 31, 23, 0, 0, 0, time.UTC)
	if err := d.CheckFresh(now); err != nil {
		t.Errorf("the last day itself: want fresh, got %v", err)
	}
	if err := d.CheckFresh(now.Add(time.Hour)); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "until: 2027-01-31 has already passed") {
		t.Errorf("the day after: want ErrInvalid saying it passed, got %v", err)
	}
	if !(Decision{}).UntilTime().IsZero() {
		t.Fatal("no Until: want the zero time")
	}
}

// TestDecisions stores decisions on each backend and reads them back:
// newest first, per vendor without regard to case, the newest per rule in
// force; a decision that is not valid is refused and nothing is stored.
func TestDecisions(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := openT(t, b.dsn(t))
			if s.Backend() != b.name {
				t.Fatalf("Backend() = %q, want %q", s.Backend(), b.name)
			}
			t0 := time.Date(2026, 12, 5, 10, 0, 0, 123456789, time.UTC)
			in := []Decision{
				{Vendor: "Acme Cloud", Rule: "audit-rights", Status: Accepted, Reason: "SOC 2 Type II suffices", Reviewer: "ana", EvidenceHash: hashA, Created: t0},
				{Vendor: "Other", Rule: "audit-rights", Status: Waived, Until: "2027-01-31", Reason: "renewal in January", Created: t0.Add(time.Minute)},
				{Vendor: "acme cloud", Rule: "breach-notification", Status: Overridden, As: "missing", Reason: "the 72 h applies to the DPA only", Created: t0.Add(2 * time.Minute)},
				{Vendor: "ACME CLOUD", Rule: "audit-rights", Status: Overridden, As: "weak", Reason: "audits once a year at our cost", Created: t0.Add(3 * time.Minute)},
			}
			var ids []int64
			for _, d := range in {
				got, err := s.AddDecision(ctx, d)
				if err != nil {
					t.Fatal(err)
				}
				if got.ID == 0 || !got.Created.Equal(d.Created) {
					t.Fatalf("AddDecision returned ID %d, Created %v; want an ID and %v", got.ID, got.Created, d.Created)
				}
				ids = append(ids, got.ID)
			}
			if _, err := s.AddDecision(ctx, Decision{Vendor: "Acme Cloud", Rule: "x", Status: Waived, Reason: "r"}); !errors.Is(err, ErrInvalid) {
				t.Fatalf("a waiver without a date: want ErrInvalid, got %v", err)
			}
			got, err := s.Decisions(ctx, "Acme cloud")
			if err != nil {
				t.Fatal(err)
			}
			want := []Decision{in[3], in[2], in[0]}
			want[0].ID, want[1].ID, want[2].ID = ids[3], ids[2], ids[0]
			if len(got) != len(want) {
				t.Fatalf("Decisions: %d rows, want %d: %+v", len(got), len(want), got)
			}
			for i := range want {
				if !got[i].Created.Equal(want[i].Created) {
					t.Errorf("row %d: created %v, want %v", i, got[i].Created, want[i].Created)
				}
				got[i].Created, want[i].Created = time.Time{}, time.Time{}
				if got[i] != want[i] {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
				}
			}
			latest := Latest(got)
			if len(latest) != 2 || latest[0].Rule != "audit-rights" || latest[0].As != "weak" || latest[1].Rule != "breach-notification" {
				t.Fatalf("Latest: %+v", latest)
			}
			all, err := s.Decisions(ctx, "")
			if err != nil || len(all) != 4 {
				t.Fatalf("all vendors: %d rows, %v; want 4", len(all), err)
			}
		})
	}
}

// TestAnalyses stores runs with their documents and reads them back.
func TestAnalyses(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := openT(t, b.dsn(t))
			t0 := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
			docs := []Document{{Path: "acme/dpa.pdf", Kind: "agreement", SHA256: hashA}, {Path: "acme/caiq.xlsx", Kind: "questionnaire", SHA256: strings.Repeat("b", 64)}}
			finds := []Finding{{Rule: "breach-notification", Status: "weak", EvidenceHash: hashA}, {Rule: "audit-rights", Status: "missing", EvidenceHash: hashA}}
			id1, err := s.AddAnalysis(ctx, Analysis{Vendor: "Acme", Created: t0, Summary: "21 rules: 3 met", Score: 40, Verdict: "fail", Documents: docs, Findings: finds})
			if err != nil {
				t.Fatal(err)
			}
			id2, err := s.AddAnalysis(ctx, Analysis{Vendor: "acme", Created: t0.Add(time.Hour), Summary: "21 rules: 9 met", Score: 70, Verdict: "review"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.AddAnalysis(ctx, Analysis{Vendor: "Acme", Documents: []Document{{Path: "x.pdf", SHA256: "short"}}}); !errors.Is(err, ErrInvalid) {
				t.Fatalf("a bad hash: want ErrInvalid, got %v", err)
			}
			got, err := s.Analyses(ctx, "ACME")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].ID != id2 || got[1].ID != id1 {
				t.Fatalf("Analyses: want ids %d, %d newest first, got %+v", id2, id1, got)
			}
			if got[0].Score != 70 || got[0].Verdict != "review" || got[0].Summary != "21 rules: 9 met" || len(got[0].Documents) != 0 || !got[0].Created.Equal(t0.Add(time.Hour)) {
				t.Errorf("newest: %+v", got[0])
			}
			if len(got[1].Documents) != 2 || got[1].Documents[0] != docs[0] || got[1].Documents[1] != docs[1] {
				t.Errorf("documents: got %+v, want %+v", got[1].Documents, docs)
			}
			fs, err := s.Findings(ctx, id1)
			if err != nil || len(fs) != 2 || fs[0] != finds[1] || fs[1] != finds[0] {
				t.Errorf("findings by rule: got %+v (%v), want %+v", fs, err, []Finding{finds[1], finds[0]})
			}
		})
	}
}

// TestReopen: what was stored is there after the store is closed and
// opened again, and the migrations are not applied twice.
func TestReopen(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := b.dsn(t)
			s, err := Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			d, err := s.AddDecision(ctx, Decision{Vendor: "Acme", Rule: "log-access", Status: Waived, Until: "2027-06-30", Reason: "SIEM export in Q2", EvidenceHash: hashA})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			s = openT(t, dsn)
			got, err := s.Decisions(ctx, "acme")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].ID != d.ID || got[0].Until != "2027-06-30" || got[0].EvidenceHash != hashA {
				t.Fatalf("after reopening: %+v, want %+v", got, d)
			}
			var n int
			if err := s.(*sqlStore).db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(migrations) {
				t.Fatalf("schema_migrations: %d rows (%v), want %d", n, err, len(migrations))
			}
		})
	}
}

// TestNewerSchema: a database migrated by a newer ssrm is refused with a
// message, not written to.
func TestNewerSchema(t *testing.T) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) {
			dsn := b.dsn(t)
			s := openT(t, dsn)
			db := s.(*sqlStore).db
			if _, err := db.Exec(s.(*sqlStore).q(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, 'from the future', '')`), SchemaVersion()+1); err != nil {
				t.Fatal(err)
			}
			_, err := Open(context.Background(), dsn)
			if !errors.Is(err, errNewer) || !strings.Contains(err.Error(), "schema version 2") {
				t.Fatalf("want %v naming the version, got %v", errNewer, err)
			}
		})
	}
}

func TestOpenSQLiteForms(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openT(t, dir) // a folder: ssrm.db inside it
	s.Close()
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Fatalf("a folder as the DSN: want %s inside it: %v", FileName, err)
	}
	nested := filepath.Join(dir, "a", "b", "x.db")
	openT(t, "sqlite:"+nested).Close()
	if _, err := os.Stat(nested); err != nil {
		t.Fatalf("sqlite:PATH: want the file and its folders created: %v", err)
	}
	m := openT(t, ":memory:")
	if _, err := m.AddDecision(ctx, Decision{Vendor: "v", Rule: "r", Status: Accepted, Reason: "x"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, ""); !errors.Is(err, ErrInvalid) {
		t.Fatalf("empty DSN: want ErrInvalid, got %v", err)
	}
	if _, err := Open(ctx, filepath.Join(dir, "what?.db")); !errors.Is(err, ErrInvalid) {
		t.Fatalf("a ? in the file name: want ErrInvalid, got %v", err)
	}
	notDB := filepath.Join(dir, "text.db")
	os.WriteFile(notDB, []byte("this is not a database, just some text that is long enough to be read as a header"), 0o600)
	if _, err := Open(ctx, notDB); err == nil || !strings.Contains(err.Error(), notDB) {
		t.Fatalf("a file that is not a database: want an error naming it, got %v", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://ssrm:s3cret@db.example:5432/ssrm": "postgres://ssrm:xxxxx@db.example:5432/ssrm",
		"postgres://ssrm@db.example/ssrm":             "postgres://ssrm@db.example/ssrm",
		"postgresql://db.example/ssrm":                "postgresql://db.example/ssrm",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestApplyFolderName: decisions stored under a vendor folder's name apply
// to the vendor its documents name when none is stored under that name;
// one stored under the documents' name wins; another vendor's never apply.
func TestApplyFolderName(t *testing.T) {
	ctx := context.Background()
	s := openT(t, filepath.Join(t.TempDir(), "ssrm.db"))
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	for _, d := range []Decision{
		{Vendor: "harbor", Rule: "audit-rights", Status: Accepted, Reason: "a yearly audit suffices"},
		{Vendor: "Quillon Data Ltd.", Rule: "breach-notification", Status: Accepted, Reason: "48 hours is enough"},
	} {
		if _, err := s.AddDecision(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		vendor, folder, rule string
		applied              bool
	}{
		{"Harbor Tide Analytics", "harbor", "audit-rights", true},
		{"Harbor Tide Analytics", "", "audit-rights", false},
		{"Quillon Data Ltd.", "harbor", "audit-rights", false},
		{"Quillon Data Ltd.", "harbor", "breach-notification", true},
		{"Other Co", "elsewhere", "audit-rights", false},
	} {
		res := &analyze.Result{Vendor: tc.vendor, Findings: []analyze.Finding{{Rule: tc.rule, Status: analyze.StatusWeak}}}
		if err := Apply(ctx, s, res, now, tc.folder); err != nil {
			t.Fatal(err)
		}
		if got := res.Findings[0].Decision != nil; got != tc.applied {
			t.Errorf("%s in folder %q, %s: decision applied %v, want %v", tc.vendor, tc.folder, tc.rule, got, tc.applied)
		}
	}
}
