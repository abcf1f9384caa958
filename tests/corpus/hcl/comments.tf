# A hash comment at the top
// A slash comment
/* A block
   comment over lines */
resource "aws_kms_key" "k" { # trailing hash
  description = "key" // trailing slashes
  /* inline */ enable_key_rotation = true
  deletion_window_in_days = /* before value */ 7
  tags = {
    # inside an object
    Name = "k" // after an item
  }
}
# kagi:ignore neptune-cluster-cmk-encryption reason="test"
locals {
  list = [
    1, # one
    2, // two
    /* three */ 3,
  ]
}
