# The article does not show its provider; a region fills Kagi's fix commands with a real one.
provider "aws" {
  region = "ap-northeast-1"
}
