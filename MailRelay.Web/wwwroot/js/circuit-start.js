// Starts Blazor (blazor.web.js is loaded with autostart="false") with the circuit transport the
// server chose (Hosting:CircuitTransport), read from this script tag: the CSP allows no inline script.
(() => {
    // The reconnect banner's "Reload the page" reloads the page the person is on: the link's own
    // href="" resolves against <base href="/"> and would open the Dashboard. Captured before
    // Blazor's own link handling, which has no live circuit to navigate with by then.
    document.addEventListener("click", event => {
        if (!(event.target instanceof Element) || !event.target.closest("#components-reconnect-modal a[data-reload]")) return;
        event.preventDefault();
        event.stopPropagation();
        location.reload();
    }, true);

    // Every page is interactive (the router runs in the circuit), so enhanced navigation is off: a
    // link clicked while the circuit is still starting is then a full page load of that page. With it
    // on, the click patched the new page in, and the circuit, started for the old address, rendered
    // the old page back under the new address.
    const options = { ssr: { disableDomPreservation: true } };
    const transport = document.currentScript.dataset.circuitTransport;
    // 4 is SignalR's HttpTransportType.LongPolling; blazor.web.js does not expose the enum.
    const longPolling = 4;
    if (transport === "LongPolling") {
        options.circuit = { configureSignalR: builder => builder.withUrl("_blazor", { transport: longPolling }) };
    }
    Blazor.start(options);
})();
