#!/usr/bin/env bash
# Run the vault benchmarks (python -m bench). The first run sets up what it needs.
# Usage: ./bench.sh [--quick] [--sizes 1000,10000,50000] [--repeats N] [--keep] ...
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$here/tools/bootstrap.sh"
cd "$here"
exec .venv/bin/python -m bench "$@"
