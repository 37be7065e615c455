// The theme the viewer chose ("light" or "dark"), kept in this browser across visits.
const key = "mailrelay.theme";

export function read() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

// Radzen's pages follow the theme too: its dark stylesheet is in the page, applying to no media while light.
export function show(dark) {
    const link = document.getElementById("radzen-dark");
    if (link) link.media = dark ? "all" : "not all";
}

export function write(choice) {
    try {
        localStorage.setItem(key, choice);
    } catch {
        // Storage may be off (private mode, policy): the choice then lasts for the circuit only.
    }
}
