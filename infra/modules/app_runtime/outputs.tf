# What every deployment target is given: the same policy, environment and secrets.
output "policy_json" {
  description = "The running app's IAM policy: App Runner's instance role and the ECS task role attach it."
  value       = data.aws_iam_policy_document.app.json
}

output "environment" {
  description = "Plain environment variables; the module's settings win over extra_environment."
  value       = merge(var.extra_environment, local.environment)
}

output "environment_secrets" {
  description = "Environment variable name -> Secrets Manager secret ARN, injected at start."
  value       = local.environment_secrets
}

output "environment_keys" {
  description = "The configuration keys the app is given (values are in the service's console)."
  value       = sort(concat(keys(local.environment), keys(local.environment_secrets)))
}
