package report

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// SourceDateEpoch is the environment variable that pins the timestamps a
// report carries (reproducible-builds.org): Unix seconds, UTC.
const SourceDateEpoch = "SOURCE_DATE_EPOCH"

// stamp is the time a report states (OSCAL metadata.last-modified, the
// workbooks' created and modified properties): SOURCE_DATE_EPOCH when set,
// else opts.Modified, else the zero time (the caller then decides). A
// SOURCE_DATE_EPOCH that is not a whole number of seconds is an error.
func stamp(opts Options) (time.Time, error) {
	if v, ok := os.LookupEnv(SourceDateEpoch); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
		if err != nil || n < 0 || n > 253402300799 { // 9999-12-31T23:59:59Z
			return time.Time{}, fmt.Errorf("%s: want Unix seconds (e.g. 1767225600), got %q", SourceDateEpoch, v)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return opts.Modified.UTC().Truncate(time.Second), nil
}
