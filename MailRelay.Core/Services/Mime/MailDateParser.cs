using System.Globalization;

namespace MailRelay.Core.Services.Mime;

/// <summary>
/// Parses RFC 5322 §3.3 dates, including the obsolete forms of §4.3 that real mail still carries:
/// no weekday, two- and three-digit years, named and military zones, comments such as "(PDT)".
/// Also accepts asctime ("Tue Oct 21 23:24:06 2025") and "21-Oct-2025". Returns null rather than guess.
/// </summary>
internal static class MailDateParser
{
    private const int MaxTokens = 8;
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var tokens = Tokenize(value);
        var i = tokens.Count > 0 && IndexOfName(tokens[0], Weekdays) >= 0 ? 1 : 0;
        if (tokens.Count - i < 3) return null;

        int day, month, year;
        string time;
        string? zone;
        if (char.IsAsciiDigit(tokens[i][0]))
        {
            // day month year time [zone]; "21-Oct-2025" arrives as one token.
            var parts = tokens[i].Split('-');
            if (parts.Length == 3) tokens.InsertRange(i + 1, parts[1..]);
            else if (parts.Length != 1) return null;
            if (tokens.Count - i < 4) return null;
            if (!TryNumber(parts[0], out day) || (month = MonthOf(tokens[i + 1])) == 0 || !TryYear(tokens[i + 2], out year)) return null;
            time = tokens[i + 3];
            zone = tokens.Count > i + 4 ? tokens[i + 4] : null;
        }
        else
        {
            // asctime "month day time year [zone]", and date(1)'s "month day time zone year".
            if (tokens.Count - i < 4 || (month = MonthOf(tokens[i])) == 0 || !TryNumber(tokens[i + 1], out day)) return null;
            time = tokens[i + 2];
            var zoneFirst = tokens.Count > i + 4 && !char.IsAsciiDigit(tokens[i + 3][0]);
            if (!TryYear(tokens[zoneFirst ? i + 4 : i + 3], out year)) return null;
            zone = zoneFirst ? tokens[i + 3] : tokens.Count > i + 4 ? tokens[i + 4] : null;
        }

        // "23:24:06-0700", without a space before the zone.
        var sign = time.IndexOfAny(['+', '-'], 1);
        if (sign > 0 && zone is null)
        {
            zone = time[sign..];
            time = time[..sign];
        }

        if (!TryTime(time, out var hour, out var minute, out var second) || !TryZone(zone, out var offset)) return null;
        if (day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateTimeOffset(year, month, day, hour, minute, second, offset);
    }

    /// <summary>The words of a date, without comments, commas and whitespace; no date needs more than a few.</summary>
    private static List<string> Tokenize(string value)
    {
        var tokens = new List<string>(MaxTokens);
        var depth = 0;
        var start = -1;
        for (var i = 0; i <= value.Length && tokens.Count < MaxTokens; i++)
        {
            var c = i < value.Length ? value[i] : ' ';
            var separator = depth > 0 || c is '(' or ')' or ',' || char.IsWhiteSpace(c);
            if (separator && start >= 0)
            {
                tokens.Add(value[start..i]);
                start = -1;
            }
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (!separator && start < 0) start = i;
        }
        return tokens;
    }

    private static int MonthOf(string token) => IndexOfName(token, Months) + 1;

    private static int IndexOfName(string token, string[] names)
    {
        // Full names ("October", "Tuesday") are not allowed but seen; the first three letters decide.
        if (token.Length < 3 || !char.IsAsciiLetter(token[0])) return -1;
        var prefix = token.AsSpan(0, 3);
        for (var n = 0; n < names.Length; n++)
        {
            if (prefix.Equals(names[n], StringComparison.OrdinalIgnoreCase)) return n;
        }
        return -1;
    }

    private static bool TryNumber(string token, out int number) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out number);

    private static bool TryYear(string token, out int year)
    {
        if (!TryNumber(token, out year)) return false;
        // RFC 5322 §4.3: two digits are 19xx from 50 on and 20xx below; three digits add 1900.
        year = token.Length switch
        {
            <= 2 => year < 50 ? 2000 + year : 1900 + year,
            3 => 1900 + year,
            _ => year,
        };
        // Mail predates neither 1900 nor is it dated at the edge of DateTimeOffset's range.
        return year is >= 1900 and <= 9998;
    }

    private static bool TryTime(string token, out int hour, out int minute, out int second)
    {
        hour = minute = second = 0;
        var parts = token.Split(':');
        if (parts.Length is not (2 or 3)
            || !TryNumber(parts[0], out hour) || !TryNumber(parts[1], out minute)
            || (parts.Length == 3 && !TryNumber(parts[2], out second)))
        {
            return false;
        }
        if (second == 60) second = 59; // a leap second cannot be represented; the one before is near enough
        return hour < 24 && minute < 60 && second < 60;
    }

    private static bool TryZone(string? zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone is null) return true;
        if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
            if (digits.Length != 4 || !TryNumber(digits, out var hhmm) || hhmm % 100 >= 60) return false;
            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            if (zone[0] == '-') offset = -offset;
            return offset.Duration() <= TimeSpan.FromHours(14);
        }
        offset = NamedZone(zone.ToUpperInvariant());
        return true;
    }

    private static TimeSpan NamedZone(string zone) => zone switch
    {
        // The names of RFC 5322 §4.3, then a few unambiguous ones seen in practice.
        "EDT" => TimeSpan.FromHours(-4),
        "EST" or "CDT" => TimeSpan.FromHours(-5),
        "CST" or "MDT" => TimeSpan.FromHours(-6),
        "MST" or "PDT" => TimeSpan.FromHours(-7),
        "PST" or "AKDT" => TimeSpan.FromHours(-8),
        "AKST" => TimeSpan.FromHours(-9),
        "HST" => TimeSpan.FromHours(-10),
        "BST" or "CET" or "WEST" => TimeSpan.FromHours(1),
        "CEST" or "EET" => TimeSpan.FromHours(2),
        "EEST" => TimeSpan.FromHours(3),
        "AWST" => TimeSpan.FromHours(8),
        "JST" or "KST" => TimeSpan.FromHours(9),
        "ACST" => new TimeSpan(9, 30, 0),
        "AEST" => TimeSpan.FromHours(10),
        "ACDT" => new TimeSpan(10, 30, 0),
        "AEDT" => TimeSpan.FromHours(11),
        "NZST" => TimeSpan.FromHours(12),
        "NZDT" => TimeSpan.FromHours(13),
        // UT, GMT, UTC, Z, the military letters (§4.3: "SHOULD be considered equivalent to -0000")
        // and anything unknown: -0000 means no information about the local zone, so UTC.
        _ => TimeSpan.Zero,
    };
}
