# test: terraform -chdir=infra/root apply -var-file=../envs/test.tfvars
# Replace the example site values with yours. The Google client secret comes from the environment:
# export TF_VAR_google_client_secret=...
environment = "test"

# test is thrown away on destroy: no versions or PITR, the bucket emptied, secrets deleted at once.
bucket_versioning               = false
bucket_force_destroy            = true
table_point_in_time_recovery    = false
table_deletion_protection       = false
cognito_deletion_protection     = false
kms_deletion_window_in_days     = 7
secrets_recovery_window_in_days = 0

# Only one receipt rule set is active per region and account: set false when test shares prod's.
# DMARC only reports in test.
activate_receipt_rule_set = true
dmarc_policy              = "none"

# What runs the app: ECS on Fargate behind a load balancer, the target of every new environment
# (min_tasks = 2 and max_tasks = 4 by default; see docs/deployment.md).
deployment_target = "ecs"

region                    = "eu-west-1"
domain                    = "test.example.com"
app_hostname              = "relay.test.example.com"
image_tag                 = "2026.11.22-1"
cognito_domain_prefix     = "mailrelay-test-example"
google_client_id          = "1234567890-abc.apps.googleusercontent.com"
notification_from_address = "mailrelay@test.example.com"
tls_rpt_address           = "tls-reports@test.example.com"
dmarc_report_address      = "dmarc-reports@test.example.com"
mta_sts_policy_id         = "20261122"
alert_email               = "ops@example.com"
