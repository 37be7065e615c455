# The app's environment and secrets are no longer defined here: both deployment targets (this
# module and modules/ecs_service) take them from modules/app_runtime/environment.tf, through the
# environment and environment_secrets variables (main.tf: image_configuration).
