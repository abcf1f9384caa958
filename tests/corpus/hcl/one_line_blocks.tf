variable "empty" {}
variable "region" { default = "ap-northeast-1" }
locals { one = 1 }
resource "null_resource" "n" { triggers = { always = timestamp() } }
terraform { required_version = ">= 1.5" }
provider aws { region = var.region }
block_with_ident_labels first second { value = "x" }
