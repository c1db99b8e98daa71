#!/usr/bin/env bash
# Deployment latency D1-D4 on a MiniYARNCluster (see benchmarks/README.md). Runs N rounds of Floe,
# each a fresh JVM with fresh mini clusters under `timeout 180`, and with --compare-flink a round of
# the Flink 1.20 anchor's Part B harness after each Floe round; then prints one table (medians,
# Floe/Flink) and the CPU other processes used during each round. Builds nothing of Floe: first
#   mvn -B -q package -DskipTests -pl benchmarks/deploy -am
#
#   benchmarks/run-deploy.sh [--rounds 3] [--compare-flink] [--flink-anchor dir] [--quiet-wait s] [-- bench flags]
#
# Bench flags go to YarnDeploymentBench, e.g. -- --scenarios=D1,D2 --keep-container-dirs=true.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
MODULE="$HERE/deploy"
ROUNDS=3
COMPARE=0
ANCHOR=/work/shared/anchors/flink
ANCHOR_BUILD=${FLINK_ANCHOR_BUILD_DIR:-/tmp/floe-flink-anchor-build}
QUIET_WAIT=180
FLOE_BASE=/tmp/floe-deploy-bench
FLINK_BASE=/tmp/anchor-flink-yarn          # the anchor harness's fixed default
BENCH_FLAGS=()

usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1; }
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --compare-flink) COMPARE=1; shift ;;
    --flink-anchor) ANCHOR=${2:?--flink-anchor needs a directory}; shift 2 ;;
    --quiet-wait) QUIET_WAIT=${2:?--quiet-wait needs seconds}; shift 2 ;;
    --) shift; BENCH_FLAGS=("$@"); break ;;
    -h|--help) usage ;;
    *) echo "run-deploy.sh: unknown flag '$1'" >&2; usage ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || { echo "run-deploy.sh: --rounds must be a positive number, not '$ROUNDS'" >&2; exit 1; }

TINYJOB=$(ls "$MODULE"/target/floe-benchmarks-deploy-*-tinyjob.jar 2>/dev/null | head -1 || true)
if [ ! -f "$MODULE/target/classpath.txt" ] || [ ! -f "$MODULE/target/framework.classpath" ] || [ -z "$TINYJOB" ]; then
  echo "run-deploy.sh: benchmarks/deploy is not built; run at the repository root:" >&2
  echo "  mvn -B -q package -DskipTests -pl benchmarks/deploy -am" >&2
  exit 1
fi
if grep -q '\.m2/repository/io/floe/' "$MODULE/target/classpath.txt"; then
  echo "run-deploy.sh: warning: Floe's jars come from ~/.m2, not from this checkout; build with -am to measure this code" >&2
fi
OPENS=$(sed -n 's:.*<floe.test.jvm.opens>\(.*\)</floe.test.jvm.opens>.*:\1:p' "$ROOT/pom.xml")
QUIET="$ANCHOR/tools/cpu-quiet.sh"
[ -x "$QUIET" ] || { echo "run-deploy.sh: $QUIET not found (--flink-anchor dir)" >&2; exit 1; }

# The anchor's Part B, built where it is if its target/ exists, else next to it in $ANCHOR_BUILD: a
# tree of links to its poms and sources, so that building writes nothing into the anchor's directory.
flink_part_b() {
  if [ -f "$ANCHOR/part-b/harness/target/classpath.txt" ] && [ -f "$ANCHOR/part-b/dist/target/flink-1.20.1/lib/flink-dist-1.20.1.jar" ]; then
    echo "$ANCHOR/part-b"; return
  fi
  if [ ! -f "$ANCHOR_BUILD/part-b/harness/target/classpath.txt" ] || [ ! -f "$ANCHOR_BUILD/part-b/dist/target/flink-1.20.1/lib/flink-dist-1.20.1.jar" ]; then
    echo "building the Flink anchor's Part B in $ANCHOR_BUILD (once; about 2 minutes)" >&2
    local module
    for module in . part-a part-b part-b/dist part-b/tinyjob part-b/harness; do
      mkdir -p "$ANCHOR_BUILD/$module"
      ln -sfn "$ANCHOR/$module/pom.xml" "$ANCHOR_BUILD/$module/pom.xml"
      if [ -d "$ANCHOR/$module/src" ]; then ln -sfn "$ANCHOR/$module/src" "$ANCHOR_BUILD/$module/src"; fi
    done
    (cd "$ANCHOR_BUILD" && mvn -B -q -pl part-b/dist,part-b/tinyjob,part-b/harness -am package) >&2
  fi
  echo "$ANCHOR_BUILD/part-b"
}
PART_B=""
if [ $COMPARE = 1 ]; then PART_B=$(flink_part_b); fi

