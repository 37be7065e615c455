using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace MailRelay.Web.Components.Shared;

/// <summary>
/// A MudBlazor time series of <see cref="ChartSeries"/>: times shown in the viewer's zone (the axis
/// names it), labels on round times spaced for the span shown (<see cref="TimeAxis"/>).
/// </summary>
public sealed partial class TimeChart
{
    private List<ChartSeries<double>> _chartSeries = [];
    private TimeSeriesChartOptions _options = new();

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    [Parameter, EditorRequired] public string ValueTitle { get; set; } = "";

    [Parameter, EditorRequired] public IReadOnlyList<ChartSeries> Series { get; set; } = [];

    [Parameter] public string? TestId { get; set; }

    /// <summary>Seconds matter in the last hour (a sample every few seconds); the day is read by the minute.</summary>
    [Parameter] public bool ShowSeconds { get; set; }

    private string ZoneName => ViewerTimeZone.IsUtc ? "UTC" : ViewerTimeZone.Zone.Id;

    protected override void OnInitialized() => ViewerTimeZone.Changed += OnZoneChanged;

    protected override void OnParametersSet() => Build();

    private void Build()
    {
        var zone = ViewerTimeZone.IsUtc ? TimeZoneInfo.Utc : ViewerTimeZone.Zone;
        _chartSeries = Series.Select(s => new ChartSeries<double>
        {
            Name = s.Title,
            Data = s.Points.Select(p => (Local(p.At, zone), p.Value)).ToList(),
        }).ToList();
        var times = Series.SelectMany(s => s.Points).Select(p => p.At).ToList();
        var spacing = TimeAxis.Spacing(times.Count == 0 ? TimeSpan.Zero : times.Max() - times.Min());
        _options = new TimeSeriesChartOptions
        {
            TimeLabelFormat = TimeAxis.Format(spacing),
            TimeLabelSpacing = spacing,
            TimeLabelSpacingRounding = true,
            TimeLabelSpacingRoundingPadSeries = true,
            TooltipTimeLabelFormat = ShowSeconds ? "HH:mm:ss" : "HH:mm",
            XAxisTitle = $"Time ({ZoneName})",
            YAxisTitle = ValueTitle,
            YAxisTicks = 0,
            YAxisRequireZeroPoint = true,
            LineStrokeWidth = 2,
        };
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone), DateTimeKind.Unspecified);

    private void OnZoneChanged() => _ = InvokeAsync(() =>
    {
        Build();
        StateHasChanged();
    });

    public void Dispose() => ViewerTimeZone.Changed -= OnZoneChanged;
}
