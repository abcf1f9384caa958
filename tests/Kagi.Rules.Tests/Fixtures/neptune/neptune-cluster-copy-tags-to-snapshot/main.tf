variable "copy_tags" {
  type = bool
}

resource "aws_neptune_cluster" "pass_copies_tags" {
  cluster_identifier    = "pass-copies-tags"
  copy_tags_to_snapshot = true
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_explicitly_false" {
  copy_tags_to_snapshot = false
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  copy_tags_to_snapshot = var.copy_tags
}
