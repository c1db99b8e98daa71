#!/usr/bin/env bash
# Shared set-up of Floe's cluster scripts; sourced, not run. Defines FLOE_HOME, FLOE_CONF_DIR,
# FLOE_LOG_DIR, FLOE_PID_DIR, JAVA_RUN, JVM_OPENS and the helpers below.
#
# Environment:
#   FLOE_CONF_DIR       configuration directory (default: <FLOE_HOME>/conf)
#   FLOE_LOG_DIR        where processes write <role>-<host>.log and .out (default: <FLOE_HOME>/log)
#   FLOE_PID_DIR        where pid files go (default: the log directory)
#   JAVA_HOME           the Java 17+ installation to use (default: `java` on the PATH)
#   FLOE_ENV_JAVA_OPTS  extra JVM options for every process

bin_dir="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FLOE_HOME="$(cd -P "$bin_dir/.." && pwd)"
export FLOE_HOME
export FLOE_CONF_DIR="${FLOE_CONF_DIR:-$FLOE_HOME/conf}"
export FLOE_LOG_DIR="${FLOE_LOG_DIR:-$FLOE_HOME/log}"
export FLOE_PID_DIR="${FLOE_PID_DIR:-$FLOE_LOG_DIR}"

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA_RUN="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  JAVA_RUN="$(command -v java)"
else
  echo "floe: no Java found; install Java 17 or newer, or set JAVA_HOME to one" >&2
  exit 1
fi

if [ ! -d "$FLOE_CONF_DIR" ]; then
  echo "floe: configuration directory not found: $FLOE_CONF_DIR (from FLOE_CONF_DIR)" >&2
  exit 1
fi

# Java 17 opens that Hadoop and the runtime need (the parent pom's floe.test.jvm.opens).
JVM_OPENS="@floe.test.jvm.opens@"
FLOE_CLASSPATH="$FLOE_HOME/lib/*"

# The secret every Floe process of this cluster proves to its peers: created once, owner-only.
floe_ensure_cluster_secret() {
  local secret_file="$FLOE_CONF_DIR/cluster-secret"
  if [ ! -s "$secret_file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 -w0 > "$secret_file.tmp" && echo >> "$secret_file.tmp" && mv "$secret_file.tmp" "$secret_file")
    echo "Created the cluster secret $secret_file (readable by $(id -un) only)"
  fi
}

floe_pid_file() {
  echo "$FLOE_PID_DIR/floe-${USER:-$(id -un)}-$1.pid"
}

floe_short_host() {
  hostname 2>/dev/null | cut -d. -f1 || echo localhost
}
