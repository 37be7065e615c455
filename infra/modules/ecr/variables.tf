variable "repository_name" {
  type = string
}

variable "keep_images" {
  description = "How many tagged images to keep (older ones are expired; keep enough to roll back)."
  type        = number
  default     = 20
}
