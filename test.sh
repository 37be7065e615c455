#!/usr/bin/env bash
# Runs every test of MailRelay. Installs what the tests need when it is missing:
# Debian's Chromium (the browser tests drive it), the npm emulators (through npm ci and the lockfile),
# and the AWS provider schema the Terraform schema test reads (emulators/aws-schema.mjs).
# The tests build and run on the .NET 10 SDK's own runtime (framework-dependent).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

emulators=MailRelay.Tests/emulators
if ! (cd "$emulators" && npm ls --omit=dev >/dev/null 2>&1); then
  echo "test.sh: installing the test emulators with npm ci"
  (cd "$emulators" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The AWS provider's schema for Infrastructure/TerraformSchemaTests: fetched once with npm pack
# (34 MB, pinned and integrity-checked in emulators/package.json) into emulators/.cache; the
# test builds it itself when this step did not run.
(cd "$emulators" && node aws-schema.mjs >/dev/null) || echo "test.sh: the AWS provider schema could not be fetched; TerraformSchemaTests will try again and say why"

# The TRX files let the run end with its failures repeated (failed-tests.mjs): CI shows a log's tail.
results=TestResults/run
rm -rf "$results"
status=0
dotnet test MailRelay.sln --logger "console;verbosity=normal" --logger trx --results-directory "$results" "$@" || status=$?
if [ -d "$results" ]; then node MailRelay.Tests/failed-tests.mjs "$results" || true; fi
exit "$status"