OUT_DIR="$MODULE/target/deploy-results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT_DIR"
RESULTS="$OUT_DIR/results.txt"
{
  echo "# $(date -Is) host=$(hostname) cores=$(nproc) $(java -version 2>&1 | head -1)"
  echo "# floe $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') rounds=$ROUNDS compare_flink=$COMPARE bench_flags=${BENCH_FLAGS[*]:-}"
} | tee "$RESULTS"

# Kills, by process id, what a round left behind: container JVMs outlive a bench JVM killed by
# `timeout` (NodeManagers start them in sessions of their own); they name the round's directory.
kill_leftovers() {
  local base=$1 pid
  for pid in $(grep -lsa -- "$base" /proc/[0-9]*/cmdline | cut -d/ -f3); do
    if [ "$pid" != "$$" ]; then kill -KILL "$pid" 2>/dev/null && echo "killed leftover process $pid of $base" >&2 || true; fi
  done
}

# run_round ENGINE ROUND BASE COMMAND...: one fresh-JVM round under `timeout 180`, its RESULT lines
# tagged with the engine, the round and the round's CPU split, appended to $RESULTS.
run_round() {
  local engine=$1 round=$2 base=$3; shift 3
  local quiet cpu ok=1 start=$SECONDS
  quiet=$(QUIET_MAX_WAIT=$QUIET_WAIT "$QUIET")
  python3 "$MODULE/cpu-split.py" "$OUT_DIR/.cpu" $$ "$base" & local monitor=$!
  timeout 180 "$@" >"$OUT_DIR/$engine-round$round.out" 2>"$OUT_DIR/$engine-round$round.err" || ok=0
  kill -TERM $monitor; wait $monitor || true
  kill_leftovers "$base"
  cpu=$(cat "$OUT_DIR/.cpu")
  grep -v -e '^RESULT' -e '^TIMELINE' "$OUT_DIR/$engine-round$round.out" | sed "s/^/[$engine $round] /" || true
  grep '^RESULT' "$OUT_DIR/$engine-round$round.out" | awk -v extra="engine=$engine run=$round $cpu" '{print $0 " " extra}' \
      | tee -a "$RESULTS" || true
  echo "ROUND engine=$engine run=$round ok=$ok wall_s=$((SECONDS - start)) $cpu before: $quiet" >>"$RESULTS"
  if [ $ok = 0 ]; then
    echo "FAILED $engine round $round (exit or timeout); last lines of $OUT_DIR/$engine-round$round.err:"
    grep -v -e 'o\.a\.h' -e 'org\.apache\.hadoop' "$OUT_DIR/$engine-round$round.err" | tail -15 || true
  fi
}

for round in $(seq 1 "$ROUNDS"); do
  run_round floe "$round" "$FLOE_BASE" java -Xmx2g $OPENS -Dfloe.bench.log.file="$OUT_DIR/floe-client-round$round.log" \
      -cp "$MODULE/target/classes:$(cat "$MODULE/target/classpath.txt")" io.floe.benchmarks.deploy.YarnDeploymentBench \
      --round="$round" --base="$FLOE_BASE" --tinyjob="$TINYJOB" --framework-classpath="$MODULE/target/framework.classpath" \
      "${BENCH_FLAGS[@]}"
  if [ $COMPARE = 1 ]; then
    # invoked as the anchor's run-part-b.sh invokes it: its class path, Flink's Java 17 flags, 2 GB
    run_round flink "$round" "$FLINK_BASE" java -Xmx2g $(cat "$ANCHOR/jvm-flink-opens.txt") \
        -Danchor.log.file="$OUT_DIR/flink-client-round$round.log" \
        -cp "$PART_B/harness/target/classes:$(cat "$PART_B/harness/target/classpath.txt")" \
        anchors.flink.partb.YarnDeploymentBench --partb="$PART_B"
  fi
done

echo
java -Xmx64m -cp "$MODULE/target/classes" io.floe.benchmarks.deploy.DeploymentTable "$RESULTS" | tee "$OUT_DIR/table.txt"
echo "raw results: $RESULTS; per-round output, client logs and TIMELINE lines: $OUT_DIR/"
