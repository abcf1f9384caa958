# The article does not show its provider. A region fills Kagi's fix commands with a real one; naming the one account
# this configuration may run in (Terraform refuses credentials for any other) lets Kagi read
# data.aws_caller_identity.current.account_id, and so judge the key policy built from it, before apply.
provider "aws" {
  region              = "ap-northeast-1"
  allowed_account_ids = ["111122223333"]
}
