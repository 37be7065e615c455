# The app's configuration keys (section__key), named as in the Options classes and docs/configuration.md's
# configuration table: one definition, which App Runner and ECS are both given (outputs.tf). ASPNETCORE_ENVIRONMENT=Aws loads appsettings.Aws.json, which switches
# every port to its AWS adapter; the values below fill in what that profile leaves empty.
locals {
  app_base_url = "https://${var.app_hostname}"

  environment = {
    ASPNETCORE_ENVIRONMENT = "Aws"

    Store__Provider  = "DynamoDb"
    Store__TableName = var.table_name
    Store__Region    = var.region

    Blobs__Provider   = "S3"
    Blobs__BucketName = var.bucket_name
    Blobs__Region     = var.region

    Inbound__Provider        = "Sqs"
    Inbound__Sqs__QueueUrl   = var.inbound_queue_url
    Inbound__Sqs__Region     = var.region
    Outbound__Provider       = "Sqs"
    Outbound__EventsQueueUrl = var.outbound_events_queue_url
    Outbound__Region         = var.region

    Secrets__Provider = "Kms"
    Secrets__KeyId    = var.secrets_key_id
    Secrets__Region   = var.region
    # Data Protection keys (sign-in cookies, antiforgery) in the bucket under dataprotection/, KMS-encrypted,
    # so every instance and every redeploy shares them.
    Secrets__KeyRing = "BlobStore"

    SmtpIdentity__Provider          = "Iam"
    SmtpIdentity__Region            = var.region
    SmtpIdentity__SendingDomains__0 = var.domain

    MailboxDelivery__Provider = "Gmail"
    Google__ClientId          = var.google_client_id
    Google__RedirectUri       = "${local.app_base_url}/api/token/callback"

    Notifications__Provider       = "Smtp"
    Notifications__From           = "MailRelay <${var.notification_from_address}>"
    Notifications__PublicBaseUrl  = local.app_base_url
    Notifications__Smtp__Host     = "email-smtp.${var.region}.amazonaws.com"
    Notifications__Smtp__Port     = "587"
    Notifications__Smtp__Username = var.notification_smtp_username

    SignIn__Provider          = "Oidc"
    SignIn__Oidc__Authority   = var.oidc_authority
    SignIn__Oidc__ClientId    = var.oidc_client_id
    SignIn__Oidc__LogoutUrl   = var.oidc_logout_url
    SignIn__Oidc__AdminGroup  = var.admin_group_name
    SignIn__Oidc__GroupsClaim = "cognito:groups"

    Metrics__Namespace = var.metrics_namespace
  }

  # Injected from Secrets Manager at start (App Runner's runtime_environment_secrets, ECS's container
  # secrets); never in the plain environment above.
  environment_secrets = {
    Google__ClientSecret          = var.google_client_secret_arn
    SignIn__Oidc__ClientSecret    = var.oidc_client_secret_arn
    Notifications__Smtp__Password = var.smtp_password_secret_arn
  }
}
