# The state of test: terraform -chdir=infra/root init -reconfigure -backend-config=../envs/test.backend.hcl
# (replace the example bucket and lock table with yours).
bucket         = "example-terraform-state"
key            = "mailrelay/test.tfstate"
region         = "eu-west-1"
encrypt        = true
dynamodb_table = "example-terraform-locks"
