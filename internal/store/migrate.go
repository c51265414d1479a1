package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// migration is one versioned change of the schema, written once for both
// backends: {{id}} stands for each one's auto-numbered primary key.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations are applied in order, each once, and recorded in the table
// schema_migrations (version, name, applied). Never edit a released one:
// add the next version.
var migrations = []migration{
	{1, "analyses, documents, findings and decisions", `
CREATE TABLE analyses (
	id {{id}},
	vendor TEXT NOT NULL,
	created TEXT NOT NULL,
	summary TEXT NOT NULL,
	score INTEGER NOT NULL,
	verdict TEXT NOT NULL
);
CREATE INDEX analyses_vendor ON analyses (lower(vendor));
CREATE TABLE documents (
	analysis_id BIGINT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	path TEXT NOT NULL,
	kind TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	PRIMARY KEY (analysis_id, position)
);
CREATE TABLE findings (
	analysis_id BIGINT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
	rule TEXT NOT NULL,
	status TEXT NOT NULL,
	evidence_hash TEXT NOT NULL,
	PRIMARY KEY (analysis_id, rule)
);
CREATE TABLE decisions (
	id {{id}},
	vendor TEXT NOT NULL,
	rule TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('accepted', 'overridden', 'waived')),
	as_status TEXT NOT NULL DEFAULT '',
	reviewer TEXT NOT NULL DEFAULT '',
	reason TEXT NOT NULL,
	until_day TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL,
	evidence_hash TEXT NOT NULL
);
CREATE INDEX decisions_vendor ON decisions (lower(vendor), rule)`},
}

// SchemaVersion is the schema version this ssrm migrates to.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrate brings the schema to SchemaVersion in one transaction; on
// PostgreSQL an advisory lock keeps two ssrm processes from migrating at
// once.
func (s *sqlStore) migrate(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit, a no-op
	if s.d == postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(1535000015)`); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("reading schema_migrations: %w", err)
	}
	if have > SchemaVersion() {
		return fmt.Errorf("%w (schema version %d; this ssrm knows up to %d)", errNewer, have, SchemaVersion())
	}
	id := "INTEGER PRIMARY KEY AUTOINCREMENT"
	if s.d == postgres {
		id = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
	}
	for _, m := range migrations {
		if m.version <= have {
			continue
		}
		for _, stmt := range strings.Split(strings.ReplaceAll(m.sql, "{{id}}", id), ";\n") {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)`),
			m.version, m.name, formatTime(time.Now())); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return tx.Commit()
}
