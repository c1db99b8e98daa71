#!/usr/bin/env bash
# floe-daemon.sh (start|stop|stop-all) (jobmanager|taskmanager) [-D key=value]...
# Starts or stops one Floe process in the background on this host. Each process writes
# <role>-<host>.log and <role>-<host>.out (a second process of a role on the same host:
# <role>-<n>-<host>.*) into FLOE_LOG_DIR; its pid is appended to floe-<user>-<role>.pid.
# `stop` stops the most recently started process of the role, `stop-all` every one; stopping
# when none runs is harmless.
set -euo pipefail
. "$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)/config.sh"

usage() {
  echo "Usage: floe-daemon.sh (start|stop|stop-all) (jobmanager|taskmanager) [-D key=value]..." >&2
  exit 1
}
[ $# -ge 2 ] || usage
action="$1"
role="$2"
shift 2
case "$role" in
  jobmanager) main_class=io.floe.runtime.entrypoint.StandaloneSessionEntrypoint ;;
  taskmanager) main_class=io.floe.runtime.entrypoint.TaskManagerEntrypoint ;;
  *) usage ;;
esac

pid_file="$(floe_pid_file "$role")"
mkdir -p "$FLOE_LOG_DIR" "$FLOE_PID_DIR"

is_running() {
  kill -0 "$1" 2>/dev/null
}

start() {
  floe_ensure_cluster_secret
  local host index name
  host="$(floe_short_host)"
  # the n-th process of the pid file (running or not: a killed one's log must not be taken over by the
  # next, whose logging would roll it away) is <role>-<n>-<host>
  index=0
  if [ -f "$pid_file" ]; then
    while read -r pid; do
      if [ -n "$pid" ]; then index=$((index + 1)); fi
    done < "$pid_file"
  fi
  name="$role-$host"
  [ "$index" -gt 0 ] && name="$role-$index-$host"
  local log="$FLOE_LOG_DIR/$name.log" out="$FLOE_LOG_DIR/$name.out"
  local memory_opts
  memory_opts="$("$JAVA_RUN" $JVM_OPENS -cp "$FLOE_CLASSPATH" io.floe.runtime.process.JvmParameters "$role" "$FLOE_CONF_DIR" "$@")" || {
    echo "Cannot start the $role: $memory_opts" >&2
    exit 1
  }
  # shellcheck disable=SC2086
  nohup "$JAVA_RUN" $JVM_OPENS $memory_opts ${FLOE_ENV_JAVA_OPTS:-} \
    -Dlog.file="$log" -Dlog4j.configurationFile="$FLOE_CONF_DIR/log4j2.properties" \
    -cp "$FLOE_CLASSPATH" "$main_class" "$@" > "$out" 2>&1 < /dev/null &
  local pid=$!
  echo "$pid" >> "$pid_file"
  echo "Started the $role on $host (pid $pid, log $log)"
}

stop_pid() {
  local pid="$1"
  if is_running "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      is_running "$pid" || return 0
      sleep 0.1
    done
    echo "The $role (pid $pid) did not stop within 10 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
}

stop() {
  local all="$1"
  if [ ! -s "$pid_file" ]; then
    echo "No $role to stop on $(floe_short_host)"
    return 0
  fi
  local pids last
  mapfile -t pids < "$pid_file"
  if [ "$all" = true ]; then
    for pid in "${pids[@]}"; do
      [ -n "$pid" ] && stop_pid "$pid" && echo "Stopped the $role (pid $pid)"
    done
    rm -f "$pid_file"
  else
    last="${pids[${#pids[@]}-1]}"
    stop_pid "$last"
    echo "Stopped the $role (pid $last)"
    if [ "${#pids[@]}" -le 1 ]; then
      rm -f "$pid_file"
    else
      printf '%s\n' "${pids[@]:0:${#pids[@]}-1}" > "$pid_file"
    fi
  fi
}

case "$action" in
  start) start "$@" ;;
  stop) stop false ;;
  stop-all) stop true ;;
  *) usage ;;
esac
