#!/usr/bin/env bash
# Benchmarks of MailRelay (not part of ./test.sh). Usage: ./bench.sh forward [messages] | ./bench.sh history [delivered messages at each checkpoint…] | ./bench.sh scale [messages]
set -euo pipefail
cd "$(dirname "$0")"
dotnet build MailRelay.Benchmarks -c Release --nologo -v quiet >/dev/null
exec dotnet run --project MailRelay.Benchmarks -c Release --no-build -- "$@"
