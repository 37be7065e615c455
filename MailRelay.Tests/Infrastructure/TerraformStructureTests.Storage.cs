namespace MailRelay.Tests.Infrastructure;

public sealed partial class TerraformStructureTests
{
    [Fact]
    public void DynamoDbTable_Prod_HasPointInTimeRecoveryAndDeletionProtection()
    {
        var prod = Prod;
        prod.Bool("table_point_in_time_recovery").ShouldBe(true);
        prod.Bool("table_deletion_protection").ShouldBe(true);
        var call = Stack.ModuleCall("dynamodb");
        call.Text("point_in_time_recovery").ShouldBe("${var.table_point_in_time_recovery}");
        call.Text("deletion_protection").ShouldBe("${var.table_deletion_protection}");
        var table = Tree.Callee(Stack, "dynamodb").Resource("aws_dynamodb_table", "relay");
        table.Block("point_in_time_recovery").Text("enabled").ShouldBe("${var.point_in_time_recovery}");
        table.Text("deletion_protection_enabled").ShouldBe("${var.deletion_protection}");
    }

    [Fact]
    public void DynamoDbTable_Design_OneOnDemandTableWithGsi1AndEncryption()
    {
        var table = Tree.Module("modules/dynamodb").Resource("aws_dynamodb_table", "relay");
        table.Text("billing_mode").ShouldBe("PAY_PER_REQUEST");
        table.Text("hash_key").ShouldBe("PK");
        table.Text("range_key").ShouldBe("SK");
        table.Blocks("attribute").Select(a => a.Text("name")).Order().ShouldBe(["GSI1PK", "GSI1SK", "PK", "SK"]);
        var index = table.Block("global_secondary_index");
        (index.Text("name"), index.Text("hash_key"), index.Text("range_key")).ShouldBe(("GSI1", "GSI1PK", "GSI1SK"));
        table.Block("server_side_encryption").Bool("enabled").ShouldBe(true);
        table.Has("stream_enabled").ShouldBeFalse("the design needs no Streams (dynalite lacks them)");
    }

    [Fact]
    public void MailBucket_Encryption_OnByDefault()
    {
        var storage = Tree.Module("modules/storage");
        var encryption = storage.Resource("aws_s3_bucket_server_side_encryption_configuration", "mail");
        encryption.Text("bucket").ShouldBe("${aws_s3_bucket.mail.id}");
        encryption.Block("rule").Block("apply_server_side_encryption_by_default").Text("sse_algorithm").ShouldBeOneOf("AES256", "aws:kms");
    }

    [Fact]
    public void MailBucket_PublicAccess_AllFourBlocksOn()
    {
        var block = Tree.Module("modules/storage").Resource("aws_s3_bucket_public_access_block", "mail");
        block.Text("bucket").ShouldBe("${aws_s3_bucket.mail.id}");
        foreach (var setting in new[] { "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets" })
            block.Bool(setting).ShouldBe(true, setting);
    }

    [Fact]
    public void MailBucket_Prod_KeepsVersions()
    {
        Prod.Bool("bucket_versioning").ShouldBe(true);
        Prod.Bool("bucket_force_destroy").ShouldBe(false);
        Stack.ModuleCall("storage").Text("versioning_enabled").ShouldBe("${var.bucket_versioning}");
        Stack.ModuleCall("storage").Text("force_destroy").ShouldBe("${var.bucket_force_destroy}");
        var versioning = Tree.Callee(Stack, "storage").Resource("aws_s3_bucket_versioning", "mail");
        versioning.Block("versioning_configuration").Text("status").ShouldBe("${var.versioning_enabled ? \"Enabled\" : \"Suspended\"}");
    }

    [Fact]
    public void MailBucket_Lifecycle_ExpiresWhatSesWritesUnderInbound()
    {
        var storage = Tree.Module("modules/storage");
        storage.Variables["inbound_prefix"].Text("default").ShouldBe("inbound/");
        var rule = storage.Resource("aws_s3_bucket_lifecycle_configuration", "mail").Block("rule");
        rule.Text("status").ShouldBe("Enabled");
        rule.Block("filter").Text("prefix").ShouldBe("${var.inbound_prefix}");
        rule.Block("expiration").Text("days").ShouldBe("${var.inbound_expiration_days}");
        Stack.ModuleCall("inbound_pipeline").Text("object_key_prefix").ShouldBe("${module.storage.inbound_prefix}");
    }

