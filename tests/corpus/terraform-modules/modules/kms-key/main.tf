variable "description" {
  type = string
}

variable "alias" {
  type    = string
  default = null
}

variable "custom_key_store_id" {
  type    = string
  default = null
}

variable "tags" {
  type    = map(string)
  default = {}
}

resource "aws_kms_key" "this" {
  description             = var.description
  deletion_window_in_days = 30
  enable_key_rotation     = var.custom_key_store_id == null
  custom_key_store_id     = var.custom_key_store_id
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  count         = var.alias == null ? 0 : 1
  name          = "alias/${var.alias}"
  target_key_id = aws_kms_key.this.key_id
}

output "key_arn" {
  value = aws_kms_key.this.arn
}

output "alias_name" {
  value = try(aws_kms_alias.this[0].name, null)
}
