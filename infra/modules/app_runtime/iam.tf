# What the running app may do, whatever runs it: exactly the table, bucket, queues, key, secrets and
# IAM users it owns. App Runner's instance role and the ECS task role both take this one document.
data "aws_iam_policy_document" "app" {
  statement {
    sid = "Table"
    actions = [
      "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
      "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:BatchWriteItem", "dynamodb:DescribeTable",
    ]
    resources = [var.table_arn, "${var.table_arn}/index/*"]
  }

  statement {
    sid       = "BucketList"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "BucketObjects"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = ["${var.bucket_arn}/*"]
  }

  statement {
    sid = "Queues"
    actions = [
      "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes",
    ]
    resources = [var.inbound_queue_arn, var.outbound_events_queue_arn]
  }

  statement {
    sid       = "SecretsKey"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.secrets_key_arn]
  }

  # App Runner reads runtime_environment_secrets with the instance role; on ECS the task execution
  # role reads them (modules/ecs_service), and the task role keeps the same document.
  statement {
    sid       = "AppSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [var.google_client_secret_arn, var.oidc_client_secret_arn, var.smtp_password_secret_arn]
  }

  # SMTP users: only IAM users under the /mailrelay/ path, which the app creates (IamQueryClient.UserPath).
  statement {
    sid = "SmtpUsersUnderMailRelayPath"
    actions = [
      "iam:CreateUser", "iam:PutUserPolicy", "iam:CreateAccessKey", "iam:UpdateAccessKey",
      "iam:ListAccessKeys", "iam:DeleteAccessKey", "iam:ListUserPolicies", "iam:DeleteUserPolicy",
      "iam:DeleteUser", "iam:TagUser",
    ]
    resources = ["arn:aws:iam::${var.account_id}:user/mailrelay/*"]
  }

  statement {
    sid       = "SendNotifications"
    actions   = ["ses:SendRawEmail"]
    resources = [var.ses_identity_arn, var.ses_configuration_set_arn]
    condition {
      test     = "StringEquals"
      variable = "ses:FromAddress"
      values   = [var.notification_from_address]
    }
  }
}
