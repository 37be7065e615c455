# The state of prod: terraform -chdir=infra/root init -reconfigure -backend-config=../envs/prod.backend.hcl
# (replace the example bucket and lock table with yours).
bucket         = "example-terraform-state"
key            = "mailrelay/prod.tfstate"
region         = "eu-west-1"
encrypt        = true
dynamodb_table = "example-terraform-locks"
