# The app sends its own emails (Gmail connection expiring, lost, ...) over SES SMTP, which needs
# SMTP credentials: an IAM user's key turned into an SES SMTP password. The user lives under
# /mailrelay-system/, outside /mailrelay/ where the app manages SMTP users, so the app cannot
# change or delete its own notifier.
resource "aws_iam_user" "notifier" {
  name = "${var.name_prefix}-notifier"
  path = "/mailrelay-system/"
}

data "aws_iam_policy_document" "notifier" {
  statement {
    actions   = ["ses:SendRawEmail"]
    resources = [var.sending_identity_arn, var.configuration_set_arn]
    condition {
      test     = "StringEquals"
      variable = "ses:FromAddress"
      values   = [var.from_address]
    }
  }
}

resource "aws_iam_user_policy" "notifier" {
  name   = "send-notifications"
  user   = aws_iam_user.notifier.name
  policy = data.aws_iam_policy_document.notifier.json
}

# Rotate by tainting this resource and applying: App Runner picks up the new secret on its next deploy.
resource "aws_iam_access_key" "notifier" {
  user = aws_iam_user.notifier.name
}
