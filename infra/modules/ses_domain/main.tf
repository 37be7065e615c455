# SES v1 identity on purpose: it yields the _amazonses verification TXT record the DNS page checks,
# and the receipt rules (inbound) are a v1-only feature anyway.
resource "aws_ses_domain_identity" "this" {
  domain = var.domain
}

resource "aws_ses_domain_dkim" "this" {
  domain = aws_ses_domain_identity.this.domain
}

# Custom MAIL FROM: bounces go to mail.<domain> instead of amazonses.com, so SPF aligns for DMARC.
# UseDefaultValue keeps mail flowing (unaligned) if the MX record goes missing, rather than rejecting it.
resource "aws_ses_domain_mail_from" "this" {
  domain                 = aws_ses_domain_identity.this.domain
  mail_from_domain       = local.mail_from_domain
  behavior_on_mx_failure = "UseDefaultValue"
}

locals {
  mail_from_domain = "${var.mail_from_subdomain}.${var.domain}"
  dmarc_rua        = var.dmarc_report_address == "" ? "" : "; rua=mailto:${var.dmarc_report_address}"

  verification_record = {
    name  = "_amazonses.${var.domain}"
    type  = "TXT"
    value = aws_ses_domain_identity.this.verification_token
  }
  dkim_records = [
    for token in aws_ses_domain_dkim.this.dkim_tokens : {
      name  = "${token}._domainkey.${var.domain}"
      type  = "CNAME"
      value = "${token}.dkim.amazonses.com"
    }
  ]
  inbound_mx_record = {
    name  = var.domain
    type  = "MX"
    value = "10 inbound-smtp.${var.region}.amazonaws.com"
  }
  spf_record = {
    name  = var.domain
    type  = "TXT"
    value = "v=spf1 include:amazonses.com ${var.spf_qualifier}"
  }
  dmarc_record = {
    name  = "_dmarc.${var.domain}"
    type  = "TXT"
    value = "v=DMARC1; p=${var.dmarc_policy}${local.dmarc_rua}; adkim=r; aspf=r"
  }
  mail_from_mx_record = {
    name  = local.mail_from_domain
    type  = "MX"
    value = "10 feedback-smtp.${var.region}.amazonses.com"
  }
  mail_from_spf_record = {
    name  = local.mail_from_domain
    type  = "TXT"
    value = "v=spf1 include:amazonses.com ${var.spf_qualifier}"
  }
  mta_sts_record = {
    name  = "_mta-sts.${var.domain}"
    type  = "TXT"
    value = "v=STSv1; id=${var.mta_sts_policy_id}"
  }
  tls_rpt_record = {
    name  = "_smtp._tls.${var.domain}"
    type  = "TXT"
    value = "v=TLSRPTv1; rua=mailto:${var.tls_rpt_address}"
  }
}
