output "table_name" {
  value = aws_dynamodb_table.relay.name
}

output "table_arn" {
  value = aws_dynamodb_table.relay.arn
}
