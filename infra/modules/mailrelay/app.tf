# The app and what it runs on: table, keys, image, sign-in, secrets, what the app is given, the
# service (App Runner or ECS, by deployment_target) and its alarms.
module "dynamodb" {
  source                 = "../dynamodb"
  table_name             = local.table_name
  point_in_time_recovery = var.table_point_in_time_recovery
  deletion_protection    = var.table_deletion_protection
}

module "kms" {
  source                  = "../kms"
  alias_name              = "${local.name_prefix}-secrets"
  deletion_window_in_days = var.kms_deletion_window_in_days
}

module "ecr" {
  source          = "../ecr"
  repository_name = local.name_prefix
}

module "cognito" {
  source              = "../cognito"
  name_prefix         = local.name_prefix
  region              = var.region
  domain_prefix       = var.cognito_domain_prefix
  app_base_url        = "https://${var.app_hostname}"
  deletion_protection = var.cognito_deletion_protection
}

module "notifier" {
  source                = "../notifier"
  name_prefix           = local.name_prefix
  sending_identity_arn  = module.ses_domain.identity_arn
  configuration_set_arn = module.outbound_events.configuration_set_arn
  from_address          = var.notification_from_address
}

module "app_secrets" {
  source                  = "../app_secrets"
  name_prefix             = local.name_prefix
  google_client_secret    = var.google_client_secret
  oidc_client_secret      = module.cognito.client_secret
  smtp_password           = module.notifier.smtp_password
  recovery_window_in_days = var.secrets_recovery_window_in_days
}

# What the app is given on either target: one environment, one secrets list, one IAM policy.
module "app_runtime" {
  source                     = "../app_runtime"
  region                     = var.region
  account_id                 = local.account_id
  app_hostname               = var.app_hostname
  domain                     = var.domain
  table_name                 = module.dynamodb.table_name
  table_arn                  = module.dynamodb.table_arn
  bucket_name                = module.storage.bucket_name
  bucket_arn                 = module.storage.bucket_arn
  inbound_queue_url          = module.inbound_pipeline.queue_url
  inbound_queue_arn          = module.inbound_pipeline.queue_arn
  outbound_events_queue_url  = module.outbound_events.queue_url
  outbound_events_queue_arn  = module.outbound_events.queue_arn
  secrets_key_id             = module.kms.key_id
  secrets_key_arn            = module.kms.key_arn
  ses_identity_arn           = module.ses_domain.identity_arn
  ses_configuration_set_arn  = module.outbound_events.configuration_set_arn
  notification_from_address  = var.notification_from_address
  notification_smtp_username = module.notifier.smtp_username
  oidc_authority             = module.cognito.issuer
  oidc_client_id             = module.cognito.client_id
  oidc_logout_url            = module.cognito.logout_url
  admin_group_name           = module.cognito.admin_group_name
  google_client_id           = var.google_client_id
  google_client_secret_arn   = module.app_secrets.google_client_secret_arn
  oidc_client_secret_arn     = module.app_secrets.oidc_client_secret_arn
  smtp_password_secret_arn   = module.app_secrets.smtp_password_arn
  extra_environment          = var.extra_app_settings
}

# Exactly one of the two targets runs the app (deployment_target).
module "app_runner" {
  count                = var.deployment_target == "app_runner" ? 1 : 0
  source               = "../app_runner"
  service_name         = local.name_prefix
  image_repository_url = module.ecr.repository_url
  image_tag            = var.image_tag
  min_instances        = var.min_instances
  max_instances        = var.max_instances
  app_hostname         = var.app_hostname
  mta_sts_hostname     = "mta-sts.${var.domain}"
  environment          = module.app_runtime.environment
  environment_secrets  = module.app_runtime.environment_secrets
  app_policy_json      = module.app_runtime.policy_json
}

# The service was module.app_runner before there were two targets: existing state keeps it.
moved {
  from = module.app_runner
  to   = module.app_runner[0]
}

module "ecs_service" {
  count                = var.deployment_target == "ecs" ? 1 : 0
  source               = "../ecs_service"
  service_name         = local.name_prefix
  region               = var.region
  image_repository_url = module.ecr.repository_url
  image_tag            = var.image_tag
  app_hostname         = var.app_hostname
  mta_sts_hostname     = "mta-sts.${var.domain}"
  environment          = module.app_runtime.environment
  environment_secrets  = module.app_runtime.environment_secrets
  app_policy_json      = module.app_runtime.policy_json
  inbound_queue_name   = module.inbound_pipeline.queue_name
  min_tasks            = var.min_tasks
  max_tasks            = var.max_tasks
  vpc_id               = var.vpc_id
  subnet_ids           = var.subnet_ids
}

module "monitoring" {
  source                   = "../monitoring"
  name_prefix              = local.name_prefix
  alert_email              = var.alert_email
  dead_letter_queue_names  = [module.inbound_pipeline.dlq_name, module.outbound_events.dlq_name]
  inbound_queue_name       = module.inbound_pipeline.queue_name
  deployment_target        = var.deployment_target
  app_runner_service_name  = one(module.app_runner[*].service_name)
  app_runner_service_id    = one(module.app_runner[*].service_id)
  load_balancer_arn_suffix = one(module.ecs_service[*].load_balancer_arn_suffix)
  target_group_arn_suffix  = one(module.ecs_service[*].target_group_arn_suffix)
}
