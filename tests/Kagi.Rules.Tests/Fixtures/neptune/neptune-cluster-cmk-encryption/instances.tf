# count and for_each: every instance is judged on its own, under Terraform's address.

variable "environments" {
  type    = set(string)
  default = ["dev", "prod"]
}

resource "aws_kms_key" "counted" {
  count       = 2
  description = "key ${count.index}"
}

resource "aws_kms_key" "per_environment" {
  for_each    = var.environments
  description = "key for ${each.key}"
}

resource "aws_neptune_cluster" "pass_counted_with_its_own_key" {
  count              = 2
  cluster_identifier = "counted-${count.index}"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.counted[count.index].arn
}

resource "aws_neptune_cluster" "pass_for_each_with_its_own_key" {
  for_each           = var.environments
  cluster_identifier = "graph-${each.key}"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.per_environment[each.key].arn
}

resource "aws_neptune_cluster" "fail_for_each_on_the_aws_managed_key" {
  for_each          = { a = "alias/aws/rds", b = "arn:aws:kms:us-east-1:111122223333:alias/aws/rds" }
  storage_encrypted = true
  kms_key_arn       = each.value
}
