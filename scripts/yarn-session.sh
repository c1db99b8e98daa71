#!/usr/bin/env bash
# yarn-session.sh: starts a Floe session cluster on YARN, or attaches to one.
#
#   yarn-session.sh [-jm 1024m] [-tm 1024m] [-s slots] [-nm name] [-qu queue] [-d] [-id appId] [-q] [-D key=value]...
#
# HADOOP_CONF_DIR (or YARN_CONF_DIR) must name the directory of the cluster's yarn-site.xml.
# Attached (no -d), type `stop` to stop the session; `echo stop | yarn-session.sh -id <appId>`
# stops a detached one. `yarn-session.sh -h` lists the flags.
set -euo pipefail

bin="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export FLOE_MAIN_CLASS=io.floe.yarn.cli.YarnSessionCli
export FLOE_LOG_ROLE=yarn-session
exec "$bin/floe" "$@"
