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

module "queue" {
  source            = "../sns_sqs_queue"
  name              = "${var.name_prefix}-outbound-events"
  account_id        = var.account_id
  publisher_sid     = "AllowSesEventPublishing"
  max_receive_count = var.max_receive_count
}

resource "aws_ses_event_destination" "sns" {
  name                   = "to-sns"
  configuration_set_name = aws_ses_configuration_set.outbound.name
  enabled                = true
  matching_types         = var.event_types

  sns_destination {
    topic_arn = module.queue.topic_arn
  }

  depends_on = [module.queue]
}

resource "terraform_data" "default_configuration_set" {
  count            = var.set_as_default_configuration_set ? 1 : 0
  triggers_replace = [aws_ses_configuration_set.outbound.name, var.domain]

  provisioner "local-exec" {
    command = "aws sesv2 put-email-identity-configuration-set-attributes --region ${var.region} --email-identity ${var.domain} --configuration-set-name ${aws_ses_configuration_set.outbound.name}"
  }
}
