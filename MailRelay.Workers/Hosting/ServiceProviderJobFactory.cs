using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Spi;

namespace MailRelay.Workers.Hosting;

/// <summary>
/// Creates each job run in its own DI scope. Written here because Quartz.Extensions.DependencyInjection
/// is not in our registry (DEPENDENCIES.md).
/// </summary>
public sealed partial class ServiceProviderJobFactory(IServiceScopeFactory scopes, ILogger<ServiceProviderJobFactory> logger) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
        new ScopedJob(scopes.CreateAsyncScope(), bundle.JobDetail.JobType, logger);

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();

    /// <summary>Resolves the real job inside the scope and disposes the scope when the run ends.</summary>
    private sealed class ScopedJob(AsyncServiceScope scope, Type jobType, ILogger logger) : IJob, IDisposable
    {
        public async Task Execute(IJobExecutionContext context)
        {
            IJob job;
            try
            {
                job = (IJob)scope.ServiceProvider.GetRequiredService(jobType);
            }
            catch (Exception e)
            {
                // Quartz would swallow this without a trace (its own logging is not wired to ours).
                LogCannotCreate(logger, e, jobType.Name);
                throw new JobExecutionException(e);
            }
            await job.Execute(context);
        }

        public void Dispose() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [LoggerMessage(LogLevel.Critical, "Job {Job} cannot be created; it will not run until the configuration is fixed")]
    private static partial void LogCannotCreate(ILogger logger, Exception exception, string job);
}
