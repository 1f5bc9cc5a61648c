#!/usr/bin/env bash
# Starts the Docker engine (as root) for integration tests, if it is not running already.
# Idempotent. Prints the environment the tests read (KEY=value lines).
set -euo pipefail
LOG=${PAVED_DOCKERD_LOG:-/tmp/paved-dockerd.log}
if ! command -v dockerd >/dev/null; then
  flock /tmp/paved-apt.lock sh -c 'apt-get update -qq && apt-get install -y -qq docker.io' >&2
fi
if ! docker info >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then echo "dockerd must be started as root" >&2; exit 1; fi
  # setsid: the engine must outlive the test process that started it.
  setsid dockerd >"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
if ! docker info >/dev/null 2>&1; then
  echo "dockerd did not start; last lines of $LOG:" >&2
  tail -n 20 "$LOG" >&2 || true
  exit 1
fi
echo "PAVED_DOCKER=$(docker version --format '{{.Server.Version}}')"
