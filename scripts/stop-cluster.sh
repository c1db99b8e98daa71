#!/usr/bin/env bash
# stop-cluster.sh: stops the TaskManagers of conf/workers (local ones here, others over ssh) and
# the JobManagers (those of conf/masters on other hosts over ssh). Stopping a cluster that is not
# running is harmless.
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$bin/config.sh"

workers_file="$FLOE_CONF_DIR/workers"
if [ -f "$workers_file" ]; then
  while read -r line || [ -n "$line" ]; do
    host="${line%%#*}"
    host="$(echo "$host" | tr -d '[:space:]')"
    [ -z "$host" ] && continue
    if [ "$host" != "localhost" ] && [ "$host" != "127.0.0.1" ] && [ "$host" != "$(hostname)" ]; then
      ssh -n "$host" "FLOE_CONF_DIR='$FLOE_CONF_DIR' '$bin/taskmanager.sh' stop-all" &
    fi
  done < "$workers_file"
  wait
fi
"$bin/taskmanager.sh" stop-all
masters_file="$FLOE_CONF_DIR/masters"
if [ -f "$masters_file" ]; then
  while read -r line || [ -n "$line" ]; do
    entry="${line%%#*}"
    host="$(echo "${entry%:*}" | tr -d '[:space:]')"
    [ -z "$host" ] && continue
    if [ "$host" != "localhost" ] && [ "$host" != "127.0.0.1" ] && [ "$host" != "$(hostname)" ]; then
      ssh -n "$host" "FLOE_CONF_DIR='$FLOE_CONF_DIR' '$bin/jobmanager.sh' stop" &
    fi
  done < "$masters_file"
  wait
fi
"$bin/jobmanager.sh" stop
