region              = "ap-northeast-1"
custom_key_store_id = "cks-1234567890abcdef0"

graphs = {
  social = {}
  fraud  = { hsm = true }
}
