# Lets App Runner pull the image from our private ECR repository.
data "aws_iam_policy_document" "build_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["build.apprunner.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "access" {
  name               = "${var.service_name}-ecr-access"
  assume_role_policy = data.aws_iam_policy_document.build_assume.json
}

resource "aws_iam_role_policy_attachment" "access" {
  role       = aws_iam_role.access.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSAppRunnerServicePolicyForECRAccess"
}

# The running app's role: exactly the table, bucket, queues, key, secrets and IAM users it owns.
data "aws_iam_policy_document" "instance_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["tasks.apprunner.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instance" {
  name               = "${var.service_name}-instance"
  assume_role_policy = data.aws_iam_policy_document.instance_assume.json
}

data "aws_iam_policy_document" "instance" {
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

resource "aws_iam_role_policy" "instance" {
  name   = "mailrelay-app"
  role   = aws_iam_role.instance.id
  policy = data.aws_iam_policy_document.instance.json
}
