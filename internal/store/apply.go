package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ssrm-dev/ssrm/analyze"
)

// ForAnalysis converts decisions (newest first) to what a finding carries.
func ForAnalysis(ds []Decision) []analyze.Decision {
	out := make([]analyze.Decision, 0, len(ds))
	for _, d := range ds {
		out = append(out, analyze.Decision{ID: d.ID, Rule: d.Rule, Status: d.Status, As: d.As, Reviewer: d.Reviewer,
			Reason: d.Reason, Until: d.Until, Created: d.Created, EvidenceHash: d.EvidenceHash})
	}
	return out
}

// Apply puts the decisions in force for res's vendor on its findings
// (analyze.ApplyDecisions) as of now. Where none is stored under the
// vendor's name, those stored under the first of also that has any are
// applied: the folder a vendor's documents came in, under whose name a
// batch stored decisions before the documents' own name came first.
func Apply(ctx context.Context, s Store, res *analyze.Result, now time.Time, also ...string) error {
	ds, err := s.Decisions(ctx, res.Vendor)
	if err != nil {
		return err
	}
	for _, name := range also {
		if len(ds) > 0 {
			break
		}
		if name == "" || strings.EqualFold(name, res.Vendor) {
			continue
		}
		if ds, err = s.Decisions(ctx, name); err != nil {
			return err
		}
	}
	analyze.ApplyDecisions(res, ForAnalysis(Latest(ds)), now)
	return nil
}

// Record stores res as an analysis of its vendor, with its documents
// (paths as given, hashes filled in by the caller) and each finding's
// evidence hash and ssrm's own status (before any override). It returns
// the analysis' ID.
func Record(ctx context.Context, s Store, res *analyze.Result, docs []Document, now time.Time) (int64, error) {
	a := Analysis{Vendor: res.Vendor, Created: now, Summary: res.Line(), Score: res.Score, Verdict: res.Verdict, Documents: docs}
	for i := range res.Findings {
		f := &res.Findings[i]
		status := f.Status
		if f.Decision != nil && f.Decision.SSRMStatus != "" {
			status = f.Decision.SSRMStatus
		}
		a.Findings = append(a.Findings, Finding{Rule: f.Rule, Status: status, EvidenceHash: analyze.EvidenceHash(f)})
	}
	return s.AddAnalysis(ctx, a)
}

// FileSHA256 is the hex SHA-256 of a file's content.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
