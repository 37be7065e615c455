#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the running app over seeded
# data, driving Debian's Chromium through the browser tests' ScreenshotTests. Run after a UI change.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "Chromium is missing: run ./test.sh once (it installs Debian's chromium package)." >&2; exit 1; }
export MAILRELAY_SCREENSHOTS="$PWD/docs/screenshots"
mkdir -p "$MAILRELAY_SCREENSHOTS"
dotnet test MailRelay.Tests --nologo --filter "FullyQualifiedName~MailRelay.Tests.E2E.ScreenshotTests"
ls -l "$MAILRELAY_SCREENSHOTS"
