#!/usr/bin/env bash
# jobmanager.sh (start|stop) [-D key=value]...: starts or stops the JobManager (Dispatcher,
# ResourceManager, BlobServer and REST endpoint) of a standalone cluster on this host. With
# high-availability.type: zookeeper, `start` adds a standby JobManager (give it its own
# -Drest.port=...); `stop` stops every JobManager on this host.
set -euo pipefail
bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  start) shift; exec "$bin/floe-daemon.sh" start jobmanager "$@" ;;
  stop) exec "$bin/floe-daemon.sh" stop-all jobmanager ;;
  *) echo "Usage: jobmanager.sh (start|stop) [-D key=value]..." >&2; exit 1 ;;
esac
