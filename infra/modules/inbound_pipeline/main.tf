module "queue" {
  source            = "../sns_sqs_queue"
  name              = "${var.name_prefix}-inbound"
  account_id        = var.account_id
  publisher_sid     = "AllowSesReceiptRules"
  max_receive_count = var.max_receive_count
}

resource "aws_ses_receipt_rule_set" "main" {
  rule_set_name = var.receipt_rule_set_name
}

resource "aws_ses_active_receipt_rule_set" "main" {
  count         = var.activate_rule_set ? 1 : 0
  rule_set_name = aws_ses_receipt_rule_set.main.rule_set_name
}

# One action: store the raw MIME under inbound/ and notify the topic with the object key.
# The app never gets the message body through SNS (which truncates above 150 KB).
resource "aws_ses_receipt_rule" "store_and_notify" {
  name          = "store-and-notify"
  rule_set_name = aws_ses_receipt_rule_set.main.rule_set_name
  recipients    = [var.domain]
  enabled       = true
  scan_enabled  = true
  tls_policy    = var.require_tls ? "Require" : "Optional"

  s3_action {
    position          = 1
    bucket_name       = var.bucket_name
    object_key_prefix = var.object_key_prefix
    topic_arn         = module.queue.topic_arn
  }

  depends_on = [module.queue, terraform_data.bucket_policy_ready]
}

# Carries the bucket policy id into this module's graph, so the rule waits for the policy.
resource "terraform_data" "bucket_policy_ready" {
  input = var.bucket_policy_id
}
