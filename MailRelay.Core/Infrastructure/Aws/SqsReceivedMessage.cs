namespace MailRelay.Core.Infrastructure.Aws;

/// <summary>One message from <see cref="SqsQueue.ReceiveAsync"/>.</summary>
/// <param name="ReceiptHandle">What deleting it or changing its visibility needs; new on every receive.</param>
/// <param name="ReceiveCount">How often SQS has handed it out, counting this time; null when SQS did not say.</param>
public sealed record SqsReceivedMessage(string MessageId, string ReceiptHandle, string Body, int? ReceiveCount);
