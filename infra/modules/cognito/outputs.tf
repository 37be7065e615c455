output "user_pool_id" {
  value = aws_cognito_user_pool.users.id
}

output "issuer" {
  description = "SignIn:Oidc:Authority."
  value       = "https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.users.id}"
}

output "client_id" {
  value = aws_cognito_user_pool_client.app.id
}

output "client_secret" {
  value     = aws_cognito_user_pool_client.app.client_secret
  sensitive = true
}

output "hosted_ui_url" {
  value = "https://${aws_cognito_user_pool_domain.hosted.domain}.auth.${var.region}.amazoncognito.com"
}

output "logout_url" {
  description = "SignIn:Oidc:LogoutUrl: Cognito's discovery document has no end-session endpoint."
  value       = "https://${aws_cognito_user_pool_domain.hosted.domain}.auth.${var.region}.amazoncognito.com/logout"
}

output "admin_group_name" {
  value = aws_cognito_user_group.admins.name
}
