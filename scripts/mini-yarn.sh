#!/usr/bin/env bash
# mini-yarn.sh: an embedded HDFS and YARN on this machine, for trying Floe on YARN without a Hadoop
# installation: one JVM runs a MiniDFSCluster (NameNode, one DataNode) and a MiniYARNCluster
# (ResourceManager, two NodeManagers of 4 GB that start real container processes).
#
#   mini-yarn.sh start                   start in the background; prints the HADOOP_CONF_DIR to export
#   mini-yarn.sh stop                    stop it (and the containers still running), delete all its data
#   mini-yarn.sh status                  exit 0 and print its addresses if it runs, else exit 1
#   mini-yarn.sh fs <args>               Hadoop's file system shell on its HDFS: -put, -ls, -cat, -rm, ...
#   mini-yarn.sh app-status <appId> [--wait <seconds>]
#                                        print "<appId> <state> <final-status>" of a YARN application,
#                                        after waiting up to <seconds> for it to end
#
# Environment:
#   FLOE_MINI_YARN_DIR           its directory: conf/ (the HADOOP_CONF_DIR), data/ (HDFS, YARN,
#                                container logs), pid and ready files (default: <FLOE_HOME>/mini-yarn)
#   FLOE_MINI_YARN_START_TIMEOUT seconds `start` waits for it to come up (default: 180)
#   FLOE_MINI_YARN_JAVA_OPTS     JVM options of its JVM (default: -Xmx1g)
#   FLOE_LOG_DIR                 where mini-yarn-<host>.log and .out go (default: <FLOE_HOME>/log)
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$bin/config.sh"

MINI_YARN_DIR="${FLOE_MINI_YARN_DIR:-$FLOE_HOME/mini-yarn}"
START_TIMEOUT="${FLOE_MINI_YARN_START_TIMEOUT:-180}"
STOP_TIMEOUT=120
PID_FILE="$MINI_YARN_DIR/mini-yarn.pid"
READY_FILE="$MINI_YARN_DIR/ready"
CONF_DIR="$MINI_YARN_DIR/conf"
HOST="$(floe_short_host)"
LOG_FILE="$FLOE_LOG_DIR/mini-yarn-$HOST.log"
OUT_FILE="$FLOE_LOG_DIR/mini-yarn-$HOST.out"
# marks a directory as mini-yarn's own, so that start and stop never delete anything else
DIR_MARKER="$MINI_YARN_DIR/.floe-mini-yarn"
MAIN_CLASS=io.floe.tools.miniyarn.MiniYarn
MINI_YARN_CLASSPATH="$FLOE_HOME/opt/mini-yarn/lib/*:$FLOE_CLASSPATH"

usage() {
  echo "Usage: mini-yarn.sh (start|stop|status) | fs <hadoop fs args> | app-status <applicationId> [--wait <seconds>]" >&2
  exit 1
}

running_pid() {
  local pid
  [ -s "$PID_FILE" ] || return 1
  pid="$(cat "$PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  # after a crash and a reboot the pid may belong to another process
  case "$(ps -p "$pid" -o args= 2>/dev/null)" in
    *"$MAIN_CLASS"*) echo "$pid" ;;
    *) return 1 ;;
  esac
}

# Deletes the mini-yarn directory if it is one (or nothing is in it); returns 1 if it is something else.
remove_mini_yarn_dir() {
  if [ ! -e "$MINI_YARN_DIR" ]; then
    return 0
  fi
  if [ -f "$DIR_MARKER" ] || [ -z "$(ls -A "$MINI_YARN_DIR" 2>/dev/null)" ]; then
    rm -rf "$MINI_YARN_DIR"
    return 0
  fi
  echo "mini-yarn: $MINI_YARN_DIR is not a mini-yarn directory (no $(basename "$DIR_MARKER")); leaving it alone." \
    "Set FLOE_MINI_YARN_DIR to a new directory" >&2
  return 1
}

ready_value() {
  sed -n "s/^$1=//p" "$READY_FILE"
}

print_usage_hints() {
  local hdfs
  hdfs="$(ready_value hdfs)"
  cat <<EOF
HDFS:                 $hdfs
YARN web UI:          $(ready_value yarn.web)
Container logs:       $(ready_value container.logs)
Use it from this shell:
  export HADOOP_CONF_DIR=$CONF_DIR
  $bin/mini-yarn.sh fs -put /etc/services /services.txt
  $bin/floe run -t yarn-per-job -p 2 $FLOE_HOME/examples/WordCount.jar --input $hdfs/services.txt --output $hdfs/wordcount
  $bin/mini-yarn.sh fs -cat '/wordcount/*'
Stop it (and delete its data) with: $bin/mini-yarn.sh stop
EOF
}

