locals {
  in_call = trimspace(<<EOT
  padded # not a comment
EOT
  )
  in_tuple = [<<-EOT
    first
    EOT
    , "second"]
  in_object = { doc = <<EOT
// also not a comment
EOT
  }
  concatenated = "${<<EOT
inner
EOT
}suffix"
  hash_in_string = "# not a comment // nor this /* nor this */"
}
