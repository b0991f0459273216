#!/usr/bin/env bash
# Builds Release and runs every benchmark of BENCHMARKS.md. A subcommand that misses a target exits 1; the others
# still run, and this script exits 1 if any did. Tables land in bench/results/<name>.md.
set -uo pipefail
cd "$(dirname "$0")/.."
dotnet build src/NetworkBot.Host -c Release -nologo -v q || exit 2
dotnet build bench/NetworkBot.Bench -c Release -nologo -v q || exit 2
bench=bench/NetworkBot.Bench/bin/Release/net10.0/NetworkBot.Bench
status=0
"$bench" scale --no-build || status=1
"$bench" rotation || status=1
"$bench" quality || status=1
"$bench" micro --filter '*' || status=1
"$bench" answers --no-build || status=1
"$bench" storage || status=1
exit "$status"
