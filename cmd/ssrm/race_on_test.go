//go:build race

package main

// raceEnabled: the race detector multiplies the memory a reader needs, so
// tests that set memory limits skip.
const raceEnabled = true
