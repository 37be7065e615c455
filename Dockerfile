# MailRelay container for App Runner. UNTESTED HERE: no Docker engine runs on our build machines
# (see README, "Container"). Multi-stage: the SDK image builds and publishes a self-contained
# linux-x64 app; the runtime-deps image runs it as a non-root user on port 8080.
# The SDK image is .NET 10 on purpose: it builds our net8.0 target with the .NET 8 runtime packs from NuGet.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props MailRelay.sln ./
COPY MailRelay.Core/MailRelay.Core.csproj MailRelay.Core/
COPY MailRelay.Workers/MailRelay.Workers.csproj MailRelay.Workers/
COPY MailRelay.Web/MailRelay.Web.csproj MailRelay.Web/
RUN dotnet restore MailRelay.Web/MailRelay.Web.csproj -r linux-x64
COPY MailRelay.Core/ MailRelay.Core/
COPY MailRelay.Workers/ MailRelay.Workers/
COPY MailRelay.Web/ MailRelay.Web/
RUN dotnet publish MailRelay.Web/MailRelay.Web.csproj -c Release -r linux-x64 --self-contained true \
      --no-restore -o /app /p:UseAppHost=true

# runtime-deps carries only the native libraries a self-contained .NET app needs (ICU, OpenSSL, ...).
FROM mcr.microsoft.com/dotnet/runtime-deps:8.0-bookworm-slim AS final
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin mailrelay
WORKDIR /app
COPY --from=build --chown=root:root /app ./
# App_Data is only used by the local adapters; in AWS mode nothing is written to disk.
RUN mkdir -p /app/App_Data && chown mailrelay /app/App_Data
USER mailrelay
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl --fail --silent http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/app/MailRelay.Web"]
