# Bounces and complaints of mail sent with the SMTP credentials: configuration set -> SNS -> SQS,
# read by the app (Outbound:EventsQueueUrl) to show rates per credential.
resource "aws_ses_configuration_set" "outbound" {
  name = "${var.name_prefix}-outbound"

  reputation_metrics_enabled = true
  sending_enabled            = true

  delivery_options {
    tls_policy = "Optional"
  }
}

resource "aws_sns_topic" "events" {
  name = "${var.name_prefix}-outbound-events"
}

data "aws_iam_policy_document" "events_topic" {
  statement {
    sid       = "AllowSesEventPublishing"
    actions   = ["SNS:Publish"]
    resources = [aws_sns_topic.events.arn]
    principals {
      type        = "Service"
      identifiers = ["ses.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [var.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "events" {
  arn    = aws_sns_topic.events.arn
  policy = data.aws_iam_policy_document.events_topic.json
}

resource "aws_ses_event_destination" "sns" {
  name                   = "to-sns"
  configuration_set_name = aws_ses_configuration_set.outbound.name
  enabled                = true
  matching_types         = var.event_types

  sns_destination {
    topic_arn = aws_sns_topic.events.arn
  }

  depends_on = [aws_sns_topic_policy.events]
}

module "queue" {
  source            = "../sns_sqs_queue"
  name              = "${var.name_prefix}-outbound-events"
  topic_arn         = aws_sns_topic.events.arn
  max_receive_count = var.max_receive_count
}

resource "terraform_data" "default_configuration_set" {
  count            = var.set_as_default_configuration_set ? 1 : 0
  triggers_replace = [aws_ses_configuration_set.outbound.name, var.domain]

  provisioner "local-exec" {
    command = "aws sesv2 put-email-identity-configuration-set-attributes --region ${var.region} --email-identity ${var.domain} --configuration-set-name ${aws_ses_configuration_set.outbound.name}"
  }
}
