// Starts Blazor (blazor.web.js is loaded with autostart="false") with the circuit transport the
// server chose (Hosting:CircuitTransport), read from this script tag: the CSP allows no inline script.
(() => {
    const transport = document.currentScript.dataset.circuitTransport;
    // 4 is SignalR's HttpTransportType.LongPolling; blazor.web.js does not expose the enum.
    const longPolling = 4;
    if (transport === "LongPolling") {
        Blazor.start({ circuit: { configureSignalR: builder => builder.withUrl("_blazor", { transport: longPolling }) } });
    } else {
        Blazor.start();
    }
})();
