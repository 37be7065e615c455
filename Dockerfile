# MailRelay container for App Runner. UNTESTED HERE: no Docker engine runs on our build machines
# (see README, "Container"); MailRelay.Tests/Infrastructure/DockerfileTests checks its structure.
# Multi-stage: the .NET 10 SDK image publishes the framework-dependent app; the ASP.NET Core 10
# runtime image runs it with `dotnet` as a non-root user on port 8080.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig MailRelay.sln ./
COPY MailRelay.Core/MailRelay.Core.csproj MailRelay.Core/
COPY MailRelay.Workers/MailRelay.Workers.csproj MailRelay.Workers/
COPY MailRelay.Web/MailRelay.Web.csproj MailRelay.Web/
RUN dotnet restore MailRelay.Web/MailRelay.Web.csproj
COPY MailRelay.Core/ MailRelay.Core/
COPY MailRelay.Workers/ MailRelay.Workers/
COPY MailRelay.Web/ MailRelay.Web/
RUN dotnet publish MailRelay.Web/MailRelay.Web.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
# A fixed uid/gid, so volume permissions and runAsNonRoot policies can name it.
RUN groupadd --system --gid 10001 mailrelay \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin mailrelay
WORKDIR /app
# Owned by root and read-only to the app user: a compromised process cannot replace its own code.
COPY --from=build --chown=root:root /app ./
# App_Data is only used by the local adapters; in AWS mode nothing is written to disk.
RUN mkdir -p /app/App_Data && chown 10001:10001 /app/App_Data
USER 10001:10001
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
# No curl or wget in the runtime image, and installing one only for this adds attack surface: App Runner
# ignores Docker health checks and probes GET /healthz itself (infra/modules/app_runner).
HEALTHCHECK NONE
ENTRYPOINT ["dotnet", "/app/MailRelay.Web.dll"]
