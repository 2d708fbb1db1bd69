#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls `make test`, which runs
# this). It installs what the tests need on a fresh machine first.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s (%ds)\n' "$*" "$SECONDS"; }

# Pinned tool versions; why each is here is in README.md ("Dependencies").
STATICCHECK_VERSION=2026.2.2

gobin="$(go env GOPATH)/bin"
export PATH="$gobin:$PATH"

step "go vet"
go vet ./...

step "staticcheck $STATICCHECK_VERSION"
if ! staticcheck -version 2>/dev/null | grep -q "$STATICCHECK_VERSION"; then
  go install "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION"
fi
staticcheck ./...

step "govulncheck (offline database)"
vuln=../shared/tools/govulncheck.sh
if [ -x "$vuln" ] || [ -f "$vuln" ]; then
  bash "$vuln" ./...
else
  echo "skipped: $vuln not found (CI always has it beside the clone)"
fi

step "go test -race"
go test -race -count=1 ./...

step "done"
