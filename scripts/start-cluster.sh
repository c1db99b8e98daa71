#!/usr/bin/env bash
# start-cluster.sh: starts a standalone Floe cluster: the JobManager on this host, then one
# TaskManager per line of conf/workers ("localhost" starts a local process; any other host is
# reached over ssh and must have Floe at the same path and a copy of conf/, including the
# cluster secret). Creates conf/cluster-secret (owner-only) on first use.
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$bin/config.sh"

floe_ensure_cluster_secret
"$bin/jobmanager.sh" start

workers_file="$FLOE_CONF_DIR/workers"
if [ ! -f "$workers_file" ]; then
  echo "No $workers_file; starting one TaskManager on localhost"
  "$bin/taskmanager.sh" start
  exit 0
fi
while read -r line || [ -n "$line" ]; do
  host="${line%%#*}"
  host="$(echo "$host" | tr -d '[:space:]')"
  [ -z "$host" ] && continue
  if [ "$host" = "localhost" ] || [ "$host" = "127.0.0.1" ] || [ "$host" = "$(hostname)" ]; then
    "$bin/taskmanager.sh" start
  else
    ssh -n "$host" "FLOE_CONF_DIR='$FLOE_CONF_DIR' '$bin/taskmanager.sh' start" &
  fi
done < "$workers_file"
wait
