# Where the service runs: the default VPC and its subnets unless vpc_id / subnet_ids say otherwise.
# The load balancer takes HTTP and HTTPS from anywhere; the tasks take traffic only from it.
data "aws_vpc" "default" {
  count   = var.vpc_id == "" ? 1 : 0
  default = true
}

data "aws_subnets" "vpc" {
  count = length(var.subnet_ids) == 0 ? 1 : 0
  filter {
    name   = "vpc-id"
    values = [local.vpc_id]
  }
}

locals {
  vpc_id         = var.vpc_id != "" ? var.vpc_id : data.aws_vpc.default[0].id
  subnet_ids     = length(var.subnet_ids) > 0 ? var.subnet_ids : data.aws_subnets.vpc[0].ids
  container_name = "app"
  # The image listens on 8080 (Dockerfile: ASPNETCORE_HTTP_PORTS=8080), as on App Runner.
  container_port = 8080
  public_ports   = { http = 80, https = 443 }
}

resource "aws_security_group" "alb" {
  name        = "${var.service_name}-alb"
  description = "MailRelay load balancer: HTTP (redirected) and HTTPS from anywhere"
  vpc_id      = local.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_public" {
  for_each          = local.public_ports
  security_group_id = aws_security_group.alb.id
  description       = "${upper(each.key)} from anywhere"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the tasks' port"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.tasks.id
}

resource "aws_security_group" "tasks" {
  name        = "${var.service_name}-tasks"
  description = "MailRelay tasks: the app port from the load balancer only"
  vpc_id      = local.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "The app port, from the load balancer only"
  ip_protocol                  = "tcp"
  from_port                    = local.container_port
  to_port                      = local.container_port
  referenced_security_group_id = aws_security_group.alb.id
}

# Out to ECR, the AWS APIs (DynamoDB, S3, SQS, KMS, IAM, SES), Google and the SES SMTP endpoint.
resource "aws_vpc_security_group_egress_rule" "tasks_out" {
  security_group_id = aws_security_group.tasks.id
  description       = "AWS APIs, ECR, Google, SES SMTP"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
