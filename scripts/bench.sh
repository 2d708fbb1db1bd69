#!/usr/bin/env bash
# Benchmark Puente at network scale (not part of `make test`): installs
# Debian's wrk when missing, then runs cmd/puente-bench with any flags given,
# e.g. `scripts/bench.sh -out BENCHMARKS.md`. See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq wrk >/dev/null
fi
exec go run ./cmd/puente-bench "$@"
