// The viewer's IANA time zone ("Europe/Berlin"), or null when the browser does not say.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
    } catch {
        return null;
    }
}