start() {
  local pid
  if pid="$(running_pid)"; then
    if [ -f "$READY_FILE" ]; then
      echo "mini-yarn is already running (pid $pid)"
      print_usage_hints
      return 0
    fi
    echo "mini-yarn: a mini-yarn (pid $pid) is starting or stopping in $MINI_YARN_DIR; wait, or run: $bin/mini-yarn.sh stop" >&2
    exit 1
  fi
  if [ ! -d "$FLOE_HOME/opt/mini-yarn/lib" ]; then
    echo "mini-yarn: $FLOE_HOME/opt/mini-yarn/lib not found; this distribution was built without mini-yarn" >&2
    exit 1
  fi
  # what a crashed run left behind
  remove_mini_yarn_dir || exit 1
  if ! mkdir -p "$MINI_YARN_DIR/data" "$FLOE_LOG_DIR" 2>/dev/null || ! touch "$DIR_MARKER" 2>/dev/null; then
    echo "mini-yarn: cannot create $MINI_YARN_DIR or $FLOE_LOG_DIR; set FLOE_MINI_YARN_DIR and FLOE_LOG_DIR to writable directories" >&2
    exit 1
  fi
  echo "Starting mini-yarn in $MINI_YARN_DIR (log: $LOG_FILE)"
  # started from its data directory: Hadoop's mini clusters put stray files under ./target
  # shellcheck disable=SC2086
  (cd "$MINI_YARN_DIR/data" && exec nohup "$JAVA_RUN" $JVM_OPENS ${FLOE_MINI_YARN_JAVA_OPTS:--Xmx1g} \
    -Dlog.file="$LOG_FILE" -Dlog4j.configurationFile="$FLOE_CONF_DIR/log4j2.properties" \
    -cp "$MINI_YARN_CLASSPATH" "$MAIN_CLASS" run "$MINI_YARN_DIR" > "$OUT_FILE" 2>&1 < /dev/null) &
  pid=$!
  echo "$pid" > "$PID_FILE"

  # progress: the JVM prints one line per step to the .out file
  local shown=0 lines waited=0
  while [ ! -f "$READY_FILE" ]; do
    lines="$(wc -l < "$OUT_FILE" 2>/dev/null || echo 0)"
    if [ "$lines" -gt "$shown" ]; then
      sed -n "$((shown + 1)),${lines}p" "$OUT_FILE" | sed 's/^/  /'
      shown="$lines"
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      remove_mini_yarn_dir || true
      echo "mini-yarn: did not start (the JVM exited); see $OUT_FILE and $LOG_FILE" >&2
      exit 1
    fi
    if [ "$waited" -ge $((START_TIMEOUT * 2)) ]; then
      echo "mini-yarn: not up within $START_TIMEOUT s (FLOE_MINI_YARN_START_TIMEOUT); stopping it; see $LOG_FILE" >&2
      stop >/dev/null
      exit 1
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  sed -n "$((shown + 1)),\$p" "$OUT_FILE" | sed 's/^/  /'
  echo "mini-yarn is up (pid $pid) after $((waited / 2)) s"
  print_usage_hints
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    if [ -f "$DIR_MARKER" ]; then
      remove_mini_yarn_dir
      echo "mini-yarn is not running; deleted $MINI_YARN_DIR"
    else
      echo "mini-yarn is not running"
    fi
    return 0
  fi
  echo "Stopping mini-yarn (pid $pid) and the containers still running"
  kill "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge $((STOP_TIMEOUT * 2)) ]; then
      echo "mini-yarn (pid $pid) did not stop within $STOP_TIMEOUT s; killing it. Container processes may be left:" \
        "look for $MINI_YARN_DIR in \`ps -ef\`" >&2
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  remove_mini_yarn_dir
  echo "Stopped mini-yarn after $((waited / 2)) s; deleted $MINI_YARN_DIR"
}

status() {
  local pid
  if pid="$(running_pid)" && [ -f "$READY_FILE" ]; then
    echo "mini-yarn is running (pid $pid)"
    cat "$READY_FILE"
    return 0
  fi
  if [ -n "${pid:-}" ]; then
    echo "mini-yarn (pid $pid) is starting or stopping"
  else
    echo "mini-yarn is not running"
  fi
  return 1
}

require_running() {
  if ! running_pid >/dev/null || [ ! -f "$READY_FILE" ]; then
    echo "mini-yarn is not running in $MINI_YARN_DIR; start it with: $bin/mini-yarn.sh start" >&2
    exit 1
  fi
}

client_java() {
  # shellcheck disable=SC2086
  "$JAVA_RUN" $JVM_OPENS -Dlog4j.configurationFile="$FLOE_CONF_DIR/log4j2-cli.properties" "$@"
}

[ $# -ge 1 ] || usage
action="$1"
shift
case "$action" in
  start) [ $# -eq 0 ] || usage; start ;;
  stop) [ $# -eq 0 ] || usage; stop ;;
  status) [ $# -eq 0 ] || usage; status ;;
  fs)
    require_running
    # the conf directory first on the classpath: Hadoop reads core-site.xml from there
    client_java -cp "$CONF_DIR:$FLOE_CLASSPATH" org.apache.hadoop.fs.FsShell "$@"
    ;;
  app-status)
    [ $# -eq 1 ] || [ $# -eq 3 ] || usage
    wait_seconds=0
    if [ $# -eq 3 ]; then
      [ "$2" = "--wait" ] || usage
      wait_seconds="$3"
    fi
    require_running
    client_java -cp "$MINI_YARN_CLASSPATH" "$MAIN_CLASS" app-status "$CONF_DIR" "$1" "$wait_seconds"
    ;;
  *) usage ;;
esac
