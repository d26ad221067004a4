#!/usr/bin/env bash
# Regenerates the built-in statements dataset (events coded from the UN
# General Debate speeches in ../shared/data/ungdc_speeches). Only events and
# byte offsets are written; the speeches stay outside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/data/ungdc_speeches}"
go run ./internal/statements/gen -corpus "$corpus" -o internal/statements/data/ungdc_events.tsv.gz
