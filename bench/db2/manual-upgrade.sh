#!/usr/bin/env bash
# The Db2 Docker cookbook's recipe #1, as a DBA would script it: stop the old container, run the
# new image on the same /database storage with the same settings, wait for the setup line.
# usage: manual-upgrade.sh OLD NEW IMAGE STORAGE ENV_FILE
set -euo pipefail
old=$1 new=$2 image=$3 storage=$4 envfile=$5
docker stop --time 120 "$old" >/dev/null
docker run -h db2server --name "$new" --detach --env-file "$envfile" \
  -v "$storage:/database" "$image" >/dev/null
until docker logs "$new" 2>&1 | grep -q '(\*) Setup has completed.'; do sleep 0.2; done
