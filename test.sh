#!/usr/bin/env bash
# Runs every test of MailRelay. Installs what the tests need when it is missing:
# Debian's Chromium (the browser tests drive it), and the npm emulators (through npm ci and the lockfile).
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

dotnet test MailRelay.sln --logger "console;verbosity=normal" "$@"
