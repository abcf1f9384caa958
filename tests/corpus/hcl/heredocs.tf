locals {
  plain = <<EOT
first line
  indented line
last line
EOT

  flush = <<-EOT
    four spaces
      six spaces

    after a blank line
    EOT

  flush_tabs = <<-EOT
	tab indented
	  tab and two spaces
	EOT

  with_interpolation = <<EOT
name: ${var.name}
  id: ${aws_kms_key.k.id}
EOT

  flush_interpolation = <<-EOT
    key = ${var.key}
      nested = "${var.nested}"
    EOT

  empty = <<EOT
EOT

  marker_indented = <<EOT
content
    EOT

  backslashes_are_literal = <<EOT
C:\path\to\file \n stays
EOT

  escaped_sequences = <<EOT
$${not_interpolated} and %%{not_a_directive}
EOT

  custom_marker = <<POLICY
{"Version": "2012-10-17"}
POLICY

  line_starting_with_interpolation = <<-EOT
    ${var.a}
      b
    EOT
}
