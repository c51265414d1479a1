//go:build race

package extract

// raceEnabled: the race detector slows the PDF corpus tests about tenfold,
// so the mutation test runs fewer cases under it (CI runs the full count
// without it).
const raceEnabled = true
