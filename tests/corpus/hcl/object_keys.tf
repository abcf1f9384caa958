locals {
  ident_keys  = { a = 1, b = 2 }
  quoted_keys = { "with space" = 1, "dash-key" = 2 }
  colon_sep   = { a: 1, "b": 2 }
  paren_key   = { (var.key) = "v" }
  template_key = { "${var.prefix}-x" = 1 }
  newline_sep = {
    a = 1
    b = 2

    c = 3
  }
  comma_and_newline = {
    a = 1,
    b = 2,
  }
  nested = {
    inner = {
      deep = [1, { x = "y" }]
    }
  }
  number_values = { one = 1.0, big = 1e6 }
  empty_object = {}
  keyword_keys = { in = 2, if = 3, endfor = 4 }
}
