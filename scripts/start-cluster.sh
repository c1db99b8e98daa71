#!/usr/bin/env bash
# start-cluster.sh: starts a standalone Floe cluster: its JobManagers, then one TaskManager per
# line of conf/workers ("localhost" starts a local process; any other host is reached over ssh and
# must have Floe at the same path and a copy of conf/, including the cluster secret). Creates
# conf/cluster-secret (owner-only) on first use.
#
# JobManagers: one on this host, or, when conf/masters exists, one per line of it ("host:port",
# Flink's format: the port is that JobManager's REST port). Several JobManagers need
# high-availability.type: zookeeper, so that one leads and the others stand by.
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$bin/config.sh"

is_local() {
  [ "$1" = "localhost" ] || [ "$1" = "127.0.0.1" ] || [ "$1" = "$(hostname)" ]
}

masters_file="$FLOE_CONF_DIR/masters"
masters=()
if [ -f "$masters_file" ]; then
  number=0
  while read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    entry="${line%%#*}"
    entry="$(echo "$entry" | tr -d '[:space:]')"
    [ -z "$entry" ] && continue
    if ! [[ "$entry" =~ ^[A-Za-z0-9._-]+:[0-9]{1,5}$ ]] || [ "${entry##*:}" -gt 65535 ]; then
      echo "$masters_file, line $number: '$line' is not host:port (the JobManager's host and its REST port)." >&2
      exit 1
    fi
    masters+=("$entry")
  done < "$masters_file"
  # (also `type: zookeeper` nested under `high-availability:`, quoted or not)
  if [ "${#masters[@]}" -gt 1 ] && ! grep -Eiq \
      '^[[:space:]]*(high-availability\.)?type:[[:space:]]*["'"'"']?zookeeper' "$FLOE_CONF_DIR/config.yaml" 2>/dev/null; then
    echo "$masters_file lists ${#masters[@]} JobManagers, but only one can run without" \
      "high-availability.type: zookeeper in $FLOE_CONF_DIR/config.yaml." >&2
    exit 1
  fi
fi

floe_ensure_cluster_secret
if [ "${#masters[@]}" -eq 0 ]; then
  "$bin/jobmanager.sh" start
else
  for entry in "${masters[@]}"; do
    host="${entry%:*}"
    port="${entry##*:}"
    if is_local "$host"; then
      "$bin/jobmanager.sh" start -Drest.port="$port" -Drest.address="$host" -Djobmanager.rpc.address="$host"
    else
      ssh -n "$host" "FLOE_CONF_DIR='$FLOE_CONF_DIR' '$bin/jobmanager.sh' start -Drest.port=$port" \
        "-Drest.address=$host -Djobmanager.rpc.address=$host" &
    fi
  done
fi

workers_file="$FLOE_CONF_DIR/workers"
if [ ! -f "$workers_file" ]; then
  echo "No $workers_file; starting one TaskManager on localhost"
  "$bin/taskmanager.sh" start
  wait
  exit 0
fi
while read -r line || [ -n "$line" ]; do
  host="${line%%#*}"
  host="$(echo "$host" | tr -d '[:space:]')"
  [ -z "$host" ] && continue
  if is_local "$host"; then
    "$bin/taskmanager.sh" start
  else
    ssh -n "$host" "FLOE_CONF_DIR='$FLOE_CONF_DIR' '$bin/taskmanager.sh' start" &
  fi
done < "$workers_file"
wait
