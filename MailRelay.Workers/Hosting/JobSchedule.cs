using Quartz;

namespace MailRelay.Workers.Hosting;

/// <summary>A job type and the trigger that runs it, registered in DI and scheduled at start.</summary>
public sealed record JobSchedule(Type JobType, Func<TriggerBuilder, TriggerBuilder> Trigger);
