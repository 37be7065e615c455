terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  # Partial configuration: terraform init -reconfigure -backend-config=../envs/<env>.backend.hcl.
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Application = "MailRelay"
      Environment = var.environment
      ManagedBy   = "Terraform"
    }
  }
}
