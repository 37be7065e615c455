namespace MailRelay.Web.Components.Shared;

/// <summary>One point of a time chart; <see cref="At"/> is UTC (the axis says so).</summary>
public sealed record ChartPoint(DateTime At, double Value);
