//go:build race

package e2e

// The server binary is built with the race detector too, so that it reuses
// the packages `go test -race` has compiled already and its data races fail
// the run as well.
func init() { raceEnabled = true }
