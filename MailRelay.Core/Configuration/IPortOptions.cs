namespace MailRelay.Core.Configuration;

/// <summary>Options of one port: which adapter serves it, so start-up can log the choice.</summary>
public interface IPortOptions
{
    /// <summary>The port's name as shown in logs, e.g. "Store".</summary>
    string PortName { get; }

    /// <summary>The adapter chosen by configuration, e.g. "Sqlite".</summary>
    string Provider { get; }
}
