#!/usr/bin/env bash
# taskmanager.sh (start|stop|stop-all) [-D key=value]...: adds one TaskManager on this host, or
# stops the most recently started one (stop-all: every one). A TaskManager finds the JobManager
# through jobmanager.rpc.address/port and adds its slots to running and future jobs.
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  start) shift; exec "$bin/floe-daemon.sh" start taskmanager "$@" ;;
  stop) exec "$bin/floe-daemon.sh" stop taskmanager ;;
  stop-all) exec "$bin/floe-daemon.sh" stop-all taskmanager ;;
  *) echo "Usage: taskmanager.sh (start|stop|stop-all) [-D key=value]..." >&2; exit 1 ;;
esac
