# App Runner's front carries HTTP/1.0 and 1.1 only: it refuses WebSocket upgrades and cuts every
# request at 120 s, a Server-Sent Events stream included. So on App Runner the Blazor circuit
# long-polls, and each poll ends (Hosting:LongPollTimeout, 90 s) before the front would cut it.
# ECS's load balancer passes WebSockets, so this lives here, not in modules/app_runtime.
locals {
  front_environment = {
    Hosting__CircuitTransport = "LongPolling"
    Hosting__LongPollTimeout  = "00:01:30"
  }
}
