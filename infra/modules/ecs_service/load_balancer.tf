# The Application Load Balancer: HTTPS with an ACM certificate for the app host and mta-sts.<domain>
# (DNS-validated: the records are in the dns_records output), HTTP redirected to HTTPS, WebSockets
# (ALB passes the Upgrade through), and sticky sessions so a Blazor Server circuit stays on its task.
resource "aws_acm_certificate" "app" {
  domain_name               = var.app_hostname
  subject_alternative_names = [var.mta_sts_hostname]
  validation_method         = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

# Waits until the validation CNAMEs resolve and ACM issues the certificate (docs/deployment.md: add
# them after a first apply targeting the certificate).
resource "aws_acm_certificate_validation" "app" {
  certificate_arn = aws_acm_certificate.app.arn
}

resource "aws_lb" "app" {
  name                       = var.service_name
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.alb.id]
  subnets                    = local.subnet_ids
  idle_timeout               = var.idle_timeout_seconds
  drop_invalid_header_fields = true
}

resource "aws_lb_target_group" "app" {
  name                 = var.service_name
  port                 = local.container_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = local.vpc_id
  deregistration_delay = var.deregistration_delay_seconds

  # /healthz answers while the process is alive; /readyz would take every task out when the store
  # has a blip, and the jobs inside must keep running to retry (as on App Runner).
  health_check {
    enabled             = true
    protocol            = "HTTP"
    path                = "/healthz"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 5
  }

  # Blazor Server keeps each user's circuit in one task's memory: the load balancer's cookie sends a
  # browser back to the same task (the negotiate request, then the WebSocket or long polling).
  stickiness {
    enabled         = true
    type            = "lb_cookie"
    cookie_duration = 86400
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.app.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      protocol    = "HTTPS"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.app.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate_validation.app.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
