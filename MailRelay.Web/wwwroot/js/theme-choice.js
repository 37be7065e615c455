// The theme the viewer chose ("light" or "dark"), kept in this browser across visits.
const key = "mailrelay.theme";

export function read() {
    try {
        return localStorage.getItem(key);
    } catch {
        return null;
    }
}

export function write(choice) {
    try {
        localStorage.setItem(key, choice);
    } catch {
        // Storage may be off (private mode, policy): the choice then lasts for the circuit only.
    }
}