    [Fact]
    public void ReceiptRule_S3Action_StoresUnderThePrefixAndNotifiesTheTopic()
    {
        var pipeline = Tree.Module("modules/inbound_pipeline");
        var rule = pipeline.Resource("aws_ses_receipt_rule", "store_and_notify");
        rule.Texts("recipients").ShouldBe(["${var.domain}"]);
        rule.Bool("scan_enabled").ShouldBe(true);
        var action = rule.Block("s3_action");
        action.Text("bucket_name").ShouldBe("${var.bucket_name}");
        action.Text("object_key_prefix").ShouldBe("${var.object_key_prefix}");
        action.Text("topic_arn").ShouldBe("${module.queue.topic_arn}");
        pipeline.Variables["object_key_prefix"].Text("default").ShouldBe("inbound/");
    }

    [Fact]
    public void SqsQueues_EveryWorkQueue_HasARedrivePolicyToItsDeadLetterQueue()
    {
        var queues = Tree.Modules.Values.SelectMany(m => m.All("aws_sqs_queue").Select(q => (m.Folder, q.Name, q.Body))).ToList();
        var work = queues.Where(q => q.Name != "dlq").ToList();
        work.ShouldNotBeEmpty();
        foreach (var (folder, name, body) in work)
        {
            var redrive = body.Text("redrive_policy");
            redrive.ShouldContain("deadLetterTargetArn = aws_sqs_queue.dlq.arn", customMessage: $"{folder} {name}");
            redrive.ShouldContain("maxReceiveCount", customMessage: $"{folder} {name}");
        }
        queues.Count(q => q.Name == "dlq").ShouldBe(work.Count, "one dead-letter queue per work queue");
        var module = Tree.Module("modules/sns_sqs_queue");
        module.Variables["max_receive_count"].Value("default").GetInt32().ShouldBe(5);
        module.Resource("aws_sqs_queue", "dlq").Text("message_retention_seconds").ShouldBe("${var.dlq_message_retention_seconds}");
        module.Variables["dlq_message_retention_seconds"].Value("default").GetInt32().ShouldBe(1209600);
    }

    [Fact]
    public void SnsToSqs_Subscription_DeliversTheSnsEnvelope()
    {
        var module = Tree.Module("modules/sns_sqs_queue");
        var subscription = module.Resource("aws_sns_topic_subscription", "main");
        subscription.Text("protocol").ShouldBe("sqs");
        subscription.Bool("raw_message_delivery").ShouldBe(false, "the app reads the SES JSON from the envelope's Message");
        foreach (var caller in new[] { "modules/inbound_pipeline", "modules/outbound_events" })
        {
            Tree.Callee(Tree.Module(caller), "queue").Folder.ShouldBe("modules/sns_sqs_queue");
            Tree.Module(caller).All("aws_sns_topic").ShouldBeEmpty("the topic and its policy are made once, in sns_sqs_queue");
        }
    }

    [Fact]
    public void SnsTopic_Policy_OnlySesOfThisAccountPublishesAndOnlyTheTopicFeedsTheQueue()
    {
        var module = Tree.Module("modules/sns_sqs_queue");
        module.Resource("aws_sns_topic_policy", "main").Text("policy").ShouldBe("${data.aws_iam_policy_document.topic.json}");
        var publish = module.Resource("aws_iam_policy_document", "topic", "data").Block("statement");
        publish.Texts("actions").ShouldBe(["SNS:Publish"]);
        publish.Texts("resources").ShouldBe(["${aws_sns_topic.main.arn}"]);
        publish.Block("principals").Texts("identifiers").ShouldBe(["ses.amazonaws.com"]);
        var account = publish.Block("condition");
        (account.Text("variable"), account.Texts("values").Single()).ShouldBe(("aws:SourceAccount", "${var.account_id}"));
        var send = module.Resource("aws_iam_policy_document", "main", "data").Block("statement").Block("condition");
        (send.Text("variable"), send.Texts("values").Single()).ShouldBe(("aws:SourceArn", "${aws_sns_topic.main.arn}"));
        module.Resource("aws_sns_topic_subscription", "main").Text("topic_arn").ShouldBe("${aws_sns_topic.main.arn}");
    }
}
