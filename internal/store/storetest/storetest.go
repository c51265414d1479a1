// Package storetest gives tests a PostgreSQL database of their own on the
// server that SSRM_TEST_POSTGRES names (.ci/run starts a throwaway
// cluster and sets it), so that the store's tests and the CLI's run on
// both backends.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
)

// Env names the variable that gives the PostgreSQL server, e.g.
// postgres:///postgres?host=/tmp/ssrm-pg.X&user=postgres&sslmode=disable.
const Env = "SSRM_TEST_POSTGRES"

// PostgresDSN makes a schema of its own for the test (dropped when it
// ends) on the server Env names and returns a DSN whose search_path is
// that schema. It skips the test, saying why, when Env is not set.
func PostgresDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("PostgreSQL: %s is not set (.ci/run starts a throwaway cluster and sets it); only SQLite is tested", Env)
	}
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := "ssrm_test_" + hex.EncodeToString(b[:])
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("%s: creating a schema for the test: %v", Env, err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		db.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) //nolint:errcheck // best effort
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}
