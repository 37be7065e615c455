using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace MailRelay.Workers.Hosting;

/// <summary>
/// Creates each job run in its own DI scope. Written here because Quartz.Extensions.DependencyInjection
/// is not in our registry (DEPENDENCIES.md).
/// </summary>
public sealed class ServiceProviderJobFactory(IServiceScopeFactory scopes) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) =>
        new ScopedJob(scopes.CreateAsyncScope(), bundle.JobDetail.JobType);

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();

    /// <summary>Resolves the real job inside the scope and disposes the scope when the run ends.</summary>
    private sealed class ScopedJob(AsyncServiceScope scope, Type jobType) : IJob, IDisposable
    {
        public async Task Execute(IJobExecutionContext context)
        {
            var job = (IJob)scope.ServiceProvider.GetRequiredService(jobType);
            await job.Execute(context);
        }

        public void Dispose() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
