package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	_ "modernc.org/sqlite"             // the "sqlite" database/sql driver, pure Go
)

// FileName is the SQLite file a data folder holds.
const FileName = "ssrm.db"

// Open opens (creating and migrating as needed) the store a DSN names:
//
//   - postgres://… or postgresql://…: a PostgreSQL database, through pgx;
//   - sqlite:PATH, or a plain PATH: an SQLite file, created when absent;
//     when PATH is an existing folder, the file ssrm.db inside it;
//   - :memory:: an SQLite database that lives as long as the Store.
//
// It returns an error naming the DSN's file or host when the database
// cannot be opened, or when it was migrated by a newer ssrm.
func Open(ctx context.Context, dsn string) (Store, error) {
	if dsn == "" {
		return nil, fmt.Errorf("%w: no database given", ErrInvalid)
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("postgres: %w", err)
		}
		return open(ctx, db, postgres, redact(dsn))
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	if path != ":memory:" {
		if strings.ContainsAny(path, "?#") {
			return nil, fmt.Errorf("%w: %s: an SQLite file name may not hold ? or #", ErrInvalid, path)
		}
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			path = filepath.Join(path, FileName)
		} else if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// One connection: SQLite takes one writer at a time anyway, and an
	// in-memory database is private to its connection.
	db.SetMaxOpenConns(1)
	return open(ctx, db, sqlite, path)
}

// redact drops the password from a postgres URL, for messages.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if i := strings.Index(userinfo, ":"); i >= 0 {
		userinfo = userinfo[:i] + ":xxxxx"
	}
	return dsn[:scheme+3] + userinfo + dsn[at:]
}

type dialect int

const (
	sqlite dialect = iota
	postgres
)

func (d dialect) String() string {
	if d == postgres {
		return "postgres"
	}
	return "sqlite"
}

// sqlStore is the Store over database/sql, for both dialects.
type sqlStore struct {
	db   *sql.DB
	d    dialect
	name string // the file or the redacted URL, for messages
}

