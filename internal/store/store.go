// Package store keeps a reviewer's work in a database: the analyses run
// (vendor, time, the documents' hashes, the one-line summary) and the
// decisions taken on findings (accepted, overridden, waived). The CLI
// (ssrm decide, analyze --db, batch --db) and ssrm serve use it alike.
//
// Two backends share one schema and one set of versioned migrations: an
// embedded SQLite file (pure Go, modernc.org/sqlite, nothing to install) and
// PostgreSQL through pgx when a team shares one. Reports and uploaded
// documents stay files; only these rows live in the database.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Decision statuses.
const (
	// Accepted: the reviewer accepts the risk of the finding as it is.
	Accepted = "accepted"
	// Overridden: the reviewer's status (As) replaces ssrm's.
	Overridden = "overridden"
	// Waived: the shortfall is accepted until a date (Until).
	Waived = "waived"
)

// DateLayout is the layout of Decision.Until (a calendar day, YYYY-MM-DD).
const DateLayout = "2006-01-02"

// ErrInvalid marks a decision or analysis that cannot be stored as given
// (a missing field, an unknown status, a bad date); the message names the
// field.
var ErrInvalid = errors.New("invalid")

// Decision is a reviewer's call on one finding of one vendor.
type Decision struct {
	ID     int64
	Vendor string
	Rule   string
	// Status is Accepted, Overridden or Waived.
	Status string
	// As is the status that replaces ssrm's for an override (met, weak,
	// by-reference, missing); empty otherwise. A contradiction is a fact of the
	// documents, not a status to set: accept it instead.
	As       string
	Reviewer string
	Reason   string
	// Until is the last day a waiver applies, YYYY-MM-DD; required for
	// Waived, optional for Accepted, empty for Overridden.
	Until string
	// Created is when the decision was stored (UTC, set by AddDecision).
	Created time.Time
	// EvidenceHash is the hex SHA-256 of the finding's evidence text the
	// decision was made on (analyze.EvidenceHash).
	EvidenceHash string
}

// Document is one file of an analysis: its path relative to what was
// given, its kind (questionnaire, agreement) and its content's SHA-256.
type Document struct {
	Path   string
	Kind   string
	SHA256 string
}

// Finding is one rule's outcome in an analysis: ssrm's own status (before
// any decision) and the hash of its evidence text (analyze.EvidenceHash),
// which a decision made later records.
type Finding struct {
	Rule         string
	Status       string
	EvidenceHash string
}

// Analysis is one run of ssrm on one vendor's documents.
type Analysis struct {
	ID      int64
	Vendor  string
	Created time.Time
	// Summary is the result's one-line summary (analyze.Result.Line).
	Summary   string
	Score     int
	Verdict   string
	Documents []Document
	// Findings are stored by AddAnalysis but only read by Findings.
	Findings []Finding
}

// Store is what the CLI and serve need of a database. Vendors are matched
// without regard to case. Every method returns the database's error, or an
// error wrapping ErrInvalid for a row that cannot be stored.
type Store interface {
	// AddDecision validates d, stores it and returns it with its ID and
	// Created time set.
	AddDecision(ctx context.Context, d Decision) (Decision, error)
	// Decisions lists every decision for the vendor, newest first (its
	// history); an empty vendor lists all vendors'.
	Decisions(ctx context.Context, vendor string) ([]Decision, error)
	// AddAnalysis stores a run and its documents, returning its ID.
	AddAnalysis(ctx context.Context, a Analysis) (int64, error)
	// Analyses lists the vendor's runs, newest first, with their documents
	// (not their findings).
	Analyses(ctx context.Context, vendor string) ([]Analysis, error)
	// Findings lists an analysis' findings by rule id.
	Findings(ctx context.Context, analysis int64) ([]Finding, error)
	// Backend names the database: "sqlite" or "postgres".
	Backend() string
	Close() error
}

// Latest keeps, of ds (newest first, as Decisions returns them), the newest
// decision for each rule: the one in force.
func Latest(ds []Decision) []Decision {
	seen := map[string]bool{}
	var out []Decision
	for _, d := range ds {
		if seen[d.Rule] {
			continue
		}
		seen[d.Rule] = true
		out = append(out, d)
	}
	return out
}

// overridable are the statuses an override may set.
var overridable = []string{"met", "weak", "by-reference", "missing"}

// Validate checks a decision before it is stored: vendor, rule and reason
// given; status one of accepted, overridden, waived; As given (and a
// finding status) exactly for an override; Until a date, required for a
// waiver. Errors wrap ErrInvalid and name the field.
func (d Decision) Validate() error {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, a...))
	}
	if strings.TrimSpace(d.Vendor) == "" {
		return bad("vendor: missing")
	}
	if strings.TrimSpace(d.Rule) == "" {
		return bad("rule: missing")
	}
	switch d.Status {
	case Accepted, Waived:
		if d.As != "" {
			return bad("as: only an overridden decision takes a status to replace ssrm's (got --as %q with %s)", d.As, d.Status)
		}
	case Overridden:
		if d.As == "" {
			return bad("as: an overridden decision needs the status that replaces ssrm's: one of %s", strings.Join(overridable, ", "))
		}
		ok := false
		for _, s := range overridable {
			ok = ok || d.As == s
		}
		if !ok {
			return bad("as: want one of %s, got %q", strings.Join(overridable, ", "), d.As)
		}
		if d.Until != "" {
			return bad("until: an override has no end date (waive the finding instead)")
		}
	case "":
		return bad("status: missing (accepted, overridden or waived)")
	default:
		return bad("status: want accepted, overridden or waived, got %q", d.Status)
	}
	if strings.TrimSpace(d.Reason) == "" {
		return bad("reason: missing (say why, for whoever reads the report next)")
	}
	if d.Until != "" {
		if _, err := time.Parse(DateLayout, d.Until); err != nil {
			return bad("until: want a date YYYY-MM-DD, got %q", d.Until)
		}
	} else if d.Status == Waived {
		return bad("until: a waiver needs the last day it applies, YYYY-MM-DD")
	}
	return nil
}

// CheckFresh refuses, for a new decision, an Until day that has already
// passed at now (the decision would never apply); the error wraps
// ErrInvalid.
func (d Decision) CheckFresh(now time.Time) error {
	if d.Until != "" && !now.Before(d.UntilTime()) {
		return fmt.Errorf("%w: until: %s has already passed: the decision would never apply", ErrInvalid, d.Until)
	}
	return nil
}

// UntilTime is the end of the Until day, in UTC (zero when none): a
// decision applies while now is before it.
func (d Decision) UntilTime() time.Time {
	t, err := time.Parse(DateLayout, d.Until)
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(0, 0, 1)
}
