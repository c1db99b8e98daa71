#!/usr/bin/env bash
# Runs Floe's benchmark suite from the built module; builds nothing. Build first with
# `mvn -B -q package -DskipTests -pl benchmarks -am` at the repository root (its class path then
# names this checkout's runtime jar, not ~/.m2's). Arguments go to BenchmarkSuite:
#   benchmarks/run.sh [--runs 3] [--only W1-p1,W1-p2,W2-p2,W3-streaming,W3-batch,W4-chk,W4-nochk,W5-tumbling,W6-sliding]
#                     [--compare-flink]
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f target/classpath.txt ] || [ ! -d target/classes/io/floe/benchmarks ]; then
  echo "benchmarks/run.sh: the module is not built; run 'mvn -B -q package -DskipTests -pl benchmarks -am' at the repository root" >&2
  exit 1
fi
# The suite itself is light; every measurement runs in a JVM of its own (-Xms2g -Xmx2g).
exec java -Xmx256m -cp "$(pwd)/target/classes:$(cat target/classpath.txt)" io.floe.benchmarks.BenchmarkSuite "$@"
