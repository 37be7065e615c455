# Encrypts refresh tokens and SMTP passwords (ISecretProtector, encryption context = record id).
# Yearly automatic rotation: old key material stays available for decryption.
resource "aws_kms_key" "secrets" {
  description             = "MailRelay secrets (Gmail refresh tokens, SMTP passwords)"
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.alias_name}"
  target_key_id = aws_kms_key.secrets.key_id
}