func open(ctx context.Context, db *sql.DB, d dialect, name string) (Store, error) {
	s := &sqlStore{db: db, d: d, name: name}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

func (s *sqlStore) Backend() string { return s.d.String() }
func (s *sqlStore) Close() error    { return s.db.Close() }

// q rewrites ? placeholders as $1, $2… for PostgreSQL.
func (s *sqlStore) q(query string) string {
	if s.d != postgres {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// timeLayout stores times as fixed-width UTC text, so both backends sort
// and compare them alike.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

func (s *sqlStore) AddDecision(ctx context.Context, d Decision) (Decision, error) {
	if err := d.Validate(); err != nil {
		return Decision{}, err
	}
	if d.Created.IsZero() {
		d.Created = time.Now()
	}
	d.Created = d.Created.UTC()
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO decisions
		(vendor, rule, status, as_status, reviewer, reason, until_day, created, evidence_hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		d.Vendor, d.Rule, d.Status, d.As, d.Reviewer, d.Reason, d.Until, formatTime(d.Created), d.EvidenceHash).Scan(&d.ID)
	if err != nil {
		return Decision{}, fmt.Errorf("%s: storing the decision: %w", s.name, err)
	}
	return d, nil
}

func (s *sqlStore) Decisions(ctx context.Context, vendor string) ([]Decision, error) {
	query := `SELECT id, vendor, rule, status, as_status, reviewer, reason, until_day, created, evidence_hash FROM decisions`
	var args []any
	if vendor != "" {
		query += ` WHERE lower(vendor) = lower(?)`
		args = append(args, vendor)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` ORDER BY id DESC`), args...)
	if err != nil {
		return nil, fmt.Errorf("%s: reading decisions: %w", s.name, err)
	}
	defer rows.Close()
	var out []Decision
	for rows.Next() {
		var d Decision
		var created string
		if err := rows.Scan(&d.ID, &d.Vendor, &d.Rule, &d.Status, &d.As, &d.Reviewer, &d.Reason, &d.Until, &created, &d.EvidenceHash); err != nil {
			return nil, fmt.Errorf("%s: reading decisions: %w", s.name, err)
		}
		if d.Created, err = parseTime(created); err != nil {
			return nil, fmt.Errorf("%s: decision %d: created: %w", s.name, d.ID, err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading decisions: %w", s.name, err)
	}
	return out, nil
}

func (s *sqlStore) AddAnalysis(ctx context.Context, a Analysis) (int64, error) {
	if strings.TrimSpace(a.Vendor) == "" {
		return 0, fmt.Errorf("%w: vendor: missing", ErrInvalid)
	}
	for i, doc := range a.Documents {
		if doc.Path == "" || len(doc.SHA256) != 64 {
			return 0, fmt.Errorf("%w: documents[%d]: want a path and a hex SHA-256, got %q and %q", ErrInvalid, i, doc.Path, doc.SHA256)
		}
	}
	if a.Created.IsZero() {
		a.Created = time.Now()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", s.name, err)
	}
	defer tx.Rollback() //nolint:errcheck // after Commit, a no-op
	var id int64
	if err := tx.QueryRowContext(ctx, s.q(`INSERT INTO analyses (vendor, created, summary, score, verdict)
		VALUES (?, ?, ?, ?, ?) RETURNING id`), a.Vendor, formatTime(a.Created), a.Summary, a.Score, a.Verdict).Scan(&id); err != nil {
		return 0, fmt.Errorf("%s: storing the analysis: %w", s.name, err)
	}
	for i, doc := range a.Documents {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO documents (analysis_id, position, path, kind, sha256)
			VALUES (?, ?, ?, ?, ?)`), id, i, doc.Path, doc.Kind, doc.SHA256); err != nil {
			return 0, fmt.Errorf("%s: storing the analysis' documents: %w", s.name, err)
		}
	}
	for _, f := range a.Findings {
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO findings (analysis_id, rule, status, evidence_hash)
			VALUES (?, ?, ?, ?)`), id, f.Rule, f.Status, f.EvidenceHash); err != nil {
			return 0, fmt.Errorf("%s: storing the analysis' findings: %w", s.name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("%s: storing the analysis: %w", s.name, err)
	}
	return id, nil
}

func (s *sqlStore) Analyses(ctx context.Context, vendor string) ([]Analysis, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT a.id, a.vendor, a.created, a.summary, a.score, a.verdict,
		d.path, d.kind, d.sha256
		FROM analyses a LEFT JOIN documents d ON d.analysis_id = a.id
		WHERE lower(a.vendor) = lower(?) ORDER BY a.id DESC, d.position`), vendor)
	if err != nil {
		return nil, fmt.Errorf("%s: reading analyses: %w", s.name, err)
	}
	defer rows.Close()
	var out []Analysis
	for rows.Next() {
		var a Analysis
		var created string
		var path, kind, sum sql.NullString
		if err := rows.Scan(&a.ID, &a.Vendor, &created, &a.Summary, &a.Score, &a.Verdict, &path, &kind, &sum); err != nil {
			return nil, fmt.Errorf("%s: reading analyses: %w", s.name, err)
		}
		if len(out) == 0 || out[len(out)-1].ID != a.ID {
			if a.Created, err = parseTime(created); err != nil {
				return nil, fmt.Errorf("%s: analysis %d: created: %w", s.name, a.ID, err)
			}
			out = append(out, a)
		}
		if path.Valid {
			last := &out[len(out)-1]
			last.Documents = append(last.Documents, Document{Path: path.String, Kind: kind.String, SHA256: sum.String})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading analyses: %w", s.name, err)
	}
	return out, nil
}

func (s *sqlStore) Findings(ctx context.Context, analysis int64) ([]Finding, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT rule, status, evidence_hash FROM findings WHERE analysis_id = ? ORDER BY rule`), analysis)
	if err != nil {
		return nil, fmt.Errorf("%s: reading findings: %w", s.name, err)
	}
	defer rows.Close()
	var out []Finding
	for rows.Next() {
		var f Finding
		if err := rows.Scan(&f.Rule, &f.Status, &f.EvidenceHash); err != nil {
			return nil, fmt.Errorf("%s: reading findings: %w", s.name, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading findings: %w", s.name, err)
	}
	return out, nil
}

// errNewer says the database holds migrations this ssrm does not know.
var errNewer = errors.New("the database was migrated by a newer ssrm")
