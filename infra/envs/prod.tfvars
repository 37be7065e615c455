# prod: terraform -chdir=infra/root apply -var-file=../envs/prod.tfvars
# Replace the example site values with yours. The Google client secret comes from the environment:
# export TF_VAR_google_client_secret=...
environment = "prod"

# prod keeps its data: versions, point-in-time recovery, deletion protection, 30-day windows.
bucket_versioning               = true
bucket_force_destroy            = false
table_point_in_time_recovery    = true
table_deletion_protection       = true
cognito_deletion_protection     = true
kms_deletion_window_in_days     = 30
secrets_recovery_window_in_days = 30

# prod owns the account's active receipt rule set and quarantines mail that fails DMARC.
activate_receipt_rule_set = true
dmarc_policy              = "quarantine"

# What runs the app: prod stays on the App Runner service it already has (the account has App
# Runner; moving needs new DNS records, so it is a planned step, docs/deployment.md "Move from App
# Runner to ECS"). A new prod, or one moving, sets "ecs".
deployment_target = "app_runner"

region                    = "eu-west-1"
domain                    = "example.com"
app_hostname              = "relay.example.com"
image_tag                 = "2026.11.22-1"
cognito_domain_prefix     = "mailrelay-example"
google_client_id          = "1234567890-abc.apps.googleusercontent.com"
notification_from_address = "mailrelay@example.com"
tls_rpt_address           = "tls-reports@example.com"
dmarc_report_address      = "dmarc-reports@example.com"
mta_sts_policy_id         = "20261122"
alert_email               = "ops@example.com"
