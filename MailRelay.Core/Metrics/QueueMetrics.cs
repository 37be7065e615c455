namespace MailRelay.Core.Metrics;

/// <summary>
/// The live series in memory: the last hour at sample resolution and the last 24 hours by the
/// minute. One sampler writes; any number of open pages read copies and listen to
/// <see cref="Changed"/>, so an open chart costs the store nothing.
/// </summary>
public sealed class QueueMetrics
{
    public static readonly TimeSpan LiveSpan = TimeSpan.FromHours(1);
    public static readonly TimeSpan DaySpan = TimeSpan.FromHours(24);

    private readonly object _gate = new();
    private readonly List<DepthSample> _recent = [];
    private readonly List<DepthSample> _minuteDepth = [];
    private readonly List<OutcomeMinute> _minuteOutcomes = [];
    private DateTimeOffset? _openMinute;
    private OutcomeCounts _openCounts;
    private OutcomeMinute? _sharedOpen;
    private DepthSample? _latest;

    /// <summary>Raised on the sampler's thread after each sample; handlers must hand work to their own dispatcher.</summary>
    public event Action? Changed;

    public static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }

    /// <summary>Fills the day window from minutes the store kept (at start, before the first sample).</summary>
    public void Load(IEnumerable<ClosedMinute> minutes)
    {
        lock (_gate)
        {
            foreach (var minute in minutes.Where(m => _openMinute is null || m.Minute < _openMinute))
            {
                _minuteDepth.Add(minute.Depth);
                _minuteOutcomes.Add(minute.Outcomes);
            }
            _minuteDepth.Sort((a, b) => a.At.CompareTo(b.At));
            _minuteOutcomes.Sort((a, b) => a.Minute.CompareTo(b.Minute));
        }
        Changed?.Invoke();
    }

    /// <summary>Adds a sample and the outcomes counted since the previous one; returns the minute this sample closed, if any.</summary>
    public ClosedMinute? Record(DepthSample sample, OutcomeCounts outcomes)
    {
        ClosedMinute? closed = null;
        lock (_gate)
        {
            var minute = MinuteOf(sample.At);
            if (_openMinute is { } open && minute > open && _latest is { } last)
            {
                closed = new ClosedMinute(last with { At = open }, new OutcomeMinute(open, _openCounts));
                _minuteDepth.Add(closed.Depth);
                _minuteOutcomes.Add(closed.Outcomes);
                _openCounts = default;
            }
            // A clock that steps back keeps counting into the open minute rather than reordering the series.
            if (_openMinute is null || minute > _openMinute) _openMinute = minute;
            _openCounts += outcomes;
            _latest = sample;
            _recent.Add(sample);
            Trim(sample.At);
        }
        Changed?.Invoke();
        return closed;
    }

    /// <summary>
    /// Shows the outcome totals of every instance (from the store) in place of this instance's own
    /// counts for those minutes, open or ended. Raises <see cref="Changed"/> when a figure moved.
    /// </summary>
    public void ShowSharedOutcomes(IEnumerable<OutcomeMinute> shared)
    {
        var moved = false;
        lock (_gate)
        {
            foreach (var minute in shared)
            {
                if (minute.Minute == _openMinute)
                {
                    moved |= _sharedOpen != minute;
                    _sharedOpen = minute;
                    continue;
                }
                var index = _minuteOutcomes.FindIndex(o => o.Minute == minute.Minute);
                if (index < 0 || _minuteOutcomes[index] == minute) continue;
                _minuteOutcomes[index] = minute;
                moved = true;
            }
        }
        if (moved) Changed?.Invoke();
    }

    /// <summary>A copy of the window's series; the open minute is the last point of both minute series.</summary>
    public QueueMetricsView Snapshot(MetricsWindow window)
    {
        lock (_gate)
        {
            var outcomes = new List<OutcomeMinute>(_minuteOutcomes);
            if (_openMinute is { } open) outcomes.Add(_sharedOpen is { } shared && shared.Minute == open ? shared : new OutcomeMinute(open, _openCounts));
            if (window == MetricsWindow.LastHour)
            {
                var from = _latest is { } l ? l.At - LiveSpan : DateTimeOffset.MinValue;
                return new QueueMetricsView(window, [.. _recent], outcomes.Where(o => o.Minute > from).ToList(), _latest);
            }
            var depth = new List<DepthSample>(_minuteDepth);
            if (_latest is { } latest && _openMinute is { } current) depth.Add(latest with { At = current });
            return new QueueMetricsView(window, depth, outcomes, _latest);
        }
    }

    private void Trim(DateTimeOffset now)
    {
        _recent.RemoveRange(0, CountBefore(_recent, s => s.At, now - LiveSpan));
        _minuteDepth.RemoveRange(0, CountBefore(_minuteDepth, s => s.At, now - DaySpan));
        _minuteOutcomes.RemoveRange(0, CountBefore(_minuteOutcomes, o => o.Minute, now - DaySpan));
    }

    private static int CountBefore<T>(List<T> items, Func<T, DateTimeOffset> at, DateTimeOffset cutoff)
    {
        var index = items.FindIndex(i => at(i) > cutoff);
        return index < 0 ? items.Count : index;
    }
}
