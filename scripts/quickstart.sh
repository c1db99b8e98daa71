#!/usr/bin/env bash
# quickstart.sh: Floe on YARN from a fresh clone, with nothing but Java 17 and Maven:
#   1. builds Floe (mvn -B -q package -DskipTests),
#   2. starts an embedded HDFS and YARN (bin/mini-yarn.sh start),
#   3. puts Floe's README on HDFS and counts its words with WordCount on YARN, per-job, parallelism 2,
#   4. prints the 10 most frequent words and YARN's final status of the application,
#   5. stops HDFS and YARN and deletes their data, also when a step failed.
# Exits non-zero if any step failed. Takes a few minutes, most of it the build and YARN's
# start and stop. Options: --skip-build (use the distribution already in dist/target).
set -euo pipefail

repo="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
skip_build=false
case "${1:-}" in
  "") ;;
  --skip-build) skip_build=true ;;
  *) echo "Usage: scripts/quickstart.sh [--skip-build]" >&2; exit 1 ;;
esac

step() {
  echo
  echo "==> $*"
}

fail() {
  echo "quickstart: $*" >&2
  exit 1
}

command -v java >/dev/null 2>&1 || [ -x "${JAVA_HOME:-/nonexistent}/bin/java" ] || fail "no Java found; install Java 17 or newer"
if [ "$skip_build" = false ]; then
  command -v mvn >/dev/null 2>&1 || fail "no Maven (mvn) on the PATH; install Maven 3.8 or newer"
  step "Building Floe: mvn -B -q package -DskipTests (a few minutes the first time: Maven downloads Hadoop)"
  (cd "$repo" && mvn -B -q package -DskipTests) || fail "the build failed"
fi

version="$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$repo/pom.xml" | head -1)"
floe_home="$repo/dist/target/floe-$version"
[ -x "$floe_home/bin/floe" ] || fail "no distribution at $floe_home; run without --skip-build"
cd "$floe_home"
work="$(mktemp -d "${TMPDIR:-/tmp}/floe-quickstart.XXXXXX")"

stop_mini_yarn() {
  local status=$?
  step "Stopping HDFS and YARN"
  bin/mini-yarn.sh stop || status=1
  rm -rf "$work"
  if [ "$status" -eq 0 ]; then
    echo
    echo "Quickstart done. To keep HDFS and YARN running and try more: README.md, 'Floe on YARN' and its 'Without a Hadoop cluster: mini-yarn.sh'."
  else
    echo "quickstart: failed (exit code $status); the client's log is in $floe_home/log" >&2
  fi
  exit "$status"
}
trap stop_mini_yarn EXIT

step "Starting an embedded HDFS and YARN: bin/mini-yarn.sh start"
bin/mini-yarn.sh start
bin/mini-yarn.sh status > "$work/mini-yarn.status"
HADOOP_CONF_DIR="$(sed -n 's/^hadoop.conf.dir=//p' "$work/mini-yarn.status")"
export HADOOP_CONF_DIR
hdfs="$(sed -n 's/^hdfs=//p' "$work/mini-yarn.status")"
[ -n "$hdfs" ] && [ -n "$HADOOP_CONF_DIR" ] || fail "mini-yarn did not tell its HDFS address and configuration directory"

step "Putting the text to count on HDFS: $hdfs/quickstart/README.md"
bin/mini-yarn.sh fs -mkdir -p /quickstart
bin/mini-yarn.sh fs -put -f README.md /quickstart/README.md

step "Counting its words on YARN: bin/floe run -t yarn-per-job -p 2 examples/WordCount.jar ..."
if ! bin/floe run -t yarn-per-job -p 2 examples/WordCount.jar --mode batch \
    --input "$hdfs/quickstart/README.md" --output "$hdfs/quickstart/wordcount" 2>&1 | tee "$work/run.out"; then
  fail "the job failed (see the output above)"
fi
app_id="$(grep -o 'application_[0-9]*_[0-9]*' "$work/run.out" | head -1)"
[ -n "$app_id" ] || fail "the floe client printed no YARN application id"

step "The 10 most frequent words (hdfs: /quickstart/wordcount/1 and /2, one (word,count) per line)"
bin/mini-yarn.sh fs -cat '/quickstart/wordcount/*' > "$work/counts"
[ -s "$work/counts" ] || fail "the job wrote no counts"
# awk reads to the end (no head): with pipefail, sort killed by SIGPIPE would fail the script
sed -n 's/^(\(.*\),\([0-9]*\))$/\2 \1/p' "$work/counts" | sort -k1,1nr -k2,2 \
  | awk 'NR <= 10 { printf "  %-12s %s\n", $2, $1 }'

step "YARN's final status of $app_id"
final="$(bin/mini-yarn.sh app-status "$app_id" --wait 60)"
echo "  $final"
[ "${final##* }" = "SUCCEEDED" ] || fail "the application did not end SUCCEEDED: $final"
