# One table for every entity (docs/dynamodb.md has the keys and access patterns). On-demand billing:
# the load is bursty (mail arrives in bursts, sweeps run every 15 minutes) and small.
resource "aws_dynamodb_table" "relay" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "PK"
  range_key                   = "SK"
  deletion_protection_enabled = var.deletion_protection

  attribute {
    name = "PK"
    type = "S"
  }
  attribute {
    name = "SK"
    type = "S"
  }
  attribute {
    name = "GSI1PK"
    type = "S"
  }
  attribute {
    name = "GSI1SK"
    type = "S"
  }

  global_secondary_index {
    name            = "GSI1"
    hash_key        = "GSI1PK"
    range_key       = "GSI1SK"
    projection_type = "ALL"
  }

  # Items that only matter for a while carry their expiry in epoch seconds: the cross-instance
  # change feed (CHANGES#minute, an hour) and the per-user import windows (IMPORTRATE#user, an hour
  # after their minute). DynamoDB deletes them at no write cost.
  ttl {
    attribute_name = "ExpiresAt"
    enabled        = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }
}
