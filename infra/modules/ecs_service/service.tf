# The cluster, the task (the same image, port, environment and secrets as on App Runner) and the
# service: rolling deploys that never go below the running count, rolled back when a new version
# never becomes healthy.
resource "aws_ecs_cluster" "app" {
  name = var.service_name

  # Container Insights publishes RunningTaskCount, which the backlog-per-task scaling divides by.
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.service_name}"
  retention_in_days = var.log_retention_in_days
}

locals {
  container = {
    name         = local.container_name
    image        = "${var.image_repository_url}:${var.image_tag}"
    essential    = true
    portMappings = [{ containerPort = local.container_port, protocol = "tcp" }]
    # The same keys and values as App Runner's runtime_environment_variables.
    environment = [for name in sort(keys(var.environment)) : { name = name, value = var.environment[name] }]
    # From Secrets Manager at start (the execution role reads them), never in the plain environment.
    secrets = [for name in sort(keys(var.environment_secrets)) : { name = name, valueFrom = var.environment_secrets[name] }]
    # SIGTERM, then this long for the host to stop (the jobs give their leases back) before SIGKILL.
    stopTimeout = 30
    # The app's JSON log (with its EMF metrics) to CloudWatch Logs, as App Runner's application log.
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.app.name
        "awslogs-region"        = var.region
        "awslogs-stream-prefix" = local.container_name
      }
    }
  }
}

resource "aws_ecs_task_definition" "app" {
  family                   = var.service_name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container])

  # docs/deployment.md builds the image with --platform linux/amd64.
  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }
}

resource "aws_ecs_service" "app" {
  name                               = var.service_name
  cluster                            = aws_ecs_cluster.app.id
  task_definition                    = aws_ecs_task_definition.app.arn
  launch_type                        = "FARGATE"
  desired_count                      = var.min_tasks
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  propagate_tags                     = "SERVICE"

  # A version whose tasks never pass the health check is stopped and the last good one restored.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = local.subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = var.assign_public_ip
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = local.container_name
    container_port   = local.container_port
  }

  # Autoscaling owns the running count once the service exists.
  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https, aws_iam_role_policy.task, aws_iam_role_policy_attachment.execution]
}
